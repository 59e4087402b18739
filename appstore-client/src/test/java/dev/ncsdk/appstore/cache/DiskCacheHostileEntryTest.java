package dev.ncsdk.appstore.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entry files that a hostile or broken neighbour left in the cache directory: each is ignored without being read,
 * logged once, and replaced by the next write.
 */
class DiskCacheHostileEntryTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final long MAGIC = 0x4E43534B52433031L;

    @TempDir
    Path dir;

    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Logger jul = Logger.getLogger("dev.ncsdk.appstore.cache");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(r);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        jul.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        jul.removeHandler(handler);
    }

    private static CachedResponse fresh() {
        return new CachedResponse("[{\"id\":\"news\"}]".getBytes(StandardCharsets.UTF_8), "\"e2\"", T0);
    }

    private void assertReplacedByTheNextWrite(DiskResponseCache cache) throws IOException {
        cache.put("k", fresh());
        Path file = cache.fileFor("k");
        assertThat(Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.size(file)).isLessThan(1024);
        assertThat(cache.get("k")).hasValueSatisfying(r -> assertThat(r.etag()).contains("\"e2\""));
    }

    @Test
    void aHugeSparseEntryWithAPlausibleHeaderIsIgnoredUnreadLoggedOnceAndReplaced() throws IOException {
        DiskResponseCache cache = new DiskResponseCache(dir);
        Path file = cache.fileFor("k");
        int bodyLen = Integer.MAX_VALUE - 100; // a header that asks for a 2 GiB body array
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.writeLong(MAGIC);
            raf.writeInt(-1);
            raf.writeInt(bodyLen);
            raf.setLength(12L + 4 + bodyLen + 8); // sparse: no disk is used
        }

        assertThat(cache.get("k")).isEmpty();
        assertThat(cache.get("k")).isEmpty();

        assertThat(warnings).singleElement().satisfies(r -> assertThat(text(r)).contains("entry limit"));
        assertReplacedByTheNextWrite(cache);
    }

    @Test
    void aFifoInPlaceOfAnEntryNeverBlocksAndIsReplaced() throws Exception {
        DiskResponseCache cache = new DiskResponseCache(dir);
        Path file = cache.fileFor("k");
        assumeTrue(mkfifo(file), "mkfifo is not available");
        assertThat(Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)).isFalse();

        // a guard against the hang this test is about, not a speed check
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertThat(cache.get("k")).isEmpty();
            assertThat(cache.get("k")).isEmpty();
        });

        assertThat(warnings).singleElement().satisfies(r -> assertThat(text(r)).contains("FIFO"));
        assertReplacedByTheNextWrite(cache);
    }

    @Test
    void aSymbolicLinkIsNeverFollowedAndIsReplacedWithoutTouchingItsTarget() throws IOException {
        DiskResponseCache cache = new DiskResponseCache(dir);
        cache.put("other", new CachedResponse(new byte[] {1, 2, 3}, "\"target\"", T0));
        Path target = cache.fileFor("other");
        byte[] targetBytes = Files.readAllBytes(target);
        Path file = cache.fileFor("k");
        Files.createSymbolicLink(file, target);

        assertThat(cache.get("k")).isEmpty();
        cache.touch("k", fresh(), T0.plusSeconds(60));

        assertThat(warnings).singleElement().satisfies(r -> assertThat(text(r)).contains("symbolic link"));
        assertThat(Files.readAllBytes(target)).isEqualTo(targetBytes);
        assertThat(Files.isSymbolicLink(file)).isFalse();
        assertReplacedByTheNextWrite(cache);
        assertThat(Files.readAllBytes(target)).isEqualTo(targetBytes);
    }

    @Test
    void anEmptyDirectoryInPlaceOfAnEntryIsIgnoredAndReplaced() throws IOException {
        DiskResponseCache cache = new DiskResponseCache(dir);
        Files.createDirectory(cache.fileFor("k"));

        assertThat(cache.get("k")).isEmpty();

        assertReplacedByTheNextWrite(cache);
    }

    @Test
    void theBodyLimitIsConfigurableAndAppliesToReadsAndWrites() {
        DiskResponseCache big = new DiskResponseCache(dir);
        big.put("k", new CachedResponse(new byte[200], null, T0));
        DiskResponseCache small = (DiskResponseCache) ResponseCache.onDisk(dir, 100);

        assertThat(small.maxBodyBytes()).isEqualTo(100);
        assertThat(big.maxBodyBytes()).isEqualTo(DiskResponseCache.DEFAULT_MAX_BODY_BYTES);
        assertThat(small.get("k")).isEmpty();
        assertThat(big.get("k")).isPresent();

        small.put("j", new CachedResponse(new byte[101], null, T0));
        assertThat(Files.exists(small.fileFor("j"))).isFalse();
        assertThatThrownBy(() -> new DiskResponseCache(dir, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String text(LogRecord r) {
        return r.getParameters() == null
                ? r.getMessage()
                : java.text.MessageFormat.format(r.getMessage(), r.getParameters());
    }

    private static boolean mkfifo(Path file) {
        try {
            Process p = new ProcessBuilder("mkfifo", file.toString())
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 && Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
