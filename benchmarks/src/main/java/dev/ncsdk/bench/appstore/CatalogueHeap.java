package dev.ncsdk.bench.appstore;

import dev.ncsdk.appstore.App;
import dev.ncsdk.appstore.AppStoreJson;
import java.util.List;

/**
 * Measures the retained heap of the parsed catalogue: used heap after full GCs with and without the parsed list
 * reachable. {@code java -cp benchmarks.jar dev.ncsdk.bench.appstore.CatalogueHeap}.
 */
public final class CatalogueHeap {
    private CatalogueHeap() {}

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            best = Math.min(best, rt.totalMemory() - rt.freeMemory());
        }
        return best;
    }

    /**
     * Prints JSON size, retained heap and their ratio.
     *
     * @param args unused
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        byte[] json = CatalogueGenerator.generate(42).json;
        AppStoreJson.readApps(json); // load classes first
        long before = usedAfterGc();
        List<App> apps = AppStoreJson.readApps(json);
        long after = usedAfterGc();
        long releases = apps.stream().mapToLong(a -> a.releases().size()).sum();
        long retained = after - before;
        System.out.printf(
                "apps.json %,d bytes, %d apps, %d releases; retained heap of the parsed catalogue %,d bytes = %.2fx"
                        + " the JSON size%n",
                json.length, apps.size(), releases, retained, (double) retained / json.length);
        if (apps.isEmpty()) {
            throw new IllegalStateException("nothing parsed");
        }
    }
}
