package dev.ncsdk.appapi.app;

import dev.ncsdk.ocs.ErrorResponse;

/**
 * The ExApp is disabled in Nextcloud, so AppAPI refuses its calls (HTTP 401, OCS 997, "AppAPI authentication
 * failed", the same answer as for a wrong secret). Only {@link NextcloudApp#enabled()} (and the init status while
 * installing or updating) still answer. The ExApp should stop its background work until Nextcloud calls its
 * {@code /enabled} endpoint again.
 *
 * @since 0.1.0
 */
public class ExAppDisabledException extends ExAppAuthenticationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, free of secrets
     * @param response the failed answer
     */
    public ExAppDisabledException(String message, ErrorResponse response) {
        super(message, response);
    }
}
