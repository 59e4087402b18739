package dev.ncsdk.appapi.exapp;

import java.time.Duration;

/**
 * Runs when the ExApp stops, before its Nextcloud client closes: background work (a task worker) finishes or is
 * reported within the grace period.
 *
 * <pre>{@code
 * .onStop(grace -> worker.stop(grace))
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface StopHandler {
    /**
     * Handles the stop.
     *
     * @param grace how long running work may still take
     * @throws Exception a failure, logged
     */
    void stopping(Duration grace) throws Exception;
}
