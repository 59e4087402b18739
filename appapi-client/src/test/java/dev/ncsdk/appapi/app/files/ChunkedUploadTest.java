package dev.ncsdk.appapi.app.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.NcTransportException;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads above the threshold go as Nextcloud's chunked upload v2 (Nextcloud developer manual,
 * {@code client_apis/WebDAV/chunking.rst}): MKCOL of an upload folder, PUT of chunks named 1..n, MOVE of
 * {@code .file} to the target; every request with {@code Destination}, the chunks and the MOVE with
 * {@code OC-Total-Length}. The stub server checks those rules and assembles the chunks, and the test compares the
 * bytes.
 */
class ChunkedUploadTest {
    private static final long MIB = DavServer.MIB;
    private DavServer server;
    private OcsClient ocs;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = new DavServer();
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
                .chunkSize(5 * MIB)
                .chunkedUploadThreshold(5 * MIB)
                .build();
    }

    private static byte[] random(long n) {
        byte[] b = new byte[(int) n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void aFileLargerThanTheChunkSizeIsSentInChunksAndAssembledByteForByte() throws IOException {
        byte[] data = random(12 * MIB + 123);
        Path source = dir.resolve("big.bin");
        Files.write(source, data);
        List<Long> progress = new ArrayList<>();

        UploadResult r = files().upload("/Backups/big file #1.bin", source, (done, total) -> {
            assertThat(total).isEqualTo(data.length);
            progress.add(done);
        });

        assertThat(java.util.Arrays.equals(server.files.get("/alice/Backups/big file #1.bin"), data))
                .isTrue();
        assertThat(r.chunks()).isEqualTo(3);
        assertThat(r.size()).isEqualTo(data.length);
        assertThat(r.fileId()).isEqualTo(123);
        assertThat(r.etag()).isEqualTo("assembled");
        assertThat(progress).isSorted().last().isEqualTo((long) data.length);

        List<String> lines = server.requestLines();
        String upload = lines.get(0).substring("MKCOL ".length());
        assertThat(lines)
                .containsExactly(
                        "MKCOL " + upload,
                        "PUT " + upload + "/00001",
                        "PUT " + upload + "/00002",
                        "PUT " + upload + "/00003",
                        "MOVE " + upload + "/.file");
        assertThat(upload).startsWith("/remote.php/dav/uploads/alice/");
        String destination = server.baseUrl() + "/remote.php/dav/files/alice/Backups/big%20file%20%231.bin";
        for (DavServer.Seen s : server.seen) {
            assertThat(s.headers()).containsEntry("Destination", destination);
            if (!s.method().equals("MKCOL")) {
                assertThat(s.headers()).containsEntry("OC-Total-Length", Long.toString(data.length));
            }
        }
        assertThat(server.seen)
                .extracting(DavServer.Seen::bodyLength)
                .containsExactly(0L, 5 * MIB, 5 * MIB, 2 * MIB + 123, 0L);
    }

    @Test
    void aStreamOfKnownSizeIsChunkedTheSameWay() {
        byte[] data = random(11 * MIB);
        UploadResult r = files().upload("/s.bin", new ByteArrayInputStream(data), data.length);
        assertThat(r.chunks()).isEqualTo(3);
        assertThat(java.util.Arrays.equals(server.files.get("/alice/s.bin"), data))
                .isTrue();
    }

    @Test
    void aFileUpToTheThresholdIsOnePut() throws IOException {
        byte[] data = random(5 * MIB);
        Path source = dir.resolve("small.bin");
        Files.write(source, data);
        UploadResult r = files().upload("small.bin", source);
        assertThat(r.chunks()).isZero();
        assertThat(r.fileId()).isEqualTo(77);
        assertThat(r.etag()).isEqualTo("put-etag");
        assertThat(server.requestLines()).containsExactly("PUT /remote.php/dav/files/alice/small.bin");
        assertThat(server.seen.get(0).headers()).containsEntry("Content-Length", Long.toString(data.length));
        assertThat(java.util.Arrays.equals(server.files.get("/alice/small.bin"), data))
                .isTrue();
    }

    @Test
    void aFailedChunkAbortsTheUploadAndRemovesItsFolder() {
        server.failChunk = 2;
        byte[] data = random(11 * MIB);
        InsufficientStorageException e = catchThrowableOfType(
                () -> files().upload("/x.bin", new ByteArrayInputStream(data), data.length),
                InsufficientStorageException.class);
        assertThat(e.httpStatus()).isEqualTo(507);
        List<String> lines = server.requestLines();
        assertThat(lines).noneMatch(l -> l.startsWith("MOVE"));
        assertThat(lines.get(lines.size() - 1)).startsWith("DELETE /remote.php/dav/uploads/alice/ncsdk-");
        assertThat(server.uploads.keySet()).isEmpty();
        assertThat(server.files.keySet()).doesNotContain("/alice/x.bin");
    }

    @Test
    void aStreamShorterThanItsSizeFailsAndIsNotAssembled() {
        byte[] data = random(7 * MIB);
        NcTransportException e = catchThrowableOfType(
                () -> files().upload("/short.bin", new ByteArrayInputStream(data), 11 * MIB),
                NcTransportException.class);
        assertThat(e).isNotNull();
        assertThat(server.requestLines()).noneMatch(l -> l.startsWith("MOVE"));
        assertThat(server.files.keySet()).doesNotContain("/alice/short.bin");
    }

    @Test
    void chunkSizesOutsideNextcloudsRulesAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> NextcloudFiles.builder(ocs, "alice").chunkSize(MIB))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> NextcloudFiles.builder(ocs, "alice").chunkSize(6L * 1024 * MIB))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
