package dev.ncsdk.ocs.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bodies kept in memory up to a limit; gzip inflated as it arrives, in buffers of any size. */
class BoundedBodyTest {
    private static HttpResponse.ResponseInfo info(String encoding, long length) {
        Map<String, List<String>> h = new java.util.HashMap<>();
        if (encoding != null) {
            h.put("Content-Encoding", List.of(encoding));
        }
        if (length >= 0) {
            h.put("Content-Length", List.of(Long.toString(length)));
        }
        HttpHeaders headers = HttpHeaders.of(h, (k, v) -> true);
        return new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return 200;
            }

            @Override
            public HttpHeaders headers() {
                return headers;
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }

    /** Feeds a body in buffers of {@code chunk} bytes and returns what the subscriber made of it. */
    private static byte[] feed(HttpResponse.ResponseInfo info, long limit, byte[] body, int chunk) throws Exception {
        HttpResponse.BodySubscriber<byte[]> s = BoundedBody.handler(limit).apply(info);
        boolean[] cancelled = new boolean[1];
        s.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {
                cancelled[0] = true;
            }
        });
        for (int i = 0; i < body.length && !cancelled[0]; i += chunk) {
            List<ByteBuffer> items = new ArrayList<>();
            int end = Math.min(body.length, i + chunk);
            // two buffers per call, to cover a header or trailer split inside one onNext too
            int mid = i + (end - i) / 2;
            items.add(ByteBuffer.wrap(Arrays.copyOfRange(body, i, mid)));
            items.add(ByteBuffer.wrap(Arrays.copyOfRange(body, mid, end)));
            s.onNext(items);
        }
        if (!cancelled[0]) {
            s.onComplete();
        }
        try {
            return s.getBody().toCompletableFuture().get();
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] text(int n) {
        byte[] b = new byte[n];
        Random r = new Random(n);
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ("{}[]\",:abcdefghij0123456789 ".charAt(r.nextInt(28)));
        }
        return b;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 10, 11, 64, 8192, 1 << 20})
    void gzipIsInflatedWhateverTheBufferSizes(int chunk) throws Exception {
        byte[] plain = text(200_000);
        byte[] gz = gzip(plain);
        assertThat(feed(info("gzip", gz.length), 1 << 20, gz, chunk)).isEqualTo(plain);
    }

    @Test
    void concatenatedMembersAreAllRead() throws Exception {
        byte[] a = "first part, ".getBytes(StandardCharsets.UTF_8);
        byte[] b = "second part".getBytes(StandardCharsets.UTF_8);
        byte[] gz = concat(gzip(a), gzip(b));
        for (int chunk : new int[] {1, 5, 1000}) {
            assertThat(new String(feed(info("gzip", -1), 1000, gz, chunk), StandardCharsets.UTF_8))
                    .isEqualTo("first part, second part");
        }
    }

    @Test
    void optionalHeaderFieldsAreSkipped() throws Exception {
        byte[] plain = "payload".getBytes(StandardCharsets.UTF_8);
        byte[] deflated = gzip(plain); // reuse its deflate data and trailer, with a richer header
        byte[] data = Arrays.copyOfRange(deflated, 10, deflated.length);
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3});
        h.writeBytes(new byte[] {3, 0, 'x', 'y', 'z'}); // FEXTRA
        h.writeBytes("name.json\0".getBytes(StandardCharsets.ISO_8859_1)); // FNAME
        h.writeBytes("a comment\0".getBytes(StandardCharsets.ISO_8859_1)); // FCOMMENT
        CRC32 crc = new CRC32();
        crc.update(h.toByteArray());
        h.writeBytes(new byte[] {(byte) crc.getValue(), (byte) (crc.getValue() >> 8)}); // FHCRC
        byte[] gz = concat(h.toByteArray(), data);
        for (int chunk : new int[] {1, 2, 4, 100}) {
            assertThat(feed(info("gzip", gz.length), 100, gz, chunk)).isEqualTo(plain);
        }
    }

    @Test
    void bytesAfterTheLastMemberThatAreNotAMemberAreIgnored() throws Exception {
        byte[] plain = "kept".getBytes(StandardCharsets.UTF_8);
        byte[] gz = concat(gzip(plain), "\n\n  trailing junk".getBytes(StandardCharsets.UTF_8));
        assertThat(feed(info("gzip", -1), 100, gz, 3)).isEqualTo(plain);
    }

    @Test
    void aWrongCrcOrLengthOrATruncatedBodyIsCorrupt() throws Exception {
        byte[] gz = gzip(text(5000));
        byte[] badCrc = gz.clone();
        badCrc[gz.length - 8] ^= 1;
        byte[] badLength = gz.clone();
        badLength[gz.length - 4] ^= 1;
        byte[] truncated = Arrays.copyOf(gz, gz.length - 3);
        byte[] truncatedData = Arrays.copyOf(gz, gz.length / 2);
        byte[] headerOnly = Arrays.copyOf(gz, 6);
        assertThat(catchThrowable(() -> feed(info("gzip", -1), 1 << 20, badCrc, 100)))
                .isInstanceOf(BoundedBody.CorruptGzipException.class)
                .hasMessageContaining("CRC");
        assertThat(catchThrowable(() -> feed(info("gzip", -1), 1 << 20, badLength, 100)))
                .isInstanceOf(BoundedBody.CorruptGzipException.class)
                .hasMessageContaining("length");
        for (byte[] cut : List.of(truncated, truncatedData, headerOnly)) {
            assertThat(catchThrowable(() -> feed(info("gzip", -1), 1 << 20, cut, 100)))
                    .isInstanceOf(BoundedBody.CorruptGzipException.class)
                    .hasMessageContaining("truncated");
        }
    }

    @Test
    void notGzipAtAllIsCorrupt() {
        byte[] body = "<html>not gzip</html>".getBytes(StandardCharsets.UTF_8);
        assertThat(catchThrowable(() -> feed(info("gzip", body.length), 100, body, 4)))
                .isInstanceOf(BoundedBody.CorruptGzipException.class)
                .hasMessageContaining("not in gzip format");
    }

    @Test
    void corruptDeflateDataIsCorrupt() throws Exception {
        byte[] gz = gzip(text(5000));
        for (int i = 12; i < 40; i++) {
            gz[i] = (byte) 0xFF;
        }
        assertThat(catchThrowable(() -> feed(info("gzip", -1), 1 << 20, gz, 50)))
                .isInstanceOf(BoundedBody.CorruptGzipException.class);
    }

    @Test
    void anEmptyBodyMarkedGzipIsEmpty() throws Exception {
        assertThat(feed(info("gzip", 0), 100, new byte[0], 1)).isEmpty();
    }

    @Test
    void inflatedOutputExactlyAtTheLimitPassesAndOneByteMoreFails() throws Exception {
        byte[] plain = text(10_000);
        byte[] gz = gzip(plain);
        assertThat(feed(info("gzip", gz.length), 10_000, gz, 333)).isEqualTo(plain);
        Throwable t = catchThrowable(() -> feed(info("gzip", gz.length), 9_999, gz, 333));
        assertThat(t).isInstanceOf(BoundedBody.TooLargeException.class);
        assertThat(((BoundedBody.TooLargeException) t).limit).isEqualTo(9_999);
    }

    @Test
    void aGzipBombStopsAtTheLimitWithoutInflatingTheRest() throws Exception {
        byte[] bomb = gzip(new byte[50 * 1024 * 1024]); // 50 MiB of zeros, about 50 KB compressed
        assertThat(bomb.length).isLessThan(100_000);
        assertThat(catchThrowable(() -> feed(info("gzip", bomb.length), 1 << 20, bomb, 8192)))
                .isInstanceOf(BoundedBody.TooLargeException.class);
    }

    @Test
    void anIdentityBodyIsKeptAsSentUpToTheLimit() throws Exception {
        byte[] plain = text(70_000);
        assertThat(feed(info(null, -1), 70_000, plain, 1000)).isEqualTo(plain);
        assertThat(feed(info(null, plain.length), 70_000, plain, 4096)).isEqualTo(plain);
        assertThat(catchThrowable(() -> feed(info(null, -1), 69_999, plain, 1000)))
                .isInstanceOf(BoundedBody.TooLargeException.class);
        assertThat(catchThrowable(() -> feed(info(null, plain.length), 69_999, plain, 1000)))
                .as("refused from Content-Length before reading")
                .isInstanceOf(BoundedBody.TooLargeException.class);
    }

    @Test
    void otherEncodingsAreKeptAsSent() throws Exception {
        byte[] gz = gzip(text(100));
        assertThat(feed(info("br", -1), 1000, gz, 10)).isEqualTo(gz);
        assertThat(BoundedBody.isGzip(info(" GZIP ", -1))).isTrue();
        assertThat(BoundedBody.isGzip(info("deflate", -1))).isFalse();
    }
}
