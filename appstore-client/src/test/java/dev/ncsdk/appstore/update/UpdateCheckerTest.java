package dev.ncsdk.appstore.update;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ncsdk.appstore.App;
import dev.ncsdk.appstore.AppRelease;
import dev.ncsdk.appstore.AppStoreClient;
import dev.ncsdk.appstore.AppStoreJson;
import dev.ncsdk.appstore.Fixtures;
import dev.ncsdk.appstore.Translations;
import dev.ncsdk.appstore.cache.ResponseCache;
import dev.ncsdk.ocs.NcRateLimitedException;
import dev.ncsdk.ocs.NcServerException;
import dev.ncsdk.ocs.NextcloudVersion;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpdateCheckerTest {
    private static final List<App> EXCERPT = AppStoreJson.readApps(Fixtures.appsExcerpt());
    private static final InstalledApps OLD = InstalledApps.of(Map.of(
            "direct_menu", "0.9.1",
            "apporder", "0.3.2",
            "twofactor_totp", "0.4.0",
            "files", "2.0.0"));

    private static UpdateChecker checker(String platform) {
        return UpdateChecker.builder(NextcloudVersion.parse(platform)).build();
    }

    private static Map<String, String> updates(UpdateReport r) {
        Map<String, String> m = new LinkedHashMap<>();
        r.updates().forEach(u -> m.put(u.appId(), u.availableVersion()));
        return m;
    }

    /** The real excerpt: direct_menu and apporder need >=9 <=11; twofactor_totp >=10 <=11 and PHP >=5.4 <=7.0. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "9.0.0     | false | direct_menu=0.9.2 apporder=0.3.3",
                "10.0.0    | false | direct_menu=0.9.2 apporder=0.3.3 twofactor_totp=0.4.1",
                "11.0.5.1  | true  | direct_menu=0.9.2 apporder=0.3.3 twofactor_totp=0.4.1",
                "12.0.0    | false | direct_menu=0.9.2 apporder=0.3.3 twofactor_totp=0.4.1",
                "12.0.0    | true  | ''",
                "32.0.1.2  | true  | ''",
                "8.2.0     | false | ''",
            })
    void filtersTheRealExcerptForSeveralPlatforms(String platform, boolean checkMax, String expected) {
        UpdateReport report = UpdateChecker.builder(NextcloudVersion.parse(platform))
                .checkMaxPlatformVersion(checkMax)
                .build()
                .check(OLD, EXCERPT);

        Map<String, String> want = new LinkedHashMap<>();
        for (String pair : expected.split(" ")) {
            if (!pair.isBlank()) {
                want.put(pair.split("=")[0], pair.split("=")[1]);
            }
        }
        assertThat(updates(report)).containsExactlyInAnyOrderEntriesOf(want);
        assertThat(report.notInStore()).containsExactly("files");
        assertThat(report.skipped()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "7.0.33 | true",
                "7.0.0 | true",
                "5.4.0 | true",
                "7.1.0 | false",
                "5.3.29 | false",
                "8.2.36 | false"
            })
    void checksThePhpSpecAtBothEnds(String php, boolean offered) {
        UpdateReport report = UpdateChecker.builder(NextcloudVersion.parse("11.0.0"))
                .php(php)
                .build()
                .check(OLD, EXCERPT);

        assertThat(report.update("twofactor_totp").isPresent()).isEqualTo(offered);
        assertThat(report.update("apporder")).isPresent(); // rawPhpVersionSpec "*"
    }

    @Test
    void theNewestCompatibleReleaseWinsWhateverItsPlaceInTheArray() {
        App apporder = EXCERPT.get(1);
        List<AppRelease> reversed = new ArrayList<>(apporder.releases());
        Collections.reverse(reversed);
        App flipped = withReleases(apporder, reversed);

        AppUpdate u = checker("10.0.0")
                .check(InstalledApps.of(Map.of("apporder", "0.3.1")), List.of(flipped))
                .updates()
                .get(0);

        assertThat(u.availableVersion()).isEqualTo("0.3.3");
        assertThat(u.download()).endsWith("/0.3.3/apporder.tar.gz");
        assertThat(u.nightly()).isFalse();
        assertThat(u.installedVersion()).isEqualTo("0.3.1");
    }

    @Test
    void onlyStrictlyNewerVersionsAreUpdates() {
        UpdateChecker c = checker("10.0.0");

        assertThat(c.check(InstalledApps.of(Map.of("apporder", "0.3.3")), EXCERPT)
                        .updates())
                .isEmpty();
        assertThat(c.check(InstalledApps.of(Map.of("apporder", "0.4.0")), EXCERPT)
                        .updates())
                .isEmpty();
        assertThat(c.check(InstalledApps.of(Map.of("apporder", "0")), EXCERPT).updates())
                .isEmpty();
    }

    // ---- synthetic catalogues for the rules the excerpt does not exercise ----

    private static AppRelease release(String version, boolean nightly, String platformSpec, String lastModified) {
        return release(version, nightly, platformSpec, "*", lastModified);
    }

    private static AppRelease release(
            String version, boolean nightly, String platformSpec, String phpSpec, String lastModified) {
        return new AppRelease(
                version,
                nightly,
                null,
                null,
                null,
                "*",
                ">=1.0.0",
                phpSpec,
                platformSpec,
                64,
                "https://example.com/" + version + (nightly ? "-nightly" : "") + ".tar.gz",
                null,
                lastModified == null ? null : Instant.parse(lastModified),
                List.of("agpl"),
                "sig",
                "sha512",
                Translations.empty(),
                null,
                null,
                null);
    }

    private static App app(String id, AppRelease... releases) {
        return new App(
                id,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(releases),
                null,
                null,
                false,
                null,
                0,
                0,
                0,
                0,
                null);
    }

    private static App withReleases(App a, List<AppRelease> releases) {
        return new App(
                a.id(),
                a.categories(),
                a.userDocs(),
                a.adminDocs(),
                a.developerDocs(),
                a.issueTracker(),
                a.website(),
                a.discussion(),
                a.created(),
                a.lastModified(),
                releases,
                a.screenshots(),
                a.translations(),
                a.featured(),
                a.authors(),
                a.ratingRecent(),
                a.ratingOverall(),
                a.ratingNumRecent(),
                a.ratingNumOverall(),
                a.certificate());
    }

    private static final App NEWS = app(
            "news",
            release("25.0.0", false, ">=30 <=32", null),
            release("25.1.0-beta.1", false, ">=30 <=32", null),
            release("25.2.0", true, ">=30 <=32", "2026-01-01T00:00:00Z"),
            release("25.2.0", true, ">=30 <=32", "2026-02-01T00:00:00Z"),
            release("26.0.0", false, ">=33 <=34", null));

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"STABLE | 25.0.0 | false", "BETA | 25.1.0-beta.1 | false", "DAILY | 25.2.0 | true"})
    void channelsDecidePreReleasesAndNightlies(Channel channel, String expected, boolean nightly) {
        AppUpdate u = UpdateChecker.builder(NextcloudVersion.parse("31.0.5.1"))
                .channel(channel)
                .build()
                .check(InstalledApps.of(Map.of("news", "24.0.0")), List.of(NEWS))
                .updates()
                .get(0);

        assertThat(u.availableVersion()).isEqualTo(expected);
        assertThat(u.nightly()).isEqualTo(nightly);
        if (nightly) {
            // two nightlies of the same version: the later lastModified wins
            assertThat(u.release().lastModified()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        }
    }

    @Test
    void aNightlyOfTheInstalledVersionIsNotAnUpdateUnlessStorePrecedenceIsAsked() {
        App a = app(
                "cal", release("2.0.0", false, ">=30", null), release("2.0.0", true, ">=30", "2026-01-01T00:00:00Z"));
        UpdateChecker.Builder b =
                UpdateChecker.builder(NextcloudVersion.parse("31.0.0")).channel(Channel.DAILY);

        assertThat(b.build()
                        .check(InstalledApps.of(Map.of("cal", "2.0.0")), List.of(a))
                        .updates())
                .isEmpty();
        assertThat(b.precedence(Precedence.STORE)
                        .build()
                        .check(InstalledApps.of(Map.of("cal", "2.0.0")), List.of(a))
                        .updates())
                .singleElement()
                .satisfies(u -> assertThat(u.nightly()).isTrue());
    }

    @Test
    void anUnparsableSpecSkipsOnlyThatReleaseAndIsReported() {
        App broken =
                app("broken", release("3.0.0", false, ">=30 <=31a", null), release("2.9.0", false, ">=30 <=32", null));
        App fine = app("fine", release("1.1.0", false, ">=30", null));

        UpdateReport r = checker("31.0.0")
                .check(InstalledApps.of(Map.of("broken", "2.0.0", "fine", "1.0.0")), List.of(broken, fine));

        assertThat(updates(r)).containsOnly(Map.entry("broken", "2.9.0"), Map.entry("fine", "1.1.0"));
        assertThat(r.skipped()).singleElement().satisfies(s -> {
            assertThat(s.appId()).isEqualTo("broken");
            assertThat(s.version()).isEqualTo("3.0.0");
            assertThat(s.installed()).isFalse();
            assertThat(s.reason()).contains(">=30 <=31a");
        });
    }

    @Test
    void starAndMaxOnlySpecsAreHandledCorrectly() {
        App star = app("star", release("1.1.0", false, "*", null));
        App maxOnly = app("maxonly", release("1.1.0", false, "<=31", null));
        Map<String, String> installed = Map.of("star", "1.0.0", "maxonly", "1.0.0");

        assertThat(updates(checker("31.0.5.1").check(InstalledApps.of(installed), List.of(star, maxOnly))))
                .containsOnlyKeys("star", "maxonly");
        assertThat(updates(UpdateChecker.builder(NextcloudVersion.parse("32.0.0"))
                        .checkMaxPlatformVersion(true)
                        .build()
                        .check(InstalledApps.of(installed), List.of(star, maxOnly))))
                .containsOnlyKeys("star");
    }

    @Test
    void otherSpecFieldsDoNotDecide() {
        // platformVersionSpec says ">=1.0.0" (everything) but the raw spec excludes 31; phpVersionSpec is ignored too
        App a = app("x", release("2.0.0", false, ">=32", ">=5.6 <=7.4", null));

        assertThat(checker("31.0.0")
                        .check(InstalledApps.of(Map.of("x", "1.0.0")), List.of(a))
                        .updates())
                .isEmpty();
        assertThat(UpdateChecker.builder(NextcloudVersion.parse("32.0.0"))
                        .php("8.2.36")
                        .build()
                        .check(InstalledApps.of(Map.of("x", "1.0.0")), List.of(a))
                        .updates())
                .isEmpty();
        assertThat(checker("32.0.0")
                        .check(InstalledApps.of(Map.of("x", "1.0.0")), List.of(a))
                        .updates())
                .hasSize(1);
    }

    @Test
    void anUnparsableInstalledVersionIsReported() {
        UpdateReport r = checker("10.0.0").check(InstalledApps.of(Map.of("apporder", "weird-version")), EXCERPT);

        assertThat(r.updates()).isEmpty();
        assertThat(r.skipped()).singleElement().satisfies(s -> {
            assertThat(s.installed()).isTrue();
            assertThat(s.version()).isEqualTo("weird-version");
        });
    }

    @Test
    void aStoreFailureRaisesInsteadOfUpToDate() {
        WireMockServer wm = new WireMockServer(options().dynamicPort());
        wm.start();
        try {
            wm.stubFor(get(urlEqualTo("/apps.json"))
                    .willReturn(aResponse()
                            .withStatus(429)
                            .withHeader("Retry-After", "900")
                            .withBody("<html>429</html>")));
            try (AppStoreClient store = AppStoreClient.builder()
                    .baseUri(URI.create(wm.baseUrl()))
                    .cache(ResponseCache.none())
                    .retryPolicy(RetryPolicy.none())
                    .build()) {
                UpdateChecker c = checker("10.0.0");
                assertThatThrownBy(() -> c.check(OLD, store)).isInstanceOf(NcRateLimitedException.class);
                assertThatThrownBy(() -> HttpTransport.await(c.checkAsync(OLD, store)))
                        .isInstanceOf(NcRateLimitedException.class);
                wm.resetMappings();
                wm.stubFor(get(urlEqualTo("/apps.json")).willReturn(aResponse().withStatus(500)));
                assertThatThrownBy(() -> c.check(OLD, store)).isInstanceOf(NcServerException.class);
                wm.resetMappings();
                wm.stubFor(get(urlEqualTo("/apps.json")).willReturn(aResponse().withBody(Fixtures.appsExcerpt())));
                assertThat(updates(c.check(OLD, store))).hasSize(3);
                assertThat(updates(HttpTransport.await(c.checkAsync(OLD, store))))
                        .hasSize(3);
            }
        } finally {
            wm.stop();
        }
    }

    @Test
    void channelNamesAsNextcloudWritesThem() {
        assertThat(Channel.parse("production")).isEqualTo(Channel.STABLE);
        assertThat(Channel.parse("Beta")).isEqualTo(Channel.BETA);
        assertThat(Channel.parse("git")).isEqualTo(Channel.DAILY);
        assertThatThrownBy(() -> Channel.parse("nightly")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void installedVersionsThatCannotBeJudgedAreReportedNotCountedUpToDate() {
        Map<String, String> installed = new LinkedHashMap<>();
        installed.put("apporder", "");
        installed.put("direct_menu", "0");
        installed.put("twofactor_totp", "abc");
        installed.put("files", "2.0.0");

        UpdateReport r = checker("10.0.0").check(InstalledApps.of(installed), EXCERPT);

        assertThat(r.updates()).isEmpty();
        assertThat(r.unjudgedApps())
                .extracting(SkippedRelease::appId)
                .containsExactly("apporder", "direct_menu", "twofactor_totp");
        assertThat(r.unjudgedApps()).allSatisfy(s -> assertThat(s.installed()).isTrue());
        assertThat(r.notInStore()).containsExactly("files");
        assertThat(r.allJudged()).isFalse();
        assertThat(checker("10.0.0")
                        .check(InstalledApps.of(Map.of("apporder", "0.3.3")), EXCERPT)
                        .allJudged())
                .isTrue();
    }
}
