package dev.ncsdk.appapi.app.files;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A file or folder in a user's files, as a {@code PROPFIND} or {@code SEARCH} answer describes it.
 *
 * <pre>{@code
 * for (FileNode n : files.list("/Documents")) {
 *     log.log(INFO, (n.isDirectory() ? "d " : "- ") + n.name() + " " + n.size() + " " + n.lastModified());
 * }
 * }</pre>
 *
 * @param path the path below the user's root, normalised: {@code /Documents/a.txt}, {@code /} for the root
 * @param name the last segment of the path ({@code ""} for the root)
 * @param fileId Nextcloud's file id ({@code oc:fileid}), {@code -1} when the server did not send it
 * @param etag the ETag without quotes, {@code ""} when absent
 * @param size bytes: a file's length, a folder's total size ({@code oc:size}); {@code -1} when unknown
 * @param mimeType the content type, {@code ""} for a folder or when absent
 * @param permissions what the user may do with it
 * @param rawPermissions the {@code oc:permissions} letters as sent, {@code ""} when absent
 * @param lastModified the modification time, {@code null} when absent
 * @param favorite whether the user marked it as a favourite
 * @param directory whether it is a folder (a WebDAV collection)
 * @since 0.1.0
 */
public record FileNode(
        String path,
        String name,
        long fileId,
        String etag,
        long size,
        String mimeType,
        Set<FilePermission> permissions,
        String rawPermissions,
        Instant lastModified,
        boolean favorite,
        boolean directory) {

    /** Checks the values and copies the set. */
    public FileNode {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        etag = etag == null ? "" : etag;
        mimeType = mimeType == null ? "" : mimeType;
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
        rawPermissions = rawPermissions == null ? "" : rawPermissions;
    }

    /**
     * Whether it is a folder; the same as {@link #directory()}.
     *
     * @return true for a folder
     */
    public boolean isDirectory() {
        return directory;
    }

    /**
     * The folder it lies in ({@code /} for a top-level item and for the root), the {@code directory} field a file
     * action sends.
     *
     * @return the parent's path
     */
    public String parent() {
        return DavPaths.parent(path);
    }
}
