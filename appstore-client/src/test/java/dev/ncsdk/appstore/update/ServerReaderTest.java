package dev.ncsdk.appstore.update;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ncsdk.appstore.App;
import dev.ncsdk.appstore.AppStoreJson;
import dev.ncsdk.appstore.Fixtures;
import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.NcException;
import dev.ncsdk.ocs.NcUnauthorizedException;
import dev.ncsdk.ocs.NextcloudVersion;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.OcsFormat;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServerReaderTest {
    private static final List<App> EXCERPT = AppStoreJson.readApps(Fixtures.appsExcerpt());

    private WireMockServer wm;
    private OcsClient client;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort());
        wm.start();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        wm.stop();
    }

    private OcsClient client(String baseUrl) {
        client = OcsClient.builder()
                .baseUri(URI.create(baseUrl))
                .credentials(Credentials.basic("admin", Secret.of("app-password")))
                .retryPolicy(RetryPolicy.none())
                .build();
        return client;
    }

    /** The Nextcloud 32.0.1.2 test server as recorded (status.php), with apps the store excerpt lists. */
    private FakeNextcloud recordedServer() {
        return new FakeNextcloud(wm, "/nextcloud")
                .enabled("apporder", "0.3.2")
                .enabled("direct_menu", "0.9.2")
                .enabled("files", "2.3.1")
                .enabled("dav", "1.33.0")
                .disabled("twofactor_totp", "0.4.0");
    }

    @Test
    void readsVersionsAppsAndPhpOfARunningServer() {
        FakeNextcloud nc = recordedServer().stub();

        ServerInventory inv = ServerReader.of(client(nc.baseUrl())).read();

        assertThat(inv.server().toString()).isEqualTo(nc.baseUrl());
        assertThat(inv.platform()).isEqualTo(NextcloudVersion.parse("32.0.1.2")); // 07_status_php
        assertThat(inv.php()).isEqualTo("8.2.36");
        assertThat(inv.enabled().asMap())
                .containsExactly(
                        Map.entry("apporder", "0.3.2"),
                        Map.entry("dav", "1.33.0"),
                        Map.entry("direct_menu", "0.9.2"),
                        Map.entry("files", "2.3.1"));
        assertThat(inv.disabled().asMap()).containsExactly(Map.entry("twofactor_totp", "0.4.0"));
        assertThat(inv.unreadable()).isEmpty();
        assertThat(inv.notes()).isEmpty();
        wm.verify(1, getRequestedFor(urlPathEqualTo("/nextcloud/ocs/v2.php/cloud/apps/apporder")));
    }

    @Test
    void aServerReadOverOcsGetsTheSameDecisionsAsItsOccAppList() {
        FakeNextcloud nc = recordedServer().stub();
        ServerInventory inv = ServerReader.of(client(nc.baseUrl())).read();

        // the occ path: the same server's occ app:list output, platform and PHP given by hand as the command does
        InstalledApps occ = InstalledApps.fromOccAppList(nc.occAppList(), true);
        UpdateReport fromOcc = UpdateChecker.builder(NextcloudVersion.parse("32.0.1.2"))
                .php("8.2.36")
                .build()
                .check(occ, EXCERPT);
        UpdateReport fromOcs = FleetUpdateCheck.builder(dummyStore())
                .build()
                .check(inv, EXCERPT)
                .report();

        assertThat(inv.installed()).isEqualTo(occ);
        assertThat(fromOcs).isEqualTo(fromOcc);
        assertThat(fromOcs.updates()).extracting(AppUpdate::appId).containsExactly("apporder");
        assertThat(fromOcs.notInStore()).containsExactly("dav", "files");
    }

    @Test
    void theSameAnswersInXmlGiveTheSameInventory() {
        FakeNextcloud nc = recordedServer().stub();
        ServerInventory json = ServerReader.of(client(nc.baseUrl())).read();
        client.close();
        // XML answers: WireMock sends the same JSON bodies, so serve XML for the two list routes and one app
        wm.stubFor(get(urlPathEqualTo("/nextcloud/ocs/v2.php/cloud/apps"))
                .withQueryParam("filter", com.github.tomakehurst.wiremock.client.WireMock.equalTo("enabled"))
                .willReturn(xml("<apps><element>apporder</element><element>dav</element>"
                        + "<element>direct_menu</element><element>files</element></apps>")));
        wm.stubFor(get(urlPathEqualTo("/nextcloud/ocs/v2.php/cloud/apps"))
                .withQueryParam("filter", com.github.tomakehurst.wiremock.client.WireMock.equalTo("disabled"))
                .willReturn(xml("<apps><element>twofactor_totp</element></apps>")));
        for (Map.Entry<String, String> e : json.installed().asMap().entrySet()) {
            wm.stubFor(get(urlPathEqualTo("/nextcloud/ocs/v2.php/cloud/apps/" + e.getKey()))
                    .willReturn(xml("<id>" + e.getKey() + "</id><version>" + e.getValue() + "</version>")));
        }
        wm.stubFor(get(urlPathEqualTo("/nextcloud/ocs/v2.php/apps/serverinfo/api/v1/info"))
                .willReturn(xml("<server><php><version>8.2.36</version></php></server>")));
        client = OcsClient.builder()
                .baseUri(URI.create(nc.baseUrl()))
                .format(OcsFormat.XML)
                .retryPolicy(RetryPolicy.none())
                .build();

        ServerInventory xml = ServerReader.of(client).read();

        assertThat(xml).isEqualTo(json);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String data) {
        return aResponse()
                .withHeader("Content-Type", "application/xml; charset=utf-8")
                .withBody("<?xml version=\"1.0\"?>\n<ocs><meta><status>ok</status><statuscode>200</statuscode>"
                        + "<message>OK</message></meta><data>" + data + "</data></ocs>");
    }

    @Test
    void olderServersListDisabledAppsAsAnObject() {
        FakeNextcloud nc = recordedServer();
        nc.disabledAsObject = true;
        nc.disabled("encryption", "2.19.0").stub();

        ServerInventory inv = ServerReader.of(client(nc.baseUrl())).read();

        assertThat(inv.disabled().asMap()).containsOnlyKeys("encryption", "twofactor_totp");
    }

    @Test
    void withoutServerinfoThePhpVersionIsUnknownAndTheResultSaysSo() {
        FakeNextcloud nc = recordedServer();
        nc.php = null;
        nc.stub();

        ServerInventory inv = ServerReader.of(client(nc.baseUrl())).read();
        ServerCheck check = FleetUpdateCheck.builder(dummyStore()).build().check(inv, EXCERPT);

        assertThat(inv.php()).isNull();
        assertThat(inv.phpVersion()).isEmpty();
        assertThat(check.notes()).singleElement().asString().contains("PHP requirements not checked", "404");
        // without PHP, twofactor_totp's release (PHP <= 7.0) is offered
        assertThat(check.report().update("twofactor_totp")).isPresent();
    }

    @Test
    void anAppWhoseInfoTheServerCannotFindIsReportedNotDropped() {
        FakeNextcloud nc = recordedServer().stub();
        wm.stubFor(get(urlPathEqualTo("/nextcloud/ocs/v2.php/cloud/apps/direct_menu"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ocs\":{\"meta\":{\"status\":\"failure\",\"statuscode\":404,"
                                + "\"message\":\"The request app was not found\"},\"data\":[]}}")));

        ServerInventory inv = ServerReader.of(client(nc.baseUrl())).read();
        UpdateReport report = FleetUpdateCheck.builder(dummyStore())
                .build()
                .check(inv, EXCERPT)
                .report();

        assertThat(inv.unreadable()).containsOnlyKeys("direct_menu");
        assertThat(report.unjudgedApps()).singleElement().satisfies(s -> {
            assertThat(s.appId()).isEqualTo("direct_menu");
            assertThat(s.reason()).contains("404");
        });
        assertThat(report.allJudged()).isFalse();
    }

    @Test
    void refusedCredentialsFailTheRead() {
        FakeNextcloud nc = new FakeNextcloud(wm, "/nc").stubUnauthorized();

        assertThatThrownBy(() -> ServerReader.of(client(nc.baseUrl())).read())
                .isInstanceOf(NcUnauthorizedException.class)
                .hasMessageNotContaining("app-password");
    }

    @Test
    void maintenanceModeFailsTheReadWithThatReason() {
        FakeNextcloud nc = new FakeNextcloud(wm, "/nc").stubMaintenance(true);

        assertThatThrownBy(() -> ServerReader.of(client(nc.baseUrl())).read())
                .isInstanceOf(NcException.class)
                .hasMessageContaining("maintenance mode");
    }

    @Test
    void appRequestsInFlightNeverExceedTheBound() {
        FakeNextcloud nc = new FakeNextcloud(wm, "/many");
        for (int i = 0; i < 24; i++) {
            nc.enabled("app" + i, "1.0." + i);
        }
        nc.stub();
        // each app answer takes 150 ms, so that requests sent together overlap on the server
        for (int i = 0; i < 24; i++) {
            wm.stubFor(get(urlPathEqualTo("/many/ocs/v2.php/cloud/apps/app" + i))
                    .willReturn(aResponse()
                            .withFixedDelay(150)
                            .withHeader("Content-Type", "application/json")
                            .withBody(FakeNextcloud.ocs(Map.of("id", "app" + i, "version", "1.0." + i)))));
        }

        ServerInventory inv =
                ServerReader.of(client(nc.baseUrl())).withMaxInFlight(3).read();

        assertThat(inv.enabled().asMap()).hasSize(24).containsEntry("app7", "1.0.7");
        // the server's view: how many app requests it was answering at the moment each one arrived
        List<long[]> spans = new java.util.ArrayList<>();
        for (com.github.tomakehurst.wiremock.stubbing.ServeEvent e : wm.getAllServeEvents()) {
            if (e.getRequest().getUrl().startsWith("/many/ocs/v2.php/cloud/apps/")) {
                long from = e.getRequest().getLoggedDate().getTime();
                spans.add(new long[] {from, from + 140}); // at least the 150 ms delay, less a clock margin
            }
        }
        assertThat(spans).hasSize(24);
        int most = 0;
        for (long[] a : spans) {
            int open = 0;
            for (long[] b : spans) {
                if (b[0] <= a[0] && a[0] < b[1]) {
                    open++;
                }
            }
            most = Math.max(most, open);
        }
        assertThat(most).isBetween(2, 3);
    }

    @Test
    void aBoundBelowOneIsRefused() {
        assertThatThrownBy(() -> ServerReader.of(client(wm.baseUrl())).withMaxInFlight(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static dev.ncsdk.appstore.AppStoreClient dummyStore() {
        return dev.ncsdk.appstore.AppStoreClient.builder()
                .baseUri(URI.create("http://127.0.0.1:9/api/v1"))
                .build();
    }
}
