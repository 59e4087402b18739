package dev.ncsdk.appapi.exapp;

import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.appapi.app.ui.OccInvocation;

/**
 * Runs an {@code occ} command of the ExApp ({@link ExApp.Builder#occCommand}) when an admin runs it on the
 * Nextcloud server: AppAPI POSTs the arguments and options Symfony parsed to the command's handler route, and
 * relays what the handler writes to the admin's terminal while it runs.
 *
 * <pre>{@code
 * .occCommand(OccCommand.builder("my_app:count", "/occ/count")
 *                 .argument(OccArgument.required("user", "Whose files"))
 *                 .build(),
 *         (occ, out, nc) -> {
 *             String user = occ.argument("user").orElseThrow();
 *             out.println("counting " + user + "'s files...");           // on the terminal at once
 *             out.println(nc.asUser(user).files().list("/").size() + " entries");
 *         })
 * }</pre>
 *
 * <p>Returning ends the command with exit code 0. An exception before the first line makes AppAPI fail the command
 * (exit code 1, "command executeHandler failed"); after it, AppAPI has the 200 status already, so the runtime prints
 * an error line and the command still ends with 0. Either way the exception goes to the ExApp's log.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface OccHandler {
    /**
     * Runs the command.
     *
     * @param occ the arguments and options
     * @param out the admin's terminal
     * @param nextcloud Nextcloud as the ExApp, in the system context (AppAPI runs commands without a user)
     * @throws Exception a failure (see the class description)
     */
    void execute(OccInvocation occ, OccOutput out, NextcloudApp nextcloud) throws Exception;
}
