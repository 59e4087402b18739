package dev.ncsdk.appstore;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ncsdk.appstore.cache.ResponseCache;
import dev.ncsdk.ocs.NcRateLimitedException;
import dev.ncsdk.ocs.NcServerException;
import dev.ncsdk.ocs.NcTransportException;
import dev.ncsdk.ocs.NcUnexpectedResponseException;
import dev.ncsdk.ocs.NextcloudVersion;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppStoreClientTest {
    private static final String APPS = "/api/v1/apps.json";
    private static final String ETAG1 = "\"2023-08-04 16:06:26.467093+00:00\"";
    private static final String ETAG2 = "\"2023-08-05 09:00:00+00:00\"";
    private static final String HTML_429 =
            "<html>\r\n<head><title>429 Too Many Requests</title></head>\r\n<body>\r\n<center><h1>429 Too Many"
                    + " Requests</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    private WireMockServer wm;
    private MutableClock clock;

    @TempDir
    Path cacheDir;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().gzipDisabled(true));
        wm.start();
        clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    private AppStoreClient.Builder client(ResponseCache cache) {
        return AppStoreClient.builder()
                .baseUri(URI.create(wm.baseUrl() + "/api/v1/"))
                .cache(cache)
                .clock(clock)
                .retryPolicy(RetryPolicy.builder()
                        .initialBackoff(Duration.ofMillis(10))
                        .maxBackoff(Duration.ofMillis(20))
                        .build());
    }

    private void stubApps(byte[] body, String etag) {
        wm.stubFor(get(urlEqualTo(APPS))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("ETag", etag)
                        .withBody(body)));
    }

    private static byte[] twoApps() {
        List<App> apps = AppStoreJson.readApps(Fixtures.appsExcerpt());
        String s = new String(Fixtures.appsExcerpt(), StandardCharsets.UTF_8);
        // the excerpt without its last app: cut before the third object
        int third = s.lastIndexOf("{", s.indexOf("\"twofactor_totp\""));
        String cut = s.substring(0, third).stripTrailing();
        cut = cut.substring(0, cut.length() - 1) + "]"; // drop the comma
        assertThat(apps).hasSize(3);
        return cut.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void fullCacheFlowFreshStaleNotModifiedAndNewETag() {
        stubApps(Fixtures.appsExcerpt(), ETAG1);
        try (AppStoreClient store = client(ResponseCache.inMemory()).build()) {
            StoreResponse<List<App>> first = store.read(StoreRoute.apps(), ReadOptions.defaults());
            assertThat(first.source()).isEqualTo(StoreResponse.Source.NETWORK);
            assertThat(first.value()).hasSize(3);
            assertThat(first.etag()).contains(ETAG1);
            LoggedRequest r1 = wm.findAll(getRequestedFor(urlEqualTo(APPS))).get(0);
            assertThat(r1.getHeader("If-None-Match")).isNull();
            assertThat(r1.getHeader("Accept-Encoding")).contains("gzip");
            assertThat(r1.getHeader("Accept")).isEqualTo("application/json");

            // fresh: no request
            clock.advance(Duration.ofMinutes(59));
            StoreResponse<List<App>> fresh = store.read(StoreRoute.apps(), ReadOptions.defaults());
            assertThat(fresh.source()).isEqualTo(StoreResponse.Source.CACHE_FRESH);
            assertThat(fresh.value()).isSameAs(first.value());
            wm.verify(1, getRequestedFor(urlEqualTo(APPS)));

            // stale: conditional request echoing the ETag byte for byte, 304 reuses the body
            clock.advance(Duration.ofMinutes(2));
            wm.resetMappings();
            wm.stubFor(get(urlEqualTo(APPS))
                    .withHeader("If-None-Match", equalTo(ETAG1))
                    .willReturn(aResponse().withStatus(304).withHeader("ETag", ETAG1)));
            StoreResponse<List<App>> revalidated = store.read(StoreRoute.apps(), ReadOptions.defaults());
            assertThat(revalidated.source()).isEqualTo(StoreResponse.Source.REVALIDATED);
            assertThat(revalidated.value()).hasSize(3);
            assertThat(revalidated.storedAt()).isEqualTo(clock.instant());
            wm.verify(2, getRequestedFor(urlEqualTo(APPS)));
            assertThat(wm.findAll(getRequestedFor(urlEqualTo(APPS))).get(1).getHeader("If-None-Match"))
                    .isEqualTo(ETAG1);

            // the 304 renewed the freshness
            clock.advance(Duration.ofMinutes(30));
            assertThat(store.read(StoreRoute.apps(), ReadOptions.defaults()).source())
                    .isEqualTo(StoreResponse.Source.CACHE_FRESH);
            wm.verify(2, getRequestedFor(urlEqualTo(APPS)));

            // stale again, the store has a new catalogue: 200 with a new ETag
            clock.advance(Duration.ofMinutes(31));
            wm.resetMappings();
            stubApps(twoApps(), ETAG2);
            StoreResponse<List<App>> changed = store.read(StoreRoute.apps(), ReadOptions.defaults());
            assertThat(changed.source()).isEqualTo(StoreResponse.Source.NETWORK);
            assertThat(changed.value()).extracting(App::id).containsExactly("direct_menu", "apporder");
            assertThat(changed.etag()).contains(ETAG2);
            assertThat(wm.findAll(getRequestedFor(urlEqualTo(APPS))).get(2).getHeader("If-None-Match"))
                    .isEqualTo(ETAG1);

            // and the next revalidation sends the new ETag
            clock.advance(Duration.ofHours(2));
            wm.resetMappings();
            wm.stubFor(get(urlEqualTo(APPS))
                    .withHeader("If-None-Match", equalTo(ETAG2))
                    .willReturn(aResponse().withStatus(304)));
            assertThat(store.apps()).hasSize(2);
        }
    }

    @Test
    void maxAgeIsConfigurableAndRevalidateForcesARequest() {
        stubApps(Fixtures.appsExcerpt(), ETAG1);
        try (AppStoreClient store =
                client(ResponseCache.inMemory()).maxAge(Duration.ofMinutes(5)).build()) {
            store.apps();
            clock.advance(Duration.ofMinutes(6));
            store.apps();
            wm.verify(2, getRequestedFor(urlEqualTo(APPS)));
            store.read(StoreRoute.apps(), ReadOptions.defaults().withRevalidate());
            wm.verify(3, getRequestedFor(urlEqualTo(APPS)));
        }
    }

    @Test
    void differentQueriesShareTheRawDocumentAndNeverPoisonEachOther() {
        stubApps(Fixtures.appsExcerpt(), ETAG1);
        try (AppStoreClient store = client(ResponseCache.inMemory()).build()) {
            assertThat(store.apps(List.of("apporder"))).extracting(App::id).containsExactly("apporder");
            assertThat(store.apps()).hasSize(3);
            assertThat(store.apps(List.of("direct_menu", "twofactor_totp"))).hasSize(2);
            wm.verify(1, getRequestedFor(urlEqualTo(APPS)));
        }
    }

    @Test
    void inflatesGzip() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(Fixtures.appsExcerpt());
        }
        wm.stubFor(get(urlEqualTo(APPS))
                .withHeader("Accept-Encoding", equalTo("gzip"))
                .willReturn(aResponse()
                        .withHeader("Content-Encoding", "gzip")
                        .withHeader("ETag", ETAG1)
                        .withBody(gz.toByteArray())));
        try (AppStoreClient store = client(ResponseCache.onDisk(cacheDir)).build()) {
            assertThat(store.apps()).hasSize(3);
        }
        // the cache keeps the inflated body
        try (AppStoreClient again = client(ResponseCache.onDisk(cacheDir)).build()) {
            assertThat(again.read(StoreRoute.apps(), ReadOptions.defaults()).source())
                    .isEqualTo(StoreResponse.Source.CACHE_FRESH);
            assertThat(again.apps().get(0).certificate()).contains("\r\n");
        }
    }

    @Test
    void diskCacheSurvivesARestartAndIsSharedByTwoClients() {
        stubApps(Fixtures.appsExcerpt(), ETAG1);
        try (AppStoreClient a = client(ResponseCache.onDisk(cacheDir)).build();
                AppStoreClient b = client(ResponseCache.onDisk(cacheDir)).build()) {
            assertThat(a.apps()).hasSize(3);
            StoreResponse<List<App>> fromB = b.read(StoreRoute.apps(), ReadOptions.defaults());
            assertThat(fromB.source()).isEqualTo(StoreResponse.Source.CACHE_FRESH);
            assertThat(fromB.etag()).contains(ETAG1);
            wm.verify(1, getRequestedFor(urlEqualTo(APPS)));

            // b revalidates after expiry; a then sees b's confirmation and stays quiet
            clock.advance(Duration.ofMinutes(61));
            wm.resetMappings();
            wm.stubFor(get(urlEqualTo(APPS))
                    .withHeader("If-None-Match", equalTo(ETAG1))
                    .willReturn(aResponse().withStatus(304)));
            assertThat(b.read(StoreRoute.apps(), ReadOptions.defaults()).source())
                    .isEqualTo(StoreResponse.Source.REVALIDATED);
            assertThat(a.read(StoreRoute.apps(), ReadOptions.defaults()).source())
                    .isEqualTo(StoreResponse.Source.CACHE_FRESH);
            wm.verify(2, getRequestedFor(urlEqualTo(APPS)));
        }
    }

    @Test
    void aCorruptCacheFileIsIgnoredAndReplaced() throws IOException {
        stubApps(Fixtures.appsExcerpt(), ETAG1);
        try (AppStoreClient store = client(ResponseCache.onDisk(cacheDir)).build()) {
            store.apps();
        }
        Path entry;
        try (var files = Files.list(cacheDir)) {
            entry = files.filter(p -> p.toString().endsWith(".entry"))
                    .findFirst()
                    .orElseThrow();
        }
        byte[] good = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(good, good.length / 3));

        try (AppStoreClient store = client(ResponseCache.onDisk(cacheDir)).build()) {
            StoreResponse<List<App>> r = store.read(StoreRoute.apps(), ReadOptions.defaults());
            assertThat(r.source()).isEqualTo(StoreResponse.Source.NETWORK);
            assertThat(r.value()).hasSize(3);
        }
        assertThat(wm.findAll(getRequestedFor(urlEqualTo(APPS))).get(1).getHeader("If-None-Match"))
                .isNull();
        assertThat(Files.readAllBytes(entry)).isEqualTo(good);
    }

    @Test
    void rateLimitWithHtmlBodyIsATypedErrorWithRetryAfter() {
        wm.stubFor(get(urlEqualTo(APPS))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "text/html")
                        .withHeader("Retry-After", "3600")
                        .withBody(HTML_429)));
        try (AppStoreClient store = client(ResponseCache.inMemory()).build()) {
            assertThatThrownBy(store::apps).isInstanceOfSatisfying(NcRateLimitedException.class, e -> {
                assertThat(e.httpStatus()).isEqualTo(429);
                assertThat(e.retryAfter()).contains(Duration.ofHours(1));
                assertThat(e.bodyExcerpt()).contains("429 Too Many Requests");
            });
            // Retry-After beyond the policy's limit: no retry was made
            wm.verify(1, getRequestedFor(urlEqualTo(APPS)));
        }
    }

    @Test
    void rateLimitIsRetriedWithinTheBudgetThenSucceeds() {
        wm.stubFor(get(urlEqualTo(APPS))
                .inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "0")
                        .withBody(HTML_429))
                .willSetStateTo("open"));
        wm.stubFor(get(urlEqualTo(APPS))
                .inScenario("limit")
                .whenScenarioStateIs("open")
                .willReturn(aResponse().withHeader("ETag", ETAG1).withBody(Fixtures.appsExcerpt())));
        try (AppStoreClient store = client(ResponseCache.inMemory()).build()) {
            assertThat(store.apps()).hasSize(3);
            wm.verify(2, getRequestedFor(urlEqualTo(APPS)));
        }
    }

    @Test
    void serviceUnavailableThenSuccess() {
        wm.stubFor(get(urlEqualTo(APPS))
                .inScenario("503")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("<html>maintenance</html>"))
                .willSetStateTo("up"));
        wm.stubFor(get(urlEqualTo(APPS))
                .inScenario("503")
                .whenScenarioStateIs("up")
                .willReturn(aResponse().withHeader("ETag", ETAG1).withBody(Fixtures.appsExcerpt())));
        try (AppStoreClient store = client(ResponseCache.inMemory()).build()) {
            StoreResponse<List<App>> r = store.read(StoreRoute.apps(), ReadOptions.defaults());
            assertThat(r.source()).isEqualTo(StoreResponse.Source.NETWORK);
            assertThat(r.value()).hasSize(3);
            wm.verify(2, getRequestedFor(urlEqualTo(APPS)));
        }
    }

    @Test
    void aFailingStoreServesTheStaleCopyOnlyWhenAskedAndSaysSo() {
        stubApps(Fixtures.appsExcerpt(), ETAG1);
        try (AppStoreClient store = client(ResponseCache.inMemory()).build()) {
            store.apps();
            clock.advance(Duration.ofHours(2));
            wm.resetMappings();
            wm.stubFor(
                    get(urlEqualTo(APPS)).willReturn(aResponse().withStatus(500).withBody("oops")));

            assertThatThrownBy(store::apps).isInstanceOf(NcServerException.class);

            StoreResponse<List<App>> stale =
                    store.read(StoreRoute.apps(), ReadOptions.defaults().withAllowStale());
            assertThat(stale.stale()).isTrue();
            assertThat(stale.value()).hasSize(3);
            assertThat(stale.failure()).containsInstanceOf(NcServerException.class);
            assertThat(stale.failure()).isPresent();
            assertThat(stale.storedAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        }
    }

    @Test
    void staleCopyAlsoCoversRateLimitsAndConnectionFailures() {
        stubApps(Fixtures.appsExcerpt(), ETAG1);
        try (AppStoreClient store = client(ResponseCache.onDisk(cacheDir)).build()) {
            store.apps();
        }
        clock.advance(Duration.ofHours(2));
        wm.resetMappings();
        wm.stubFor(get(urlEqualTo(APPS))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "600")
                        .withBody(HTML_429)));
        try (AppStoreClient store = client(ResponseCache.onDisk(cacheDir)).build()) {
            StoreResponse<List<App>> r =
                    store.read(StoreRoute.apps(), ReadOptions.defaults().withAllowStale());
            assertThat(r.stale()).isTrue();
            assertThat(r.failure()).containsInstanceOf(NcRateLimitedException.class);
        }
        AppStoreClient.Builder offline = client(ResponseCache.onDisk(cacheDir));
        wm.stop();
        try (AppStoreClient store = offline.retryPolicy(RetryPolicy.none()).build()) {
            StoreResponse<List<App>> r =
                    store.read(StoreRoute.apps(), ReadOptions.defaults().withAllowStale());
            assertThat(r.stale()).isTrue();
            assertThat(r.failure()).containsInstanceOf(NcTransportException.class);
            assertThatThrownBy(store::apps).isInstanceOf(NcTransportException.class);
        }
    }

    @Test
    void aCatalogueDribbledInGzipPiecesIsParsedWhileItArrivesLikeTheWholeBody() throws Exception {
        byte[] doc = AppListStreamTest.catalogue();
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(doc);
        }
        wm.stubFor(get(urlEqualTo(APPS))
                .willReturn(aResponse()
                        .withHeader("Content-Encoding", "gzip")
                        .withHeader("ETag", ETAG1)
                        .withBody(gz.toByteArray())
                        .withChunkedDribbleDelay(40, 400)));
        try (AppStoreClient store = client(ResponseCache.inMemory()).build()) {
            assertThat(store.apps()).isEqualTo(AppStoreJson.readApps(doc));
            assertThat(store.apps(List.of("apporder_7", "direct_menu_0")))
                    .extracting(App::id)
                    .containsExactly("direct_menu_0", "apporder_7");
        }
    }

    @Test
    void aFilteredReadFromTheNetworkStreamsOnlyTheWantedApps() throws Exception {
        byte[] doc = AppListStreamTest.catalogue();
        stubApps(doc, ETAG1);
        try (AppStoreClient store = client(ResponseCache.none()).build()) {
            List<App> some = store.apps(List.of("twofactor_totp_4", "nope"));
            assertThat(some).isEqualTo(AppStoreJson.readApps(doc, "twofactor_totp_4"::equals));
        }
    }

    @Test
    void aMalformedCatalogueFailsAsBefore() {
        wm.stubFor(get(urlEqualTo(APPS))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("[{\"id\":\"a\",\"releases\":[}]")));
        try (AppStoreClient store = client(ResponseCache.inMemory()).build()) {
            assertThatThrownBy(store::apps)
                    .isInstanceOf(NcUnexpectedResponseException.class)
                    .hasMessageContaining("apps.json");
        }
        wm.stubFor(get(urlEqualTo(APPS)).willReturn(aResponse().withStatus(500).withBody("[{\"id\":\"x\"}]")));
        try (AppStoreClient store =
                client(ResponseCache.inMemory()).retryPolicy(RetryPolicy.none()).build()) {
            assertThatThrownBy(store::apps).isInstanceOf(NcServerException.class);
        }
    }

    @Test
    void anHtmlPageWithStatus200IsNotAnEmptyCatalogueAndIsNotCached() {
        wm.stubFor(get(urlEqualTo(APPS))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/html")
                        .withBody("<!DOCTYPE html><html><title>Maintenance</title></html>")));
        try (AppStoreClient store = client(ResponseCache.inMemory()).build()) {
            assertThatThrownBy(store::apps)
                    .isInstanceOf(NcUnexpectedResponseException.class)
                    .hasMessageContaining("apps.json")
                    .hasMessageContaining("Maintenance");
            assertThat(store.cache().get(store.baseUri() + "/apps.json")).isEmpty();
        }
    }

    @Test
    void everyReadRouteSyncAndAsync() {
        wm.stubFor(get(urlEqualTo("/api/v1/categories.json"))
                .willReturn(
                        aResponse().withBody("[{\"id\":\"games\",\"translations\":{\"en\":{\"name\":\"Games\"}}}]")));
        wm.stubFor(get(urlEqualTo("/api/v1/platforms.json"))
                .willReturn(
                        aResponse().withBody("[{\"hasRelease\":true,\"version\":\"32.0.0\",\"isSupported\":true}]")));
        wm.stubFor(get(urlEqualTo("/api/v1/ratings.json"))
                .willReturn(aResponse().withBody("[{\"rating\":0.5,\"app\":\"news\",\"user\":{\"id\":2}}]")));
        wm.stubFor(get(urlEqualTo("/api/v1/discover.json"))
                .willReturn(aResponse().withBody("[{\"type\":\"carousel\",\"content\":[]}]")));
        wm.stubFor(get(urlEqualTo("/api/v1/appapi_apps.json"))
                .willReturn(aResponse()
                        .withBody("[{\"id\":\"llm2\",\"releases\":[{\"version\":\"2.0.0\","
                                + "\"deployMethods\":[{\"installType\":\"docker-install\",\"installData\":{}}]}]}]")));
        wm.stubFor(get(urlEqualTo("/api/v1/platform/32.0.1/apps.json"))
                .willReturn(aResponse().withBody(Fixtures.appsExcerpt())));
        stubApps(Fixtures.appsExcerpt(), ETAG1);
        try (AppStoreClient store = client(ResponseCache.none()).build()) {
            assertThat(store.categories()).extracting(Category::id).containsExactly("games");
            assertThat(store.platforms()).extracting(Platform::version).containsExactly("32.0.0");
            assertThat(store.ratings()).extracting(Rating::app).containsExactly("news");
            assertThat(store.discover()).extracting(DiscoverEntry::type).containsExactly("carousel");
            assertThat(store.exApps().get(0).releases().get(0).deployMethods()).hasSize(1);
            assertThat(store.appsFor(NextcloudVersion.parse("32.0.1.2"))).hasSize(3);
            assertThat(store.apps()).hasSize(3);

            assertThat(HttpTransport.await(store.categoriesAsync())).hasSize(1);
            assertThat(HttpTransport.await(store.platformsAsync())).hasSize(1);
            assertThat(HttpTransport.await(store.ratingsAsync())).hasSize(1);
            assertThat(HttpTransport.await(store.discoverAsync())).hasSize(1);
            assertThat(HttpTransport.await(store.exAppsAsync())).hasSize(1);
            assertThat(HttpTransport.await(store.appsForAsync(NextcloudVersion.parse("32.0.1"))))
                    .hasSize(3);
            assertThat(HttpTransport.await(store.appsAsync())).hasSize(3);
            assertThat(HttpTransport.await(store.appsAsync(List.of("apporder"))))
                    .hasSize(1);
        }
        wm.verify(2, getRequestedFor(urlEqualTo("/api/v1/platform/32.0.1/apps.json")));
    }

    @Test
    void asyncFailuresCarryTheTypedError() {
        wm.stubFor(get(urlEqualTo(APPS)).willReturn(aResponse().withStatus(502).withBody("bad gateway")));
        try (AppStoreClient store = client(ResponseCache.inMemory()).build()) {
            assertThatThrownBy(() -> HttpTransport.await(store.appsAsync())).isInstanceOf(NcServerException.class);
        }
    }

    @Test
    void sendsSubscriptionKeyAndUserAgentAndKeepsTheirCachesApart() {
        wm.stubFor(get(urlEqualTo(APPS))
                .withHeader(AppStoreClient.SUBSCRIPTION_KEY_HEADER, equalTo("sub-123"))
                .willReturn(aResponse().withHeader("ETag", ETAG2).withBody(Fixtures.appsExcerpt())));
        wm.stubFor(get(urlEqualTo(APPS))
                .withHeader(AppStoreClient.SUBSCRIPTION_KEY_HEADER, absent())
                .willReturn(aResponse().withHeader("ETag", ETAG1).withBody(twoApps())));
        ResponseCache shared = ResponseCache.onDisk(cacheDir);
        try (AppStoreClient enterprise = client(shared)
                        .subscriptionKey(Secret.of("sub-123"))
                        .userAgent("my-checker/1.0")
                        .build();
                AppStoreClient plain = client(shared).build()) {
            assertThat(enterprise.apps()).hasSize(3);
            assertThat(plain.apps()).hasSize(2);
            assertThat(enterprise.apps()).hasSize(3);
            assertThat(enterprise.toString()).doesNotContain("sub-123");
        }
        assertThat(wm.findAll(getRequestedFor(urlEqualTo(APPS))).get(0).getHeader("User-Agent"))
                .isEqualTo("my-checker/1.0");
        wm.verify(2, getRequestedFor(urlEqualTo(APPS)));
    }

    @Test
    void aClosedClientMakesNoMoreRequests() {
        stubApps(Fixtures.appsExcerpt(), ETAG1);
        AppStoreClient store = client(ResponseCache.none()).build();
        store.close();
        assertThatThrownBy(store::apps).isInstanceOf(IllegalStateException.class);
        AppStoreClient used = client(ResponseCache.none()).build();
        assertThat(used.apps()).hasSize(3);
        used.close();
        assertThatThrownBy(used::apps).isInstanceOf(IllegalStateException.class);
        wm.verify(1, getRequestedFor(urlEqualTo(APPS)));
    }

    @Test
    void defaultsAreDocumentedValues() {
        try (AppStoreClient store = AppStoreClient.builder().build()) {
            assertThat(store.baseUri()).hasToString(AppStoreClient.DEFAULT_BASE_URI);
            assertThat(store.maxAge()).isEqualTo(Duration.ofHours(1));
            assertThat(store.transport().maxResponseBytes()).isEqualTo(64L * 1024 * 1024);
            assertThat(store.transport().requestTimeout()).isEqualTo(Duration.ofSeconds(60));
        }
        assertThatThrownBy(() -> AppStoreClient.builder().baseUri(URI.create("ftp://x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AppStoreClient.builder().maxAge(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void publisherSharesTheClientsTransportBaseUrlAndCredentials() {
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/api/v1/token/new"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"token\":\"fresh-token-value\"}")));
        try (AppStoreClient store = client(ResponseCache.none())
                .credentials(dev.ncsdk.ocs.Credentials.token(Secret.of("old-token-value")))
                .userAgent("store-test/1")
                .build()) {
            Secret token = store.publisher().regenerateApiToken();

            assertThat(token.reveal()).isEqualTo("fresh-token-value");
        }
        wm.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/api/v1/token/new"))
                .withHeader("Authorization", equalTo("Token old-token-value"))
                .withHeader("User-Agent", equalTo("store-test/1")));
    }
}
