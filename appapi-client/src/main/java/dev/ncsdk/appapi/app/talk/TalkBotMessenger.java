package dev.ncsdk.appapi.app.talk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.OcsRequest;
import dev.ncsdk.ocs.OcsResponse;
import dev.ncsdk.ocs.Secret;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What a bot says in Talk: messages, reactions and their removal, sent straight to Talk's bot API ({@code
 * /ocs/v2.php/apps/spreed/api/v1/bot/...}) and signed with the bot's secret, not with AppAPI's headers (Talk's
 * bot routes are public and check only the signature). Made by {@link TalkBots#messenger(Secret)} or {@link
 * TalkBot#messenger(NextcloudApp)}; shares the {@link NextcloudApp}'s HTTP client, base URL and timeouts.
 *
 * <p>What is signed (spreed {@code BotController}): the message text for a message, the reaction for a reaction
 * and its removal; each request gets a fresh 64-character random ({@link TalkSignature#newRandom()}).
 *
 * <pre>{@code
 * TalkBotMessenger bot = nc.talkBots().messenger(secret);
 * bot.reply(message, "On it!");
 * bot.react(message.conversationToken(), message.messageId().orElseThrow(), "👍");
 * }</pre>
 *
 * <p>Talk's refusals are the SDK's usual exceptions: 400 (empty message, bad reply id or emoji) {@link
 * dev.ncsdk.ocs.NcBadRequestException}, 401 (bot not enabled in the conversation, wrong secret) {@link
 * dev.ncsdk.ocs.NcUnauthorizedException}, 404 {@link dev.ncsdk.ocs.NcNotFoundException}, 413 (message too long),
 * 429 (too many failed attempts) {@link dev.ncsdk.ocs.NcRateLimitedException}. Messages are never resent after a
 * failure that may have reached Talk. Thread-safe.
 *
 * @since 0.1.0
 */
public final class TalkBotMessenger {
    private static final String BASE = "/apps/spreed/api/v1/bot/";

    private final NextcloudApp nc;
    private final Supplier<Secret> secretSource;
    private volatile Secret secret;
    private volatile Supplier<String> randoms = TalkSignature::newRandom;

    TalkBotMessenger(NextcloudApp nc, Secret secret) {
        this.nc = Objects.requireNonNull(nc, "nc");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.secretSource = () -> secret;
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("the bot secret is empty");
        }
    }

    /** A messenger that looks the secret up when it first sends. */
    TalkBotMessenger(NextcloudApp nc, Supplier<Secret> secretSource) {
        this.nc = Objects.requireNonNull(nc, "nc");
        this.secretSource = Objects.requireNonNull(secretSource, "secretSource");
    }

    /** Uses these random texts instead of fresh ones (tests compare signatures with values made elsewhere). */
    TalkBotMessenger withRandoms(Supplier<String> randoms) {
        this.randoms = Objects.requireNonNull(randoms, "randoms");
        return this;
    }

    private Secret secret() {
        Secret s = secret;
        if (s == null) {
            s = Objects.requireNonNull(secretSource.get(), "secret");
            secret = s;
        }
        return s;
    }

    /**
     * Posts a message in a conversation.
     *
     * <pre>{@code
     * TalkSentMessage sent = bot.send("n3xtc10ud", TalkChatMessage.of("Deploy finished").silent(true));
     * }</pre>
     *
     * @param token the conversation token ({@link TalkMessage#conversationToken()})
     * @param message the message
     * @return the reference id sent
     */
    public TalkSentMessage send(String token, TalkChatMessage message) {
        return HttpTransport.await(sendAsync(token, message));
    }

    /**
     * Async twin of {@link #send(String, TalkChatMessage)}.
     *
     * <pre>{@code
     * bot.sendAsync(token, TalkChatMessage.of("Hi")).thenAccept(sent -> ...);
     * }</pre>
     *
     * @param token the conversation token
     * @param message the message
     * @return the sent message's future
     */
    public CompletableFuture<TalkSentMessage> sendAsync(String token, TalkChatMessage message) {
        Objects.requireNonNull(message, "message");
        String t = checkToken(token);
        String reference = message.referenceId().isEmpty() ? newReferenceId() : message.referenceId();
        OcsRequest request = signed(OcsRequest.post(BASE + t + "/message"), message.message())
                .jsonBody(message.toBody(reference))
                .build();
        return sendSigned(request).thenApply(r -> new TalkSentMessage(t, reference));
    }

    /**
     * Answers a message in its conversation, as a reply to it.
     *
     * <pre>{@code
     * bot.reply(message, "Hello, " + message.actor().name() + "!");
     * }</pre>
     *
     * @param to the message answered
     * @param text the answer
     * @return the reference id sent
     * @throws IllegalArgumentException when the message has no conversation token
     */
    public TalkSentMessage reply(TalkMessage to, String text) {
        return HttpTransport.await(replyAsync(to, text));
    }

    /**
     * Async twin of {@link #reply(TalkMessage, String)}.
     *
     * <pre>{@code
     * bot.replyAsync(message, "Hi").join();
     * }</pre>
     *
     * @param to the message answered
     * @param text the answer
     * @return the sent message's future
     */
    public CompletableFuture<TalkSentMessage> replyAsync(TalkMessage to, String text) {
        Objects.requireNonNull(to, "to");
        TalkChatMessage m = TalkChatMessage.of(text);
        long id = to.type() == TalkEventType.CREATE ? parseId(to.messageId().orElse("0")) : 0;
        return sendAsync(to.conversationToken(), id > 0 ? m.replyTo(id) : m);
    }

    /**
     * Adds the bot's reaction to a message ({@code POST .../bot/{token}/reaction/{messageId}}).
     *
     * <pre>{@code
     * bot.react(message.conversationToken(), message.messageId().orElseThrow(), "👍");
     * }</pre>
     *
     * @param token the conversation token
     * @param messageId the message id
     * @param reaction one emoji
     * @return {@code true} when added (201), {@code false} when the bot had already reacted so (200)
     */
    public boolean react(String token, String messageId, String reaction) {
        return HttpTransport.await(reactAsync(token, messageId, reaction));
    }

    /**
     * Async twin of {@link #react(String, String, String)}.
     *
     * <pre>{@code
     * bot.reactAsync(token, "1567", "👍").join();
     * }</pre>
     *
     * @param token the conversation token
     * @param messageId the message id
     * @param reaction one emoji
     * @return the future: {@code true} when added
     */
    public CompletableFuture<Boolean> reactAsync(String token, String messageId, String reaction) {
        OcsRequest request = signed(OcsRequest.post(reactionPath(token, messageId)), notEmpty(reaction))
                .jsonBody(Map.of("reaction", reaction))
                .build();
        return sendSigned(request).thenApply(r -> r.httpStatus() == 201);
    }

    /**
     * Removes the bot's reaction from a message ({@code DELETE .../bot/{token}/reaction/{messageId}}).
     *
     * <pre>{@code
     * bot.deleteReaction(token, "1567", "👍");
     * }</pre>
     *
     * @param token the conversation token
     * @param messageId the message id
     * @param reaction the emoji
     * @throws dev.ncsdk.ocs.NcNotFoundException when there was no such reaction of the bot
     */
    public void deleteReaction(String token, String messageId, String reaction) {
        HttpTransport.await(deleteReactionAsync(token, messageId, reaction));
    }

    /**
     * Async twin of {@link #deleteReaction(String, String, String)}.
     *
     * <pre>{@code
     * bot.deleteReactionAsync(token, "1567", "👍").join();
     * }</pre>
     *
     * @param token the conversation token
     * @param messageId the message id
     * @param reaction the emoji
     * @return a future completed when Talk removed it
     */
    public CompletableFuture<Void> deleteReactionAsync(String token, String messageId, String reaction) {
        OcsRequest request = signed(OcsRequest.delete(reactionPath(token, messageId)), notEmpty(reaction))
                .jsonBody(Map.of("reaction", reaction))
                .idempotent(true)
                .build();
        return sendSigned(request).thenApply(r -> null);
    }

    private OcsRequest.Builder signed(OcsRequest.Builder b, String signedText) {
        String random = randoms.get();
        return b.credentials(Credentials.none()) // Talk's bot routes are public: the signature is the authentication
                .header(TalkSignature.BOT_RANDOM_HEADER, random)
                .header(TalkSignature.BOT_SIGNATURE_HEADER, TalkSignature.sign(secret(), random, signedText));
    }

    private CompletableFuture<OcsResponse<JsonNode>> sendSigned(OcsRequest request) {
        try {
            return nc.ocs().ocsAsync(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static String reactionPath(String token, String messageId) {
        Objects.requireNonNull(messageId, "messageId");
        if (messageId.isEmpty() || !messageId.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("a message id is a number, was '" + messageId + "'");
        }
        return BASE + checkToken(token) + "/reaction/" + messageId;
    }

    static String checkToken(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isEmpty() || !token.chars().allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c)))) {
            throw new IllegalArgumentException("a conversation token is letters and digits, was '" + token + "'");
        }
        return token;
    }

    private static String notEmpty(String reaction) {
        Objects.requireNonNull(reaction, "reaction");
        if (reaction.isBlank()) {
            throw new IllegalArgumentException("a reaction is one emoji, not empty");
        }
        return reaction;
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A random SHA-256 hex, as Talk's documentation asks of a reference id. */
    static String newReferenceId() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(TalkSignature.newRandom().getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "TalkBotMessenger[" + nc.ocs().baseUri() + "]";
    }
}
