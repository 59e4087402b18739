package dev.ncsdk.ocs;

/**
 * The server refused the request as invalid: HTTP 400, or an OCS controller failure such as a weak password.
 *
 * @since 0.1.0
 */
public class NcBadRequestException extends NcResponseException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, free of secrets
     * @param response the failed answer
     */
    public NcBadRequestException(String message, ErrorResponse response) {
        super(message, response);
    }
}
