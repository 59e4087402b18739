package dev.ncsdk.appapi.app.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;

/**
 * A file or folder in a webhook call (server {@code JsonSerializer::serializeFileInfo}: {@code {"id", "path"}}); the
 * path is Nextcloud's internal one, {@code /<user>/files/<path in the user's files>}.
 *
 * <pre>{@code
 * WebhookNode n = event.node();
 * nc.files(n.owner()).stat(n.userPath());
 * }</pre>
 *
 * @param id the file id, {@code 0} when not sent
 * @param path the internal path
 * @since 0.1.0
 */
public record WebhookNode(long id, String path) {
    /** An empty text instead of {@code null}. */
    public WebhookNode {
        path = path == null ? "" : path;
    }

    static WebhookNode fromJson(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        Long id = Json.lng(n, "id");
        return new WebhookNode(id == null ? 0 : id, Json.strOrEmpty(n, "path"));
    }

    /**
     * The user whose files hold the node: the first segment of the path.
     *
     * @return the user id, {@code ""} when the path has none
     */
    public String owner() {
        String p = path.startsWith("/") ? path.substring(1) : path;
        int slash = p.indexOf('/');
        return slash < 0 ? p : p.substring(0, slash);
    }

    /**
     * The path within the owner's files ({@code /Documents/a.txt} for {@code /alice/files/Documents/a.txt}).
     *
     * @return the path, starting with {@code /}; the internal path when it is not under {@code files/}
     */
    public String userPath() {
        String prefix = "/" + owner() + "/files";
        if (path.equals(prefix)) {
            return "/";
        }
        return path.startsWith(prefix + "/") ? path.substring(prefix.length()) : path;
    }
}
