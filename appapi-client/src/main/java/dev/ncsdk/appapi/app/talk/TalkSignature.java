package dev.ncsdk.appapi.app.talk;

import dev.ncsdk.ocs.Secret;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Talk's request signatures, usable in any framework: the lower-case hex HMAC-SHA256, keyed with the bot's shared
 * secret, over the random header's text followed by the signed data.
 *
 * <ul>
 *   <li>Talk to the bot: headers {@value #RANDOM_HEADER} and {@value #SIGNATURE_HEADER}; the data is the raw request
 *       body, byte for byte (spreed {@code BotService::sendAsyncRequest}: {@code hash_hmac('sha256', $random .
 *       $jsonBody, $secret)}). AppAPI checks them the same way in its {@code talk_proxy} route before it forwards
 *       the message to the ExApp.
 *   <li>The bot to Talk: headers {@value #BOT_RANDOM_HEADER} and {@value #BOT_SIGNATURE_HEADER}; the data is only
 *       the message text (sending) or the reaction (reacting, deleting a reaction), not the JSON body (spreed
 *       {@code BotController::getBotFromHeaders}); Talk wants a random of at least 32 characters.
 * </ul>
 *
 * <pre>{@code
 * // a bot outside the ExApp runtime, in any HTTP framework:
 * boolean ok = TalkSignature.verify(secret,
 *         request.getHeader(TalkSignature.RANDOM_HEADER), rawBody,
 *         request.getHeader(TalkSignature.SIGNATURE_HEADER));
 * }</pre>
 *
 * <p>Comparisons take the same time wherever the first difference is. Nothing here logs or keeps the secret.
 *
 * @since 0.1.0
 */
public final class TalkSignature {
    /** The random text Talk signed a message with. */
    public static final String RANDOM_HEADER = "X-Nextcloud-Talk-Random";
    /** Talk's signature of a message: hex HMAC-SHA256 of random + body. */
    public static final String SIGNATURE_HEADER = "X-Nextcloud-Talk-Signature";
    /** The base URL of the Nextcloud server that sent a message. */
    public static final String BACKEND_HEADER = "X-Nextcloud-Talk-Backend";
    /** The random text a bot signs its request with. */
    public static final String BOT_RANDOM_HEADER = "X-Nextcloud-Talk-Bot-Random";
    /** A bot's signature: hex HMAC-SHA256 of random + message text (or reaction). */
    public static final String BOT_SIGNATURE_HEADER = "X-Nextcloud-Talk-Bot-Signature";

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TalkSignature() {}

    /**
     * The signature of some data: lower-case hex of HMAC-SHA256(secret, random + data).
     *
     * <pre>{@code
     * String signature = TalkSignature.sign(secret, random, body);
     * }</pre>
     *
     * @param secret the bot's shared secret
     * @param random the random text, as sent in the random header
     * @param data the signed bytes (a body, or the UTF-8 of a message or reaction)
     * @return 64 lower-case hex characters
     */
    public static String sign(Secret secret, String random, byte[] data) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(data, "data");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(random.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * The signature of a text, as a bot signs a message or a reaction.
     *
     * <pre>{@code
     * String signature = TalkSignature.sign(secret, random, "Hello!");
     * }</pre>
     *
     * @param secret the bot's shared secret
     * @param random the random text
     * @param text the message text or the reaction
     * @return 64 lower-case hex characters
     */
    public static String sign(Secret secret, String random, String text) {
        return sign(secret, random, Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Checks a signature in constant time, as Talk and AppAPI do ({@code hash_equals} against the lower-cased header).
     *
     * <pre>{@code
     * if (!TalkSignature.verify(secret, random, body, signature)) { return 401; }
     * }</pre>
     *
     * @param secret the bot's shared secret
     * @param random the random header's value; {@code null} or empty fails
     * @param data the signed bytes: the raw request body
     * @param signature the signature header's value; {@code null} or empty fails
     * @return whether the signature is right
     */
    public static boolean verify(Secret secret, String random, byte[] data, String signature) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(data, "data");
        if (random == null || random.isEmpty() || signature == null || signature.isEmpty() || secret.isEmpty()) {
            return false;
        }
        byte[] expected = sign(secret, random, data).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given);
    }

    /**
     * Checks the signature of a request Talk sent, reading {@value #RANDOM_HEADER} and {@value #SIGNATURE_HEADER}
     * from its headers (names compared without case).
     *
     * <pre>{@code
     * boolean ok = TalkSignature.verify(secret, exchange.getRequestHeaders(), body);
     * }</pre>
     *
     * @param secret the bot's shared secret
     * @param headers the request headers
     * @param body the raw request body
     * @return whether both headers are there and the signature is right
     */
    public static boolean verify(Secret secret, Map<String, List<String>> headers, byte[] body) {
        Objects.requireNonNull(headers, "headers");
        return verify(
                secret,
                header(headers, RANDOM_HEADER).orElse(null),
                body,
                header(headers, SIGNATURE_HEADER).orElse(null));
    }

    /**
     * A new random text for the bot headers: 64 letters and digits from a {@link SecureRandom} (Talk wants at least
     * 32 characters).
     *
     * <pre>{@code
     * String random = TalkSignature.newRandom();
     * }</pre>
     *
     * @return the text
     */
    public static String newRandom() {
        StringBuilder b = new StringBuilder(64);
        for (int i = 0; i < 64; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    static Optional<String> header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null
                    && e.getKey().equalsIgnoreCase(name)
                    && e.getValue() != null
                    && !e.getValue().isEmpty()) {
                return Optional.ofNullable(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }
}
