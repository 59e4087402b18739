package dev.ncsdk.appstore;

import dev.ncsdk.ocs.NcException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A store answer with where it came from. {@link #stale()} is true only when the caller allowed a stale copy
 * ({@link ReadOptions#allowStale()}) and the store failed; {@link #failure()} then says how. Immutable.
 *
 * @param <T> the answer's type
 * @since 0.1.0
 */
public final class StoreResponse<T> {
    private final T value;
    private final Source source;
    private final String etag;
    private final Instant storedAt;
    private final NcException failure;

    /**
     * Where an answer came from.
     *
     * @since 0.1.0
     */
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

    StoreResponse(T value, Source source, String etag, Instant storedAt, NcException failure) {
        this.value = Objects.requireNonNull(value, "value");
        this.source = Objects.requireNonNull(source, "source");
        this.etag = etag;
        this.storedAt = Objects.requireNonNull(storedAt, "storedAt");
        this.failure = failure;
    }

    /**
     * The parsed answer.
     *
     * @return the value
     */
    public T value() {
        return value;
    }

    /**
     * Where the answer came from.
     *
     * @return the source
     */
    public Source source() {
        return source;
    }

    /**
     * The ETag of the body, exactly as the store sent it.
     *
     * @return the ETag, or empty when the store sent none
     */
    public Optional<String> etag() {
        return Optional.ofNullable(etag);
    }

    /**
     * When the body was fetched or last confirmed by the store.
     *
     * @return the instant
     */
    public Instant storedAt() {
        return storedAt;
    }

    /**
     * The store's failure that made the client fall back to a stale copy.
     *
     * @return the failure, or empty unless {@link #stale()}
     */
    public Optional<NcException> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Whether this is an expired copy served because the store failed.
     *
     * @return whether stale
     */
    public boolean stale() {
        return source == Source.STALE;
    }

    @Override
    public String toString() {
        return "StoreResponse[" + source + (etag == null ? "" : ", etag " + etag) + ", stored " + storedAt
                + (failure == null ? "" : ", failure " + failure.getClass().getSimpleName()) + "]";
    }
}
