package dev.ncsdk.appapi.app.files;

import dev.ncsdk.ocs.ErrorResponse;
import dev.ncsdk.ocs.NcServerException;
import java.util.Optional;

/**
 * HTTP 507 Insufficient Storage: the user's quota (or the server's disk) has no room for the upload. A subtype of
 * {@link NcServerException} because the status is a 5xx; it is not retried.
 *
 * <pre>{@code
 * try { files.upload("/big.iso", source); } catch (InsufficientStorageException e) { tellUserQuotaIsFull(); }
 * }</pre>
 *
 * @since 0.1.0
 */
public class InsufficientStorageException extends NcServerException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, free of secrets
     * @param response the failed answer
     */
    public InsufficientStorageException(String message, ErrorResponse response) {
        super(message, response);
    }

    /**
     * The server's error document.
     *
     * @return sabre/dav's exception class and message, when the body had them
     */
    public Optional<DavError> davError() {
        return DavError.of(this);
    }
}
