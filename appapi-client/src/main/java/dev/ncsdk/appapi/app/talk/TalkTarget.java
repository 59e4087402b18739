package dev.ncsdk.appapi.app.talk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;

/**
 * The conversation a message was posted in ({@code target} of the body, or {@code object} of a {@code Join} or
 * {@code Leave}): {@code id} is the conversation token the bot answers to.
 *
 * <pre>{@code
 * String token = message.target().id();
 * }</pre>
 *
 * @param type the ActivityStreams type ({@code Collection})
 * @param id the conversation token
 * @param name the conversation's name
 * @since 0.1.0
 */
public record TalkTarget(String type, String id, String name) {
    /** Empty texts instead of {@code null}. */
    public TalkTarget {
        type = type == null ? "" : type;
        id = id == null ? "" : id;
        name = name == null ? "" : name;
    }

    /**
     * Reads a conversation object leniently.
     *
     * <pre>{@code
     * TalkTarget t = TalkTarget.fromJson(json.get("target"));
     * }</pre>
     *
     * @param node the object, may be {@code null}
     * @return the target, with empty fields when absent
     */
    public static TalkTarget fromJson(JsonNode node) {
        return new TalkTarget(
                Json.strOrEmpty(node, "type"), Json.strOrEmpty(node, "id"), Json.strOrEmpty(node, "name"));
    }
}
