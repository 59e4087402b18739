package dev.ncsdk.appstore.cache;

import java.util.Optional;

/** Stores nothing. */
final class NoResponseCache implements ResponseCache {
    static final NoResponseCache INSTANCE = new NoResponseCache();

    private NoResponseCache() {}

    @Override
    public Optional<CachedResponse> get(String key) {
        return Optional.empty();
    }

    @Override
    public void put(String key, CachedResponse response) {
        // nothing to do
    }

    @Override
    public void remove(String key) {
        // nothing to do
    }

    @Override
    public String toString() {
        return "ResponseCache.none()";
    }
}
