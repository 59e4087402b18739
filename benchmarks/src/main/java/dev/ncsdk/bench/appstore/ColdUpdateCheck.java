package dev.ncsdk.bench.appstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Times whole cold runs of the samples' {@code update-check} (a fresh JVM each) over the generated 12.8 MB
 * catalogue served on loopback, the way a user or a cron job runs it.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.ncsdk.bench.appstore.ColdUpdateCheck \
 *      samples/target/ncsdk-samples.jar [runs] [data-dir] [-- extra JVM options ...]
 * </pre>
 *
 * <p>Starts {@link CatalogueServer} in this process on a free port, writes the catalogue and the {@code occ app:list}
 * output to the data directory (default: a temporary one), runs the command once to warm the server and the disk
 * cache of the operating system (not counted), then {@code runs} times (default 11), and prints the median, minimum
 * and maximum wall time from process start to exit. Every run must print the same updates. With
 * {@code -Dncsdk.bench.rate=BYTES_PER_SECOND} the server sends no faster than that, to stand in for a real link.
 */
public final class ColdUpdateCheck {
    private ColdUpdateCheck() {}

    /**
     * Runs the measurement.
     *
     * @param args the samples jar, then optionally the number of runs, the data directory, and after {@code --} JVM
     *     options for the measured process
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ColdUpdateCheck SAMPLES_JAR [RUNS] [DATA_DIR] [-- JVM_OPTION ...]");
            System.exit(2);
        }
        List<String> plain = new ArrayList<>();
        List<String> jvmOptions = new ArrayList<>();
        boolean options = false;
        for (String a : args) {
            if (a.equals("--")) {
                options = true;
            } else if (options) {
                jvmOptions.add(a);
            } else {
                plain.add(a);
            }
        }
        String jar = plain.get(0);
        int runs = plain.size() > 1 ? Integer.parseInt(plain.get(1)) : 11;
        Path dir = plain.size() > 2
                ? Files.createDirectories(Path.of(plain.get(2)))
                : Files.createTempDirectory("ncsdk-cold");
        CatalogueGenerator.Catalogue catalogue = CatalogueGenerator.generate(42);
        Files.write(dir.resolve("apps.json"), catalogue.json);
        Files.write(
                dir.resolve("occ-app-list.json"),
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .writeValueAsBytes(Map.of("enabled", catalogue.installed, "disabled", Map.of())));
        long rate = Long.getLong("ncsdk.bench.rate", 0); // bytes per second, 0 for loopback speed
        try (CatalogueServer server = new CatalogueServer(0, catalogue.json, rate)) {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvmOptions);
            cmd.addAll(List.of(
                    "-jar",
                    jar,
                    "update-check",
                    "--store",
                    server.baseUrl(),
                    "--platform",
                    "32.0.1.2",
                    "--installed",
                    dir.resolve("occ-app-list.json").toString(),
                    "--json"));
            String expected = run(cmd, null);
            double[] ms = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                run(cmd, expected);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf(
                    "%d cold runs of update-check (%,d-byte catalogue, %d installed apps%s): median %.0f ms,"
                            + " min %.0f ms, max %.0f ms%n",
                    runs,
                    catalogue.json.length,
                    catalogue.installed.size(),
                    rate > 0 ? ", served at " + rate + " bytes/s" : "",
                    ms[runs / 2],
                    ms[0],
                    ms[runs - 1]);
            System.out.println("command: " + String.join(" ", cmd));
        }
    }

    private static String run(List<String> cmd, String expected) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code != 0 || (expected != null && !expected.equals(out))) {
            throw new IllegalStateException("update-check failed (exit " + code + ") or printed something else");
        }
        return out;
    }
}
