package dev.ncsdk.appapi.testkit;

import java.time.Instant;
import java.util.Objects;

/**
 * A file in the simulated Nextcloud's storage ({@link AppApiSimulator#putFile}): the ExApp reads it over WebDAV
 * ({@code GET /remote.php/dav/files/<owner><path>}), and file actions describe it to the ExApp as the Files app does.
 *
 * <pre>{@code
 * SimulatedFile f = nc.putFile("alice", "/Documents/report.md", bytes);
 * nc.fileAction("alice", "hash_file", "/Documents/report.md");
 * assertEquals(f.fileId(), ...);
 * }</pre>
 *
 * @param fileId the file id
 * @param owner the user whose files hold it
 * @param path its path in the owner's files, starting with {@code /}
 * @param etag the ETag (changes when the file is put again)
 * @param mime the MIME type
 * @param size the size in bytes
 * @param modified when it was last put
 * @since 0.1.0
 */
public record SimulatedFile(
        long fileId, String owner, String path, String etag, String mime, long size, Instant modified) {
    /**
     * Checks the values.
     *
     * @param fileId id
     * @param owner owner
     * @param path path
     * @param etag ETag
     * @param mime MIME type
     * @param size size
     * @param modified modification time
     */
    public SimulatedFile {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(mime, "mime");
        Objects.requireNonNull(modified, "modified");
    }

    /**
     * The file's name, the last segment of its path.
     *
     * @return the name
     */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * The folder holding it, as the Files app names it ({@code /} for the top folder).
     *
     * @return the folder path
     */
    public String directory() {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
