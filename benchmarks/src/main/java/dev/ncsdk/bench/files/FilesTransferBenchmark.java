package dev.ncsdk.bench.files;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ncsdk.appapi.app.files.NextcloudFiles;
import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Downloads and uploads through {@link NextcloudFiles} against a loopback {@code jdk.httpserver}, next to a bare
 * {@link HttpClient} stream copy of the same bytes on the same server. The server makes and drops bytes on the fly
 * (a 64 KiB block repeated) and the upload source does the same, so nothing in the process is proportional to the
 * file: run it with a small heap ({@code -jvmArgs -Xmx64m}) and {@code -prof gc} to see the SDK's allocation per
 * MiB and that the heap stays flat in the file size.
 *
 * <ul>
 *   <li>{@code sdkDownload}: {@code files.download(path, OutputStream.nullOutputStream())};
 *   <li>{@code bareDownload}: {@code HttpClient.send(GET, ofInputStream())} then {@code transferTo(nullOutputStream)};
 *   <li>{@code sdkUpload}: {@code files.upload(path, in, size)} as one {@code PUT};
 *   <li>{@code sdkChunkedUpload}: the same as chunked upload v2 in 16 MiB chunks (MKCOL, PUT per chunk, MOVE);
 *   <li>{@code bareUpload}: {@code HttpClient.send(PUT, fromPublisher(ofInputStream(in), size))}.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FilesTransferBenchmark {
    private static final int BLOCK = 64 * 1024;
    private static final byte[] PATTERN = pattern();

    /** The file size in MiB. */
    @Param({"64", "256"})
    public int mebibytes;

    private HttpServer server;
    private ExecutorService executor;
    private OcsClient ocs;
    private NextcloudFiles files;
    private NextcloudFiles chunked;
    private HttpClient bare;
    private URI blob;
    private URI upload;
    private long size;

    private static byte[] pattern() {
        byte[] b = new byte[BLOCK];
        new Random(1).nextBytes(b);
        return b;
    }

    /** Starts the server and the clients. */
    @Setup
    public void setUp() throws IOException {
        size = mebibytes * 1024L * 1024;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        blob = URI.create(base + "/remote.php/dav/files/bench/blob.bin");
        upload = URI.create(base + "/remote.php/dav/files/bench/upload.bin");
        ocs = OcsClient.builder()
                .baseUri(URI.create(base))
                .credentials(Credentials.appPassword("bench", Secret.of("bench-pw")))
                .build();
        files = NextcloudFiles.builder(ocs, "bench")
                .chunkedUploadThreshold(Long.MAX_VALUE)
                .build();
        chunked = NextcloudFiles.builder(ocs, "bench")
                .chunkSize(16L * 1024 * 1024)
                .chunkedUploadThreshold(16L * 1024 * 1024)
                .build();
        bare = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Stops the server and the clients. */
    @TearDown
    public void tearDown() {
        ocs.close();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange x) throws IOException {
        serve(x, size);
    }

    /** The loopback server's answer: a GET gets {@code size} bytes of the pattern, anything else is read and dropped. */
    static void serve(HttpExchange x, long size) throws IOException {
        try (InputStream in = x.getRequestBody()) {
            byte[] sink = new byte[BLOCK];
            while (in.read(sink) >= 0) {
                // drop what is sent
            }
            if (x.getRequestMethod().equals("GET")) {
                x.sendResponseHeaders(200, size);
                OutputStream out = x.getResponseBody();
                for (long left = size; left > 0; left -= BLOCK) {
                    out.write(PATTERN, 0, (int) Math.min(BLOCK, left));
                }
                out.close();
            } else {
                x.sendResponseHeaders(201, -1);
            }
        } finally {
            x.close();
        }
    }

    /** An upload source of {@code n} bytes that allocates nothing per byte. */
    static InputStream source(long n) {
        return new InputStream() {
            private long left = n;

            @Override
            public int read() {
                if (left <= 0) {
                    return -1;
                }
                left--;
                return PATTERN[(int) (left % BLOCK)] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(Math.min(len, left), BLOCK);
                System.arraycopy(PATTERN, 0, b, off, n);
                left -= n;
                return n;
            }
        };
    }

    /**
     * The SDK's streamed download.
     *
     * @return the bytes
     */
    @Benchmark
    public long sdkDownload() {
        return files.download("/blob.bin", OutputStream.nullOutputStream());
    }

    /**
     * A bare HttpClient stream copy.
     *
     * @return the bytes
     */
    @Benchmark
    public long bareDownload() throws IOException, InterruptedException {
        HttpResponse<InputStream> r =
                bare.send(HttpRequest.newBuilder(blob).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /**
     * The SDK's single PUT upload.
     *
     * @return the bytes
     */
    @Benchmark
    public long sdkUpload() {
        return files.upload("/upload.bin", source(size), size).size();
    }

    /**
     * The SDK's chunked upload v2 (16 MiB chunks).
     *
     * @return the bytes
     */
    @Benchmark
    public long sdkChunkedUpload() {
        return chunked.upload("/upload.bin", source(size), size).size();
    }

    /**
     * A bare HttpClient streamed PUT.
     *
     * @return the status
     */
    @Benchmark
    public int bareUpload() throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> source(size)), size);
        return bare.send(HttpRequest.newBuilder(upload).PUT(body).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
