package dev.ncsdk.bench.ocs;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A companion to {@link OcsEnvelopeBenchmark} for busy machines: runs the same operations round-robin, in short
 * interleaved rounds, and measures each round in <em>thread CPU time</em>, so that other processes taking the
 * cores affect every variant alike and not the ratio. Prints the median microseconds per operation and the ratio
 * of each variant to its baseline.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.ncsdk.bench.ocs.OcsEnvelopeCpuTime}
 */
public final class OcsEnvelopeCpuTime {
    private static final int ROUNDS = 40;
    private static final int OPS_PER_ROUND = 200;

    private OcsEnvelopeCpuTime() {}

    /**
     * Runs the measurement.
     *
     * @param args ignored
     * @throws Exception when an operation fails
     */
    public static void main(String[] args) throws Exception {
        OcsEnvelopeBenchmark b = new OcsEnvelopeBenchmark();
        b.load();
        Map<String, Callable<Object>> ops = new LinkedHashMap<>();
        ops.put("bareJacksonTreeJson", b::bareJacksonTreeJson);
        ops.put("envelopeJson", b::envelopeJson);
        ops.put("typedCapabilitiesJson", b::typedCapabilitiesJson);
        ops.put("bareStaxScanXml", b::bareStaxScanXml);
        ops.put("envelopeXml", b::envelopeXml);
        ops.put("typedCapabilitiesXml", b::typedCapabilitiesXml);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Object sink = null;
        long warmUntil = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            for (Callable<Object> op : ops.values()) {
                for (int i = 0; i < 50; i++) {
                    sink = op.call();
                }
            }
        }
        Map<String, double[]> samples = new LinkedHashMap<>();
        ops.keySet().forEach(k -> samples.put(k, new double[ROUNDS]));
        for (int round = 0; round < ROUNDS; round++) {
            for (Map.Entry<String, Callable<Object>> e : ops.entrySet()) {
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < OPS_PER_ROUND; i++) {
                    sink = e.getValue().call();
                }
                long t1 = mx.getCurrentThreadCpuTime();
                samples.get(e.getKey())[round] = (t1 - t0) / 1000.0 / OPS_PER_ROUND;
            }
        }
        Map<String, Double> median = new LinkedHashMap<>();
        samples.forEach((k, v) -> {
            double[] s = v.clone();
            Arrays.sort(s);
            median.put(k, s[s.length / 2]);
        });
        System.out.printf("%-24s %12s %s%n", "operation", "cpu us/op", "ratio");
        for (Map.Entry<String, Double> e : median.entrySet()) {
            String base = e.getKey().endsWith("Xml") ? "bareStaxScanXml" : "bareJacksonTreeJson";
            System.out.printf(
                    "%-24s %12.1f %.2f x %s, %.2f x bareJacksonTreeJson%n",
                    e.getKey(),
                    e.getValue(),
                    e.getValue() / median.get(base),
                    base,
                    e.getValue() / median.get("bareJacksonTreeJson"));
        }
        if (sink == null) {
            System.out.println();
        }
    }
}
