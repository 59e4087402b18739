package dev.ncsdk.appapi.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.appapi.testing.Capture;
import dev.ncsdk.appapi.testing.WireMockSupport;
import dev.ncsdk.ocs.CurrentUser;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import dev.ncsdk.ocs.internal.SdkAccess;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pinned surface of {@link NextcloudApp}: configuration, views, AppAPI's headers and the init status, against
 * the recorded answers (captures 90, 91, 113) served by WireMock.
 */
class NextcloudAppTest extends WireMockSupport {
    static final String SECRET = "DhtW7oWTDy1LI01vAkyfmc2uvNzI7RhTKnbjw82gc90WwE27";
    static final String STATUS = "/ocs/v1.php/apps/app_api/ex-app/status";

    static NextcloudApp app() {
        return NextcloudApp.builder()
                .baseUri(URI.create(baseUrl()))
                .appId("javastub")
                .appVersion("1.0.0")
                .secret(Secret.of(SECRET))
                .timeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    static String auth(String user) {
        return Base64.getEncoder().encodeToString((user + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theEnvironmentConfiguresTheClientAndExplicitValuesWin() {
        Map<String, String> env = Map.of(
                "NEXTCLOUD_URL",
                baseUrl() + "/index.php/",
                "APP_ID",
                "javastub",
                "APP_VERSION",
                "1.0.0",
                "APP_SECRET",
                SECRET);
        try (NextcloudApp nc = NextcloudApp.builder().environment(env).build()) {
            assertThat(nc.appId()).isEqualTo("javastub");
            assertThat(nc.appVersion()).isEqualTo("1.0.0");
            assertThat(nc.userId()).isEmpty();
            // AppAPI may hand NEXTCLOUD_URL with /index.php; the OCS routes live beside it
            assertThat(nc.ocs().baseUri().toString()).isEqualTo(baseUrl());
        }
        try (NextcloudApp nc =
                NextcloudApp.builder().environment(env).appId("other").build()) {
            assertThat(nc.appId()).isEqualTo("other");
        }
        assertThatThrownBy(() -> NextcloudApp.builder()
                        .environment(Map.of("NEXTCLOUD_URL", baseUrl(), "APP_ID", "x", "APP_VERSION", "1"))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("APP_SECRET");
        assertThatThrownBy(() -> NextcloudApp.builder()
                        .environment(Map.of("NEXTCLOUD_URL", baseUrl(), "APP_ID", "x", "APP_SECRET", "s"))
                        .build())
                .hasMessageContaining("APP_VERSION");
    }

    @Test
    void capture90InitProgressIsSentAsTheSystemWithAppApisHeaders() {
        Capture.load("90_exapp_status_progress50_v1_json").serve(wm);
        try (NextcloudApp nc = app()) {
            nc.asUser("alice").withRequestId("req-1").setInitProgress(50);
        }
        wm.verify(putRequestedFor(urlPathEqualTo(STATUS))
                .withHeader("OCS-APIRequest", equalTo("true"))
                .withHeader("EX-APP-ID", equalTo("javastub"))
                .withHeader("EX-APP-VERSION", equalTo("1.0.0"))
                .withHeader("AUTHORIZATION-APP-API", equalTo(auth("")))
                .withHeader("AA-REQUEST-ID", equalTo("req-1"))
                .withHeader("User-Agent", matching("ExApp/javastub/1\\.0\\.0 ncsdk/\\S+ Java/.*"))
                .withRequestBody(equalToJson("{\"progress\":50}")));
    }

    @Test
    void capture91ProgressHundredAndAnErrorKeepingTheLastProgress() {
        Capture ok = Capture.load("90_exapp_status_progress50_v1_json");
        Capture hundred = Capture.load("91_exapp_status_progress100_v2_xml");
        wm.stubFor(put(urlPathEqualTo(STATUS))
                .withRequestBody(equalToJson(hundred.requestBody))
                .willReturn(ok.response()));
        wm.stubFor(put(urlPathEqualTo(STATUS))
                .withRequestBody(equalToJson("{\"progress\":30,\"error\":\"model download failed\"}"))
                .willReturn(ok.response()));
        wm.stubFor(put(urlPathEqualTo(STATUS))
                .withRequestBody(equalToJson("{\"progress\":30}"))
                .willReturn(ok.response()));
        try (NextcloudApp nc = app()) {
            nc.setInitProgress(30);
            nc.setInitError("model download failed");
            nc.setInitProgress(100);
        }
        wm.verify(3, putRequestedFor(urlPathEqualTo(STATUS)));
    }

    @Test
    void progressOutsideZeroToHundredIsRefusedBeforeSending() {
        try (NextcloudApp nc = app()) {
            assertThatThrownBy(() -> nc.setInitProgress(101)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> nc.setInitProgress(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> nc.setInitError(" ")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void capture113AsUserAndWithRequestIdSetTheHeadersOfEveryCallOfTheView() {
        Capture c = Capture.load("113_exapp_core_user_as_admin_v2_json");
        c.serve(wm);
        try (NextcloudApp nc = app()) {
            NextcloudApp admin = nc.asUser("admin");
            CurrentUser me = admin.ocs().currentUser();
            assertThat(me.id()).isEqualTo("admin");
            admin.withRequestId("Abc123").ocs().currentUser();
            admin.withRequestId("Abc123").withRequestId(null).ocs().currentUser();
            assertThat(admin.userId()).isEqualTo("admin");
            assertThat(admin.withRequestId("Abc123").asUser("admin").requestId())
                    .isEqualTo("Abc123");
        }
        wm.verify(2, anyRequestedFor(anyUrl()).withHeader("AA-REQUEST-ID", absent()));
        wm.verify(1, anyRequestedFor(anyUrl()).withHeader("AA-REQUEST-ID", equalTo("Abc123")));
        wm.verify(3, anyRequestedFor(anyUrl()).withHeader("AUTHORIZATION-APP-API", equalTo(auth("admin"))));
    }

    @Test
    void viewsShareOneHttpClientAndOnlyTheRootCloses() {
        wm.stubFor(any(anyUrl())
                .willReturn(Capture.load("92_exapp_state_get_v1_json").response()));
        NextcloudApp nc = app();
        NextcloudApp alice = nc.asUser("alice").withRequestId("r");
        assertThat(SdkAccess.hooks().transport(alice.ocs()).httpClient())
                .isSameAs(SdkAccess.hooks().transport(nc.ocs()).httpClient());
        assertThat(nc.asUser("")).isSameAs(nc);
        alice.close();
        assertThat(nc.enabled()).isTrue();
        nc.close();
        assertThatThrownBy(alice::enabled).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(nc::enabled).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void badUserAndRequestIdsAreRefused() {
        try (NextcloudApp nc = app()) {
            assertThatThrownBy(() -> nc.asUser("a:b")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> nc.asUser("a\nb")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> nc.withRequestId("x\r\nEvil: 1")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void toStringNeverShowsTheSecret() {
        try (NextcloudApp nc = app()) {
            NextcloudApp view = nc.asUser("alice").withRequestId("r1");
            assertThat(view.toString()).contains("javastub", "alice", "r1").doesNotContain(SECRET, auth("alice"));
            assertThat(view.ocs().toString()).doesNotContain(SECRET, auth("alice"));
            assertThat(nc.toString()).doesNotContain(SECRET);
        }
    }

    @Test
    void aSlowServerEndsInTheTimeout() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withFixedDelay(3_000).withStatus(200)));
        try (NextcloudApp nc = NextcloudApp.builder()
                .baseUri(URI.create(baseUrl()))
                .appId("javastub")
                .appVersion("1.0.0")
                .secret(Secret.of(SECRET))
                .timeout(Duration.ofMillis(300))
                .retryPolicy(RetryPolicy.none())
                .build()) {
            assertThatThrownBy(nc::enabled).isInstanceOf(dev.ncsdk.ocs.NcTimeoutException.class);
        }
    }
}
