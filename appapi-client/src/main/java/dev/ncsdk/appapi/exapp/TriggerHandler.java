package dev.ncsdk.appapi.exapp;

import dev.ncsdk.appapi.app.NextcloudApp;

/**
 * Runs when Nextcloud (33+) signals new task-processing work for one of the ExApp's providers
 * ({@code POST /trigger?providerId=...}). Start fetching tasks and return quickly; the call is answered when the
 * handler returns.
 *
 * <pre>{@code
 * .onTrigger((providerId, nc) -> worker.wake(providerId))
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TriggerHandler {
    /**
     * Handles the signal.
     *
     * @param providerId the provider with new tasks
     * @param nextcloud Nextcloud in the system context
     * @throws Exception a failure, answered with HTTP 500
     */
    void trigger(String providerId, NextcloudApp nextcloud) throws Exception;
}
