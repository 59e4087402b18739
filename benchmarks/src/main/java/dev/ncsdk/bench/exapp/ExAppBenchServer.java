package dev.ncsdk.bench.exapp;

import dev.ncsdk.appapi.exapp.ExApp;
import dev.ncsdk.appapi.exapp.HttpMethod;
import dev.ncsdk.appapi.exapp.Response;
import dev.ncsdk.appapi.manifest.AccessLevel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The minimal ExApp the runtime benchmarks start in a child JVM: configuration from the environment AppAPI gives
 * ({@code APP_ID}, {@code APP_VERSION}, {@code APP_SECRET}, {@code APP_PORT}, {@code NEXTCLOUD_URL}), the runtime's
 * own {@code /heartbeat}, and two authenticated routes: {@code GET /} answering the same constant
 * {@code {"status":"ok"}} bytes as the heartbeat, and {@code GET /json} answering a small map written by Jackson.
 *
 * <p>With {@code -Dncsdk.bench.backend=true} it first prints {@code backend <port>}: the port of the JDK server behind
 * the runtime's relay, so that the relay's share of the cost can be measured.
 *
 * <p>Each line {@code heap} on standard input makes it run {@link System#gc()} three times and print
 * {@code heap used=<bytes> committed=<bytes>} on standard output; the end of standard input changes nothing (the
 * parent stops it with SIGTERM).
 */
public final class ExAppBenchServer {
    private static final byte[] OK = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    private ExAppBenchServer() {}

    /**
     * Starts the ExApp and serves until SIGTERM.
     *
     * @param args none
     */
    public static void main(String[] args) {
        ExApp app = ExApp.builder()
                .route(HttpMethod.GET, "/", AccessLevel.USER, req -> Response.bytes(OK, "application/json"))
                .route(
                        HttpMethod.GET,
                        "/json",
                        AccessLevel.USER,
                        req -> Response.json(Map.of("status", "ok", "user", req.user())))
                .build()
                .start();
        if (Boolean.getBoolean("ncsdk.bench.backend")) {
            System.out.println("backend " + backendPort(app));
            System.out.flush();
        }
        Thread heap = new Thread(ExAppBenchServer::answerHeapQueries, "bench-heap");
        heap.setDaemon(true);
        heap.start();
        app.runUntilStopped();
    }

    /**
     * The loopback port of the JDK server behind the runtime's relay, read reflectively: only for measuring what
     * the relay costs (nothing but this benchmark connects there).
     */
    private static int backendPort(ExApp app) {
        try {
            java.lang.reflect.Field f = ExApp.class.getDeclaredField("server");
            f.setAccessible(true);
            return ((com.sun.net.httpserver.HttpServer) f.get(app)).getAddress().getPort();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot find the JDK server behind the relay", e);
        }
    }

    private static void answerHeapQueries() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.trim().equals("heap")) {
                    for (int i = 0; i < 3; i++) {
                        System.gc();
                    }
                    MemoryUsage h = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                    System.out.println("heap used=" + h.getUsed() + " committed=" + h.getCommitted());
                    System.out.flush();
                }
            }
        } catch (java.io.IOException e) {
            // standard input closed: nothing more to answer
        }
    }
}
