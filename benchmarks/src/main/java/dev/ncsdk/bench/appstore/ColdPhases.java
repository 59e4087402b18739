package dev.ncsdk.bench.appstore;

import dev.ncsdk.appstore.App;
import dev.ncsdk.appstore.AppStoreJson;
import dev.ncsdk.appstore.update.InstalledApps;
import dev.ncsdk.appstore.update.UpdateChecker;
import dev.ncsdk.appstore.update.UpdateReport;
import dev.ncsdk.ocs.NextcloudVersion;
import dev.ncsdk.ocs.internal.http.HttpCall;
import dev.ncsdk.ocs.internal.http.HttpResult;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Where a cold JVM spends an update check, phase by phase, in one fresh process:
 * {@code java -cp benchmarks.jar dev.ncsdk.bench.appstore.ColdPhases STORE_URL occ-app-list.json [identity]}.
 */
public final class ColdPhases {
    private ColdPhases() {}

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /**
     * Runs the phases and prints their times.
     *
     * @param args the store URL and the occ app list file
     * @throws IOException when the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        long startMs = ProcessHandle.current()
                .info()
                .startInstant()
                .map(Instant::toEpochMilli)
                .orElse(0L);
        long mainMs = System.currentTimeMillis();
        long t0 = System.nanoTime();
        InstalledApps installed = InstalledApps.fromOccAppList(Path.of(args[1]));
        long t1 = System.nanoTime();
        byte[] body;
        long t1b;
        try (HttpTransport http =
                HttpTransport.builder().maxResponseBytes(64L << 20).build()) {
            http.send(HttpCall.builder("GET", URI.create(args[0] + "/small")).build()); // a 404: client warm-up
            t1b = System.nanoTime();
            HttpCall.Builder call =
                    HttpCall.builder("GET", URI.create(args[0] + "/apps.json")).idempotent(true);
            if (args.length > 2) {
                call.header("Accept-Encoding", args[2]); // "identity": measure the fetch without gzip
            }
            HttpResult r = http.send(call.build());
            body = r.body();
        }
        long t2 = System.nanoTime();
        List<App> apps = AppStoreJson.readApps(body, installed.asMap()::containsKey);
        long t3 = System.nanoTime();
        UpdateReport r = UpdateChecker.builder(NextcloudVersion.parse("32.0.1.2"))
                .build()
                .check(installed, apps);
        long t4 = System.nanoTime();
        System.out.printf(
                "JVM start to main %d ms | read occ list %d ms | HTTP client start + one small request %d ms |"
                        + " HTTP fetch + gunzip %d ms"
                        + " (%d bytes) | parse %d installed apps %d ms | check %d ms (%d updates)%n",
                mainMs - startMs,
                ms(t0, t1),
                ms(t1, t1b),
                ms(t1b, t2),
                body.length,
                apps.size(),
                ms(t2, t3),
                ms(t3, t4),
                r.updates().size());
    }
}
