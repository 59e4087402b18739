package dev.ncsdk.bench.appstore;

import dev.ncsdk.appstore.App;
import dev.ncsdk.appstore.AppStoreClient;
import dev.ncsdk.appstore.AppStoreJson;
import dev.ncsdk.appstore.cache.ResponseCache;
import dev.ncsdk.appstore.update.InstalledApps;
import dev.ncsdk.appstore.update.UpdateChecker;
import dev.ncsdk.appstore.update.UpdateReport;
import dev.ncsdk.ocs.NextcloudVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a cold JVM spends an update check, phase by phase, in one fresh process:
 * {@code java -cp benchmarks.jar dev.ncsdk.bench.appstore.ColdPhases STORE_URL occ-app-list.json}.
 */
public final class ColdPhases {
    private ColdPhases() {}

    /**
     * Runs the phases and prints their times.
     *
     * @param args the store URL and the occ app list file
     * @throws IOException when the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        long t0 = System.nanoTime();
        Map<String, String> installed = InstalledApps.fromOccAppList(Path.of(args[1]));
        long t1 = System.nanoTime();
        byte[] body;
        try (AppStoreClient store = AppStoreClient.builder()
                .baseUrl(args[0])
                .cache(ResponseCache.inMemory())
                .build()) {
            // fetch (HTTP + gzip inflate) through the client; the route below parses nothing
            body = store.read(dev.ncsdk.appstore.StoreRoute.apps(List.of()), dev.ncsdk.appstore.ReadOptions.defaults())
                            .value()
                            .isEmpty()
                    ? store.cache()
                            .get(store.baseUri() + "/apps.json")
                            .orElseThrow()
                            .body()
                    : null;
        }
        long t2 = System.nanoTime();
        List<App> apps = AppStoreJson.readApps(body, installed::containsKey);
        long t3 = System.nanoTime();
        UpdateReport r = UpdateChecker.builder(NextcloudVersion.parse("32.0.1.2"))
                .build()
                .check(installed, apps);
        long t4 = System.nanoTime();
        System.out.printf(
                "read occ list %d ms | fetch+gunzip+token pass %d ms | parse %d installed apps %d ms | check %d ms |"
                        + " %d updates | JVM uptime at end %d ms%n",
                (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000,
                apps.size(),
                (t3 - t2) / 1_000_000,
                (t4 - t3) / 1_000_000,
                r.updates().size(),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
    }
}
