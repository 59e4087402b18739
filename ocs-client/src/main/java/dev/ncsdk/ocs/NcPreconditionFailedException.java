package dev.ncsdk.ocs;

/**
 * HTTP 412. Nextcloud answers it with plain JSON {@code {"message":"CSRF check failed"}} when an OCS request lacks the {@code OCS-APIRequest: true} header.
 *
 * @since 0.1.0
 */
public class NcPreconditionFailedException extends NcResponseException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, free of secrets
     * @param response the failed answer
     */
    public NcPreconditionFailedException(String message, ErrorResponse response) {
        super(message, response);
    }
}
