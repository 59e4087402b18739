package dev.ncsdk.appapi.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.appapi.testing.WireMockSupport;
import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.NcServerException;
import dev.ncsdk.ocs.NcTimeoutException;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** An admin client made from an OCS client sends AppAPI's plain JSON routes with that client's settings. */
class SharedOcsClientTest extends WireMockSupport {
    private static final String DAEMONS = "/index.php/apps/app_api/daemons";
    private static final String EMPTY_LIST = "{\"daemons\":[],\"default_daemon_config\":\"\"}";

    private static OcsClient.Builder ocs() {
        return OcsClient.builder()
                .baseUri(URI.create(baseUrl()))
                .credentials(Credentials.basic("root", Secret.of("s3cret-pw")))
                .userAgent("ops-console/2.1")
                .retryPolicy(RetryPolicy.none());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void daemonsAnswer(int status, String body, int delayMs) {
        wm.stubFor(get(urlPathEqualTo(DAEMONS))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withFixedDelay(delayMs)
                        .withBody(body)));
    }

    @Test
    void ofSendsTheOcsClientsUserAgentAndCredentials() {
        daemonsAnswer(200, EMPTY_LIST, 0);
        try (OcsClient nc = ocs().build();
                AppApiAdminClient admin = AppApiAdminClient.of(nc)) {
            assertThat(admin.daemons().list().daemons()).isEmpty();
            assertThat(admin.baseUri()).isEqualTo(nc.baseUri());
        }
        wm.verify(
                1,
                getRequestedFor(urlPathEqualTo(DAEMONS))
                        .withHeader("User-Agent", equalTo("ops-console/2.1"))
                        .withHeader("Authorization", equalTo(basic("root", "s3cret-pw")))
                        .withHeader("OCS-APIRequest", equalTo("true")));
    }

    @Test
    void ofKeepsTheOcsClientsRequestTimeout() {
        daemonsAnswer(200, EMPTY_LIST, 5_000); // far below the 30 s default, far above the client's 1.5 s
        // only here the short timeout: on a loaded machine WireMock's immediate answers can take longer than 1.5 s
        try (OcsClient nc = ocs().requestTimeout(Duration.ofMillis(1_500)).build();
                AppApiAdminClient admin = AppApiAdminClient.of(nc)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> admin.daemons().list()).isInstanceOf(NcTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(4_500));
        }
    }

    @Test
    void ofKeepsTheOcsClientsRetryPolicy() {
        daemonsAnswer(503, "{\"message\":\"busy\"}", 0);
        try (OcsClient nc = ocs().build();
                AppApiAdminClient admin = AppApiAdminClient.of(nc)) {
            assertThatThrownBy(() -> admin.daemons().list()).isInstanceOf(NcServerException.class);
        }
        // RetryPolicy.defaults() would have asked again
        wm.verify(1, getRequestedFor(urlPathEqualTo(DAEMONS)));
    }

    @Test
    void settingsOnTheBuilderOverrideTheOcsClientsForThePlainJsonRoutes() {
        daemonsAnswer(200, EMPTY_LIST, 0);
        try (OcsClient nc = ocs().build();
                AppApiAdminClient admin = AppApiAdminClient.builder()
                        .ocsClient(nc)
                        .userAgent("other-agent/1")
                        .login("admin", Secret.of("adm1n-pw"))
                        .build()) {
            admin.daemons().list();
            assertThat(admin.ocs()).isSameAs(nc);
        }
        wm.verify(
                1,
                getRequestedFor(urlPathEqualTo(DAEMONS))
                        .withHeader("User-Agent", equalTo("other-agent/1"))
                        .withHeader("Authorization", equalTo(basic("admin", "adm1n-pw"))));
    }

    @Test
    void closingTheAdminClientLeavesTheOcsClientOpenAndClosingTheOcsClientEndsBoth() {
        daemonsAnswer(200, EMPTY_LIST, 0);
        wm.stubFor(get(urlPathEqualTo("/status.php"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"installed\":true,\"maintenance\":false,\"needsDbUpgrade\":false,"
                                + "\"version\":\"32.0.0.13\",\"versionstring\":\"32.0.0\",\"edition\":\"\","
                                + "\"productname\":\"Nextcloud\",\"extendedSupport\":false}")));
        OcsClient nc = ocs().build();
        AppApiAdminClient first = AppApiAdminClient.of(nc);
        first.close();
        assertThatThrownBy(() -> first.daemons().list()).isInstanceOf(IllegalStateException.class);
        assertThat(nc.status().installed()).isTrue();

        AppApiAdminClient second = AppApiAdminClient.of(nc);
        assertThat(second.daemons().list().daemons()).isEmpty();
        nc.close();
        assertThatThrownBy(() -> second.daemons().list()).isInstanceOf(IllegalStateException.class);
        second.close();
    }
}
