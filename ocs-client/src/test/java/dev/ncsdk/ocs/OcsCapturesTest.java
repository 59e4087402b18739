package dev.ncsdk.ocs;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real answers of Nextcloud 32.0.1 (fixtures/nextcloud-32) replayed through the client: the same typed
 * result whether the server answered in JSON or XML, over v1 or v2.
 */
class OcsCapturesTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private OcsClient client(OcsFormat format) {
        return WireMockSupport.client(wm, WireMockSupport.admin(), format);
    }

    @ParameterizedTest(name = "capabilities {0} ({1}, {2})")
    @CsvSource({"01, JSON, V2", "02, XML, V2", "03, JSON, V1", "04, XML, V1", "05, JSON, V2"})
    void capabilitiesGiveTheSameTypedResultInEveryFormatAndVersion(String id, OcsFormat format, OcsApiVersion version) {
        Capture c = Capture.load(id);
        wm.stubFor(WireMockSupport.ocsStub(c, format));
        try (OcsClient nc = client(format).toBuilder().apiVersion(version).build()) {
            Capabilities caps = nc.capabilities();
            assertThat(caps.nextcloudVersion()).isEqualTo(NextcloudVersion.parse("32.0.1"));
            assertThat(caps.version().major()).isEqualTo(32);
            assertThat(caps.version().micro()).isEqualTo(1);
            assertThat(caps.version().edition()).isEmpty();
            assertThat(caps.version().extendedSupport()).isFalse();
            assertThat(caps.core().pollInterval()).isEqualTo(60);
            assertThat(caps.core().webdavRoot()).isEqualTo("remote.php/webdav");
            assertThat(caps.core().referenceApi()).isTrue();
            assertThat(caps.core().modRewriteWorking()).isFalse();
            assertThat(caps.core().referenceRegex()).startsWith("(\\s|\\n|^)(https?:\\/\\/)");
            assertThat(caps.appApi()).contains(new Capabilities.AppApi("32.0.0", 2));
            assertThat(caps.apps()).contains("core", "files", "app_api", "theming", "provisioning_api");
            assertThat(caps.capability("files")).isPresent();
            assertThat(caps.capability("no_such_app")).isEmpty();
        }
        wm.verify(getRequestedFor(urlPathEqualTo(version.pathPrefix() + "/cloud/capabilities"))
                .withHeader("OCS-APIRequest", equalTo("true"))
                .withHeader("Authorization", equalTo("Basic YWRtaW46TmNSZWFsLUFkbTFuLXpLeklpMTJXeXJjWA==")));
    }

    @Test
    void capabilitiesKeepTheEnvelopeMetaAndEtag() {
        Capture c = Capture.load("01");
        wm.stubFor(WireMockSupport.ocsStub(c, OcsFormat.JSON));
        try (OcsClient nc = client(OcsFormat.JSON)) {
            OcsResponse<JsonNode> r =
                    nc.ocs(OcsRequest.get("/cloud/capabilities").build());
            assertThat(r.meta()).isEqualTo(new OcsMeta("ok", 200, "OK", null, null));
            assertThat(r.httpStatus()).isEqualTo(200);
            // the server (here WireMock's Jetty, as Apache does) marks a gzipped variant's ETag
            String etag = c.header("ETag").orElseThrow().replace("\"", "");
            assertThat(r.etag()).hasValueSatisfying(e -> assertThat(e).contains(etag));
            assertThat(r.requestId()).isEqualTo(c.header("X-Request-Id"));
            assertThat(r.rawData()
                            .path("capabilities")
                            .path("core")
                            .path("pollinterval")
                            .asInt())
                    .isEqualTo(60);
        }
    }

    @Test
    void anonymousCapabilitiesStillCarryTheVersion() {
        Capture c = Capture.load("06");
        wm.stubFor(WireMockSupport.ocsStub(c, OcsFormat.JSON));
        try (OcsClient nc = WireMockSupport.client(wm, Credentials.none(), OcsFormat.JSON)) {
            Capabilities caps = nc.capabilities();
            assertThat(caps.nextcloudVersion().major()).isEqualTo(32);
            // anonymous callers see only public capabilities
            assertThat(caps.apps()).containsExactly("bruteforce", "app_api", "theming");
            assertThat(caps.core().pollInterval()).isNull();
            // AppAPI tells anonymous callers its version but not its log level
            assertThat(caps.appApi()).contains(new Capabilities.AppApi("32.0.0", null));
        }
        assertThat(wm.getAllServeEvents().get(0).getRequest().containsHeader("Authorization"))
                .isFalse();
    }

    @Test
    void statusPhpIsReadThroughThePlainJsonPath() {
        Capture c = Capture.load("07");
        wm.stubFor(WireMockSupport.ocsStub(c, OcsFormat.JSON));
        try (OcsClient nc = client(OcsFormat.XML)) {
            ServerStatus s = nc.status();
            assertThat(s.installed()).isTrue();
            assertThat(s.maintenance()).isFalse();
            assertThat(s.needsDbUpgrade()).isFalse();
            assertThat(s.version()).isEqualTo("32.0.1.2");
            assertThat(s.versionString()).isEqualTo("32.0.1");
            assertThat(s.productName()).isEqualTo("Nextcloud");
            assertThat(s.nextcloudVersion()).isEqualTo(NextcloudVersion.of(32, 0, 1, 2));
            assertThat(s.nextcloudVersion()).isGreaterThan(NextcloudVersion.parse("32.0.1"));
        }
    }

    /** The users list as the provisioning API sends it. */
    record UserList(List<String> users) {}

    @ParameterizedTest(name = "users list {0} ({1}, {2})")
    @CsvSource({"30, XML, V1", "31, JSON, V1", "32, JSON, V2"})
    void usersListMapsToTheSameRecord(String id, OcsFormat format, OcsApiVersion version) {
        Capture c = Capture.load(id);
        wm.stubFor(WireMockSupport.ocsStub(c, format));
        try (OcsClient nc = client(format)) {
            OcsResponse<UserList> r =
                    nc.ocs(OcsRequest.get("/cloud/users").version(version).build(), UserList.class);
            assertThat(r.data().users()).contains("admin");
            assertThat(r.meta().statusCode()).isEqualTo(version == OcsApiVersion.V1 ? 100 : 200);
            assertThat(r.meta().status()).isEqualTo("ok");
            if (version == OcsApiVersion.V1) {
                assertThat(r.meta().totalItems()).isNull(); // v1 sends "" here
            }
        }
    }

    /** The subset of a user record these tests read. */
    record UserDetails(
            String id,
            @JsonProperty("displayname") String displayName,
            String email,
            boolean enabled,
            List<String> groups,
            CurrentUser.Quota quota,
            Map<String, Boolean> backendCapabilities) {}

    @ParameterizedTest(name = "user alice {0} ({1}, {2})")
    @CsvSource({"37, XML, V1", "38, JSON, V2"})
    void userDetailsMapTheSameFromXmlAndJson(String id, OcsFormat format, OcsApiVersion version) {
        Capture c = Capture.load(id);
        wm.stubFor(WireMockSupport.ocsStub(c, format));
        try (OcsClient nc = client(format)) {
            UserDetails u = nc.ocs(
                            OcsRequest.get("/cloud/users/alice")
                                    .version(version)
                                    .build(),
                            UserDetails.class)
                    .data();
            assertThat(u.id()).isEqualTo("alice");
            assertThat(u.email()).isEqualTo("alice@example.com");
            assertThat(u.enabled()).isTrue();
            assertThat(u.displayName()).isNotEmpty();
            assertThat(u.groups()).isNotNull();
            assertThat(u.quota().unlimited()).isTrue();
            assertThat(u.backendCapabilities()).containsEntry("setPassword", true);
        }
    }

    @Test
    void searchSendsQueryParameters() {
        Capture c = Capture.load("42");
        wm.stubFor(WireMockSupport.ocsStub(c, OcsFormat.JSON));
        try (OcsClient nc = client(OcsFormat.JSON)) {
            OcsResponse<UserList> r = nc.ocs(
                    OcsRequest.get("/cloud/users")
                            .query("search", "ali")
                            .query("limit", "10")
                            .query("offset", "0")
                            .build(),
                    UserList.class);
            assertThat(r.data().users()).containsExactly("alice");
        }
        wm.verify(getRequestedFor(urlPathEqualTo("/ocs/v2.php/cloud/users"))
                .withQueryParam("search", equalTo("ali"))
                .withQueryParam("limit", equalTo("10"))
                .withQueryParam("offset", equalTo("0")));
    }

    @ParameterizedTest(name = "current user {0}")
    @CsvSource({"45, alice", "63, admin"})
    void currentUserIsTyped(String id, String user) {
        Capture c = Capture.load(id);
        wm.stubFor(WireMockSupport.ocsStub(c, OcsFormat.JSON));
        try (OcsClient nc = client(OcsFormat.JSON)) {
            CurrentUser u = nc.currentUser();
            assertThat(u.id()).isEqualTo(user);
            assertThat(u.displayName()).isNotBlank();
            assertThat(u.enabled()).isTrue();
            assertThat(u.language()).isEqualTo("en");
            assertThat(u.quota().total()).isEqualTo(-3L);
            assertThat(u.backend()).isEqualTo("Database");
            assertThat(u.lastLogin()).isPositive();
        }
    }

    @ParameterizedTest(name = "create user {0}")
    @CsvSource({"33, V1, alice", "48, V2, bob"})
    void createUserWithAFormBody(String id, OcsApiVersion version, String user) {
        Capture c = Capture.load(id);
        wm.stubFor(WireMockSupport.ocsStub(c, OcsFormat.JSON));
        try (OcsClient nc = client(OcsFormat.JSON)) {
            OcsResponse<JsonNode> r = nc.ocs(OcsRequest.post("/cloud/users")
                    .version(version)
                    .formBody(Map.of("userid", user, "password", "Str0ng-Passw0rd!"))
                    .build());
            assertThat(r.rawData().path("id").asText()).isEqualTo(user);
        }
        wm.verify(postRequestedFor(urlPathEqualTo(version.pathPrefix() + "/cloud/users"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("userid=" + user)));
    }

    @Test
    void editAndDeleteAndGroups() {
        wm.stubFor(WireMockSupport.ocsStub(Capture.load("46"), OcsFormat.JSON));
        wm.stubFor(WireMockSupport.ocsStub(Capture.load("49"), OcsFormat.JSON));
        wm.stubFor(WireMockSupport.ocsStub(Capture.load("50"), OcsFormat.JSON));
        try (OcsClient nc = client(OcsFormat.JSON)) {
            OcsResponse<JsonNode> edit = nc.ocs(OcsRequest.put("/cloud/users/alice")
                    .formBody(Map.of("key", "displayname", "value", "Alice T."))
                    .build());
            assertThat(edit.rawData().isArray()).isTrue();
            assertThat(edit.rawData()).isEmpty();
            OcsResponse<Void> del = nc.ocs(OcsRequest.delete("/cloud/users/bob").build(), Void.class);
            assertThat(del.data()).isNull();
            assertThat(del.meta().statusCode()).isEqualTo(200);
            record Groups(List<String> groups) {}
            assertThat(nc.ocs(OcsRequest.get("/cloud/groups").build(), Groups.class)
                            .data()
                            .groups())
                    .contains("admin");
        }
    }

    @ParameterizedTest(name = "app password {0} ({1}, {2})")
    @CsvSource({"60, JSON, V2", "61, XML, V2"})
    void obtainAnAppPassword(String id, OcsFormat format, OcsApiVersion version) {
        Capture c = Capture.load(id);
        wm.stubFor(WireMockSupport.ocsStub(c, format));
        String expected = id.equals("60")
                ? "4UBfsIrmJosP48hfgyubx8Cs3zU8l1eXkrTAyt8cLhdB23LcBMgXmFP6Vl5As7dY0MNit3D3"
                : "gtKZGIzaQxPtpLgYr71vNCLzsKXHu8R61gLrBRZ2fDvywatPImCDyxNXZ2rDQ0RuOjNXvrnq";
        try (OcsClient nc = client(format)) {
            Secret p = nc.appPasswords().obtain();
            assertThat(p.matches(expected)).isTrue();
            assertThat(p.toString()).doesNotContain(expected);
        }
    }

    @Test
    void appPasswordOverV1IsReadByTheGenericApi() {
        wm.stubFor(WireMockSupport.ocsStub(Capture.load("64"), OcsFormat.JSON));
        try (OcsClient nc = client(OcsFormat.JSON)) {
            OcsResponse<JsonNode> r = nc.ocs(OcsRequest.get("/core/getapppassword")
                    .version(OcsApiVersion.V1)
                    .build());
            assertThat(r.meta().statusCode()).isEqualTo(100);
            assertThat(r.rawData().path("apppassword").asText()).hasSizeGreaterThan(30);
        }
    }

    @Test
    void obtainingWithAnAppPasswordIsForbidden() {
        wm.stubFor(WireMockSupport.ocsStub(Capture.load("62"), OcsFormat.JSON));
        try (OcsClient nc = client(OcsFormat.JSON)) {
            assertThatThrownBy(() -> nc.appPasswords().obtain())
                    .isExactlyInstanceOf(NcForbiddenException.class)
                    .hasMessageContaining("You cannot request an new apppassword with an apppassword")
                    .satisfies(e -> assertThat(((NcResponseException) e).ocsStatusCode())
                            .hasValue(403));
        }
    }

    @Test
    void revokeThenTheAppPasswordIsRefused() {
        wm.stubFor(WireMockSupport.ocsStub(Capture.load("65"), OcsFormat.JSON));
        wm.stubFor(WireMockSupport.ocsStub(Capture.load("66"), OcsFormat.JSON));
        try (OcsClient nc = client(OcsFormat.JSON)) {
            nc.appPasswords().revoke();
            assertThatThrownBy(nc::currentUser)
                    .isExactlyInstanceOf(NcUnauthorizedException.class)
                    .satisfies(e -> assertThat(((NcResponseException) e).ocsStatusCode())
                            .hasValue(997));
        }
    }

    @Test
    void loginFlowStartPollPendingSuccessThenGone() {
        Capture start = Capture.load("70");
        Capture pending = Capture.load("71");
        Capture success = Capture.load("73");
        Capture again = Capture.load("74");
        wm.stubFor(post(urlPathEqualTo("/index.php/login/v2"))
                .willReturn(start.response(start.bodyWithOrigin(wm.baseUrl()))));
        String scenario = "login";
        wm.stubFor(post(urlPathEqualTo("/index.php/login/v2/poll"))
                .inScenario(scenario)
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(pending.response())
                .willSetStateTo("done"));
        wm.stubFor(post(urlPathEqualTo("/index.php/login/v2/poll"))
                .inScenario(scenario)
                .whenScenarioStateIs("done")
                .willReturn(success.response(success.bodyWithOrigin(wm.baseUrl())))
                .willSetStateTo("gone"));
        wm.stubFor(post(urlPathEqualTo("/index.php/login/v2/poll"))
                .inScenario(scenario)
                .whenScenarioStateIs("gone")
                .willReturn(again.response()));
        try (OcsClient nc = WireMockSupport.client(wm, Credentials.none(), OcsFormat.JSON)) {
            LoginFlow.Start s = nc.loginFlow().start();
            assertThat(s.loginUrl().toString()).startsWith(wm.baseUrl() + "/index.php/login/v2/flow/");
            assertThat(s.pollEndpoint().toString()).isEqualTo(wm.baseUrl() + "/index.php/login/v2/poll");
            assertThat(s.toString()).doesNotContain(s.token().reveal());
            LoginFlow.Result r = nc.loginFlow().await(s, java.time.Duration.ofSeconds(10));
            assertThat(r.loginName()).isEqualTo("admin");
            assertThat(r.server().toString()).isEqualTo(wm.baseUrl());
            assertThat(r.appPassword()
                            .matches("4UBfsIrmJosP48hfgyubx8Cs3zU8l1eXkrTAyt8cLhdB23LcBMgXmFP6Vl5As7dY0MNit3D3"))
                    .isTrue();
            assertThat(nc.loginFlow().poll(s)).isEmpty();
            assertThat(r.credentials().login()).contains("admin");
        }
        wm.verify(postRequestedFor(urlPathEqualTo("/index.php/login/v2/poll"))
                .withRequestBody(equalTo("token=" + tokenOf(start))));
    }

    private static String tokenOf(Capture start) {
        String b = start.bodyText();
        int i = b.indexOf("\"token\":\"") + 9;
        return b.substring(i, b.indexOf('"', i));
    }

    @Test
    void loginFlowGivesUpAtTheDeadline() {
        Capture start = Capture.load("70");
        wm.stubFor(post(urlPathEqualTo("/index.php/login/v2"))
                .willReturn(start.response(start.bodyWithOrigin(wm.baseUrl()))));
        wm.stubFor(post(urlPathEqualTo("/index.php/login/v2/poll"))
                .willReturn(Capture.load("72").response()));
        try (OcsClient nc = WireMockSupport.client(wm, Credentials.none(), OcsFormat.JSON)) {
            LoginFlow.Start s = nc.loginFlow().start();
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> nc.loginFlow()
                            .await(s, java.time.Instant.now().plusMillis(1500), java.time.Duration.ofMillis(10)))
                    .isInstanceOf(NcTimeoutException.class);
            // the 10 ms interval asked for is raised to the minimum: at most two polls in 1.5 s
            assertThat(wm.findAll(postRequestedFor(urlPathEqualTo("/index.php/login/v2/poll"))))
                    .hasSizeBetween(1, 2);
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5000);
        }
    }
}
