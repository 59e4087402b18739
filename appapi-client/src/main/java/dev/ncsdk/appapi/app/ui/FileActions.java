package dev.ncsdk.appapi.app.ui;

import dev.ncsdk.appapi.AppApiFeature;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Entries of the Files app's action menu, registered with AppAPI's v2 route ({@code POST
 * /ocs/v1.php/apps/app_api/api/v2/ui/files-actions-menu}, AppAPI 2.6+): the browser sends the handler {@code
 * {"files": [node, …]}} ({@link FileActionRequest}) and follows a {@code redirect_handler} in the answer ({@link
 * FileActionResponse#redirect}). Get it with {@code nc.ui().fileActions()}.
 *
 * <pre>{@code
 * FileActions actions = nc.ui().fileActions();
 * actions.register(FileAction.builder("to_pdf", "Convert to PDF", "/convert").mime("text/plain").build());
 * Optional<FileAction> a = actions.get("to_pdf");
 * actions.unregister("to_pdf");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class FileActions {
    private static final String ROUTE = "/api/v1/ui/files-actions-menu";
    private static final String ROUTE_V2 = "/api/v2/ui/files-actions-menu";
    private final UiCalls calls;

    FileActions(UiCalls calls) {
        this.calls = calls;
    }

    /**
     * Registers or replaces an entry ({@code POST .../api/v2/ui/files-actions-menu} with {@code {"name",
     * "displayName", "actionHandler", "icon", "mime", "permissions", "order"}} and {@code "defaultAction"} when set).
     *
     * <pre>{@code
     * nc.ui().fileActions().register(FileAction.builder("to_pdf", "Convert to PDF", "/convert").build());
     * }</pre>
     *
     * @param action the entry
     * @throws AppApiVersionTooOldException when the server's AppAPI is older than 2.6
     */
    public void register(FileAction action) {
        HttpTransport.await(registerAsync(action));
    }

    /**
     * Async twin of {@link #register(FileAction)}.
     *
     * <pre>{@code
     * nc.ui().fileActions().registerAsync(action).join();
     * }</pre>
     *
     * @param action the entry
     * @return a future completed when AppAPI accepted the entry
     */
    public CompletableFuture<Void> registerAsync(FileAction action) {
        java.util.Objects.requireNonNull(action, "action");
        AppApiFeature f = AppApiFeature.FILE_ACTIONS_V2;
        return calls.post("file actions v2", f.since(), ROUTE_V2, action.toBody());
    }

    /**
     * One entry of this ExApp ({@code GET .../api/v1/ui/files-actions-menu?name=}).
     *
     * <pre>{@code
     * boolean there = nc.ui().fileActions().get("to_pdf").isPresent();
     * }</pre>
     *
     * @param name the entry's name
     * @return the entry, or empty when AppAPI has none of that name
     */
    public Optional<FileAction> get(String name) {
        return HttpTransport.await(getAsync(name));
    }

    /**
     * Async twin of {@link #get(String)}.
     *
     * <pre>{@code
     * nc.ui().fileActions().getAsync("to_pdf").thenAccept(a -> ...);
     * }</pre>
     *
     * @param name the entry's name
     * @return the entry's future, empty when there is none
     */
    public CompletableFuture<Optional<FileAction>> getAsync(String name) {
        return calls.get(ROUTE, Map.of("name", UiCalls.notEmpty(name, "name")))
                .thenApply(o -> o.map(FileAction::fromJson));
    }

    /**
     * Removes an entry ({@code DELETE .../api/v1/ui/files-actions-menu?name=}).
     *
     * <pre>{@code
     * nc.ui().fileActions().unregister("to_pdf");
     * }</pre>
     *
     * @param name the entry's name
     * @return {@code false} when there was no such entry
     */
    public boolean unregister(String name) {
        return HttpTransport.await(unregisterAsync(name));
    }

    /**
     * Async twin of {@link #unregister(String)}.
     *
     * <pre>{@code
     * nc.ui().fileActions().unregisterAsync("to_pdf").join();
     * }</pre>
     *
     * @param name the entry's name
     * @return a future of {@code false} when there was no such entry
     */
    public CompletableFuture<Boolean> unregisterAsync(String name) {
        return calls.delete(ROUTE, Map.of("name", UiCalls.notEmpty(name, "name")));
    }
}
