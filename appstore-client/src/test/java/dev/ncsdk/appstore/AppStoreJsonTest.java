package dev.ncsdk.appstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AppStoreJsonTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheRealExcerptIntoModels() {
        List<App> apps = AppStoreJson.readApps(Fixtures.appsExcerpt());

        assertThat(apps).extracting(App::id).containsExactly("direct_menu", "apporder", "twofactor_totp");
        App directMenu = apps.get(0);
        assertThat(directMenu.categories()).containsExactly("customization");
        assertThat(directMenu.issueTracker()).isEqualTo("https://github.com/juliushaertl/direct_menu/issues");
        assertThat(directMenu.website()).isEmpty();
        assertThat(directMenu.created()).isEqualTo(Instant.parse("2016-10-01T09:16:06.030994Z"));
        assertThat(directMenu.lastModified()).isEqualTo(Instant.parse("2016-10-06T14:01:05.584192Z"));
        assertThat(directMenu.featured()).isFalse();
        assertThat(directMenu.ratingOverall()).isEqualTo(0.5);
        assertThat(directMenu.ratingNumOverall()).isZero();
        assertThat(directMenu.authors()).containsExactly(new Author("Julius H\u00e4rtl", "", ""));
        assertThat(directMenu.screenshots())
                .containsExactly(new Screenshot("https://bitgrid.net/~jus/direct_menu_nc.png", ""));
        assertThat(directMenu.screenshots().get(0).preview()).isEqualTo("https://bitgrid.net/~jus/direct_menu_nc.png");
        assertThat(directMenu.name("de")).isEqualTo("Direct Menu");
        assertThat(directMenu.text("en").orElseThrow().summary())
                .isEqualTo("Provide easy access to all apps in the header.");

        AppRelease r = directMenu.releases().get(0);
        assertThat(r.version()).isEqualTo("0.9.2");
        assertThat(r.nightly()).isFalse();
        assertThat(r.phpVersionSpec()).isEqualTo("*");
        assertThat(r.platformVersionSpec()).isEqualTo(">=9.0.0 <12.0.0");
        assertThat(r.rawPlatformVersionSpec()).isEqualTo(">=9 <=11");
        assertThat(r.rawPhpVersionSpec()).isEqualTo("*");
        assertThat(r.minIntSize()).isEqualTo(32);
        assertThat(r.licenses()).containsExactly("agpl");
        assertThat(r.phpExtensions()).isEmpty();
        assertThat(r.databases()).isEmpty();
        assertThat(r.shellCommands()).isEmpty();
        assertThat(r.changelog().isEmpty()).isTrue();
        assertThat(r.download())
                .isEqualTo("https://github.com/juliushaertl/direct_menu/releases/download/v0.9.2/direct_menu.tar.gz");
        assertThat(r.created()).isEqualTo(Instant.parse("2016-10-06T14:01:05.578297Z"));
        assertThat(r.lastModified()).isEqualTo(Instant.parse("2016-10-06T14:01:05.643813Z"));

        App apporder = apps.get(1);
        assertThat(apporder.releases()).extracting(AppRelease::version).containsExactly("0.3.3", "0.3.2");
        assertThat(apporder.authors().get(0).mail()).isEqualTo("jus@bitgrid.net");
        App totp = apps.get(2);
        assertThat(totp.releases().get(0).rawPhpVersionSpec()).isEqualTo(">=5.4 <=7.0");
        assertThat(totp.screenshots()).isEmpty();
    }

    @Test
    void keepsCertificatesAndSignaturesExactlyAsSent() {
        App directMenu = AppStoreJson.readApps(Fixtures.appsExcerpt()).get(0);

        assertThat(directMenu.certificate())
                .startsWith(
                        "-----BEGIN CERTIFICATE-----\r\nMIIEBjCCAu4CAhADMA0GCSqGSIb3DQEBCwUAMHsxCzAJBgNVBAYTAkRFMRswGQYD\r\n")
                .endsWith("\r\n-----END CERTIFICATE-----")
                .doesNotContain("\r\r");
        assertThat(directMenu.certificate().split("\r\n")).hasSizeGreaterThan(20);
        String signature = directMenu.releases().get(0).signature();
        assertThat(signature).startsWith("ERBS9G5bZ3vwCizz2Ht5DehsVJmb63bzF3aYcH7xjbDVMPagOFWdUAiLDwTeZR1n\ni4gdZ");
        assertThat(signature).endsWith("N+hKFBQ=");
        assertThat(java.util.Base64.getMimeDecoder().decode(signature)).hasSize(512);
        // a one-line signature is kept too
        String apporderSig = AppStoreJson.readApps(Fixtures.appsExcerpt())
                .get(1)
                .releases()
                .get(0)
                .signature();
        assertThat(apporderSig).doesNotContain("\n").endsWith("jKTBxso=");
    }

    @Test
    void readsOnlyTheWantedApps() {
        List<App> apps = AppStoreJson.readApps(Fixtures.appsExcerpt(), Set.of("apporder", "not_there")::contains);

        assertThat(apps).extracting(App::id).containsExactly("apporder");
        assertThat(apps.get(0).releases()).hasSize(2);
    }

    @Test
    void filteredReadsAgreeWithFullReadsAndSurviveBracesInStrings() {
        String json = "\ufeff [ {\"id\":\"a\",\"website\":\"x}]{\\\"\\\\\",\"releases\":[{\"version\":\"1.0.0\"}]},"
                + " 7, [ {\"id\":\"nested\"} ], {\"id\":\"b\",\"translations\":{\"en\":{\"name\":\"{[\"}}} ] \n";
        byte[] bytes = utf8(json);

        List<App> all = AppStoreJson.readApps(bytes);
        List<App> some = AppStoreJson.readApps(bytes, id -> true);

        assertThat(all).extracting(App::id).containsExactly("a", "b");
        assertThat(some).isEqualTo(all);
        assertThat(all.get(0).website()).isEqualTo("x}]{\"\\");
        assertThat(AppStoreJson.readApps(bytes, "b"::equals).get(0).name("en")).isEqualTo("{[");
        assertThat(AppStoreJson.readApps(Fixtures.appsExcerpt(), id -> true))
                .isEqualTo(AppStoreJson.readApps(Fixtures.appsExcerpt()));
        byte[] unusual = utf8("[{\"id\":\"caf\u00e9\"},{ \"id\" : \"a\\u0062\"},{\"name\":1,\"id\":\"late\"}]");
        assertThat(AppStoreJson.readApps(unusual, Set.of("caf\u00e9", "ab", "late")::contains))
                .extracting(App::id)
                .containsExactly("caf\u00e9", "ab", "late");
        assertThat(AppStoreJson.readApps(unusual, "ab"::equals))
                .extracting(App::id)
                .containsExactly("ab");
        assertThatThrownBy(() -> AppStoreJson.readApps(utf8("[{\"id\":\"a\"}"), id -> true))
                .isInstanceOf(StoreFormatException.class);
        assertThatThrownBy(() -> AppStoreJson.readApps(utf8("[{\"id\":\"a\"}] x"), id -> true))
                .isInstanceOf(StoreFormatException.class);
        assertThatThrownBy(() -> AppStoreJson.readApps(utf8("{\"id\":\"a\"}"), id -> true))
                .isInstanceOf(StoreFormatException.class);
        assertThatThrownBy(() -> AppStoreJson.readApps(utf8("[{\"id\":\"a\",\"releases\":[}]"), id -> true))
                .isInstanceOf(StoreFormatException.class);
    }

    @Test
    void filtersEvenWhenTheIdComesLast() {
        String json = "[{\"releases\":[{\"version\":\"1.0.0\"}],\"id\":\"late\"},{\"id\":\"other\"}]";

        assertThat(AppStoreJson.readApps(utf8(json), "late"::equals))
                .singleElement()
                .satisfies(a -> assertThat(a.releases()).hasSize(1));
    }

    @Test
    void isLenientToUnknownFieldsAndLooseTypes() {
        String json = "[{\"id\":\"x\",\"newField\":{\"deep\":[1,2,{\"a\":null}]},\"ratingNumOverall\":\"7\","
                + "\"ratingOverall\":\"0.75\",\"isFeatured\":1,\"website\":null,\"categories\":\"tools\","
                + "\"created\":\"\",\"lastModified\":\"not a date\",\"authors\":[{\"name\":\"A\"},\"junk\"],"
                + "\"translations\":{\"en\":{\"name\":\"X\"},\"de\":null},"
                + "\"releases\":[{\"version\":\"1.0.0\",\"isNightly\":\"true\",\"minIntSize\":\"64\","
                + "\"licenses\":[\"agpl\",null],\"phpExtensions\":[{\"id\":\"curl\",\"versionSpec\":\"\"}],"
                + "\"lastModified\":\"2020-01-02T03:04:05+00:00\",\"extra\":[]}]}]";

        App a = AppStoreJson.readApps(utf8(json)).get(0);

        assertThat(a.ratingNumOverall()).isEqualTo(7);
        assertThat(a.ratingOverall()).isEqualTo(0.75);
        assertThat(a.featured()).isTrue();
        assertThat(a.website()).isEmpty();
        assertThat(a.categories()).containsExactly("tools");
        assertThat(a.created()).isNull();
        assertThat(a.lastModified()).isNull();
        assertThat(a.authors()).containsExactly(new Author("A", "", ""));
        assertThat(a.translations().languages()).containsExactly("en");
        AppRelease r = a.releases().get(0);
        assertThat(r.nightly()).isTrue();
        assertThat(r.minIntSize()).isEqualTo(64);
        assertThat(r.licenses()).containsExactly("agpl");
        assertThat(r.phpExtensions()).containsExactly(new Requirement("curl", "*", "*"));
        assertThat(r.lastModified()).isEqualTo(Instant.parse("2020-01-02T03:04:05Z"));
        assertThat(r.rawPlatformVersionSpec()).isNull();
    }

    @Test
    void readsExAppReleasesWithDeployMethodsAndScopes() {
        String json = "[{\"id\":\"context_chat_backend\",\"releases\":[{\"version\":\"4.0.0\",\"aaIsSystem\":false,"
                + "\"deployMethods\":[{\"installType\":\"docker-install\",\"installData\":{\"image\":\"nextcloud/ccb\","
                + "\"registry\":\"ghcr.io\",\"imageTag\":\"4.0.0\"}}],"
                + "\"apiScopes\":[{\"scopeName\":\"FILES\",\"optional\":false},{\"scopeName\":\"TALK\",\"optional\":true}]}]}]";

        AppRelease r = AppStoreJson.readApps(utf8(json)).get(0).releases().get(0);

        assertThat(r.aaIsSystem()).isFalse();
        assertThat(r.deployMethods()).singleElement().satisfies(d -> {
            assertThat(d.installType()).isEqualTo("docker-install");
            assertThat(d.installData().get("image").asText()).isEqualTo("nextcloud/ccb");
        });
        assertThat(r.apiScopes()).containsExactly(new ApiScope("FILES", false), new ApiScope("TALK", true));
    }

    @Test
    void readsCategoriesPlatformsRatingsAndDiscover() {
        List<Category> categories = AppStoreJson.readCategories(
                utf8(
                        "[{\"id\":\"games\",\"translations\":{"
                                + "\"en\":{\"name\":\"Games\",\"description\":\"\"},\"de\":{\"name\":\"Spiele\",\"description\":\"\"}}}]"));
        assertThat(categories.get(0).name("de_DE")).isEqualTo("Spiele");
        assertThat(categories.get(0).name("fr")).isEqualTo("Games");

        List<Platform> platforms = AppStoreJson.readPlatforms(utf8("[{\"hasRelease\":false,\"version\":\"99.0.0\","
                + "\"isSupported\":true},{\"hasRelease\":true,\"version\":\"9.0.0\",\"isSupported\":false}]"));
        assertThat(platforms).containsExactly(new Platform("99.0.0", false, true), new Platform("9.0.0", true, false));
        assertThat(platforms.get(0).nextcloudVersion().major()).isEqualTo(99);

        List<Rating> ratings =
                AppStoreJson.readRatings(utf8("[{\"rating\":1.0,\"ratedAt\":\"2016-09-03T17:11:38.772856Z\","
                        + "\"translations\":{\"en\":{\"comment\":\"I like it\"}},\"user\":{\"id\":1,\"firstName\":\"Tom\","
                        + "\"lastName\":\"Jones\"},\"app\":\"keeweb\"}]"));
        assertThat(ratings).singleElement().satisfies(r -> {
            assertThat(r.app()).isEqualTo("keeweb");
            assertThat(r.rating()).isEqualTo(1.0);
            assertThat(r.comments().get("de")).contains("I like it");
            assertThat(r.user()).isEqualTo(new RatingUser(1, "Tom", "Jones"));
            assertThat(r.ratedAt()).isEqualTo(Instant.parse("2016-09-03T17:11:38.772856Z"));
        });

        List<DiscoverEntry> discover = AppStoreJson.readDiscover(utf8("[{\"type\":\"post\",\"id\":\"a1\","
                + "\"headline\":{\"en\":\"Hello\",\"de\":\"Hallo\"},\"date\":\"2030-01-01T00:00:00Z\","
                + "\"expiryDate\":\"2031-01-01T00:00:00Z\",\"media\":{\"content\":{\"src\":\"x.png\",\"alt\":\"x\"}}},"
                + "{\"type\":\"showcase\",\"content\":[{\"type\":\"app\",\"appId\":\"forms\"}]}]"));
        assertThat(discover).extracting(DiscoverEntry::type).containsExactly("post", "showcase");
        DiscoverEntry post = discover.get(0);
        assertThat(post.headline().get("de")).contains("Hallo");
        assertThat(post.raw().get("media").get("content").get("src").asText()).isEqualTo("x.png");
        assertThat(post.visibleAt(Instant.parse("2029-06-01T00:00:00Z"), false)).isFalse();
        assertThat(post.visibleAt(Instant.parse("2029-06-01T00:00:00Z"), true)).isTrue();
        assertThat(post.visibleAt(Instant.parse("2030-06-01T00:00:00Z"), false)).isTrue();
        assertThat(post.visibleAt(Instant.parse("2031-06-01T00:00:00Z"), true)).isFalse();
    }

    @Test
    void rejectsMalformedAndTruncatedDocuments() {
        byte[] excerpt = Fixtures.appsExcerpt();
        byte[] truncated = java.util.Arrays.copyOf(excerpt, excerpt.length / 2);

        assertThatThrownBy(() -> AppStoreJson.readApps(truncated)).isInstanceOf(StoreFormatException.class);
        assertThatThrownBy(() -> AppStoreJson.readApps(utf8("<html><title>429</title></html>")))
                .isInstanceOf(StoreFormatException.class);
        assertThatThrownBy(() -> AppStoreJson.readApps(utf8("{\"detail\":\"x\"}")))
                .isInstanceOf(StoreFormatException.class)
                .hasMessageContaining("not a JSON array");
        assertThatThrownBy(() -> AppStoreJson.readApps(utf8("[] []"))).isInstanceOf(StoreFormatException.class);
        assertThat(AppStoreJson.readApps(utf8("[]"))).isEmpty();
    }

    @Test
    void translationsFallBackToEnglishThenAnyLanguage() {
        Translations<String> t = Translations.of(java.util.Map.of("fr", "Bonjour"));
        Translations<String> withEn =
                Translations.of(java.util.Map.of("en", "Hello", "de", "Hallo", "pt_BR", "Ol\u00e1"));

        assertThat(withEn.get("de")).contains("Hallo");
        assertThat(withEn.get("de-AT")).contains("Hallo");
        assertThat(withEn.get("pt_br")).contains("Ol\u00e1");
        assertThat(withEn.get(java.util.Locale.GERMANY)).contains("Hallo");
        assertThat(withEn.get("it")).contains("Hello");
        assertThat(t.get("it")).contains("Bonjour");
        assertThat(t.exact("it")).isEmpty();
        assertThat(Translations.<String>empty().get("en")).isEmpty();
    }
}
