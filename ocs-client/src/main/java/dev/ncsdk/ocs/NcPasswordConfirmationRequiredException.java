package dev.ncsdk.ocs;

/**
 * The route needs a recent password confirmation (HTTP 403 asking for it). Fresh Basic authentication with the login password passes.
 *
 * @since 0.1.0
 */
public class NcPasswordConfirmationRequiredException extends NcForbiddenException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, free of secrets
     * @param response the failed answer
     */
    public NcPasswordConfirmationRequiredException(String message, ErrorResponse response) {
        super(message, response);
    }
}
