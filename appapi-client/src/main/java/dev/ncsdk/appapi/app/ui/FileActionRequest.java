package dev.ncsdk.appapi.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the browser POSTs to a {@link FileAction}'s handler route: for a v2 entry {@code {"files": [node, …]}}, for a
 * deprecated v1 entry one node object. {@link #parse(byte[])} reads both.
 *
 * <pre>{@code
 * app.route(HttpMethod.POST, "/convert", AccessLevel.USER, req -> {
 *     FileActionRequest action = FileActionRequest.parse(req.body());
 *     startConversion(req.user(), action.fileIds());
 *     return Response.json(FileActionResponse.redirect("viewer").toMap());
 * });
 * }</pre>
 *
 * @param files the files and folders picked, at least one
 * @param v2 whether the body had the v2 shape ({@code files} list)
 * @since 0.1.0
 */
public record FileActionRequest(List<FileActionNode> files, boolean v2) {
    /**
     * Copies the list.
     *
     * @param files the files
     * @param v2 the shape
     */
    public FileActionRequest {
        files = List.copyOf(Objects.requireNonNull(files, "files"));
    }

    /**
     * Reads a handler's request body, v1 or v2; unknown fields are ignored, the node fields are read leniently
     * ({@link FileActionNode#fromJson}).
     *
     * <pre>{@code
     * FileActionRequest r = FileActionRequest.parse(body);
     * FileActionNode first = r.first();
     * }</pre>
     *
     * @param body the request body (UTF-8 JSON)
     * @return the request
     * @throws IllegalArgumentException when the body is not JSON, neither shape, or an empty {@code files} list
     */
    public static FileActionRequest parse(byte[] body) {
        Objects.requireNonNull(body, "body");
        JsonNode root = Json.parse(body);
        if (!root.isObject()) {
            throw new IllegalArgumentException("a file action body must be a JSON object");
        }
        JsonNode files = root.get("files");
        if (files != null && files.isArray()) {
            List<FileActionNode> out = new ArrayList<>();
            files.forEach(n -> out.add(FileActionNode.fromJson(n)));
            if (out.isEmpty()) {
                throw new IllegalArgumentException("a file action body's files list is empty");
            }
            return new FileActionRequest(out, true);
        }
        if (root.has("fileId") || root.has("name")) {
            return new FileActionRequest(List.of(FileActionNode.fromJson(root)), false);
        }
        throw new IllegalArgumentException("a file action body needs a files list (v2) or a node's fileId (v1)");
    }

    /**
     * The first file (the only one of a v1 body).
     *
     * @return the file
     */
    public FileActionNode first() {
        return files.get(0);
    }

    /**
     * The ids of the files, in order.
     *
     * @return the ids
     */
    public List<Long> fileIds() {
        return files.stream().map(FileActionNode::fileId).collect(Collectors.toUnmodifiableList());
    }
}
