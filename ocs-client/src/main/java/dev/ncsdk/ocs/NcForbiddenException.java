package dev.ncsdk.ocs;

/**
 * The authenticated account may not do this: HTTP 403, OCS 403.
 *
 * @since 0.1.0
 */
public class NcForbiddenException extends NcResponseException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, free of secrets
     * @param response the failed answer
     */
    public NcForbiddenException(String message, ErrorResponse response) {
        super(message, response);
    }
}
