package dev.ncsdk.appstore.publish;

import dev.ncsdk.ocs.NcException;

/**
 * The release URL does not serve what was signed (or serves an archive the store would reject), so publishing
 * was not attempted. The usual cause: the archive was rebuilt or re-uploaded after signing.
 *
 * @since 0.1.0
 */
public class DownloadCheckException extends NcException {
    private static final long serialVersionUID = 1L;

    private final transient DownloadCheck check;

    /**
     * Creates the exception.
     *
     * @param message what does not match
     * @param check what was downloaded
     */
    public DownloadCheckException(String message, DownloadCheck check) {
        super(message);
        this.check = check;
    }

    /** @return what was downloaded */
    public DownloadCheck check() {
        return check;
    }
}
