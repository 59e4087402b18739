package dev.ncsdk.ocs;

/**
 * The body is not what the route answers: an HTML login or maintenance page where OCS or JSON was expected, a truncated or malformed document, or a body over the size limit.
 *
 * @since 0.1.0
 */
public class NcUnexpectedResponseException extends NcResponseException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, free of secrets
     * @param response the failed answer
     */
    public NcUnexpectedResponseException(String message, ErrorResponse response) {
        super(message, response);
    }
}
