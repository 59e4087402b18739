package dev.ncsdk.appapi.app.talk;

import java.util.Objects;

/**
 * A message Talk accepted from the bot (HTTP 201).
 *
 * <pre>{@code
 * TalkSentMessage sent = bot.send(token, TalkChatMessage.of("Hi"));
 * String ref = sent.referenceId();   // find it again in the chat history
 * }</pre>
 *
 * @param token the conversation
 * @param referenceId the reference id sent with it
 * @since 0.1.0
 */
public record TalkSentMessage(String token, String referenceId) {
    /** Checks the values. */
    public TalkSentMessage {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(referenceId, "referenceId");
    }
}
