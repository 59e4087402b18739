package dev.ncsdk.appapi.app.files;

import dev.ncsdk.ocs.ErrorResponse;
import dev.ncsdk.ocs.NcResponseException;
import java.util.Optional;

/**
 * HTTP 423 Locked: the file is locked (by another client's WebDAV lock, a collaborative editor, or Nextcloud's
 * transactional file locking while another request writes it). Often worth retrying later.
 *
 * <pre>{@code
 * try { files.upload("/doc.odt", source); } catch (FileLockedException e) { retryLater(e.davError()); }
 * }</pre>
 *
 * @since 0.1.0
 */
public class FileLockedException extends NcResponseException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, free of secrets
     * @param response the failed answer
     */
    public FileLockedException(String message, ErrorResponse response) {
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
