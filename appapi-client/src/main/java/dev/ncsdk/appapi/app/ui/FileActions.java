package dev.ncsdk.appapi.app.ui;

import dev.ncsdk.appapi.AppApiFeature;
import java.util.Map;
import java.util.Optional;

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
        java.util.Objects.requireNonNull(action, "action");
        calls.features.require(AppApiFeature.FILE_ACTIONS_V2);
        calls.post(ROUTE_V2, action.toBody());
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
        return calls.get(ROUTE, Map.of("name", UiCalls.notEmpty(name, "name"))).map(FileAction::fromJson);
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
        return calls.delete(ROUTE, Map.of("name", UiCalls.notEmpty(name, "name")));
    }
}
