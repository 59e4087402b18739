package dev.ncsdk.appapi.exapp;

import dev.ncsdk.appapi.app.NextcloudApp;
import java.util.Map;

/**
 * Answers Nextcloud's {@code GET /setup_checks} (AppAPI 35+, after the ExApp opted in): a map from check id to
 * result. AppAPI waits 5 seconds at most and reads 256 KiB at most, so keep it quick and small.
 *
 * <pre>{@code
 * .onSetupChecks(nc -> Map.of("disk", SetupCheck.success("enough space")))
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SetupChecksHandler {
    /**
     * Runs the checks.
     *
     * @param nextcloud Nextcloud in the system context
     * @return the results by check id
     * @throws Exception a failure, answered with HTTP 500
     */
    Map<String, SetupCheck> check(NextcloudApp nextcloud) throws Exception;
}
