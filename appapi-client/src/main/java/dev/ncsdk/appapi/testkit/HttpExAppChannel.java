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
    public String describe() {
        return base.toString();
    }

    @Override
    public void close() {
        // The JDK 17 client has no close(); its connections end with the executor and the process.
    }
}
