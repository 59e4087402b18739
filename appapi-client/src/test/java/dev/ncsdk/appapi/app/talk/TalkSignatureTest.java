package dev.ncsdk.appapi.app.talk;

import static dev.ncsdk.appapi.app.talk.TalkVectors.BODY_SIGNATURE;
import static dev.ncsdk.appapi.app.talk.TalkVectors.HELLO_SIGNATURE;
import static dev.ncsdk.appapi.app.talk.TalkVectors.MESSAGE_BODY;
import static dev.ncsdk.appapi.app.talk.TalkVectors.RANDOM;
import static dev.ncsdk.appapi.app.talk.TalkVectors.SECRET;
import static dev.ncsdk.appapi.app.talk.TalkVectors.THUMBS_UP_SIGNATURE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ncsdk.ocs.Secret;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Talk's HMAC as spreed computes it ({@code lib/Service/BotService.php}: {@code hash_hmac('sha256', $random .
 * $jsonBody, $secret)}; {@code lib/Controller/BotController.php} checks a bot's request over random + message or
 * reaction; AppAPI {@code lib/Controller/TalkBotController.php::proxyTalkMessage} checks with {@code hash_equals}
 * against the lower-cased header), against values computed with openssl ({@link TalkVectors}).
 */
class TalkSignatureTest {
    private static final byte[] BODY = MESSAGE_BODY.getBytes(StandardCharsets.UTF_8);

    @Test
    void signsRandomPlusBodyAsOpensslDoes() {
        assertThat(TalkSignature.sign(SECRET, RANDOM, BODY)).isEqualTo(BODY_SIGNATURE);
    }

    @Test
    void signsABotsMessageTextAndReactionAsOpensslDoes() {
        assertThat(TalkSignature.sign(SECRET, RANDOM, "Hello, Alice!")).isEqualTo(HELLO_SIGNATURE);
        assertThat(TalkSignature.sign(SECRET, RANDOM, "👍")).isEqualTo(THUMBS_UP_SIGNATURE);
    }

    @Test
    void verifiesTheRightSignatureInAnyCase() {
        assertThat(TalkSignature.verify(SECRET, RANDOM, BODY, BODY_SIGNATURE)).isTrue();
        assertThat(TalkSignature.verify(SECRET, RANDOM, BODY, BODY_SIGNATURE.toUpperCase(Locale.ROOT)))
                .isTrue();
    }

    @Test
    void refusesAForgedOrMismatchedSignature() {
        assertThat(TalkSignature.verify(Secret.of("another-secret"), RANDOM, BODY, BODY_SIGNATURE))
                .isFalse();
        assertThat(TalkSignature.verify(SECRET, RANDOM + "x", BODY, BODY_SIGNATURE))
                .isFalse();
        byte[] tampered = MESSAGE_BODY.replace("!hello", "!HELLO").getBytes(StandardCharsets.UTF_8);
        assertThat(TalkSignature.verify(SECRET, RANDOM, tampered, BODY_SIGNATURE))
                .isFalse();
        assertThat(TalkSignature.verify(SECRET, RANDOM, BODY, BODY_SIGNATURE.substring(1)))
                .isFalse();
        assertThat(TalkSignature.verify(SECRET, RANDOM, BODY, "")).isFalse();
        assertThat(TalkSignature.verify(SECRET, null, BODY, BODY_SIGNATURE)).isFalse();
        assertThat(TalkSignature.verify(SECRET, RANDOM, BODY, null)).isFalse();
    }

    @Test
    void readsTheHeadersWithoutCaringForTheirCase() {
        Map<String, List<String>> headers = Map.of(
                "x-nextcloud-talk-random", List.of(RANDOM),
                "X-NEXTCLOUD-TALK-SIGNATURE", List.of(BODY_SIGNATURE));
        assertThat(TalkSignature.verify(SECRET, headers, BODY)).isTrue();
        assertThat(TalkSignature.verify(SECRET, Map.of("x-nextcloud-talk-random", List.of(RANDOM)), BODY))
                .isFalse();
    }

    @Test
    void makesRandomsTalkAccepts() {
        String r = TalkSignature.newRandom();
        assertThat(r).hasSize(64).matches("[A-Za-z0-9]+"); // BotController wants at least 32 characters
        assertThat(TalkSignature.newRandom()).isNotEqualTo(r);
    }
}
