package dev.ncsdk.appapi.app.ui;

import dev.ncsdk.appapi.AppApiFeature;
import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The ExApp's {@code occ} commands ({@code /ocs/v1.php/apps/app_api/api/v1/occ_command}, AppAPI 2.5+). Get the
 * group with {@link NextcloudApp#occ()}; the command's route reads its call with {@link OccInvocation#parse}.
 *
 * <pre>{@code
 * nc.occ().register(OccCommand.builder("my_app:scan", "/occ/scan")
 *         .argument(OccArgument.required("user", "The user"))
 *         .build());
 * Optional<OccCommand> c = nc.occ().get("my_app:scan");
 * nc.occ().unregister("my_app:scan");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class OccCommands {
    private static final String ROUTE = "/api/v1/occ_command";
    private final UiCalls calls;

    private OccCommands(UiCalls calls) {
        this.calls = calls;
    }

    /**
     * The group for a client; {@link NextcloudApp#occ()} is the usual way, sharing the client's version cache.
     *
     * <pre>{@code
     * OccCommands occ = OccCommands.of(nc, ServerFeatures.of(nc));
     * }</pre>
     *
     * @param nc the client
     * @param features the AppAPI version cache of the client
     * @return the group
     */
    public static OccCommands of(NextcloudApp nc, ServerFeatures features) {
        return new OccCommands(new UiCalls(nc, features));
    }

    /**
     * Registers or replaces a command ({@code POST .../occ_command} with {@code {"name", "description", "hidden":
     * 0|1, "arguments", "options", "usages", "execute_handler"}}).
     *
     * <pre>{@code
     * nc.occ().register(OccCommand.builder("my_app:ping", "/occ/ping").description("Says pong").build());
     * }</pre>
     *
     * @param command the command
     * @throws AppApiVersionTooOldException when the server's AppAPI is older than 2.5
     */
    public void register(OccCommand command) {
        HttpTransport.await(registerAsync(command));
    }

    /**
     * Async twin of {@link #register(OccCommand)}.
     *
     * <pre>{@code
     * nc.occ().registerAsync(command).join();
     * }</pre>
     *
     * @param command the command
     * @return a future completed when AppAPI accepted the command
     */
    public CompletableFuture<Void> registerAsync(OccCommand command) {
        Objects.requireNonNull(command, "command");
        // the occ command API came with compute devices, in AppAPI 2.5.0
        return calls.post("occ commands", AppApiFeature.COMPUTE_DEVICE.since(), ROUTE, command.toBody());
    }

    /**
     * One command of this ExApp ({@code GET .../occ_command?name=}).
     *
     * <pre>{@code
     * boolean there = nc.occ().get("my_app:scan").isPresent();
     * }</pre>
     *
     * @param name the command name
     * @return the command, or empty when there is none
     */
    public Optional<OccCommand> get(String name) {
        return HttpTransport.await(getAsync(name));
    }

    /**
     * Async twin of {@link #get(String)}.
     *
     * <pre>{@code
     * nc.occ().getAsync("my_app:scan").thenAccept(c -> ...);
     * }</pre>
     *
     * @param name the command name
     * @return the command's future, empty when there is none
     */
    public CompletableFuture<Optional<OccCommand>> getAsync(String name) {
        return calls.get(ROUTE, Map.of("name", UiCalls.notEmpty(name, "name")))
                .thenApply(o -> o.filter(n -> n.isObject() && n.size() > 0).map(OccCommand::fromJson));
    }

    /**
     * Removes a command ({@code DELETE .../occ_command?name=}).
     *
     * <pre>{@code
     * nc.occ().unregister("my_app:scan");
     * }</pre>
     *
     * @param name the command name
     * @return {@code false} when there was no such command
     */
    public boolean unregister(String name) {
        return HttpTransport.await(unregisterAsync(name));
    }

    /**
     * Async twin of {@link #unregister(String)}.
     *
     * <pre>{@code
     * nc.occ().unregisterAsync("my_app:scan").join();
     * }</pre>
     *
     * @param name the command name
     * @return a future of {@code false} when there was no such command
     */
    public CompletableFuture<Boolean> unregisterAsync(String name) {
        return calls.delete(ROUTE, Map.of("name", UiCalls.notEmpty(name, "name")));
    }
}
