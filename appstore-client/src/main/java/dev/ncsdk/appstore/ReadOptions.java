package dev.ncsdk.appstore;

/**
 * How one read treats the cache.
 *
 * @param allowStale when the store fails (429, 5xx, no connection) and an expired cached copy exists, return it
 *     marked {@link StoreResponse#stale()} instead of throwing
 * @param revalidate ask the store even when the cached copy is still fresh (a conditional request when there is
 *     an ETag)
 * @since 0.1.0
 */
public record ReadOptions(boolean allowStale, boolean revalidate) {
    private static final ReadOptions DEFAULTS = new ReadOptions(false, false);

    /**
     * The defaults: fresh copies are served from the cache, failures throw.
     *
     * @return the options
     */
    public static ReadOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Options with {@link #allowStale()} set.
     *
     * @return the options
     */
    public ReadOptions withAllowStale() {
        return new ReadOptions(true, revalidate);
    }

    /**
     * Options with {@link #revalidate()} set.
     *
     * @return the options
     */
    public ReadOptions withRevalidate() {
        return new ReadOptions(allowStale, true);
    }
}
