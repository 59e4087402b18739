package dev.ncsdk.bench.appstore;

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
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The fleet check of {@link FleetCheck} with the fake servers in another process, so the checking JVM starts cold
 * and carries only the SDK's work. Two modes:
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.ncsdk.bench.appstore.FleetCheckCold serve FILE [SERVERS] [APPS]
 * java -cp benchmarks/target/benchmarks.jar dev.ncsdk.bench.appstore.FleetCheckCold check FILE
 * }</pre>
 *
 * <p>{@code serve} starts the catalogue server and the fake Nextcloud servers, writes their URLs to {@code FILE}
 * (the store first) once all listen, and the same fleet as an {@code update-check --servers} file to
 * {@code FILE.servers} (password variable {@code NCSDK_BENCH_PASSWORD}), and serves until killed; each request it receives is counted, and a
 * {@code GET /counts} on the store's port answers "store server" request counts and resets them. {@code check} is one
 * fresh process: it reads {@code FILE}, checks the whole fleet once with {@link FleetUpdateCheck}'s defaults and
 * prints the time from JVM start, the time of the check itself, the process's CPU time and the requests the
 * servers saw. {@code benchmarks/fleet-cold.sh} runs both.
 */
public final class FleetCheckCold {
    private FleetCheckCold() {}

    /**
     * Runs one mode.
     *
     * @param args {@code serve FILE [SERVERS] [APPS]} or {@code check FILE}
     * @throws Exception when a server cannot start or the check fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("serve")) {
            serve(
                    Path.of(args[1]),
                    args.length > 2 ? Integer.parseInt(args[2]) : 50,
                    args.length > 3 ? Integer.parseInt(args[3]) : 60);
        } else if (args.length == 2 && args[0].equals("check")) {
            check(Path.of(args[1]));
        } else {
            throw new IllegalArgumentException("usage: serve FILE [SERVERS] [APPS] | check FILE");
        }
    }

    private static void serve(Path file, int servers, int apps) throws IOException, InterruptedException {
        CatalogueGenerator.Catalogue cat = CatalogueGenerator.generate(42);
        List<Map.Entry<String, String>> installed = new ArrayList<>(cat.installed.entrySet());
        FleetCheck.CountingStore store = new FleetCheck.CountingStore(cat.json);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        HttpServer counts = HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 16);
        counts.createContext("/counts", ex -> {
            byte[] body = (store.requests.getAndSet(0) + " " + FleetCheck.SERVER_REQUESTS.getAndSet(0))
                    .getBytes(StandardCharsets.US_ASCII);
            try (ex) {
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        counts.start();
        StringBuilder urls = new StringBuilder();
        StringBuilder fleet = new StringBuilder("# URL USER VAR, for update-check --servers\n");
        urls.append(store.server.baseUrl()).append('\n');
        urls.append("http://127.0.0.1:").append(counts.getAddress().getPort()).append('\n');
        for (int s = 0; s < servers; s++) {
            HttpServer f = FleetCheck.fake(s, apps, installed, pool);
            urls.append("http://127.0.0.1:").append(f.getAddress().getPort()).append('\n');
            fleet.append("http://127.0.0.1:").append(f.getAddress().getPort()).append(" admin NCSDK_BENCH_PASSWORD\n");
        }
        Files.writeString(file.resolveSibling(file.getFileName() + ".servers"), fleet);
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "fleet", ".tmp");
        Files.writeString(tmp, urls);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Thread.currentThread().join();
    }

    private static void check(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        String storeUrl = lines.get(0);
        String countsUrl = lines.get(1);
        long t0 = System.nanoTime();
        FleetReport report;
        try (AppStoreClient storeClient = AppStoreClient.builder()
                .baseUri(java.net.URI.create(storeUrl))
                .cache(ResponseCache.none())
                .build()) {
            List<OcsClient> clients = new ArrayList<>();
            for (String url : lines.subList(2, lines.size())) {
                clients.add(
                        clients.isEmpty()
                                ? OcsClient.builder()
                                        .baseUri(java.net.URI.create(url))
                                        .credentials(Credentials.basic("admin", Secret.of("bench")))
                                        .build()
                                : clients.get(0).toBuilder()
                                        .baseUri(java.net.URI.create(url))
                                        .build());
            }
            try {
                report = FleetUpdateCheck.builder(storeClient).build().check(clients);
            } finally {
                clients.forEach(OcsClient::close);
            }
        }
        long checkMillis = (System.nanoTime() - t0) / 1_000_000;
        long sinceStart = System.currentTimeMillis()
                - ManagementFactory.getRuntimeMXBean().getStartTime();
        int updates = 0;
        for (ServerCheck c : report.servers()) {
            if (!c.checked()) {
                throw new IllegalStateException("server failed: " + c.server());
            }
            updates += c.report().updates().size();
        }
        String counts;
        {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            counts = http.send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(countsUrl + "/counts"))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body();
        }
        String[] c = counts.split(" ");
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(
                "check %d ms, %d ms since JVM start, %d ms CPU, store requests %s, server requests %s,"
                        + " %d servers checked, %d updates%n",
                checkMillis,
                sinceStart,
                os.getProcessCpuTime() / 1_000_000,
                c[0],
                c[1],
                report.servers().size(),
                updates);
    }
}
