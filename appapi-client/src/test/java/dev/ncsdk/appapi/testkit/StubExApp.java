package dev.ncsdk.appapi.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny hand-written ExApp on jdk.httpserver, to test the simulator against: it checks AppAPI's headers the way
 * nc_py_api's middleware does (except on /heartbeat), answers the lifecycle endpoints and reports init progress to
 * NEXTCLOUD_URL with plain HttpClient calls.
 */
final class StubExApp implements AutoCloseable {
    /** One request the stub received. */
    record Inbound(String method, String pathAndQuery, Map<String, String> headers, String body, long nanoTime) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, String> env;
    final List<Inbound> inbound = Collections.synchronizedList(new ArrayList<>());
    /** When each status report got its answer (nanoTime), in order. */
    final List<Long> reportAnswered = Collections.synchronizedList(new ArrayList<>());

    volatile List<Integer> progress = List.of(50, 100);
    volatile String initError = "";
    volatile boolean reportInsideInitHandler;
    volatile int initStatus = 200;
    volatile String enabledError = "";

    StubExApp(Map<String, String> env, boolean singleThreaded) throws IOException {
        this.env = env;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = singleThreaded ? Executors.newSingleThreadExecutor() : Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port());
    }

    List<Inbound> inbound(String pathPrefix) {
        synchronized (inbound) {
            return inbound.stream()
                    .filter(i -> i.pathAndQuery().startsWith(pathPrefix))
                    .toList();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath()
                    + (ex.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + ex.getRequestURI().getRawQuery());
            Map<String, String> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            inbound.add(new Inbound(ex.getRequestMethod(), path, headers, body, System.nanoTime()));
            if (path.equals("/heartbeat")) {
                reply(ex, 200, "{\"status\":\"ok\"}");
                return;
            }
            String user = user(headers);
            if (user == null) {
                reply(ex, 401, "{\"detail\":\"AppAPI authentication failed\"}");
                return;
            }
            if (path.equals("/init") && ex.getRequestMethod().equals("POST")) {
                if (initStatus != 200) {
                    reply(ex, initStatus, "{}");
                    return;
                }
                if (reportInsideInitHandler) {
                    report(); // the mistake the simulator must catch: reporting on the request thread
                } else {
                    worker.execute(this::report);
                }
                reply(ex, 200, "{}");
            } else if (path.startsWith("/enabled")) {
                reply(ex, 200, "{\"error\":\"" + enabledError + "\"}");
            } else if (path.equals("/") && ex.getRequestMethod().equals("GET")) {
                reply(ex, 200, "{\"hello\":\"" + user + "\"}");
            } else {
                reply(
                        ex,
                        200,
                        "{\"method\":\"" + ex.getRequestMethod() + "\",\"path\":\"" + path + "\",\"user\":\"" + user
                                + "\",\"bodyLength\":" + body.length() + "}");
            }
        }
    }

    /** nc_py_api's check: app id, non-empty version, secret half after the first ':'. */
    private String user(Map<String, String> h) {
        String auth = h.get("authorization-app-api");
        if (auth == null || !env.get("APP_ID").equals(h.get("ex-app-id"))) {
            return null;
        }
        if (h.get("ex-app-version") == null || h.get("ex-app-version").isEmpty()) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        boolean same = MessageDigest.isEqual(
                decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8),
                env.get("APP_SECRET").getBytes(StandardCharsets.UTF_8));
        return same ? decoded.substring(0, colon) : null;
    }

    private void report() {
        try {
            if (!initError.isEmpty()) {
                send(
                        "PUT",
                        "/ocs/v1.php/apps/app_api/ex-app/status?format=json",
                        "{\"progress\":10,\"error\":\"" + initError + "\"}",
                        "");
                return;
            }
            for (int p : progress) {
                send("PUT", "/ocs/v1.php/apps/app_api/ex-app/status?format=json", "{\"progress\":" + p + "}", "");
                reportAnswered.add(System.nanoTime());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A call to Nextcloud with AppAPI's headers, as an ExApp makes it. */
    HttpResponse<String> send(String method, String pathAndQuery, String json, String user)
            throws IOException, InterruptedException {
        String auth = Base64.getEncoder()
                .encodeToString((user + ":" + env.get("APP_SECRET")).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(env.get("NEXTCLOUD_URL") + pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .header("OCS-APIRequest", "true")
                .header("EX-APP-ID", env.get("APP_ID"))
                .header("EX-APP-VERSION", env.get("APP_VERSION"))
                .header("AUTHORIZATION-APP-API", auth)
                .header("Content-Type", "application/json");
        b.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        worker.shutdownNow();
    }
}
