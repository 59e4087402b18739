package dev.ncsdk.bench.exapp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput and latency of the ExApp runtime on loopback, against a FastAPI + uvicorn ExApp doing the same header
 * check, with one load generator for both.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.ncsdk.bench.exapp.ExAppLoad \
 *      [--rounds 3] [--warmup 5] [--seconds 10] [--connections 16] [--max-requests 2000000] \
 *      [--python /usr/bin/python3] [--python-app benchmarks/src/main/python] [--only java|fastapi] [--direct] \
 *      [-- JVM_OPTION ...]
 * </pre>
 *
 * <p>Starts {@link ExAppBenchServer} in a child JVM (with the JVM options after {@code --}) and
 * {@code exapp_fastapi.py} under uvicorn (one process, as an nc_py_api ExApp runs), both on free loopback ports with
 * the same app id and a 128-character secret. The load generator is {@code connections} threads, each with its own
 * keep-alive connection ({@link RawHttp}: the request written as prepared bytes, the answer read to the end of its
 * body), each sending its next request when the answer to the last one has arrived (a closed loop). Every request,
 * the heartbeat included, carries the same AppAPI headers ({@code EX-APP-ID}, {@code EX-APP-VERSION},
 * {@code AA-VERSION}, {@code AUTHORIZATION-APP-API}, {@code AA-REQUEST-ID}), so two paths of one server differ only in
 * what the server does with them: {@code GET /heartbeat} is answered without authentication, {@code GET /} after it.
 *
 * <p>With {@code --direct} the same requests also go straight to the JDK server behind the runtime's relay
 * ({@code java-direct}: no relay, same process), to show the relay's share.
 *
 * <p>Each round runs every scenario in turn (so a change in the machine's load hits all of them alike): a warm-up
 * of {@code warmup} seconds, then {@code seconds} seconds measured, at most {@code max-requests} requests per phase.
 * Each measured phase prints requests per second, the 50th and 99th percentile and the largest latency, the
 * server process's CPU time per request, the load average and (Java) the server's used heap after
 * {@code System.gc()} right after the phase; the summary gives the medians over the rounds.
 * Any answer other than 200 fails the run.
 */
public final class ExAppLoad {
    private static final String APP_ID = "bench_exapp";
    private static final String VERSION = "1.0.0";
    private static final int HISTOGRAM_MICROS = 200_000;

    private ExAppLoad() {}

    /** One server under test; {@code heap} asks a Java one for its used heap after GC, or is null. */
    private record Target(String name, Process process, int port, HeapProbe heap) {}

    /** Asks an {@link ExAppBenchServer} for its used heap after {@code System.gc()}. */
    private static final class HeapProbe {
        private final Process process;
        private final java.io.BufferedReader out;

        HeapProbe(Process process) {
            this.process = process;
            this.out = new java.io.BufferedReader(
                    new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        }

        String readLine() throws IOException {
            return out.readLine();
        }

        synchronized double usedMiB() throws IOException {
            process.getOutputStream().write("heap\n".getBytes(StandardCharsets.US_ASCII));
            process.getOutputStream().flush();
            String line = out.readLine();
            if (line == null || !line.startsWith("heap used=")) {
                throw new IOException("unexpected answer to heap: " + line);
            }
            return Long.parseLong(line.substring(10, line.indexOf(' ', 10))) / 1048576.0;
        }
    }

    /** One path of one server. */
    private record Scenario(Target target, String path, String label) {}

    /** The figures of one measured phase. */
    private record Result(
            long requests,
            double seconds,
            double p50,
            double p99,
            double max,
            double cpuMicrosPerRequest,
            String load,
            double heapMiB) {
        double rate() {
            return requests / seconds;
        }
    }

    /**
     * Runs the measurement.
     *
     * @param args the options above
     * @throws Exception when a server fails to start or answers other than 200
     */
    public static void main(String[] args) throws Exception {
        int rounds = 3;
        int warmup = 5;
        int seconds = 10;
        int connections = 16;
        long maxRequests = 2_000_000;
        String python = "/usr/bin/python3";
        String pythonApp = "benchmarks/src/main/python";
        String only = "";
        boolean direct = false;
        List<String> jvmOptions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--max-requests" -> maxRequests = Long.parseLong(args[++i]);
                case "--python" -> python = args[++i];
                case "--python-app" -> pythonApp = args[++i];
                case "--only" -> only = args[++i];
                case "--direct" -> direct = true;
                case "--" -> {
                    jvmOptions.addAll(List.of(args).subList(i + 1, args.length));
                    i = args.length;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String secret = secret128();
        String auth = Base64.getEncoder().encodeToString(("admin:" + secret).getBytes(StandardCharsets.UTF_8));

        List<Target> targets = new ArrayList<>();
        try {
            if (!only.equals("fastapi")) {
                targets.addAll(startJava(jvmOptions, secret, direct));
            }
            if (!only.equals("java")) {
                targets.add(startFastApi(python, Path.of(pythonApp), secret));
            }
            for (Target t : targets) {
                waitForHeartbeat(t, Duration.ofSeconds(60));
                check(t, auth);
            }
            List<Scenario> scenarios = new ArrayList<>();
            for (Target t : targets) {
                scenarios.add(new Scenario(t, "/heartbeat", t.name() + " GET /heartbeat (no auth)"));
                scenarios.add(new Scenario(t, "/", t.name() + " GET / (auth)"));
                if (t.name().startsWith("java")) {
                    scenarios.add(new Scenario(t, "/json", t.name() + " GET /json (auth, Jackson)"));
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "%d connections, warm-up %d s, %d s measured, %d rounds; %s%n",
                    connections,
                    warmup,
                    seconds,
                    rounds,
                    Runtime.version());
            Map<String, List<Result>> all = new LinkedHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(connections, r -> {
                Thread th = new Thread(r, "load");
                th.setDaemon(true);
                return th;
            });
            try {
                for (int round = 1; round <= rounds; round++) {
                    for (Scenario s : scenarios) {
                        Result r = run(pool, s, auth, connections, warmup, seconds, maxRequests);
                        all.computeIfAbsent(s.label(), k -> new ArrayList<>()).add(r);
                        System.out.printf(
                                Locale.ROOT,
                                "round %d  %-34s %9.0f req/s  p50 %6.3f ms  p99 %6.3f ms  max %7.2f ms  "
                                        + "server CPU %6.1f us/req  heap after GC %6.1f MiB  (%d req in %.1f s, load %s)%n",
                                round,
                                s.label(),
                                r.rate(),
                                r.p50(),
                                r.p99(),
                                r.max(),
                                r.cpuMicrosPerRequest(),
                                r.heapMiB(),
                                r.requests(),
                                r.seconds(),
                                r.load());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            System.out.println();
            System.out.println("| scenario | req/s (median) | p50 ms | p99 ms | server CPU µs/req | rounds' req/s |");
            System.out.println("|---|---:|---:|---:|---:|---|");
            for (Map.Entry<String, List<Result>> e : all.entrySet()) {
                List<Result> rs = e.getValue();
                StringBuilder each = new StringBuilder();
                for (Result r : rs) {
                    each.append(each.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", r.rate()));
                }
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %.0f | %.3f | %.3f | %.1f | %s |%n",
                        e.getKey(),
                        median(rs.stream().mapToDouble(Result::rate).toArray()),
                        median(rs.stream().mapToDouble(Result::p50).toArray()),
                        median(rs.stream().mapToDouble(Result::p99).toArray()),
                        median(rs.stream()
                                .mapToDouble(Result::cpuMicrosPerRequest)
                                .toArray()),
                        each);
            }
        } finally {
            for (Target t : targets) {
                t.process().destroy();
            }
            for (Target t : targets) {
                t.process().waitFor();
            }
        }
    }

    private static Result run(
            ExecutorService pool, Scenario s, String auth, int connections, int warmup, int seconds, long maxRequests)
            throws Exception {
        byte[] request = RawHttp.get(
                s.path(),
                s.target().port(),
                "EX-APP-ID: " + APP_ID,
                "EX-APP-VERSION: " + VERSION,
                "AA-VERSION: 32.0.0",
                "AUTHORIZATION-APP-API: " + auth,
                "AA-REQUEST-ID: 5f1c0e2a-bench");
        InetSocketAddress address =
                new InetSocketAddress("127.0.0.1", s.target().port());
        RawHttp[] clients = new RawHttp[connections];
        for (int i = 0; i < connections; i++) {
            clients[i] = new RawHttp(address);
        }
        try {
            phase(pool, clients, request, Duration.ofSeconds(warmup), maxRequests, null);
            long[][] histograms = new long[connections][HISTOGRAM_MICROS + 1];
            ProcessHandle server = s.target().process().toHandle();
            String load = loadAverage();
            Duration cpu0 = server.info().totalCpuDuration().orElse(Duration.ZERO);
            long t0 = System.nanoTime();
            long[] maxNanos = phase(pool, clients, request, Duration.ofSeconds(seconds), maxRequests, histograms);
            long elapsed = System.nanoTime() - t0;
            Duration cpu1 = server.info().totalCpuDuration().orElse(Duration.ZERO);
            long[] merged = new long[HISTOGRAM_MICROS + 1];
            long n = 0;
            long max = 0;
            for (int i = 0; i < connections; i++) {
                for (int j = 0; j <= HISTOGRAM_MICROS; j++) {
                    merged[j] += histograms[i][j];
                    n += histograms[i][j];
                }
                max = Math.max(max, maxNanos[i]);
            }
            double cpuPerRequest = cpu1.minus(cpu0).toNanos() / 1000.0 / n;
            double heap =
                    s.target().heap() == null ? Double.NaN : s.target().heap().usedMiB();
            return new Result(
                    n,
                    elapsed / 1e9,
                    percentile(merged, n, 0.50),
                    percentile(merged, n, 0.99),
                    max / 1e6,
                    cpuPerRequest,
                    load,
                    heap);
        } finally {
            for (RawHttp c : clients) {
                c.close();
            }
        }
    }

    /** Runs every connection in a closed loop until the deadline or the request bound; returns each one's max. */
    private static long[] phase(
            ExecutorService pool,
            RawHttp[] clients,
            byte[] request,
            Duration length,
            long maxRequests,
            long[][] histograms)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong budget = new AtomicLong(maxRequests);
        List<Future<Long>> futures = new ArrayList<>();
        long[] deadline = new long[1];
        for (int i = 0; i < clients.length; i++) {
            RawHttp c = clients[i];
            long[] histogram = histograms == null ? null : histograms[i];
            futures.add(pool.submit(() -> {
                go.await();
                long end = deadline[0];
                long max = 0;
                while (budget.decrementAndGet() >= 0) {
                    long a = System.nanoTime();
                    if (a - end >= 0) {
                        break;
                    }
                    int status = c.exchange(request);
                    long took = System.nanoTime() - a;
                    if (status != 200) {
                        throw new IOException("answer " + status + " instead of 200");
                    }
                    if (histogram != null) {
                        histogram[(int) Math.min(HISTOGRAM_MICROS, took / 1000)]++;
                    }
                    max = Math.max(max, took);
                }
                return max;
            }));
        }
        deadline[0] = System.nanoTime() + length.toNanos();
        go.countDown();
        long[] max = new long[clients.length];
        for (int i = 0; i < clients.length; i++) {
            max[i] = futures.get(i).get();
        }
        return max;
    }

    /** The latency below which this fraction of the requests fall, in ms (1 µs resolution, capped at 200 ms). */
    private static double percentile(long[] histogram, long n, double q) {
        long rank = (long) Math.ceil(q * n);
        long seen = 0;
        for (int j = 0; j < histogram.length; j++) {
            seen += histogram[j];
            if (seen >= rank) {
                return (j + 1) / 1000.0;
            }
        }
        return HISTOGRAM_MICROS / 1000.0;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** A fixed 128-character secret (AppAPI's secrets are 128 random characters). */
    static String secret128() {
        StringBuilder sb = new StringBuilder(128);
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        long x = 42;
        for (int i = 0; i < 128; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            sb.append(chars.charAt((int) ((x >>> 33) % chars.length())));
        }
        return sb.toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static Map<String, String> exAppEnvironment(String secret, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("APP_ID", APP_ID);
        env.put("APP_VERSION", VERSION);
        env.put("APP_SECRET", secret);
        env.put("APP_HOST", "127.0.0.1");
        env.put("APP_PORT", Integer.toString(port));
        env.put("NEXTCLOUD_URL", "http://127.0.0.1:9");
        return env;
    }

    private static List<Target> startJava(List<String> jvmOptions, String secret, boolean direct) throws IOException {
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(javaCommand());
        cmd.addAll(jvmOptions);
        if (direct) {
            cmd.add("-Dncsdk.bench.backend=true");
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ExAppBenchServer.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(exAppEnvironment(secret, port));
        pb.redirectError(
                ProcessBuilder.Redirect.appendTo(Path.of(System.getProperty("java.io.tmpdir"), "exapp-bench-java.log")
                        .toFile()));
        Process p = pb.start();
        HeapProbe probe = new HeapProbe(p);
        List<Target> targets = new ArrayList<>(List.of(new Target("java", p, port, probe)));
        if (direct) {
            String line = probe.readLine();
            if (line == null || !line.startsWith("backend ")) {
                throw new IOException("the ExApp did not name its backend port: " + line);
            }
            targets.add(new Target(
                    "java-direct", p, Integer.parseInt(line.substring(8).trim()), probe));
        }
        return targets;
    }

    private static Target startFastApi(String python, Path appDir, String secret) throws IOException {
        if (!Files.isRegularFile(appDir.resolve("exapp_fastapi.py"))) {
            throw new IOException("no exapp_fastapi.py in " + appDir.toAbsolutePath());
        }
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(
                python,
                "-m",
                "uvicorn",
                "exapp_fastapi:app",
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--log-level",
                "warning",
                "--no-access-log");
        pb.directory(appDir.toFile());
        pb.environment().putAll(exAppEnvironment(secret, port));
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(ProcessBuilder.Redirect.appendTo(
                Path.of(System.getProperty("java.io.tmpdir"), "exapp-bench-fastapi.log")
                        .toFile()));
        return new Target("fastapi", pb.start(), port, null);
    }

    /** Polls {@code GET /heartbeat} until it answers 200; returns the nanoTime of that answer. */
    static long waitForHeartbeat(Process p, int port, Duration limit) throws IOException, InterruptedException {
        byte[] request = RawHttp.get("/heartbeat", port, "Connection: close");
        long end = System.nanoTime() + limit.toNanos();
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
        while (true) {
            try (RawHttp c = new RawHttp(address)) {
                if (c.exchange(request) == 200) {
                    return System.nanoTime();
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!p.isAlive()) {
                throw new IOException("the server exited with " + p.exitValue() + " before answering");
            }
            if (System.nanoTime() - end > 0) {
                throw new IOException("no heartbeat within " + limit);
            }
            Thread.sleep(1);
        }
    }

    private static void waitForHeartbeat(Target t, Duration limit) throws IOException, InterruptedException {
        waitForHeartbeat(t.process(), t.port(), limit);
    }

    /** The authenticated route answers 200 with the right headers and 401 without them. */
    private static void check(Target t, String auth) throws IOException {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", t.port());
        try (RawHttp c = new RawHttp(address)) {
            int bare = c.exchange(RawHttp.get("/", t.port()));
            int wrong = c.exchange(RawHttp.get(
                    "/",
                    t.port(),
                    "EX-APP-ID: " + APP_ID,
                    "EX-APP-VERSION: " + VERSION,
                    "AUTHORIZATION-APP-API: "
                            + Base64.getEncoder().encodeToString("admin:wrong".getBytes(StandardCharsets.UTF_8))));
            int good = c.exchange(RawHttp.get(
                    "/",
                    t.port(),
                    "EX-APP-ID: " + APP_ID,
                    "EX-APP-VERSION: " + VERSION,
                    "AUTHORIZATION-APP-API: " + auth));
            if (bare != 401 || wrong != 401 || good != 200) {
                throw new IOException(t.name() + ": GET / answered " + bare + " without headers, " + wrong
                        + " with a wrong secret and " + good + " with the right one (expected 401, 401, 200)");
            }
        }
    }
}
