package dev.ncsdk.appstore.update;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ncsdk.appstore.AppStoreClient;
import dev.ncsdk.appstore.Fixtures;
import dev.ncsdk.appstore.cache.ResponseCache;
import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.NcRateLimitedException;
import dev.ncsdk.ocs.NcTimeoutException;
import dev.ncsdk.ocs.NcTransportException;
import dev.ncsdk.ocs.NcUnauthorizedException;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FleetUpdateCheckTest {
    private WireMockServer wm;
    private AppStoreClient store;
    private final List<OcsClient> clients = new ArrayList<>();
    private ServerSocket silent;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().containerThreads(64));
        wm.start();
        wm.stubFor(get(urlEqualTo("/api/v1/apps.json"))
                .willReturn(aResponse().withHeader("ETag", "\"e1\"").withBody(Fixtures.appsExcerpt())));
        store = AppStoreClient.builder()
                .baseUri(URI.create(wm.baseUrl() + "/api/v1"))
                .cache(ResponseCache.inMemory())
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    @AfterEach
    void stop() throws IOException {
        for (OcsClient c : clients) {
            c.close();
        }
        store.close();
        wm.stop();
        if (silent != null) {
            silent.close();
        }
    }

    private OcsClient client(String baseUrl) {
        OcsClient c = clients.isEmpty()
                ? OcsClient.builder()
                        .requestTimeout(Duration.ofSeconds(8))
                        .retryPolicy(RetryPolicy.none())
                        .baseUri(URI.create(baseUrl))
                        .credentials(Credentials.basic("admin", Secret.of("app-password")))
                        .build()
                : clients.get(0).toBuilder().baseUri(URI.create(baseUrl)).build();
        clients.add(c);
        return c;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aFleetOfTwentyWithFailuresChecksEveryHealthyServerAndNamesEveryFailure() throws IOException {
        // the timeout is generous so that a healthy server on a busy machine never reaches it
        silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        List<OcsClient> fleet = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String prefix = "/s" + i;
            FakeNextcloud nc = new FakeNextcloud(wm, prefix);
            switch (i) {
                case 3:
                    fleet.add(client("http://127.0.0.1:" + closedPort() + prefix)); // down
                    continue;
                case 7:
                    nc.stubUnauthorized();
                    break;
                case 11:
                    nc.stubMaintenance(true); // status.php says so, OCS routes send the HTML page
                    break;
                case 12:
                    nc.stubMaintenance(false); // a proxy's maintenance page everywhere, status.php too
                    break;
                case 15:
                    // a server that accepts connections and never answers: beyond the clients' 8 s timeout
                    fleet.add(client("http://127.0.0.1:" + silent.getLocalPort() + prefix));
                    continue;
                default:
                    nc.enabled("apporder", i % 2 == 0 ? "0.3.2" : "0.3.3")
                            .enabled("files", "2.3.1")
                            .disabled("direct_menu", "0.9.2")
                            .stub();
            }
            fleet.add(client(nc.baseUrl()));
        }

        FleetReport report = FleetUpdateCheck.builder(store)
                .maxConcurrentServers(6)
                .maxRequestsPerServer(4)
                .build()
                .check(fleet);

        assertThat(report.servers()).hasSize(20);
        for (int i = 0; i < 20; i++) {
            ServerCheck s = report.servers().get(i);
            assertThat(s.server()).isEqualTo(fleet.get(i).baseUri());
            switch (i) {
                case 3:
                    assertThat(s.error()).isInstanceOf(NcTransportException.class);
                    break;
                case 7:
                    assertThat(s.error()).isInstanceOf(NcUnauthorizedException.class);
                    break;
                case 11:
                    assertThat(s.error()).hasMessageContaining("maintenance mode");
                    break;
                case 12:
                    assertThat(s.error()).isNotNull();
                    assertThat(s.error().getMessage()).doesNotContain("<html");
                    break;
                case 15:
                    assertThat(s.error()).isInstanceOf(NcTimeoutException.class);
                    break;
                default:
                    assertThat(s.checked()).as("server %d: %s", i, s).isTrue();
                    assertThat(s.report().notInStore()).containsExactly("files");
                    assertThat(s.report().update("apporder").isPresent()).isEqualTo(i % 2 == 0);
                    assertThat(s.report().update("direct_menu")).isEmpty();
                    assertThat(s.inventory().php()).isEqualTo("8.2.36");
            }
        }
        assertThat(report.failed()).hasSize(5);
        assertThat(report.allJudged()).isFalse();
        wm.verify(1, getRequestedFor(urlEqualTo("/api/v1/apps.json")));
    }

    @Test
    void aFleetWhoseAppsAreAllJudgedSaysSo() {
        List<OcsClient> fleet = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            FakeNextcloud nc = new FakeNextcloud(wm, "/ok" + i)
                    .enabled("apporder", "0.3.3")
                    .disabled("direct_menu", "0.9.2")
                    .stub();
            fleet.add(client(nc.baseUrl()));
        }

        FleetReport report = FleetUpdateCheck.builder(store).build().check(fleet);

        assertThat(report.allJudged()).isTrue();
        assertThat(report.failed()).isEmpty();
        assertThat(report.servers())
                .allSatisfy(s -> assertThat(s.report().updates()).isEmpty());
    }

    @Test
    void aStoreThatCannotBeReadFailsTheWholeCheck() {
        wm.stubFor(get(urlEqualTo("/api/v1/apps.json"))
                .willReturn(aResponse().withStatus(429).withBody("<html>429</html>")));
        FakeNextcloud nc =
                new FakeNextcloud(wm, "/one").enabled("apporder", "0.3.2").stub();

        assertThatThrownBy(() -> FleetUpdateCheck.builder(store).build().check(List.of(client(nc.baseUrl()))))
                .isInstanceOf(NcRateLimitedException.class);
    }

    @Test
    void boundsBelowOneAreRefused() {
        assertThatThrownBy(() -> FleetUpdateCheck.builder(store).maxConcurrentServers(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FleetUpdateCheck.builder(store).maxRequestsPerServer(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
