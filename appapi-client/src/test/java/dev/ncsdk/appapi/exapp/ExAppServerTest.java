package dev.ncsdk.appapi.exapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.appapi.manifest.AccessLevel;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP side of the runtime: routing, bodies, errors, limits, proxy quirks, the Unix socket. */
class ExAppServerTest {
    static ExApp app;
    static ExAppTesting.LogCapture logs;

    record Item(String name, int count) {}

    @BeforeAll
    static void start() {
        logs = new ExAppTesting.LogCapture();
        app = ExApp.builder()
                .environment(ExAppTesting.env("http://127.0.0.1:9"))
                .maxBodyBytes(1024)
                .route(
                        HttpMethod.GET,
                        "/items/{id}",
                        AccessLevel.USER,
                        req -> Response.json(Map.of(
                                "id",
                                req.pathParam("id"),
                                "q",
                                req.queryParam("q").orElse("-"))))
                .route(HttpMethod.POST, "/items", AccessLevel.USER, req -> {
                    Item item = req.bodyAs(Item.class);
                    return Response.json(201, item).withHeader("Location", "/items/" + item.name());
                })
                .route(
                        HttpMethod.PUT,
                        "/echo",
                        AccessLevel.USER,
                        req -> Response.text(req.bodyAsString() + "|"
                                + req.header("content-type").orElse("none")))
                .route(HttpMethod.GET, "/static/*", AccessLevel.PUBLIC, req -> Response.text(req.pathParam("*")))
                .route(HttpMethod.GET, "/boom", AccessLevel.ADMIN, req -> {
                    throw new IllegalStateException("database on fire");
                })
                .route(HttpMethod.GET, "/teapot", AccessLevel.USER, req -> {
                    throw new ExAppHttpException(418, "short and stout");
                })
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        app.stop(Duration.ofSeconds(1));
        logs.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return ExAppTesting.send(ExAppTesting.appApi(app, path, "alice").build());
    }

