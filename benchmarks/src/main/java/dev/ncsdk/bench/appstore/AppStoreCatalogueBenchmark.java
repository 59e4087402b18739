package dev.ncsdk.bench.appstore;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ncsdk.appstore.App;
import dev.ncsdk.appstore.AppStoreClient;
import dev.ncsdk.appstore.AppStoreJson;
import dev.ncsdk.appstore.ReadOptions;
import dev.ncsdk.appstore.StoreResponse;
import dev.ncsdk.appstore.StoreRoute;
import dev.ncsdk.appstore.cache.ResponseCache;
import dev.ncsdk.appstore.update.InstalledApps;
import dev.ncsdk.appstore.update.UpdateChecker;
import dev.ncsdk.appstore.update.UpdateReport;
import dev.ncsdk.ocs.NextcloudVersion;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The App Store catalogue over a generated 12 MB {@code apps.json} (see {@link CatalogueGenerator}): parsing into
 * models against a bare Jackson streaming pass, reading only 300 installed apps, a 304 revalidation against a full
 * fetch and parse over loopback, and an update check of 300 installed apps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AppStoreCatalogueBenchmark {
    private static final JsonFactory FACTORY = new JsonFactory();

    private byte[] json;
    private InstalledApps installed;
    private List<App> catalogue;
    private UpdateChecker checker;
    private CatalogueServer server;
    private AppStoreClient revalidating;
    private AppStoreClient uncached;

    /** Generates the catalogue and starts the loopback store. */
    @Setup(Level.Trial)
    public void setUp() {
        CatalogueGenerator.Catalogue c = CatalogueGenerator.generate(42);
        json = c.json;
        installed = InstalledApps.of(c.installed);
        catalogue = AppStoreJson.readApps(json);
        checker = UpdateChecker.builder(NextcloudVersion.parse("32.0.1.2"))
                .php("8.2.36")
                .build();
        server = new CatalogueServer(0, json);
        revalidating = AppStoreClient.builder()
                .baseUri(URI.create(server.baseUrl()))
                .cache(ResponseCache.inMemory())
                .maxAge(Duration.ZERO)
                .build();
        revalidating.apps(); // fills the cache and the parsed copy
        uncached = AppStoreClient.builder()
                .baseUri(URI.create(server.baseUrl()))
                .cache(ResponseCache.none())
                .build();
    }

    /** Stops the loopback store. */
    @TearDown(Level.Trial)
    public void tearDown() {
        revalidating.close();
        uncached.close();
        server.close();
    }

    /**
     * The baseline: a bare Jackson streaming pass that reads every token and every string's text.
     *
     * @param bh the blackhole
     * @throws IOException never
     */
    @Benchmark
    public void jacksonStreamingPass(Blackhole bh) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.VALUE_STRING) {
                    bh.consume(p.getText());
                } else {
                    bh.consume(t);
                }
            }
        }
    }

    /**
     * Parses the whole catalogue into models.
     *
     * @return the apps
     */
    @Benchmark
    public List<App> parseIntoModels() {
        return AppStoreJson.readApps(json);
    }

    /**
     * Parses only the 300 installed apps (what {@code update-check} does).
     *
     * @return the apps
     */
    @Benchmark
    public List<App> parseInstalledOnly() {
        return AppStoreJson.readApps(json, installed.asMap()::containsKey);
    }

    /**
     * Fetches 12 MB (gzip) over loopback and parses it.
     *
     * @return the apps
     */
    @Benchmark
    public List<App> fullFetchAndParse() {
        return uncached.apps();
    }

    /**
     * A conditional request answered 304; the cached, parsed catalogue is reused.
     *
     * @return the answer
     */
    @Benchmark
    public StoreResponse<List<App>> revalidate304() {
        return revalidating.read(StoreRoute.apps(), ReadOptions.defaults());
    }

    /**
     * Checks 300 installed apps against the parsed catalogue.
     *
     * @return the report
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public UpdateReport updateCheck300() {
        return checker.check(installed, catalogue);
    }
}
