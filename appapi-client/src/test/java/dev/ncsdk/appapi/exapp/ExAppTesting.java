package dev.ncsdk.appapi.exapp;

import com.sun.net.httpserver.HttpServer;
import dev.ncsdk.ocs.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Shared pieces of the ExApp runtime tests: a fake Nextcloud, AppAPI's headers, raw HTTP, log capture. */
final class ExAppTesting {
    static final String APP_ID = "javastub";
    static final String SECRET = "DhtW7oWTDy1LI01vAkyfmc2uvNzI7RhTKnbjw82gc90WwE27";
    static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private ExAppTesting() {}

    /** The environment AppAPI would give the ExApp, with a free port and the given Nextcloud. */
    static Map<String, String> env(String nextcloudUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("APP_ID", APP_ID);
        env.put("APP_VERSION", "1.0.0");
        env.put("APP_SECRET", SECRET);
        env.put("APP_HOST", "127.0.0.1");
        env.put("APP_PORT", "0");
        env.put("NEXTCLOUD_URL", nextcloudUrl);
        return env;
    }

    static String auth(String user, String secret) {
        return Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** A request builder with AppAPI's headers for {@code user} (empty = system). */
    static HttpRequest.Builder appApi(ExApp app, String pathAndQuery, String user) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .header("EX-APP-ID", APP_ID)
                .header("EX-APP-VERSION", "1.0.0")
                .header("AUTHORIZATION-APP-API", auth(user, SECRET))
                .header("AA-REQUEST-ID", "req-" + user);
    }

    static HttpResponse<String> send(HttpRequest r) throws IOException, InterruptedException {
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    }

    /** Writes a raw HTTP/1.1 request (with Connection: close) and reads the whole answer. */
    static String raw(int port, String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** Collects every record of the runtime's logger (System.Logger goes to java.util.logging by default). */
    static final class LogCapture extends Handler implements AutoCloseable {
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final Logger logger = Logger.getLogger("dev.ncsdk.appapi.exapp");
        private final java.util.logging.Level before;

        LogCapture() {
            before = logger.getLevel();
            logger.setLevel(java.util.logging.Level.ALL);
            setLevel(java.util.logging.Level.ALL);
            logger.addHandler(this);
        }

        @Override
        public void publish(LogRecord r) {
            String msg = r.getMessage();
            if (r.getParameters() != null) {
                msg = java.text.MessageFormat.format(msg, r.getParameters());
            }
            StringBuilder b = new StringBuilder(msg);
            for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                b.append(" | ").append(t);
            }
            lines.add(b.toString());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            logger.removeHandler(this);
            logger.setLevel(before);
        }
    }

    /**
     * Nextcloud's side of the init status route, on loopback: answers {@code PUT .../ex-app/status} with the recorded
     * OCS v1 answer, records the bodies, and runs a hook before answering (to play AppAPI's nested calls).
     */
    static final class FakeNextcloud implements AutoCloseable {
        static final String OK = "{\"ocs\":{\"meta\":{\"status\":\"ok\",\"statuscode\":100,\"message\":\"OK\","
                + "\"totalitems\":\"\",\"itemsperpage\":\"\"},\"data\":[]}}";
        final List<String> statusBodies = new CopyOnWriteArrayList<>();
        final List<String> statusAuth = new CopyOnWriteArrayList<>();
        private final HttpServer server;
        volatile Consumer<String> beforeAnswer = b -> {};

        FakeNextcloud() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "fake-nextcloud");
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/ocs/v1.php/apps/app_api/ex-app/status", ex -> {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                statusBodies.add(body);
                statusAuth.add(String.valueOf(ex.getRequestHeaders().getFirst("AUTHORIZATION-APP-API")));
                try {
                    beforeAnswer.accept(body);
                } finally {
                    byte[] b = OK.getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
                    ex.sendResponseHeaders(200, b.length);
                    ex.getResponseBody().write(b);
                    ex.close();
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        /** Waits until a status body satisfying the test arrived. */
        String awaitStatus(java.util.function.Predicate<String> test) throws InterruptedException {
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < end) {
                for (String b : new ArrayList<>(statusBodies)) {
                    if (test.test(b)) {
                        return b;
                    }
                }
                Thread.sleep(10);
            }
            throw new AssertionError("no such status report; got " + statusBodies);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static Secret secret() {
        return Secret.of(SECRET);
    }
}
