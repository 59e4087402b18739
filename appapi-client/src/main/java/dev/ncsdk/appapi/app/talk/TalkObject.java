package dev.ncsdk.appapi.app.talk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.ncsdk.appapi.internal.Json;
import java.util.Optional;

/**
 * The {@code object} of a Talk webhook: for a message ({@code type} {@code Note}) its id, its name ({@code message}
 * for written messages, else a system message identifier), its content (a JSON text with {@code message} and
 * {@code parameters}) and media type ({@code text/markdown} or {@code text/plain}).
 *
 * <pre>{@code
 * String text = message.object().text();
 * JsonNode mentions = message.object().parameters();
 * }</pre>
 *
 * @param type the ActivityStreams type ({@code Note}; {@code Like} inside an {@code Undo}; {@code Collection} for
 *     {@code Join}/{@code Leave})
 * @param id the message id (text, as Talk sends it)
 * @param name {@code message}, or the system message identifier
 * @param content the JSON-encoded content, as sent
 * @param mediaType {@code text/markdown} or {@code text/plain}
 * @param raw the whole object, as received
 * @since 0.1.0
 */
public record TalkObject(String type, String id, String name, String content, String mediaType, JsonNode raw) {
    /** Empty texts instead of {@code null}; a missing node for no raw object. */
    public TalkObject {
        type = type == null ? "" : type;
        id = id == null ? "" : id;
        name = name == null ? "" : name;
        content = content == null ? "" : content;
        mediaType = mediaType == null ? "" : mediaType;
        raw = raw == null ? MissingNode.getInstance() : raw.deepCopy();
    }

    /**
     * Reads an {@code object} leniently.
     *
     * <pre>{@code
     * TalkObject o = TalkObject.fromJson(json.get("object"));
     * }</pre>
     *
     * @param node the object, may be {@code null}
     * @return the object, with empty fields when absent
     */
    public static TalkObject fromJson(JsonNode node) {
        return new TalkObject(
                Json.strOrEmpty(node, "type"),
                Json.strOrEmpty(node, "id"),
                Json.strOrEmpty(node, "name"),
                contentText(node),
                Json.strOrEmpty(node, "mediaType"),
                node);
    }

    private static String contentText(JsonNode node) {
        JsonNode c = node == null ? null : node.get("content");
        if (c == null || c.isNull()) {
            return "";
        }
        return c.isTextual() ? c.asText() : Json.text(c, false);
    }

    /**
     * The decoded content: {@code {"message": ..., "parameters": {...}}}.
     *
     * <pre>{@code
     * JsonNode c = message.object().decodedContent();
     * }</pre>
     *
     * @return the tree, or a missing node when the content is not JSON
     */
    public JsonNode decodedContent() {
        if (content.isEmpty()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode n = Json.parse(content);
            return n == null ? MissingNode.getInstance() : n;
        } catch (RuntimeException e) {
            return MissingNode.getInstance();
        }
    }

    /**
     * The message text with its placeholders ({@code {mention-user1}}) as sent; the content itself when it is not
     * JSON.
     *
     * <pre>{@code
     * if (message.object().text().startsWith("!")) { ... }
     * }</pre>
     *
     * @return the text, {@code ""} when there is none
     */
    public String text() {
        JsonNode c = decodedContent();
        if (c.isObject()) {
            return Json.strOrEmpty(c, "message");
        }
        return c.isMissingNode() ? content : c.asText("");
    }

    /**
     * The rich-object parameters of the content, keyed by placeholder.
     *
     * <pre>{@code
     * message.object().parameters().properties().forEach(p -> ...);
     * }</pre>
     *
     * @return the object, or a missing node when there are none
     */
    public JsonNode parameters() {
        JsonNode p = decodedContent().path("parameters");
        return p.isObject() ? p : MissingNode.getInstance();
    }

    /**
     * The message this one answers (Talk 21+: {@code object.inReplyTo}, with {@code actor} and {@code object}).
     *
     * <pre>{@code
     * message.object().inReplyTo().ifPresent(parent -> ...);
     * }</pre>
     *
     * @return the parent, or empty
     */
    public Optional<JsonNode> inReplyTo() {
        JsonNode r = raw.path("inReplyTo");
        return r.isObject() ? Optional.of(r) : Optional.empty();
    }
}
