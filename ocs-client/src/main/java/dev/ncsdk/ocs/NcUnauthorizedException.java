package dev.ncsdk.ocs;

/**
 * Authentication failed or is missing: HTTP 401, OCS 997.
 *
 * @since 0.1.0
 */
public class NcUnauthorizedException extends NcResponseException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, free of secrets
     * @param response the failed answer
     */
    public NcUnauthorizedException(String message, ErrorResponse response) {
        super(message, response);
    }
}
