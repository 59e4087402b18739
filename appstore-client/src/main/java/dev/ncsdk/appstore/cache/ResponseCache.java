package dev.ncsdk.appstore.cache;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the client keeps raw store answers between calls (and, on disk, between runs). Keys are opaque strings the
 * client derives from the store URL and route. Implementations must be thread-safe; a failing cache must never
 * fail a call (return empty, ignore the write).
 *
 * @since 0.1.0
 */
public interface ResponseCache {

    /**
     * The stored entry for a key.
     *
     * @param key the key
     * @return the entry, or empty when absent or unreadable
     */
    Optional<CachedResponse> get(String key);

    /**
     * Stores an entry, replacing any other.
     *
     * @param key the key
     * @param response the entry
     */
    void put(String key, CachedResponse response);

    /**
     * Records that the stored body was confirmed current (a 304) at a time. The default re-stores the entry.
     *
     * @param key the key
     * @param entry the entry that was confirmed
     * @param time when
     */
    default void touch(String key, CachedResponse entry, Instant time) {
        put(key, entry.withStoredAt(time));
    }

    /**
     * Removes an entry.
     *
     * @param key the key
     */
    void remove(String key);

    /**
     * A cache in memory, lost at exit.
     *
     * @return a new cache
     */
    static InMemoryResponseCache inMemory() {
        return new InMemoryResponseCache();
    }

    /**
     * A cache in a directory, kept across runs and safe to share between processes.
     *
     * @param directory the directory (created when missing)
     * @return a new cache
     */
    static DiskResponseCache onDisk(Path directory) {
        return new DiskResponseCache(directory);
    }

    /**
     * A cache in a directory whose entries hold bodies of at most {@code maxBodyBytes} (default 64 MiB, the
     * client's default response limit): larger answers are not stored and larger entry files are ignored.
     *
     * @param directory the directory (created when missing)
     * @param maxBodyBytes the largest body kept
     * @return a new cache
     */
    static DiskResponseCache onDisk(Path directory, long maxBodyBytes) {
        return new DiskResponseCache(directory, maxBodyBytes);
    }

    /**
     * A cache that stores nothing: every call goes to the store.
     *
     * @return the cache
     */
    static ResponseCache none() {
        return NoResponseCache.INSTANCE;
    }
}
