package dev.ncsdk.appapi.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A minimal HTTP/1.1 client over a Unix domain socket (the JDK 17 {@code HttpClient} cannot use one), for ExApps that
 * listen where HaRP's FRP client forwards ({@code /tmp/exapp.sock}). One connection per request
 * ({@code Connection: close}); reads {@code Content-Length}, chunked and close-delimited bodies; the timeout covers
 * the whole exchange (the socket is closed when it runs out).
 */
final class UnixSocketExAppChannel implements ExAppChannel {
    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_HEADERS = 256;

    private final Path socket;
    private final Executor executor;

    UnixSocketExAppChannel(Path socket, Executor executor) {
        this.socket = socket;
        this.executor = executor;
    }

    @Override
    public ExAppResponse send(
            String method, String pathAndQuery, List<Map.Entry<String, String>> headers, byte[] body, Duration timeout)
            throws IOException {
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean timedOut = new AtomicBoolean();
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        CompletableFuture.delayedExecutor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS, executor)
                .execute(() -> {
                    if (finished.compareAndSet(false, true)) {
                        timedOut.set(true);
                        closeQuietly(ch);
                    }
                });
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
            writeRequest(ch, method, pathAndQuery, headers, body);
            ExAppResponse r = readResponse(new BufferedInputStream(Channels.newInputStream(ch)), method);
            if (!finished.compareAndSet(false, true)) {
                throw timeout(method, pathAndQuery, timeout);
            }
            return r;
        } catch (IOException e) {
            if (timedOut.get()) {
                throw timeout(method, pathAndQuery, timeout);
            }
            throw e;
        } finally {
            finished.set(true);
            closeQuietly(ch);
        }
    }

    private HttpTimeoutException timeout(String method, String path, Duration timeout) {
        return new HttpTimeoutException(method + " " + path + " over " + socket + ": no answer within " + timeout);
    }

    private static void writeRequest(
            SocketChannel ch, String method, String pathAndQuery, List<Map.Entry<String, String>> headers, byte[] body)
            throws IOException {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\n");
        head.append("Host: localhost\r\n");
        for (Map.Entry<String, String> h : headers) {
            checkHeader(h.getKey());
            checkHeader(h.getValue());
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        if (body.length > 0 || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        ByteBuffer out = ByteBuffer.allocate(head.length() * 3 + body.length);
        out.put(head.toString().getBytes(StandardCharsets.UTF_8)).put(body).flip();
        while (out.hasRemaining()) {
            ch.write(out);
        }
    }

    private static void checkHeader(String s) {
        if (s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a header name or value must not contain CR or LF");
        }
    }

    static ExAppResponse readResponse(InputStream in, String method) throws IOException {
        while (true) {
            String statusLine = readLine(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.x status line: " + Headers.cut(statusLine));
            }
            int status;
            try {
                status = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("bad status code in: " + Headers.cut(statusLine), e);
            }
            Map<String, List<String>> headers = readHeaders(in);
            if (status >= 100 && status < 200) {
                continue; // 100 Continue and friends: the real answer follows
            }
            byte[] body;
            if (method.equals("HEAD") || status == 204 || status == 304) {
                body = new byte[0];
            } else if (headers.getOrDefault("transfer-encoding", List.of()).stream()
                    .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
                body = readChunked(in);
            } else if (headers.containsKey("content-length")) {
                long n;
                try {
                    n = Long.parseLong(headers.get("content-length").get(0).trim());
                } catch (NumberFormatException e) {
                    throw new IOException("bad Content-Length", e);
                }
                if (n < 0 || n > MAX_BODY) {
                    throw new IOException("Content-Length " + n + " out of range");
                }
                body = in.readNBytes((int) n);
                if (body.length < n) {
                    throw new IOException(
                            "the ExApp closed the connection after " + body.length + " of " + n + " body bytes");
                }
            } else {
                body = in.readNBytes(MAX_BODY + 1);
                if (body.length > MAX_BODY) {
                    throw new IOException("body longer than " + MAX_BODY + " bytes");
                }
            }
            return new ExAppResponse(status, headers, ExAppChannel.inflateIfGzip(headers, body));
        }
    }

    private static Map<String, List<String>> readHeaders(InputStream in) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; ; i++) {
            String line = readLine(in);
            if (line.isEmpty()) {
                return headers;
            }
            if (i >= MAX_HEADERS) {
                throw new IOException("more than " + MAX_HEADERS + " header lines");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("bad header line: " + Headers.cut(line));
            }
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int semi = sizeLine.indexOf(';');
            String hex = (semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size: " + Headers.cut(sizeLine), e);
            }
            if (size < 0 || out.size() + size > MAX_BODY) {
                throw new IOException("chunked body longer than " + MAX_BODY + " bytes");
            }
            if (size == 0) {
                readHeaders(in); // trailers, then the blank line
                return out.toByteArray();
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length < size) {
                throw new IOException("the ExApp closed the connection inside a chunk");
            }
            out.write(chunk);
            if (!readLine(in).isEmpty()) {
                throw new IOException("a chunk does not end with CRLF");
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("the ExApp closed the connection before the end of its answer");
            }
            if (c == '\n') {
                byte[] b = line.toByteArray();
                int n = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                return new String(b, 0, n, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("a line of the answer is longer than " + MAX_LINE + " bytes");
            }
            line.write(c);
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // closing a socket we no longer read from
        }
    }

    @Override
    public String describe() {
        return "unix:" + socket;
    }

    @Override
    public void close() {
        // one connection per request: nothing stays open
    }
}
