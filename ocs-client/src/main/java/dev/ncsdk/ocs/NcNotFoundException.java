package dev.ncsdk.ocs;

/**
 * The resource or route does not exist: HTTP 404, OCS 404 or 998.
 *
 * @since 0.1.0
 */
public class NcNotFoundException extends NcResponseException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, free of secrets
     * @param response the failed answer
     */
    public NcNotFoundException(String message, ErrorResponse response) {
        super(message, response);
    }
}
