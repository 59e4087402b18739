package dev.ncsdk.bench.appstore;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ncsdk.appstore.AppStoreClient;
import dev.ncsdk.appstore.cache.ResponseCache;
import dev.ncsdk.appstore.update.FleetReport;
import dev.ncsdk.appstore.update.FleetUpdateCheck;
import dev.ncsdk.appstore.update.ServerCheck;
import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fleet update check on loopback, run on demand (a main, not JMH: the figure is a whole run's wall time):
 * {@code java -cp benchmarks/target/benchmarks.jar dev.ncsdk.bench.appstore.FleetCheck [SERVERS] [APPS] [RUNS]}
 * (default 50 servers of 60 apps, 5 runs).
 *
 * <p>The generated catalogue (seed 42, 400 apps, 12.8 MB) is served by {@link CatalogueServer}; each fake Nextcloud
 * server is a {@code jdk.httpserver} on its own port answering {@code status.php}, {@code cloud/apps?filter=...},
 * {@code cloud/apps/{id}} and serverinfo in Nextcloud's shapes, with a different set of 60 installed apps (50
 * enabled, 10 disabled) at older versions. Each run builds fresh clients (one store client without cache, one OCS
 * client per server sharing one HTTP client), checks the whole fleet with {@link FleetUpdateCheck}'s defaults, and
 * prints the wall time, the process's CPU time, the requests the store and the servers received, and the updates
 * found.
 */
public final class FleetCheck {
    private FleetCheck() {}

    static final AtomicInteger SERVER_REQUESTS = new AtomicInteger();

    /**
     * Runs the benchmark.
     *
     * @param args servers, apps per server, runs
     * @throws IOException when a server cannot start
     */
    public static void main(String[] args) throws IOException {
        int servers = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int apps = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        CatalogueGenerator.Catalogue cat = CatalogueGenerator.generate(42);
        List<Map.Entry<String, String>> installed = new ArrayList<>(cat.installed.entrySet());
        CountingStore store = new CountingStore(cat.json);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<HttpServer> fakes = new ArrayList<>();
        try {
            for (int s = 0; s < servers; s++) {
                fakes.add(fake(s, apps, installed, pool));
            }
            System.out.printf(
                    "%d servers x %d apps, catalogue %d bytes (%d gzipped), Java %s%n",
                    servers, apps, cat.json.length, store.server.gzippedSize(), Runtime.version());
            long[] millis = new long[runs];
            for (int r = 0; r < runs; r++) {
                SERVER_REQUESTS.set(0);
                store.requests.set(0);
                long t0 = System.nanoTime();
                long cpu0 = cpuNanos();
                FleetReport report;
                try (AppStoreClient storeClient = AppStoreClient.builder()
                        .baseUri(URI.create(store.server.baseUrl()))
                        .cache(ResponseCache.none())
                        .build()) {
                    List<OcsClient> clients = new ArrayList<>();
                    for (HttpServer f : fakes) {
                        String url = "http://127.0.0.1:" + f.getAddress().getPort();
                        clients.add(
                                clients.isEmpty()
                                        ? OcsClient.builder()
                                                .baseUri(URI.create(url))
                                                .credentials(Credentials.basic("admin", Secret.of("bench")))
                                                .build()
                                        : clients.get(0).toBuilder()
                                                .baseUri(URI.create(url))
                                                .build());
                    }
                    try {
                        report = FleetUpdateCheck.builder(storeClient).build().check(clients);
                    } finally {
                        clients.forEach(OcsClient::close);
                    }
                }
                millis[r] = (System.nanoTime() - t0) / 1_000_000;
                long cpuMillis = (cpuNanos() - cpu0) / 1_000_000;
                int updates = 0;
                for (ServerCheck c : report.servers()) {
                    if (!c.checked()) {
                        throw new IllegalStateException("server failed: " + c);
                    }
                    updates += c.report().updates().size();
                }
                System.out.printf(
                        "run %d: %d ms wall, %d ms CPU (client and fake servers), store requests %d, server requests %d,"
                                + " %d servers checked, %d updates%n",
                        r + 1,
                        millis[r],
                        cpuMillis,
                        store.requests.get(),
                        SERVER_REQUESTS.get(),
                        report.servers().size(),
                        updates);
            }
            long[] sorted = millis.clone();
            Arrays.sort(sorted);
            System.out.printf(
                    "first (cold JVM) %d ms; median of all %d runs %d ms; min %d ms%n",
                    millis[0], runs, sorted[runs / 2], sorted[0]);
        } finally {
            for (HttpServer f : fakes) {
                f.stop(0);
            }
            store.server.close();
            pool.shutdownNow();
        }
    }

