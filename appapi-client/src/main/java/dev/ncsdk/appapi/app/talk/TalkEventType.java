package dev.ncsdk.appapi.app.talk;

import java.util.Locale;

/**
 * What a Talk webhook reports, from the ActivityStreams {@code type} of its body (spreed {@code docs/bots.md}).
 *
 * <pre>{@code
 * if (message.type() == TalkEventType.CREATE) { ... }
 * }</pre>
 *
 * @since 0.1.0
 */
public enum TalkEventType {
    /** A chat message was posted ({@code Create}). */
    CREATE,
    /** A reaction was added ({@code Like}, Talk 21+, bots with the reaction feature). */
    LIKE,
    /** A reaction was removed ({@code Undo} of a {@code Like}). */
    UNDO,
    /** The bot was added to a conversation ({@code Join}). */
    JOIN,
    /** The bot was removed from a conversation ({@code Leave}). */
    LEAVE,
    /** A type this SDK does not know; {@link TalkMessage#typeName()} keeps the text. */
    UNKNOWN;

    /**
     * The type for an ActivityStreams type name, compared without case.
     *
     * <pre>{@code
     * TalkEventType t = TalkEventType.of("Create");   // CREATE
     * }</pre>
     *
     * @param name the name, may be {@code null}
     * @return the type, {@link #UNKNOWN} when not known
     */
    public static TalkEventType of(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "create" -> CREATE;
            case "like" -> LIKE;
            case "undo" -> UNDO;
            case "join" -> JOIN;
            case "leave" -> LEAVE;
            default -> UNKNOWN;
        };
    }
}
