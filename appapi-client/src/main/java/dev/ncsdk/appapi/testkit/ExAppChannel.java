package dev.ncsdk.appapi.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** How the simulator reaches the ExApp: TCP through {@code HttpClient}, or a Unix domain socket. */
interface ExAppChannel extends AutoCloseable {
    /** The longest body the simulator reads from an ExApp. */
    int MAX_BODY = 64 * 1024 * 1024;

    /**
     * Sends one request.
     *
     * @param headers name/value pairs in order (a name may repeat)
     * @throws java.net.http.HttpTimeoutException when no full answer came within the timeout
     * @throws IOException when the ExApp cannot be reached
     */
    ExAppResponse send(
            String method, String pathAndQuery, List<Map.Entry<String, String>> headers, byte[] body, Duration timeout)
            throws IOException, InterruptedException;

    /**
     * Sends one request and hands each part of the answer's body to {@code chunks} as it arrives (AppAPI reads an
     * occ command's answer this way). The whole answer is returned at the end. This default reads the whole answer
     * first; a channel that can do better overrides it.
     *
     * @param chunks receives the body's bytes, in order, as they come
     * @throws java.net.http.HttpTimeoutException when the answer did not start, or did not end, within the timeout
     * @throws IOException when the ExApp cannot be reached
     */
    default ExAppResponse sendStreaming(
            String method,
            String pathAndQuery,
            List<Map.Entry<String, String>> headers,
            byte[] body,
            Duration timeout,
            java.util.function.Consumer<byte[]> chunks)
            throws IOException, InterruptedException {
        ExAppResponse r = send(method, pathAndQuery, headers, body, timeout);
        if (r.body().length > 0) {
            chunks.accept(r.body());
        }
        return r;
    }

    /** Where the ExApp is, for messages. */
    String describe();

    @Override
    void close();

    /** Inflates a gzip body (AppAPI asks for gzip; the JDK client does not inflate). */
    static byte[] inflateIfGzip(Map<String, List<String>> headers, byte[] body) throws IOException {
        List<String> enc = headers.get("content-encoding");
        if (enc == null || enc.stream().noneMatch(v -> v.trim().equalsIgnoreCase("gzip")) || body.length == 0) {
            return body;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] out = in.readNBytes(MAX_BODY + 1);
            if (out.length > MAX_BODY) {
                throw new IOException("the ExApp's gzip body inflates to more than " + MAX_BODY + " bytes");
            }
            return out;
        }
    }
}
