package dev.ncsdk.ocs;

/**
 * The resource exists already or conflicts with the current state: HTTP 409, or an OCS duplicate code such as 102 from the provisioning API (the code is kept in {@link #ocsStatusCode()}).
 *
 * @since 0.1.0
 */
public class NcConflictException extends NcResponseException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, free of secrets
     * @param response the failed answer
     */
    public NcConflictException(String message, ErrorResponse response) {
        super(message, response);
    }
}
