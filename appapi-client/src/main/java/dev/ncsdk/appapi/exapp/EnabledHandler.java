package dev.ncsdk.appapi.exapp;

import dev.ncsdk.appapi.app.NextcloudApp;

/**
 * Runs when AppAPI enables or disables the ExApp ({@code PUT /enabled?enabled=1|0}): register or remove UI
 * entries, providers, bots and commands here. Throwing answers {@code {"error": message}}; on enable AppAPI then
 * marks the app disabled, on disable it only logs the message.
 *
 * <pre>{@code
 * .onEnabled(nc -> nc.ocs().ocs(OcsRequest.post("/apps/app_api/api/v1/ui/top-menu")
 *         .jsonBody(Map.of("name", "main", "displayName", "Hello")).build()))
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface EnabledHandler {
    /**
     * Handles the change.
     *
     * @param nextcloud Nextcloud in the system context (no user)
     * @throws Exception a failure, whose message AppAPI receives as the error
     */
    void handle(NextcloudApp nextcloud) throws Exception;
}
