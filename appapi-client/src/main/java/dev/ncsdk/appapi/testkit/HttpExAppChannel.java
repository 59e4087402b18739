package dev.ncsdk.appapi.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/** TCP: the JDK's client, HTTP/1.1 as AppAPI's Guzzle speaks it. */
final class HttpExAppChannel implements ExAppChannel {
    private final URI base;
    private final HttpClient client;

    HttpExAppChannel(URI base, Duration connectTimeout, Executor executor) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    @Override
    public ExAppResponse send(
            String method, String pathAndQuery, List<Map.Entry<String, String>> headers, byte[] body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout);
        for (Map.Entry<String, String> h : headers) {
            b.header(h.getKey(), h.getValue());
        }
        boolean hasBody = body.length > 0 || method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        b.method(method, hasBody ? HttpRequest.BodyPublishers.ofByteArray(body) : HttpRequest.BodyPublishers.noBody());
        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, List<String>> h = Headers.copyLowerCase(r.headers().map());
        byte[] raw = r.body() == null ? new byte[0] : r.body();
        return new ExAppResponse(r.statusCode(), h, ExAppChannel.inflateIfGzip(h, raw));
    }

    @Override
    public ExAppResponse sendStreaming(
            String method,
            String pathAndQuery,
            List<Map.Entry<String, String>> headers,
            byte[] body,
            Duration timeout,
            java.util.function.Consumer<byte[]> chunks)
            throws IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout);
        for (Map.Entry<String, String> h : headers) {
            b.header(h.getKey(), h.getValue());
        }
        b.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<java.io.InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        Map<String, List<String>> h = Headers.copyLowerCase(r.headers().map());
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean expired = new java.util.concurrent.atomic.AtomicBoolean();
        java.io.InputStream in = r.body();
        // the request timeout covers the answer's head only: the body gets the same time, then it is cut
        java.util.concurrent.CompletableFuture<Void> guard = new java.util.concurrent.CompletableFuture<>();
        guard.completeOnTimeout(null, timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .thenRun(() -> {
                    if (done.compareAndSet(false, true)) {
                        expired.set(true);
                        try {
                            in.close(); // a blocked read then ends
                        } catch (IOException ignored) {
                            // closing is all that is wanted
                        }
                    }
                });
        try (in) {
            byte[] buf = new byte[1024]; // AppAPI reads 1024 bytes at a time and writes each to the terminal
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (all.size() + n > MAX_BODY) {
                    throw new IOException("the ExApp's answer is longer than " + MAX_BODY + " bytes");
                }
                all.write(buf, 0, n);
                chunks.accept(java.util.Arrays.copyOf(buf, n));
            }
        } catch (IOException e) {
            if (!expired.get()) {
                throw e;
            }
        } finally {
            done.set(true);
            guard.cancel(false);
        }
        if (expired.get()) {
            throw new java.net.http.HttpTimeoutException("the answer did not end within " + timeout);
        }
        return new ExAppResponse(r.statusCode(), h, all.toByteArray());
    }

    @Override
    public String describe() {
        return base.toString();
    }

    @Override
    public void close() {
        // The JDK 17 client has no close(); its connections end with the executor and the process.
    }
}
