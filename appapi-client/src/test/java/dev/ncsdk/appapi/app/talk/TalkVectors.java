package dev.ncsdk.appapi.app.talk;

import dev.ncsdk.ocs.Secret;

/**
 * Signatures computed once by hand with openssl, outside the SDK, to check {@link TalkSignature} against:
 *
 * <pre>
 * SECRET='W4m3RuQ8cT1xZk6pLs9vBn2yHd5gFj7aEr0tYi3oUw8qMz4K'
 * RANDOM_T='p2vN1hA8KqYw3ZtXr6LbD0sFjM9uEcG4oTnR7iV5yWk2QaHx8lPbJz1mSd3fUe6C'
 * printf '%s%s' "$RANDOM_T" "$BODY" | openssl dgst -sha256 -hmac "$SECRET"          # BODY = MESSAGE_BODY below
 *   SHA2-256(stdin)= ac75a1d90c2b34d301b627753e529e81180f8ca7d0efb1a35b63abc22a589f16
 * printf '%s%s' "$RANDOM_T" "Hello, Alice!" | openssl dgst -sha256 -hmac "$SECRET"
 *   SHA2-256(stdin)= a13a7cbfbfeaec2d5f1b62fac4e6eef73e6a91b16a5ffb7fdd2930a8094783ed
 * printf '%s%s' "$RANDOM_T" "👍" | openssl dgst -sha256 -hmac "$SECRET"
 *   SHA2-256(stdin)= 6236ea96b2157697a3a1bf734aa184a742aa575465d5ba20a32a8ca39739af00
 * </pre>
 *
 * (OpenSSL 3, on the development machine, 2026-12-03.) The body is spreed's {@code docs/bots.md} sample chat
 * message, shortened.
 */
final class TalkVectors {
    static final Secret SECRET = Secret.of("W4m3RuQ8cT1xZk6pLs9vBn2yHd5gFj7aEr0tYi3oUw8qMz4K");
    static final String RANDOM = "p2vN1hA8KqYw3ZtXr6LbD0sFjM9uEcG4oTnR7iV5yWk2QaHx8lPbJz1mSd3fUe6C";
    static final String MESSAGE_BODY = "{\"type\":\"Create\",\"actor\":{\"type\":\"Person\",\"id\":\"users/alice\","
            + "\"name\":\"Alice\"},\"object\":{\"type\":\"Note\",\"id\":\"1567\",\"name\":\"message\",\"content\":"
            + "\"{\\\"message\\\":\\\"!hello\\\",\\\"parameters\\\":[]}\",\"mediaType\":\"text/markdown\"},"
            + "\"target\":{\"type\":\"Collection\",\"id\":\"n3xtc10ud\",\"name\":\"world\"}}";
    static final String BODY_SIGNATURE = "ac75a1d90c2b34d301b627753e529e81180f8ca7d0efb1a35b63abc22a589f16";
    static final String HELLO_SIGNATURE = "a13a7cbfbfeaec2d5f1b62fac4e6eef73e6a91b16a5ffb7fdd2930a8094783ed";
    static final String THUMBS_UP_SIGNATURE = "6236ea96b2157697a3a1bf734aa184a742aa575465d5ba20a32a8ca39739af00";

    private TalkVectors() {}
}
