package dev.ncsdk.appapi.app.talk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.ncsdk.appapi.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * What Talk sends a bot, in the ActivityStreams 2.0 shape of spreed's {@code docs/bots.md}: a {@code type}
 * ({@code Create} for a chat message, {@code Like}/{@code Undo} for reactions, {@code Join}/{@code Leave} when the
 * bot is added to or removed from a conversation), the {@code actor}, the {@code object} and the {@code target}
 * conversation. The whole body stays reachable as {@link #raw()}; fields Talk adds later are kept there.
 *
 * <pre>{@code
 * TalkMessage m = TalkMessage.parse(body);
 * if (m.type() == TalkEventType.CREATE && m.text().startsWith("!hello")) {
 *     bot.reply(m, "Hello, " + m.actor().name());
 * }
 * }</pre>
 *
 * <p>Through AppAPI the ExApp gets PHP's re-encoding of the body (AppAPI's {@code talk_proxy} checks Talk's
 * signature, then forwards the decoded parameters as new JSON, plus the URL parameters {@code appId} and {@code
 * route}), so the text differs from what Talk signed while the values are the same.
 *
 * @param typeName the {@code type} as sent ({@code Create}, {@code Like}...)
 * @param actor who acted
 * @param object the message, the reaction activity ({@code Undo}) or the conversation ({@code Join}/{@code Leave})
 * @param target the conversation of a message or reaction (empty for {@code Join}/{@code Leave})
 * @param content the top-level {@code content}: the reaction of a {@code Like}, else {@code ""}
 * @param raw the whole body
 * @since 0.1.0
 */
public record TalkMessage(
        String typeName, TalkActor actor, TalkObject object, TalkTarget target, String content, JsonNode raw) {
    /** Empty values instead of {@code null}. */
    public TalkMessage {
        typeName = typeName == null ? "" : typeName;
        actor = actor == null ? TalkActor.fromJson(null) : actor;
        object = object == null ? TalkObject.fromJson(null) : object;
        target = target == null ? TalkTarget.fromJson(null) : target;
        content = content == null ? "" : content;
        raw = raw == null ? MissingNode.getInstance() : raw.deepCopy();
    }

    /**
     * Reads a webhook body.
     *
     * <pre>{@code
     * TalkMessage m = TalkMessage.parse(request.body());
     * }</pre>
     *
     * @param body the JSON body
     * @return the message
     * @throws IllegalArgumentException when the body is not a JSON object
     */
    public static TalkMessage parse(byte[] body) {
        Objects.requireNonNull(body, "body");
        JsonNode n;
        try {
            n = Json.parse(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a Talk message must be a JSON object: " + e.getMessage(), e);
        }
        return fromJson(n);
    }

    /**
     * Reads a webhook body already parsed.
     *
     * <pre>{@code
     * TalkMessage m = TalkMessage.fromJson(request.json());
     * }</pre>
     *
     * @param node the body
     * @return the message
     * @throws IllegalArgumentException when the node is not a JSON object
     */
    public static TalkMessage fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a Talk message must be a JSON object");
        }
        JsonNode c = node.get("content");
        return new TalkMessage(
                Json.strOrEmpty(node, "type"),
                TalkActor.fromJson(node.get("actor")),
                TalkObject.fromJson(node.get("object")),
                TalkTarget.fromJson(node.get("target")),
                c != null && c.isTextual() ? c.asText() : "",
                node);
    }

    /**
     * The kind of event.
     *
     * <pre>{@code
     * switch (m.type()) { case CREATE -> onMessage(m); case JOIN -> greet(m); default -> { } }
     * }</pre>
     *
     * @return the type, {@link TalkEventType#UNKNOWN} for a type this SDK does not know
     */
    public TalkEventType type() {
        return TalkEventType.of(typeName);
    }

    /**
     * The token of the conversation to answer in: {@code target.id}, or {@code object.id} for {@code Join} and
     * {@code Leave}.
     *
     * <pre>{@code
     * bot.send(m.conversationToken(), TalkChatMessage.of("Hi"));
     * }</pre>
     *
     * @return the token, {@code ""} when the body has none
     */
    public String conversationToken() {
        TalkEventType t = type();
        if (t == TalkEventType.JOIN || t == TalkEventType.LEAVE) {
            return object.id();
        }
        return target.id();
    }

    /**
     * The id of the chat message concerned: the message itself, the one reacted to ({@code Like}), or the one whose
     * reaction was removed ({@code Undo}).
     *
     * <pre>{@code
     * bot.react(m.conversationToken(), m.messageId().orElseThrow(), "👍");
     * }</pre>
     *
     * @return the id, or empty for {@code Join}/{@code Leave} and bodies without one
     */
    public Optional<String> messageId() {
        TalkEventType t = type();
        if (t == TalkEventType.JOIN || t == TalkEventType.LEAVE) {
            return Optional.empty();
        }
        String id = t == TalkEventType.UNDO ? Json.strOrEmpty(object.raw().path("object"), "id") : object.id();
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    /**
     * The text of a chat message ({@code Create}), placeholders included.
     *
     * <pre>{@code
     * if (m.text().strip().equals("!hello")) { ... }
     * }</pre>
     *
     * @return the text, {@code ""} for other events
     */
    public String text() {
        return type() == TalkEventType.CREATE ? object.text() : "";
    }

    /**
     * The reaction added ({@code Like}) or removed ({@code Undo}).
     *
     * <pre>{@code
     * m.reaction().ifPresent(emoji -> log.info("reaction " + emoji));
     * }</pre>
     *
     * @return the emoji, or empty for other events
     */
    public Optional<String> reaction() {
        String r = switch (type()) {
            case LIKE -> content;
            case UNDO -> object.content();
            default -> "";
        };
        return r.isEmpty() ? Optional.empty() : Optional.of(r);
    }
}
