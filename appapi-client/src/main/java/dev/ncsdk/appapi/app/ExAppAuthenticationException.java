package dev.ncsdk.appapi.app;

import dev.ncsdk.ocs.ErrorResponse;
import dev.ncsdk.ocs.NcUnauthorizedException;

/**
 * AppAPI refused the ExApp's own credentials (HTTP 401, OCS 997): a wrong {@code APP_SECRET}, an {@code APP_ID}
 * that is not registered, missing AppAPI headers, or a user (in {@link NextcloudApp#asUser}) that does not exist.
 * Nextcloud answers all of these the same way; {@link NextcloudApp} tells them from a disabled ExApp
 * ({@link ExAppDisabledException}) by asking {@code /ex-app/state}, the one route AppAPI answers while the ExApp is
 * disabled. A retry with the same credentials will not help, and AppAPI counts each failure as a brute-force attempt.
 *
 * @since 0.1.0
 */
public class ExAppAuthenticationException extends NcUnauthorizedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, free of secrets
     * @param response the failed answer
     */
    public ExAppAuthenticationException(String message, ErrorResponse response) {
        super(message, response);
    }
}
