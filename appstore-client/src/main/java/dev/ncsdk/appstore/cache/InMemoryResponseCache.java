package dev.ncsdk.appstore.cache;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A thread-safe cache in memory, lost at exit.
 *
 * @since 0.1.0
 */
public final class InMemoryResponseCache implements ResponseCache {
    private final ConcurrentHashMap<String, CachedResponse> entries = new ConcurrentHashMap<>();

    /** Creates an empty cache. */
    InMemoryResponseCache() {}

    @Override
    public Optional<CachedResponse> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public void put(String key, CachedResponse response) {
        entries.put(key, response);
    }

    @Override
    public void remove(String key) {
        entries.remove(key);
    }

    @Override
    public String toString() {
        return "InMemoryResponseCache[" + entries.size() + " entries]";
    }
}
