package dev.ncsdk.appstore.cache;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored store answer: the raw body exactly as received (after gzip inflation), the {@code ETag} exactly as sent
 * (quotes included) and when it was last confirmed current.
 *
 * <p>The body array is shared, not copied: never modify it.
 *
 * @since 0.1.0
 */
public final class CachedResponse {
    private final byte[] body;
    private final String etag;
    private final Instant storedAt;

    /**
     * Creates an entry.
     *
     * @param body the raw body
     * @param etag the {@code ETag} header value as sent, or {@code null}
     * @param storedAt when the body was fetched or last revalidated
     */
    public CachedResponse(byte[] body, String etag, Instant storedAt) {
        this.body = Objects.requireNonNull(body, "body");
        this.etag = etag;
        this.storedAt = Objects.requireNonNull(storedAt, "storedAt");
    }

    /**
     * The raw body (shared; do not modify).
     *
     * @return the bytes
     */
    public byte[] body() {
        return body;
    }

    /**
     * The {@code ETag} as the store sent it, to be echoed byte for byte in {@code If-None-Match}.
     *
     * @return the ETag, or empty
     */
    public Optional<String> etag() {
        return Optional.ofNullable(etag);
    }

    /**
     * When the body was fetched or last confirmed by a 304.
     *
     * @return the time
     */
    public Instant storedAt() {
        return storedAt;
    }

    /**
     * The same body and ETag, confirmed at another time.
     *
     * @param time the new time
     * @return the entry
     */
    public CachedResponse withStoredAt(Instant time) {
        return new CachedResponse(body, etag, time);
    }

    @Override
    public String toString() {
        return "CachedResponse[" + body.length + " bytes, etag=" + etag + ", storedAt=" + storedAt + "]";
    }
}
