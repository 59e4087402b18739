package dev.ncsdk.appapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.appapi.admin.AppApiAdminClient;
import dev.ncsdk.appapi.testing.Capture;
import dev.ncsdk.appapi.testing.WireMockSupport;
import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.Secret;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AppAPI's capabilities through the OCS client (captures 01, 06, 114) and the version/feature helpers. */
class CapabilitiesTest extends WireMockSupport {

    @Test
    void capture01AdminSeesVersionAndLogLevel() {
        Capture c = Capture.load("01_capabilities_v2_json");
        c.serve(wm);
        try (AppApiAdminClient admin = clientFor(c)) {
            AppApiCapabilities caps = admin.capabilities();
            assertThat(caps.installed()).isTrue();
            assertThat(caps.versionText()).isEqualTo("32.0.0");
            assertThat(caps.version()).hasValue(AppApiVersion.of(32, 0, 0));
            assertThat(caps.serverLogLevel()).hasValue(2);
            assertThat(caps.logs(1)).isFalse();
            assertThat(caps.logs(2)).isTrue();
            assertThat(caps.supports(AppApiFeature.HARP)).isTrue();
            assertThat(caps.supports(AppApiFeature.DECLARED_ROUTES)).isTrue();
            assertThat(caps.supports(AppApiFeature.TASK_PROCESSING_TRIGGER)).isFalse();
            assertThat(caps.supports(AppApiFeature.KUBERNETES)).isFalse();
            assertThat(caps.dockerSocketProxyDeprecated()).isFalse();
        }
    }

    @Test
    void capture06AnonymousCallersSeeOnlyTheVersion() throws Exception {
        Capture c = Capture.load("06_capabilities_v2_anonymous_json");
        c.serve(wm);
        try (AppApiAdminClient admin = client("admin", "irrelevant")) {
            AppApiCapabilities caps = admin.capabilitiesAsync().get();
            assertThat(caps.version()).hasValue(AppApiVersion.of(32, 0, 0));
            assertThat(caps.serverLogLevel()).isEmpty();
            assertThat(caps.logs(0)).isTrue();
        }
    }

    @Test
    void capture114TheSameThroughAnExistingOcsClient() {
        // recorded with an ExApp's credentials; served here to an admin's OCS client
        Capture c = Capture.load("114_exapp_capabilities_appauth_v2_json");
        c.serveAnswerAt(wm, c.pathAndQuery);
        try (OcsClient ocs = OcsClient.builder()
                        .baseUri(URI.create(baseUrl()))
                        .credentials(Credentials.basic("admin", Secret.of(ADMIN_PASSWORD)))
                        .build();
                AppApiAdminClient admin = AppApiAdminClient.of(ocs)) {
            assertThat(admin.ocs()).isSameAs(ocs);
            assertThat(admin.capabilities().versionText()).isEqualTo("32.0.0");
        }
    }

    @Test
    void aServerWithoutAppApiIsNotInstalled() {
        wm.stubFor(get(urlPathEqualTo("/ocs/v2.php/cloud/capabilities"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ocs\":{\"meta\":{\"status\":\"ok\",\"statuscode\":200,\"message\":\"OK\"},"
                                + "\"data\":{\"version\":{\"major\":31,\"minor\":0,\"micro\":0,\"string\":\"31.0.0\","
                                + "\"edition\":\"\",\"extendedSupport\":false},\"capabilities\":{\"core\":{}}}}}")));
        try (AppApiAdminClient admin = admin()) {
            AppApiCapabilities caps = admin.capabilities();
            assertThat(caps).isEqualTo(AppApiCapabilities.NOT_INSTALLED);
            assertThat(caps.supports(AppApiFeature.PROXY_AND_TOP_MENU)).isFalse();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "32.0.0, 32, 0, 0, ''",
        "35.0.0-dev.1, 35, 0, 0, dev.1",
        "3.2.0, 3, 2, 0, ''",
        "v5.0.2, 5, 0, 2, ''",
        "34.0.0beta2, 34, 0, 0, beta2",
        "33, 33, 0, 0, ''",
        "32.0.0.1, 32, 0, 0, ''"
    })
    void versionsParseLeniently(String text, int major, int minor, int patch, String pre) {
        assertThat(AppApiVersion.parse(text)).isEqualTo(new AppApiVersion(major, minor, patch, pre));
    }

    @Test
    void versionOrderAndFeatureGates() {
        AppApiVersion beta = AppApiVersion.parse("35.0.0-beta4");
        assertThat(beta).isLessThan(AppApiVersion.of(35, 0, 0));
        assertThat(AppApiVersion.parse("5.0.2")).isLessThan(AppApiVersion.of(32, 0, 0));
        assertThat(beta.atLeast(AppApiFeature.SETUP_CHECKS.since())).isTrue();
        assertThat(AppApiCapabilities.fromJson(
                                dev.ncsdk.appapi.internal.Json.parse("{\"version\":\"34.0.3\",\"loglevel\":\"1\"}"))
                        .dockerSocketProxyDeprecated())
                .isTrue();
        assertThat(new AppApiCapabilities(true, "not a version", null).version())
                .isEmpty();
        assertThatThrownBy(() -> AppApiVersion.parse("latest")).isInstanceOf(IllegalArgumentException.class);
    }
}
