package dev.ncsdk.ocs;

/**
 * The server failed: HTTP 5xx, OCS 996 or 999.
 *
 * @since 0.1.0
 */
public class NcServerException extends NcResponseException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, free of secrets
     * @param response the failed answer
     */
    public NcServerException(String message, ErrorResponse response) {
        super(message, response);
    }
}
