package dev.ncsdk.bench.exapp;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Time from process start to the first heartbeat answered, and the idle heap, of a minimal ExApp
 * ({@link ExAppBenchServer}) in fresh child JVMs.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.ncsdk.bench.exapp.ExAppStartup [runs] [-- JVM_OPTION ...]
 * </pre>
 *
 * <p>Each run picks a free loopback port, takes the time just before {@link ProcessBuilder#start()}, then polls
 * {@code GET /heartbeat} (a new connection each time, 1 ms apart) until the first 200, and records that time. It then
 * leaves the ExApp idle for a second, asks it for its heap ({@code System.gc()} three times, then the used heap of
 * the {@code MemoryMXBean}) and stops it with SIGTERM. The child's class path is this JVM's.
 */
public final class ExAppStartup {
    private ExAppStartup() {}

    /**
     * Runs the measurement.
     *
     * @param args the number of runs (default 11), then after {@code --} JVM options for the child
     * @throws Exception when a child fails to start or answer
     */
    public static void main(String[] args) throws Exception {
        int runs = 11;
        List<String> jvmOptions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                jvmOptions.addAll(List.of(args).subList(i + 1, args.length));
                break;
            }
            runs = Integer.parseInt(args[i]);
        }
        String secret = ExAppLoad.secret128();
        double[] startMs = new double[runs];
        double[] heapKb = new double[runs];
        System.out.printf(
                Locale.ROOT, "%s, child options %s, load %s%n", Runtime.version(), jvmOptions, ExAppLoad.loadAverage());
        for (int r = 0; r < runs; r++) {
            int port = ExAppLoad.freePort();
            List<String> cmd = new ArrayList<>();
            cmd.add(ExAppLoad.javaCommand());
            cmd.addAll(jvmOptions);
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(ExAppBenchServer.class.getName());
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().putAll(ExAppLoad.exAppEnvironment(secret, port));
            pb.redirectError(ProcessBuilder.Redirect.appendTo(
                    Path.of(System.getProperty("java.io.tmpdir"), "exapp-bench-startup.log")
                            .toFile()));
            long t0 = System.nanoTime();
            Process p = pb.start();
            try {
                long t1 = ExAppLoad.waitForHeartbeat(p, port, Duration.ofSeconds(60));
                startMs[r] = (t1 - t0) / 1e6;
                Thread.sleep(1000);
                OutputStream in = p.getOutputStream();
                in.write("heap\n".getBytes(StandardCharsets.US_ASCII));
                in.flush();
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
                String line = out.readLine();
                if (line == null || !line.startsWith("heap used=")) {
                    throw new IllegalStateException("unexpected answer to heap: " + line);
                }
                long used = Long.parseLong(line.substring("heap used=".length(), line.indexOf(' ', 10)));
                heapKb[r] = used / 1024.0;
                System.out.printf(
                        Locale.ROOT,
                        "run %2d: first heartbeat after %6.1f ms, idle heap %,8.0f KiB  (%s; load %s)%n",
                        r + 1,
                        startMs[r],
                        heapKb[r],
                        line,
                        ExAppLoad.loadAverage());
            } finally {
                p.destroy();
                p.waitFor();
            }
        }
        double[] s = startMs.clone();
        java.util.Arrays.sort(s);
        double[] h = heapKb.clone();
        java.util.Arrays.sort(h);
        System.out.printf(
                Locale.ROOT,
                "start to first heartbeat: median %.1f ms, min %.1f ms, max %.1f ms; "
                        + "idle heap after GC: median %,.0f KiB (min %,.0f, max %,.0f); load %s%n",
                ExAppLoad.median(startMs),
                s[0],
                s[s.length - 1],
                ExAppLoad.median(heapKb),
                h[0],
                h[h.length - 1],
                ExAppLoad.loadAverage());
    }
}
