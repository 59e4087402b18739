package dev.ncsdk.appapi.app.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.NcNotFoundException;
import dev.ncsdk.ocs.NcTimeoutException;
import dev.ncsdk.ocs.NcTransportException;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads are streamed; to a path they land atomically, so a cut connection leaves nothing at the target. */
class DownloadTest {
    private DavServer server;
    private OcsClient ocs;
    private final byte[] data = new byte[3 * 1024 * 1024 + 17];

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        new Random(7).nextBytes(data);
        server = new DavServer();
        server.files.put("/alice/Music/a song #1.flac", data);
        ocs = OcsClient.builder()
                .baseUri(URI.create(server.baseUrl()))
                .credentials(Credentials.appPassword("alice", Secret.of("app-pw")))
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    @AfterEach
    void stop() {
        ocs.close();
        server.close();
    }

    private NextcloudFiles files() {
        return NextcloudFiles.builder(ocs, "alice")
                .idleTimeout(Duration.ofMillis(500))
                .build();
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void aFileArrivesWholeAtThePathWithProgress() throws IOException {
        Path target = dir.resolve("song.flac");
        List<long[]> progress = new ArrayList<>();
        long n = files().download(
                        "Music/a song #1.flac", target, (done, total) -> progress.add(new long[] {done, total}));
        assertThat(n).isEqualTo(data.length);
        assertThat(java.util.Arrays.equals(Files.readAllBytes(target), data)).isTrue();
        assertThat(leftovers()).containsExactly(target);
        assertThat(progress.get(progress.size() - 1)).containsExactly(data.length, data.length);
        assertThat(server.requestLines()).containsExactly("GET /remote.php/dav/files/alice/Music/a song #1.flac");
    }

    @Test
    void aStreamGetsTheBytesAndStaysOpen() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        files().download("/Music/a song #1.flac", out);
        assertThat(java.util.Arrays.equals(out.toByteArray(), data)).isTrue();
    }

    @Test
    void aConnectionCutHalfWayIsATransportErrorAndLeavesNoFile() throws IOException {
        server.cutDownloads = true;
        Path target = dir.resolve("song.flac");
        NcTransportException e = catchThrowableOfType(
                () -> files().download("/Music/a song #1.flac", target), NcTransportException.class);
        assertThat(e).isNotNull();
        assertThat(e.mayHaveReachedServer()).isTrue();
        assertThat(target).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aCutDownloadLeavesAnExistingTargetAsItWas() throws IOException {
        server.cutDownloads = true;
        Path target = dir.resolve("song.flac");
        Files.writeString(target, "the old version");
        catchThrowableOfType(() -> files().download("/Music/a song #1.flac", target), NcTransportException.class);
        assertThat(target).hasContent("the old version");
        assertThat(leftovers()).containsExactly(target);
    }

    @Test
    void aStalledDownloadTimesOutOnItsIdleTimeoutAndLeavesNoFile() throws IOException {
        server.stallDownloads = true;
        Path target = dir.resolve("song.flac");
        NcTimeoutException e =
                catchThrowableOfType(() -> files().download("/Music/a song #1.flac", target), NcTimeoutException.class);
        assertThat(e).hasMessageContaining("stalled");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aMissingFileIsNotFoundAndCreatesNothing() throws IOException {
        Path target = dir.resolve("nope");
        NcNotFoundException e =
                catchThrowableOfType(() -> files().download("/nope", target), NcNotFoundException.class);
        assertThat(DavError.of(e)).map(DavError::exception).contains("Sabre\\DAV\\Exception\\NotFound");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aFailingLocalStreamIsALocalError() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        };
        UncheckedIOException e = catchThrowableOfType(
                () -> files().download("/Music/a song #1.flac", broken), UncheckedIOException.class);
        assertThat(e.getCause()).hasMessage("disk full");
    }
}
