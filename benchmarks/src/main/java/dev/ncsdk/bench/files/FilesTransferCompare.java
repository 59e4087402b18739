package dev.ncsdk.bench.files;

import com.sun.management.OperatingSystemMXBean;
import com.sun.net.httpserver.HttpServer;
import dev.ncsdk.appapi.app.files.NextcloudFiles;
import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.Secret;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The SDK's WebDAV download and upload against a bare {@link HttpClient} copy of the same bytes, interleaved in one
 * JVM so that a machine shared with other work slows both alike: every round runs the four transfers once each, in
 * a shuffled order, and records each one's wall time and the process's CPU time (client and in-process server, the
 * same server as {@link FilesTransferBenchmark}). CPU time is what the SDK adds; it does not depend on how many
 * other processes want the cores, while wall time does.
 *
 * <pre>
 * java -Xmx64m -cp benchmarks/target/benchmarks.jar dev.ncsdk.bench.files.FilesTransferCompare [MiB] [rounds]
 * </pre>
 *
 * <p>Prints, per transfer, the median and the mean of the wall time, the mean CPU time (the process's CPU clock
 * ticks in 10 ms steps on Linux, so only means over many rounds are meaningful) and, for the SDK, the ratios to the
 * bare copy; then the heap limit and the most heap in use (garbage included) seen after a transfer. The first
 * quarter of the rounds is warm-up and not counted.
 */
public final class FilesTransferCompare {
    private FilesTransferCompare() {}

    /**
     * Runs the comparison.
     *
     * @param args the file size in MiB (default 64) and the number of rounds (default 60)
     * @throws Exception when a transfer fails
     */
    public static void main(String[] args) throws Exception {
        long size = (args.length > 0 ? Long.parseLong(args[0]) : 64) * 1024 * 1024;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/", x -> FilesTransferBenchmark.serve(x, size));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        URI blob = URI.create(base + "/remote.php/dav/files/bench/blob.bin");
        URI upload = URI.create(base + "/remote.php/dav/files/bench/upload.bin");
        OcsClient ocs = OcsClient.builder()
                .baseUri(java.net.URI.create(base))
                .credentials(Credentials.appPassword("bench", Secret.of("bench-pw")))
                .build();
        NextcloudFiles files = NextcloudFiles.builder(ocs, "bench")
                .chunkedUploadThreshold(Long.MAX_VALUE)
                .build();
        HttpClient bare =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        Map<String, Transfer> transfers = new LinkedHashMap<>();
        transfers.put("sdkDownload", () -> files.download("/blob.bin", OutputStream.nullOutputStream()));
        transfers.put("bareDownload", () -> {
            HttpResponse<InputStream> r =
                    bare.send(HttpRequest.newBuilder(blob).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                return in.transferTo(OutputStream.nullOutputStream());
            }
        });
        transfers.put(
                "sdkUpload",
                () -> files.upload("/upload.bin", FilesTransferBenchmark.source(size), size)
                        .size());
        transfers.put("bareUpload", () -> {
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(() -> FilesTransferBenchmark.source(size)), size);
            return (long)
                    bare.send(HttpRequest.newBuilder(upload).PUT(body).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode();
        });

        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Map<String, List<long[]>> samples = new LinkedHashMap<>();
        transfers.keySet().forEach(k -> samples.put(k, new ArrayList<>()));
        long maxHeap = 0;
        Random order = new Random(42);
        for (int round = 0; round < rounds; round++) {
            List<String> names = new ArrayList<>(transfers.keySet());
            Collections.shuffle(names, order);
            for (String name : names) {
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                transfers.get(name).run();
                long wall = System.nanoTime() - t0;
                long cpu = os.getProcessCpuTime() - cpu0;
                maxHeap = Math.max(maxHeap, memory.getHeapMemoryUsage().getUsed());
                if (round >= rounds / 4) {
                    samples.get(name).add(new long[] {wall, cpu});
                }
            }
        }
        ocs.close();
        server.stop(0);
        executor.shutdownNow();

        System.out.printf(
                Locale.ROOT,
                "%d MiB, %d rounds (%d counted), OpenJDK %s, load average at the end %.1f%n",
                size >> 20,
                rounds,
                rounds - rounds / 4,
                System.getProperty("java.version"),
                os.getSystemLoadAverage());
        System.out.printf(
                Locale.ROOT,
                "%-13s %12s %12s %12s %12s %12s%n",
                "transfer",
                "wall median",
                "wall mean",
                "CPU mean",
                "wall x bare",
                "CPU x bare");
        for (String name : samples.keySet()) {
            double[] me = stats(samples.get(name));
            String row = String.format(Locale.ROOT, "%-13s %9.1f ms %9.1f ms %9.1f ms", name, me[0], me[1], me[2]);
            if (name.startsWith("sdk")) {
                double[] b = stats(samples.get(name.replace("sdk", "bare")));
                row += String.format(Locale.ROOT, " %11.2fx %11.2fx", me[0] / b[0], me[2] / b[2]);
            }
            System.out.println(row);
        }
        System.out.printf(
                Locale.ROOT,
                "heap limit %.0f MiB (a file's bytes are never all in memory), most used after a transfer %.1f MiB%n",
                Runtime.getRuntime().maxMemory() / 1048576.0,
                maxHeap / 1048576.0);
    }

    /** {median wall ms, mean wall ms, mean CPU ms}. */
    private static double[] stats(List<long[]> s) {
        long[] wall = s.stream().mapToLong(x -> x[0]).toArray();
        Arrays.sort(wall);
        double median = wall[wall.length / 2] / 1e6;
        double meanWall = Arrays.stream(wall).average().orElse(0) / 1e6;
        double meanCpu = s.stream().mapToLong(x -> x[1]).average().orElse(0) / 1e6;
        return new double[] {median, meanWall, meanCpu};
    }

    /** One transfer. */
    private interface Transfer {
        long run() throws Exception;
    }
}
