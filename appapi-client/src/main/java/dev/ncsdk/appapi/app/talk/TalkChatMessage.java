package dev.ncsdk.appapi.app.talk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A chat message a bot sends ({@code POST /ocs/v2.php/apps/spreed/api/v1/bot/{token}/message}, body {@code message},
 * {@code replyTo}, {@code referenceId}, {@code silent}; spreed {@code BotController::sendMessage}).
 *
 * <pre>{@code
 * bot.send(token, TalkChatMessage.of("Build passed").replyTo(1567).silent(true));
 * }</pre>
 *
 * @param message the text (Markdown); Talk refuses an empty one and one over its length limit (32000)
 * @param replyTo the id of the message answered, {@code 0} for none
 * @param referenceId a reference to find the message again, {@code ""} to let the SDK make a random SHA-256 hex
 * @param silent whether Talk skips the chat notifications
 * @since 0.1.0
 */
public record TalkChatMessage(String message, long replyTo, String referenceId, boolean silent) {
    /** Checks the values. */
    public TalkChatMessage {
        Objects.requireNonNull(message, "message");
        if (message.isBlank()) {
            throw new IllegalArgumentException("Talk refuses an empty message");
        }
        if (replyTo < 0) {
            throw new IllegalArgumentException("replyTo must not be negative");
        }
        referenceId = referenceId == null ? "" : referenceId;
    }

    /**
     * A message that answers nothing, with notifications.
     *
     * <pre>{@code
     * TalkChatMessage m = TalkChatMessage.of("Hello!");
     * }</pre>
     *
     * @param message the text
     * @return the message
     */
    public static TalkChatMessage of(String message) {
        return new TalkChatMessage(message, 0, "", false);
    }

    /**
     * The same message as an answer to another.
     *
     * <pre>{@code
     * TalkChatMessage m = TalkChatMessage.of("Done").replyTo(1567);
     * }</pre>
     *
     * @param messageId the id of the message answered
     * @return a new message
     */
    public TalkChatMessage replyTo(long messageId) {
        return new TalkChatMessage(message, messageId, referenceId, silent);
    }

    /**
     * The same message with a reference id of the caller's.
     *
     * <pre>{@code
     * TalkChatMessage m = TalkChatMessage.of("Done").referenceId(sha256Hex);
     * }</pre>
     *
     * @param id the reference
     * @return a new message
     */
    public TalkChatMessage referenceId(String id) {
        return new TalkChatMessage(message, replyTo, Objects.requireNonNull(id, "id"), silent);
    }

    /**
     * The same message, sent with or without notifications.
     *
     * <pre>{@code
     * TalkChatMessage m = TalkChatMessage.of("nightly report").silent(true);
     * }</pre>
     *
     * @param silent whether to skip notifications
     * @return a new message
     */
    public TalkChatMessage silent(boolean silent) {
        return new TalkChatMessage(message, replyTo, referenceId, silent);
    }

    Map<String, Object> toBody(String reference) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("message", message);
        if (replyTo > 0) {
            b.put("replyTo", replyTo);
        }
        b.put("referenceId", reference);
        b.put("silent", silent);
        return b;
    }
}
