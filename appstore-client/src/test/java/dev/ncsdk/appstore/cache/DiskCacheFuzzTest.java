package dev.ncsdk.appstore.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

class DiskCacheFuzzTest {
    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("ncsdk-cache-fuzz");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Whatever bytes an entry file holds, reading it never throws, and a write afterwards always wins. */
    @FuzzTest(maxDuration = "10s")
    void fuzzEntryFile(byte[] data) throws IOException {
        DiskResponseCache cache = new DiskResponseCache(DIR);
        Path file = cache.fileFor("k");
        Files.write(file, data);

        Optional<CachedResponse> read = cache.get("k");
        read.ifPresent(r -> assertThat(r.body()).isNotNull());

        cache.put("k", new CachedResponse(new byte[] {1, 2, 3}, "\"x\"", Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(cache.get("k")).hasValueSatisfying(r -> {
            assertThat(r.body()).containsExactly(1, 2, 3);
            assertThat(r.etag()).contains("\"x\"");
        });
    }
}
