package dev.ncsdk.appstore;

import dev.ncsdk.ocs.NcException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A store answer with where it came from. {@link #stale()} is true only when the caller allowed a stale copy
 * ({@link ReadOptions#allowStale()}) and the store failed; {@link #failure()} then says how.
 *
 * @param value the parsed answer
 * @param source where it came from
 * @param etag the ETag of the body, as the store sent it, or {@code null}
 * @param storedAt when the body was fetched or last confirmed by the store
 * @param failure the store's failure that made the client fall back to a stale copy, or {@code null}
 * @param <T> the answer's type
 */
public record StoreResponse<T>(T value, Source source, String etag, Instant storedAt, NcException failure) {

    /** Where an answer came from. */
    public enum Source {
        /** Fetched from the store (HTTP 200). */
        NETWORK,
        /** Served from the cache without a request, within the cache's max age. */
        CACHE_FRESH,
        /** Served from the cache after the store confirmed it (HTTP 304). */
        REVALIDATED,
        /** Served from an expired cache entry because the store failed; see {@link #failure()}. */
        STALE
    }

    public StoreResponse {
        // Checks required values.
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(storedAt, "storedAt");
    }

    /**
     * Whether this is an expired copy served because the store failed.
     *
     * @return whether stale
     */
    public boolean stale() {
        return source == Source.STALE;
    }

    /**
     * The ETag of the body.
     *
     * @return the ETag, or empty
     */
    public Optional<String> etagValue() {
        return Optional.ofNullable(etag);
    }

    /**
     * The failure behind a stale answer.
     *
     * @return the failure, or empty
     */
    public Optional<NcException> failureValue() {
        return Optional.ofNullable(failure);
    }
}