    /** CPU time of the whole process (the SDK and the fake servers alike): less sensitive to a busy machine. */
    private static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os =
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime()
                : -1;
    }

    /** The catalogue server, counting the requests it receives. */
    static final class CountingStore {
        final AtomicInteger requests = new AtomicInteger();
        final CatalogueServer server;

        CountingStore(byte[] json) {
            server = new CatalogueServer(0, json) {
                @Override
                protected void counted() {
                    requests.incrementAndGet();
                }
            };
        }
    }

    private static String ocs(String data) {
        return "{\"ocs\":{\"meta\":{\"status\":\"ok\",\"statuscode\":200,\"message\":\"OK\"},\"data\":" + data + "}}";
    }

    /** Fake server {@code s}: {@code apps} installed apps taken from the catalogue's, starting at {@code 5 s}. */
    static HttpServer fake(int s, int apps, List<Map.Entry<String, String>> installed, ExecutorService pool)
            throws IOException {
        StringBuilder enabled = new StringBuilder();
        StringBuilder disabled = new StringBuilder();
        Map<String, String> versions = new java.util.HashMap<>();
        for (int i = 0; i < apps; i++) {
            Map.Entry<String, String> e = installed.get((5 * s + i) % installed.size());
            versions.put(e.getKey(), e.getValue());
            StringBuilder list = i < apps - apps / 6 ? enabled : disabled;
            list.append(list.length() == 0 ? "" : ",")
                    .append('"')
                    .append(e.getKey())
                    .append('"');
        }
        String enabledBody = ocs("{\"apps\":[" + enabled + "]}");
        String disabledBody = ocs("{\"apps\":[" + disabled + "]}");
        String status = "{\"installed\":true,\"maintenance\":false,\"needsDbUpgrade\":false,\"version\":\"32.0.1.2\","
                + "\"versionstring\":\"32.0.1\",\"edition\":\"\",\"productname\":\"Nextcloud\",\"extendedSupport\":false}";
        String serverinfo = ocs("{\"server\":{\"webserver\":\"Apache\",\"php\":{\"version\":\"8.2.36\"}}}");
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        http.createContext("/", ex -> {
            SERVER_REQUESTS.incrementAndGet();
            String path = ex.getRequestURI().getPath();
            String body;
            int code = 200;
            if (path.equals("/status.php")) {
                body = status;
            } else if (path.equals("/ocs/v2.php/cloud/apps")) {
                String q = ex.getRequestURI().getQuery();
                body = q != null && q.contains("disabled") ? disabledBody : enabledBody;
            } else if (path.startsWith("/ocs/v2.php/cloud/apps/")) {
                String id = path.substring("/ocs/v2.php/cloud/apps/".length());
                String v = versions.get(id);
                code = v == null ? 404 : 200;
                body = v == null
                        ? "{\"ocs\":{\"meta\":{\"status\":\"failure\",\"statuscode\":404,\"message\":\"\"},"
                                + "\"data\":[]}}"
                        : ocs("{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"version\":\"" + v
                                + "\",\"dependencies\":{\"nextcloud\":{\"@attributes\":{\"min-version\":\"30\"}}}}");
            } else if (path.equals("/ocs/v2.php/apps/serverinfo/api/v1/info")) {
                body = serverinfo;
            } else {
                code = 404;
                body = "{\"ocs\":{\"meta\":{\"status\":\"failure\",\"statuscode\":998,\"message\":\"\"},\"data\":[]}}";
            }
            send(ex, code, body);
        });
        http.setExecutor(pool);
        http.start();
        return http;
    }

    private static void send(HttpExchange ex, int code, String body) throws IOException {
        try (ex) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(code, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
