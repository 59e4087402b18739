package dev.ncsdk.appstore.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskResponseCacheTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void survivesARestartWithBodyAndETagByteForByte() {
        byte[] body = "[{\"id\":\"x\"}]".getBytes(StandardCharsets.UTF_8);
        String etag = "\"2023-08-04 16:06:26.467093+00:00\"";
        new DiskResponseCache(dir).put("k", new CachedResponse(body, etag, T0));

        Optional<CachedResponse> read = new DiskResponseCache(dir).get("k");

        assertThat(read).hasValueSatisfying(r -> {
            assertThat(r.body()).isEqualTo(body);
            assertThat(r.etag()).contains(etag);
            assertThat(r.storedAt().truncatedTo(ChronoUnit.SECONDS)).isEqualTo(T0);
        });
        assertThat(new DiskResponseCache(dir).get("other")).isEmpty();
    }

    @Test
    void keepsAnAbsentETagApartFromAnEmptyOne() {
        DiskResponseCache cache = new DiskResponseCache(dir);
        cache.put("none", new CachedResponse(new byte[] {1}, null, T0));
        cache.put("empty", new CachedResponse(new byte[] {1}, "", T0));

        assertThat(cache.get("none").orElseThrow().etag()).isEmpty();
        assertThat(cache.get("empty").orElseThrow().etag()).contains("");
    }

    @Test
    void touchMovesTheTimeWithoutRewritingTheBody() throws IOException {
        DiskResponseCache cache = new DiskResponseCache(dir);
        CachedResponse entry = new CachedResponse(new byte[] {1, 2, 3}, "\"e\"", T0);
        cache.put("k", entry);
        Path file = cache.fileFor("k");
        byte[] before = Files.readAllBytes(file);

        cache.touch("k", entry, T0.plusSeconds(3600));

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(cache.get("k").orElseThrow().storedAt().truncatedTo(ChronoUnit.SECONDS))
                .isEqualTo(T0.plusSeconds(3600));
    }

    @Test
    void ignoresCorruptAndTruncatedEntriesAndReplacesThem() throws IOException {
        DiskResponseCache cache = new DiskResponseCache(dir);
        byte[] body = new byte[10_000];
        Arrays.fill(body, (byte) 'a');
        cache.put("k", new CachedResponse(body, "\"e\"", T0));
        Path file = cache.fileFor("k");
        byte[] good = Files.readAllBytes(file);

        Files.write(file, Arrays.copyOf(good, good.length - 100)); // truncated
        assertThat(cache.get("k")).isEmpty();

        byte[] flipped = good.clone();
        flipped[5000] ^= 1; // one bit in the body
        Files.write(file, flipped);
        assertThat(cache.get("k")).isEmpty();

        Files.writeString(file, "garbage");
        assertThat(cache.get("k")).isEmpty();

        Files.write(file, new byte[0]);
        assertThat(cache.get("k")).isEmpty();

        cache.put("k", new CachedResponse(body, "\"f\"", T0));
        assertThat(cache.get("k")).hasValueSatisfying(r -> assertThat(r.etag()).contains("\"f\""));
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        DiskResponseCache cache = new DiskResponseCache(dir);
        for (int i = 0; i < 5; i++) {
            cache.put("k" + i, new CachedResponse(new byte[] {(byte) i}, null, T0));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .hasSize(5)
                    .allSatisfy(n -> assertThat(n).endsWith(".entry"));
        }
    }

    /** Two "processes" (two cache instances) write and read one key at once: readers see whole entries only. */
    @Test
    void concurrentWritersAndReadersOnOneDirectoryNeverSeeHalfAnEntry() throws Exception {
        DiskResponseCache writerA = new DiskResponseCache(dir);
        DiskResponseCache writerB = new DiskResponseCache(dir);
        DiskResponseCache reader = new DiskResponseCache(dir);
        byte[] bodyA = new byte[200_000];
        Arrays.fill(bodyA, (byte) 'A');
        byte[] bodyB = new byte[300_000];
        Arrays.fill(bodyB, (byte) 'B');
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            // the reader starts once an entry exists, so it cannot finish all its reads before any write
            CountDownLatch firstWrite = new CountDownLatch(1);
            jobs.add(pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    writerA.put("shared", new CachedResponse(bodyA, "\"A\"", T0));
                    firstWrite.countDown();
                }
            }));
            jobs.add(pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    writerB.put("shared", new CachedResponse(bodyB, "\"B\"", T0));
                    firstWrite.countDown();
                }
            }));
            List<String> seen = new ArrayList<>();
            jobs.add(pool.submit(() -> {
                assertThat(firstWrite.await(60, TimeUnit.SECONDS)).isTrue();
                for (int i = 0; i < 200; i++) {
                    reader.get("shared").ifPresent(r -> {
                        String etag = r.etag().orElseThrow();
                        byte[] expected = etag.equals("\"A\"") ? bodyA : bodyB;
                        assertThat(r.body()).isEqualTo(expected);
                        synchronized (seen) {
                            seen.add(etag);
                        }
                    });
                }
                return null;
            }));
            for (Future<?> f : jobs) {
                f.get();
            }
            assertThat(seen).isNotEmpty();
        } finally {
            pool.shutdownNow();
        }
        assertThat(reader.get("shared")).isPresent();
    }

    @Test
    void inMemoryAndNoneCachesBehave() {
        ResponseCache mem = ResponseCache.inMemory();
        CachedResponse e = new CachedResponse(new byte[] {1}, "\"x\"", T0);
        mem.put("k", e);
        mem.touch("k", e, T0.plusSeconds(5));
        assertThat(mem.get("k").orElseThrow().storedAt()).isEqualTo(T0.plusSeconds(5));
        mem.remove("k");
        assertThat(mem.get("k")).isEmpty();

        ResponseCache none = ResponseCache.none();
        none.put("k", e);
        assertThat(none.get("k")).isEmpty();
    }
}
