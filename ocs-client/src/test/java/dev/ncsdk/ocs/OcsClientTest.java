package dev.ncsdk.ocs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OcsClientTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String OK_EMPTY =
            "{\"ocs\":{\"meta\":{\"status\":\"ok\",\"statuscode\":200,\"message\":\"OK\"}," + "\"data\":[]}}";

    private static void serveOk() {
        wm.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(OK_EMPTY)));
    }

    @Test
    void aSubPathBaseUrlIsKeptForOcsAndPlainRoutes() {
        Capture caps = Capture.load("01");
        Capture status = Capture.load("07");
        wm.stubFor(
                get(urlPathEqualTo("/nextcloud/ocs/v2.php/cloud/capabilities")).willReturn(caps.response()));
        wm.stubFor(get(urlPathEqualTo("/nextcloud/status.php")).willReturn(status.response()));
        try (OcsClient nc = OcsClient.builder()
                .baseUri(URI.create(wm.baseUrl() + "/nextcloud/"))
                .build()) {
            assertThat(nc.baseUri().toString()).isEqualTo(wm.baseUrl() + "/nextcloud");
            assertThat(nc.capabilities().nextcloudVersion().major()).isEqualTo(32);
            assertThat(nc.status().versionString()).isEqualTo("32.0.1");
        }
    }

    @Test
    void defaultsAreJsonV2AndEveryRequestCarriesTheOcsHeader() {
        serveOk();
        try (OcsClient nc =
                OcsClient.builder().baseUri(URI.create(wm.baseUrl())).build()) {
            assertThat(nc.format()).isEqualTo(OcsFormat.JSON);
            assertThat(nc.apiVersion()).isEqualTo(OcsApiVersion.V2);
            assertThat(nc.credentials()).isEqualTo(Credentials.none());
            nc.ocs(OcsRequest.get("cloud/user").build());
            nc.json(OcsRequest.get("/index.php/apps/app_api/daemons").build());
        }
        wm.verify(getRequestedFor(urlPathEqualTo("/ocs/v2.php/cloud/user"))
                .withHeader("OCS-APIRequest", equalTo("true"))
                .withHeader("Accept", equalTo("application/json"))
                .withoutHeader("Authorization"));
        wm.verify(getRequestedFor(urlPathEqualTo("/index.php/apps/app_api/daemons"))
                .withHeader("OCS-APIRequest", equalTo("true"))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void xmlAndV1AreChosenOnTheBuilderOrPerRequest() {
        wm.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/xml")
                        .withBody("<?xml version=\"1.0\"?><ocs><meta><status>ok</status><statuscode>100</statuscode>"
                                + "<message>OK</message></meta><data><a>1</a></data></ocs>")));
        try (OcsClient nc = OcsClient.builder()
                .baseUri(URI.create(wm.baseUrl()))
                .format(OcsFormat.XML)
                .apiVersion(OcsApiVersion.V1)
                .build()) {
            record A(int a) {}
            assertThat(nc.ocs(OcsRequest.get("/x").build(), A.class).data()).isEqualTo(new A(1));
            nc.ocs(OcsRequest.get("/y")
                    .version(OcsApiVersion.V2)
                    .format(OcsFormat.JSON)
                    .build());
        }
        wm.verify(getRequestedFor(urlPathEqualTo("/ocs/v1.php/x")).withHeader("Accept", equalTo("application/xml")));
        wm.verify(getRequestedFor(urlPathEqualTo("/ocs/v2.php/y")).withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void jsonBodiesHeadersAndTypeReferences() {
        wm.stubFor(post(urlPathEqualTo("/ocs/v2.php/apps/x/items"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ocs\":{\"meta\":{\"statuscode\":200},\"data\":[{\"id\":\"7\"},{\"id\":8}]}}")));
        record Item(int id) {}
        try (OcsClient nc =
                OcsClient.builder().baseUri(URI.create(wm.baseUrl())).build()) {
            OcsResponse<List<Item>> r = nc.ocs(
                    OcsRequest.post("/apps/x/items")
                            .jsonBody(Map.of("name", "n"))
                            .header("X-Trace", "t1")
                            .build(),
                    new TypeReference<List<Item>>() {});
            assertThat(r.data()).containsExactly(new Item(7), new Item(8));
        }
        wm.verify(postRequestedFor(urlPathEqualTo("/ocs/v2.php/apps/x/items"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("X-Trace", equalTo("t1"))
                .withRequestBody(equalToJson("{\"name\":\"n\"}")));
    }

    @Test
    void plainJsonIsTypedOrATree() {
        wm.stubFor(get(urlPathEqualTo("/index.php/apps/app_api/daemons"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"daemons\":[{\"name\":\"manual\"}],\"default_daemon_config\":\"manual\"}")));
        wm.stubFor(post(urlPathEqualTo("/index.php/apps/app_api/x"))
                .willReturn(aResponse().withStatus(204)));
        record Daemon(String name) {}
        record Daemons(List<Daemon> daemons) {}
        try (OcsClient nc =
                OcsClient.builder().baseUri(URI.create(wm.baseUrl())).build()) {
            OcsRequest r = OcsRequest.get("/index.php/apps/app_api/daemons").build();
            assertThat(nc.json(r).path("default_daemon_config").asText()).isEqualTo("manual");
            assertThat(nc.json(r, Daemons.class).daemons()).containsExactly(new Daemon("manual"));
            assertThat(nc.json(r, new TypeReference<Map<String, Object>>() {})).containsKey("daemons");
            assertThat(nc.json(OcsRequest.post("/index.php/apps/app_api/x").build())
                            .isNull())
                    .isTrue();
            assertThat(nc.json(OcsRequest.post("/index.php/apps/app_api/x").build(), Daemons.class))
                    .isNull();
        }
    }

    @Test
    void asyncTwinsGiveTheSameResultsAndFailures() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/ocs/v2.php/cloud/capabilities"))
                .willReturn(Capture.load("01").response()));
        wm.stubFor(get(urlPathEqualTo("/ocs/v2.php/cloud/user"))
                .willReturn(Capture.load("45").response()));
        wm.stubFor(
                get(urlPathEqualTo("/status.php")).willReturn(Capture.load("07").response()));
        wm.stubFor(get(urlPathEqualTo("/ocs/v2.php/cloud/users/nosuchuser"))
                .willReturn(Capture.load("40").response()));
        try (OcsClient nc = WireMockSupport.client(wm, WireMockSupport.admin(), OcsFormat.JSON)) {
            CompletableFuture<Capabilities> caps = nc.capabilitiesAsync();
            CompletableFuture<CurrentUser> user = nc.currentUserAsync();
            CompletableFuture<ServerStatus> status = nc.statusAsync();
            CompletableFuture<JsonNode> plain =
                    nc.jsonAsync(OcsRequest.get("/status.php").build());
            CompletableFuture<OcsResponse<JsonNode>> missing =
                    nc.ocsAsync(OcsRequest.get("/cloud/users/nosuchuser").build());
            assertThat(caps.get().nextcloudVersion()).isEqualTo(NextcloudVersion.of(32, 0, 1));
            assertThat(user.get().id()).isEqualTo("alice");
            assertThat(status.get().maintenance()).isFalse();
            assertThat(plain.get().path("productname").asText()).isEqualTo("Nextcloud");
            assertThatThrownBy(missing::join)
                    .isInstanceOf(CompletionException.class)
                    .hasCauseExactlyInstanceOf(NcNotFoundException.class);
            assertThatThrownBy(() ->
                            nc.ocs(OcsRequest.get("/cloud/users/nosuchuser").build()))
                    .isExactlyInstanceOf(NcNotFoundException.class)
                    .hasMessageContaining("User does not exist");
        }
    }

    @Test
    void derivedClientsShareTheHttpClientAndCloseTogether() {
        serveOk();
        HttpClient http = HttpClient.newBuilder().build();
        OcsClient nc = OcsClient.builder()
                .baseUri(URI.create(wm.baseUrl()))
                .httpClient(http)
                .credentials(Credentials.basic("admin", Secret.of("pw")))
                .userAgent("test-agent/1")
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(3))
                .build();
        OcsClient alice = nc.withCredentials(Credentials.appPassword("alice", Secret.of("app")));
        OcsClient copy = nc.toBuilder().format(OcsFormat.XML).build();
        assertThat(alice.transport().httpClient()).isSameAs(http);
        assertThat(copy.transport().httpClient()).isSameAs(http);
        assertThat(alice.credentials().login()).contains("alice");
        assertThat(copy.credentials().login()).contains("admin");
        assertThat(copy.format()).isEqualTo(OcsFormat.XML);
        alice.ocs(OcsRequest.get("/cloud/user").build());
        wm.verify(anyRequestedFor(urlPathEqualTo("/ocs/v2.php/cloud/user"))
                .withHeader("User-Agent", equalTo("test-agent/1")));
        nc.close();
        assertThatThrownBy(() -> alice.ocs(OcsRequest.get("/cloud/user").build()))
                .isInstanceOf(IllegalStateException.class);
        // a client built from toBuilder() has its own life
        copy.json(OcsRequest.get("/status.php").build());
        copy.close();
    }

    @Test
    void toStringShowsTheServerButNoSecret() {
        try (OcsClient nc = OcsClient.builder()
                .baseUri(URI.create("https://cloud.example.com/nextcloud"))
                .credentials(Credentials.basic("admin", Secret.of("Sup3rSecret")))
                .build()) {
            assertThat(nc.toString())
                    .contains("https://cloud.example.com/nextcloud")
                    .contains("admin")
                    .doesNotContain("Sup3rSecret");
        }
    }

    @Test
    void aRequestTimeoutOverrideApplies() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withFixedDelay(3_000).withBody(OK_EMPTY)));
        try (OcsClient nc = OcsClient.builder()
                .baseUri(URI.create(wm.baseUrl()))
                .retryPolicy(RetryPolicy.none())
                .build()) {
            assertThatThrownBy(() -> nc.ocs(OcsRequest.get("/cloud/user")
                            .timeout(Duration.ofMillis(200))
                            .build()))
                    .isInstanceOf(NcTimeoutException.class);
        }
    }

    @Test
    void invalidConfigurationAndRequestsAreRefused() {
        assertThatThrownBy(() -> OcsClient.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> OcsClient.builder().baseUri(URI.create("cloud.example.com")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OcsRequest.get("/../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OcsRequest.get("http://evil.example/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OcsRequest.get("/a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OcsRequest.builder("GE T", "/x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(OcsRequest.post("/x").build().idempotent()).isFalse();
        assertThat(OcsRequest.put("/x").build().idempotent()).isTrue();
        assertThat(OcsRequest.post("/x").idempotent(true).build().idempotent()).isTrue();
        OcsRequest r = OcsRequest.get("/x").query("a", "1").query("skip", null).build();
        assertThat(r.query()).hasSize(1);
        assertThat(r.toBuilder().build().toString()).isEqualTo(r.toString());
    }

    @Test
    void aCallersAcceptHeaderWinsAndTheOcsHeaderStaysTrue() {
        wm.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/xml")
                        .withBody("<ocs><meta><statuscode>200</statuscode></meta><data/></ocs>")));
        try (OcsClient nc =
                OcsClient.builder().baseUri(URI.create(wm.baseUrl())).build()) {
            nc.ocs(OcsRequest.get("/x")
                    .header("accept", "application/xml")
                    .header("OCS-APIRequest", "false")
                    .build());
        }
        var req = wm.getAllServeEvents().get(0).getRequest();
        assertThat(req.header("Accept").values()).containsExactly("application/xml");
        assertThat(req.header("OCS-APIRequest").values()).containsExactly("true");
    }

    @Test
    void metaHelpers() {
        OcsMeta m = new OcsMeta("ok", 100, "", 5, 10);
        assertThat(m.isSuccessCode()).isTrue();
        assertThat(m.messageText()).isEmpty();
        assertThat(m.total()).hasValue(5);
        assertThat(new OcsMeta("failure", 997, "x", null, null).isSuccessCode()).isFalse();
    }
}