    @Test
    void pathVariablesAndQueryParametersAreDecoded() throws Exception {
        HttpResponse<String> r = get("/items/a%20b+c?q=x%26y&q=2");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"id\":\"a b+c\"").contains("\"q\":\"x&y\"");
        assertThat(get("/static/css/app.css").body()).isEqualTo("css/app.css");
    }

    @Test
    void jsonBodiesAreReadAndWritten() throws Exception {
        HttpResponse<String> r = ExAppTesting.send(ExAppTesting.appApi(app, "/items", "alice")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"pen\",\"count\":3}"))
                .build());
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).isEqualTo("{\"name\":\"pen\",\"count\":3}");
        assertThat(r.headers().firstValue("Location")).hasValue("/items/pen");
        HttpResponse<String> bad = ExAppTesting.send(ExAppTesting.appApi(app, "/items", "alice")
                .POST(HttpRequest.BodyPublishers.ofString("{not json"))
                .build());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).startsWith("{\"error\":");
    }

    @Test
    void unknownRoutesAndMethodsAreJson404And405() throws Exception {
        HttpResponse<String> nf = get("/nothing/here");
        assertThat(nf.statusCode()).isEqualTo(404);
        assertThat(nf.body()).startsWith("{\"error\":");
        HttpResponse<String> na = ExAppTesting.send(
                ExAppTesting.appApi(app, "/items/7", "alice").DELETE().build());
        assertThat(na.statusCode()).isEqualTo(405);
        assertThat(na.headers().firstValue("Allow")).hasValue("GET");
        assertThat(na.body()).startsWith("{\"error\":");
    }

    @Test
    void aHandlersExceptionIsA500WithAJsonMessageAndALogLine() throws Exception {
        HttpResponse<String> r = get("/boom");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body()).startsWith("{\"error\":").doesNotContain("database on fire");
        assertThat(logs.lines).anyMatch(l -> l.contains("/boom") && l.contains("database on fire"));
        HttpResponse<String> tea = get("/teapot");
        assertThat(tea.statusCode()).isEqualTo(418);
        assertThat(tea.body()).isEqualTo("{\"error\":\"short and stout\"}");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        HttpResponse<String> r = ExAppTesting.send(ExAppTesting.appApi(app, "/echo", "alice")
                .PUT(HttpRequest.BodyPublishers.ofString("x".repeat(2000)))
                .build());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).startsWith("{\"error\":");
        // chunked, so the length is only known while reading
        String chunked = ExAppTesting.raw(
                app.port(),
                "PUT /echo HTTP/1.1\r\nHost: x\r\n" + headers()
                        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + "400\r\n" + "y".repeat(1024)
                        + "\r\n" + "10\r\n" + "z".repeat(16) + "\r\n0\r\n\r\n");
        assertThat(chunked).startsWith("HTTP/1.1 413 ");
    }

    @Test
    void aChunkedBodyWithinTheLimitIsRelayed() throws Exception {
        String answer = ExAppTesting.raw(
                app.port(),
                "PUT /echo HTTP/1.1\r\nHost: x\r\n" + headers()
                        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                        + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200 ").endsWith("hello world|none");
    }

    @Test
    void aHandlerOverTheTimeIs503AndIsInterrupted() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        try (ExApp slow = ExApp.builder()
                .environment(ExAppTesting.env("http://127.0.0.1:9"))
                .workerThreads(2)
                .handlerTimeout(Duration.ofMillis(500))
                .route(HttpMethod.GET, "/slow", AccessLevel.USER, req -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                    return Response.text("late");
                })
                .route(HttpMethod.GET, "/fast", AccessLevel.USER, req -> Response.text("fast"))
                .build()
                .start()) {
            HttpResponse<String> r = ExAppTesting.send(
                    ExAppTesting.appApi(slow, "/slow", "alice").build());
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).startsWith("{\"error\":");
            assertThat(interrupted.await(20, TimeUnit.SECONDS)).isTrue();
            // both workers are free again
            for (int i = 0; i < 4; i++) {
                assertThat(ExAppTesting.send(ExAppTesting.appApi(slow, "/fast", "alice")
                                        .build())
                                .body())
                        .isEqualTo("fast");
            }
        }
    }

    @Test
    void emptyContentLengthAndContentTypeHeadersAreTolerated() throws Exception {
        // nextcloud/app_api#536: the proxy forwarded "Content-Length:" and "Content-Type:" without values
        String answer = ExAppTesting.raw(
                app.port(),
                "PUT /echo HTTP/1.1\r\nHost: x\r\n" + headers()
                        + "Content-Length: \r\nContent-Type: \r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200 ").endsWith("|");
        String get = ExAppTesting.raw(
                app.port(),
                "GET /items/5 HTTP/1.1\r\nHost: x\r\n" + headers() + "Content-Length:\r\nConnection: close\r\n\r\n");
        assertThat(get).startsWith("HTTP/1.1 200 ").contains("\"id\":\"5\"");
    }

    @Test
    void keepAliveRequestsAfterABodyAreFramedRight() throws Exception {
        String two = "PUT /echo HTTP/1.1\r\nHost: x\r\n" + headers()
                + "Content-Type: text/plain\r\nContent-Length: 3\r\n\r\nabc" + "GET /items/9 HTTP/1.1\r\nHost: x\r\n"
                + headers() + "Connection: close\r\n\r\n";
        String answer = ExAppTesting.raw(app.port(), two);
        assertThat(answer).contains("abc|text/plain").contains("\"id\":\"9\"");
        assertThat(answer.split("HTTP/1.1 200 ", -1)).hasSize(3);
    }

    @Test
    void headRequestsUseTheGetRouteWithoutABody() throws Exception {
        HttpResponse<String> r = ExAppTesting.send(ExAppTesting.appApi(app, "/items/3", "alice")
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void badRoutePatternsAndLifecyclePathsAreRefusedAtDeclaration() {
        ExApp.Builder b = ExApp.builder();
        assertThatThrownBy(() -> b.route(HttpMethod.GET, "items", AccessLevel.USER, req -> null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.route(HttpMethod.GET, "/a/*/b", AccessLevel.USER, req -> null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.route(HttpMethod.GET, "/a{id}", AccessLevel.USER, req -> null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.route(HttpMethod.POST, "/init", AccessLevel.USER, req -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("onInit");
    }

    @Test
    void theRuntimeServesOverAUnixDomainSocketWhenBehindHarp() throws Exception {
        Path sock = Files.createTempDirectory("ncsdk-uds").resolve("exapp.sock");
        Files.writeString(sock, "stale"); // a leftover file where the socket goes is replaced
        Map<String, String> env = new java.util.HashMap<>(ExAppTesting.env("http://127.0.0.1:9"));
        env.put("HP_SHARED_KEY", "harp-key");
        env.put("HP_EXAPP_SOCK", sock.toString());
        try (ExApp harp = ExApp.builder()
                .environment(env)
                .route(HttpMethod.GET, "/hello", AccessLevel.USER, req -> Response.text("hi " + req.user()))
                .build()
                .start()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sock)))
                    .isEqualTo("rw-rw-rw-");
            String answer = unixRequest(
                    sock, "GET /hello HTTP/1.1\r\nHost: exapp\r\n" + headers() + "Connection: close\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 200 ").endsWith("hi alice");
            String hb = unixRequest(sock, "GET /heartbeat HTTP/1.1\r\nHost: exapp\r\nConnection: close\r\n\r\n");
            assertThat(hb).endsWith("{\"status\":\"ok\"}");
            // TCP is served as well
            assertThat(ExAppTesting.send(
                                    ExAppTesting.appApi(harp, "/hello", "bob").build())
                            .body())
                    .isEqualTo("hi bob");
        }
        assertThat(sock).doesNotExist();
    }

    static String unixRequest(Path sock, String request) throws Exception {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(sock));
            ch.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.ISO_8859_1)));
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            while (ch.read(buf) >= 0) {
                if (!buf.hasRemaining()) {
                    break;
                }
            }
            buf.flip();
            return StandardCharsets.ISO_8859_1.decode(buf).toString();
        }
    }

    static String headers() {
        return "EX-APP-ID: javastub\r\nEX-APP-VERSION: 1.0.0\r\nAUTHORIZATION-APP-API: "
                + ExAppTesting.auth("alice", ExAppTesting.SECRET) + "\r\nAA-REQUEST-ID: r\r\n";
    }
}
