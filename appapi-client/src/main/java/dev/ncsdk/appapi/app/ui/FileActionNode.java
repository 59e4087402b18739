package dev.ncsdk.appapi.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One file or folder the user picked a {@link FileAction} on, as the Files app's AppAPI plugin describes it in the
 * body it POSTs to the action's handler (AppAPI {@code src/filesplugin.js}; nc_py_api {@code ActionFileInfo}).
 * Read with {@link FileActionRequest#parse(byte[])}.
 *
 * <pre>{@code
 * for (FileActionNode f : FileActionRequest.parse(body).files()) {
 *     String davPath = f.directory() + "/" + f.name();   // relative to the user's files
 *     if (!f.isDirectory()) { convert(f.fileId(), davPath); }
 * }
 * }</pre>
 *
 * @param fileId the file id
 * @param name the file name
 * @param directory the folder path in the user's files, starting with {@code /}
 * @param etag the ETag
 * @param mime the MIME type ({@code httpd/unix-directory} for folders)
 * @param favorite whether the user marked it as favourite (sent as {@code "true"}/{@code "false"})
 * @param permissions the user's permissions on it (1 read, 2 update, 4 create, 8 delete, 16 share)
 * @param fileType {@code file} or {@code dir}
 * @param size the size in bytes
 * @param mtime the modification time in seconds since the epoch
 * @param shareTypes the share types it is shared with, empty when not shared
 * @param shareAttributes the share attributes as sent (a JSON text), empty when none
 * @param sharePermissions the share permissions, 0 when not shared
 * @param shareOwner the share owner's display name, empty when not shared
 * @param shareOwnerId the share owner's user id, empty when not shared
 * @param userId the id of the user who picked the action
 * @param instanceId Nextcloud's instance id
 * @since 0.1.0
 */
public record FileActionNode(
        long fileId,
        String name,
        String directory,
        String etag,
        String mime,
        boolean favorite,
        int permissions,
        String fileType,
        long size,
        long mtime,
        List<Integer> shareTypes,
        String shareAttributes,
        int sharePermissions,
        String shareOwner,
        String shareOwnerId,
        String userId,
        String instanceId) {
    /**
     * Replaces {@code null} texts by empty ones and copies the list.
     *
     * @param fileId id
     * @param name name
     * @param directory folder
     * @param etag ETag
     * @param mime MIME type
     * @param favorite favourite
     * @param permissions permissions
     * @param fileType file or dir
     * @param size size
     * @param mtime modification seconds
     * @param shareTypes share types
     * @param shareAttributes share attributes
     * @param sharePermissions share permissions
     * @param shareOwner share owner
     * @param shareOwnerId share owner id
     * @param userId user id
     * @param instanceId instance id
     */
    public FileActionNode {
        name = Objects.requireNonNullElse(name, "");
        directory = Objects.requireNonNullElse(directory, "");
        etag = Objects.requireNonNullElse(etag, "");
        mime = Objects.requireNonNullElse(mime, "");
        fileType = Objects.requireNonNullElse(fileType, "");
        shareTypes = shareTypes == null ? List.of() : List.copyOf(shareTypes);
        shareAttributes = Objects.requireNonNullElse(shareAttributes, "");
        shareOwner = Objects.requireNonNullElse(shareOwner, "");
        shareOwnerId = Objects.requireNonNullElse(shareOwnerId, "");
        userId = Objects.requireNonNullElse(userId, "");
        instanceId = Objects.requireNonNullElse(instanceId, "");
    }

    /**
     * Whether it is a folder ({@code fileType} {@code dir}).
     *
     * @return whether it is a folder
     */
    public boolean isDirectory() {
        return "dir".equalsIgnoreCase(fileType);
    }

    /**
     * The modification time.
     *
     * @return {@link #mtime} as an instant
     */
    public Instant modified() {
        return Instant.ofEpochSecond(mtime);
    }

    /**
     * The path in the user's files: {@link #directory} and {@link #name} joined by one {@code /}.
     *
     * @return such as {@code /Documents/report.md}
     */
    public String path() {
        String d = directory.endsWith("/") ? directory.substring(0, directory.length() - 1) : directory;
        return d + "/" + name;
    }

    /**
     * Reads one node leniently: numbers as numbers or texts, {@code favorite} as {@code "true"}/{@code "false"} or a
     * boolean, {@code shareTypes} as a list or one number, {@code shareAttributes} as a text or JSON; unknown fields
     * are ignored.
     *
     * <pre>{@code
     * FileActionNode n = FileActionNode.fromJson(json);
     * }</pre>
     *
     * @param o the JSON object
     * @return the node
     * @throws IllegalArgumentException when it is not an object
     */
    public static FileActionNode fromJson(JsonNode o) {
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("a file action node must be a JSON object");
        }
        return new FileActionNode(
                lng(o, "fileId"),
                Json.strOrEmpty(o, "name"),
                Json.strOrEmpty(o, "directory"),
                Json.strOrEmpty(o, "etag"),
                Json.strOrEmpty(o, "mime"),
                Json.bool(o, "favorite", false),
                Json.integer(o, "permissions", 0),
                Json.strOrEmpty(o, "fileType"),
                lng(o, "size"),
                lng(o, "mtime"),
                shareTypes(o.get("shareTypes")),
                raw(o.get("shareAttributes")),
                Json.integer(o, "sharePermissions", 0),
                Json.strOrEmpty(o, "shareOwner"),
                Json.strOrEmpty(o, "shareOwnerId"),
                Json.strOrEmpty(o, "userId"),
                Json.strOrEmpty(o, "instanceId"));
    }

    private static long lng(JsonNode o, String field) {
        Long l = Json.lng(o, field);
        return l == null ? 0 : l;
    }

    private static List<Integer> shareTypes(JsonNode n) {
        List<Integer> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(e -> addInt(out, e));
        } else {
            addInt(out, n);
        }
        return out;
    }

    private static void addInt(List<Integer> out, JsonNode e) {
        if (e.isNumber()) {
            out.add(e.asInt());
        } else if (e.isTextual()) {
            try {
                out.add(Integer.parseInt(e.asText().trim()));
            } catch (NumberFormatException ignored) {
                // a share type that is no number is not one we know; it is left out
            }
        }
    }

    private static String raw(JsonNode n) {
        if (Json.absent(n)) {
            return "";
        }
        return n.isTextual() ? n.asText() : Json.text(n, false);
    }
}
