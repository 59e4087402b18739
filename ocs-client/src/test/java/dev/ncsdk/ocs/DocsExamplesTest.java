package dev.ncsdk.ocs;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The examples of docs/ocs.md, as written there, against WireMock serving the Nextcloud 32 captures under a
 * sub-path: they compile and do what the guide says.
 */
class DocsExamplesTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private String base() {
        return wm.baseUrl() + "/nextcloud";
    }

    private static void serve(String method, String path, String capture) {
        Capture c = Capture.load(capture);
        wm.stubFor(any(urlPathEqualTo("/nextcloud" + path))
                .withHeader("OCS-APIRequest", com.github.tomakehurst.wiremock.client.WireMock.equalTo("true"))
                .willReturn(c.response(c.bodyWithOrigin(wm.baseUrl() + "/nextcloud"))));
    }

    @Test
    void buildAClientAndTypedEndpoints() {
        serve("GET", "/ocs/v2.php/cloud/capabilities", "01");
        serve("GET", "/ocs/v2.php/cloud/user", "45");
        serve("GET", "/status.php", "07");
        List<String> printed = new ArrayList<>();
        try (OcsClient nc = OcsClient.builder()
                .baseUri(URI.create(base())) // a sub-path is fine
                .credentials(Credentials.basic("admin", Secret.of("NcReal-Adm1n-zKzIi12WyrcX")))
                .userAgent("my-tool/1.0")
                .connectTimeout(Duration.ofSeconds(5))
                .requestTimeout(Duration.ofSeconds(20))
                .build()) {
            printed.add(nc.capabilities().nextcloudVersion().toString());

            Capabilities caps = nc.capabilities();
            NextcloudVersion v = caps.nextcloudVersion();
            Integer poll = caps.core().pollInterval();
            caps.appApi().ifPresent(a -> printed.add("AppAPI " + a.version() + ", log level " + a.logLevel()));
            JsonNode sharing = caps.capability("files_sharing").orElseThrow();

            CurrentUser me = nc.currentUser();
            printed.add(me.id() + " " + me.displayName() + " " + me.groups());

            ServerStatus status = nc.status();
            printed.add(String.valueOf(status.nextcloudVersion()));

            assertThat(v).isLessThan(status.nextcloudVersion());
            assertThat(poll).isEqualTo(60);
            assertThat(sharing.path("api_enabled").asBoolean()).isTrue();
            assertThat(status.maintenance()).isFalse();
        }
        assertThat(printed).containsExactly("32.0.1", "AppAPI 32.0.0, log level 2", "alice Alice Test []", "32.0.1.2");
    }

    @Test
    void anyRouteAndPlainJson() {
        serve("GET", "/ocs/v2.php/cloud/users", "42");
        serve("GET", "/index.php/apps/app_api/daemons", "130");
        try (OcsClient nc = OcsClient.builder().baseUri(URI.create(base())).build()) {
            record UserList(List<String> users) {}

            OcsResponse<UserList> found = nc.ocs(
                    OcsRequest.get("/cloud/users")
                            .query("search", "ali")
                            .query("limit", "10")
                            .build(),
                    UserList.class);
            assertThat(found.data().users()).containsExactly("alice");

            JsonNode daemons =
                    nc.json(OcsRequest.get("/index.php/apps/app_api/daemons").build());

            record Daemon(String name, String protocol) {}
            record Daemons(List<Daemon> daemons) {}
            Daemons typed =
                    nc.json(OcsRequest.get("/index.php/apps/app_api/daemons").build(), Daemons.class);
            assertThat(daemons.path("daemons").get(0).path("name").asText()).isEqualTo("manual_install");
            assertThat(typed.daemons()).containsExactly(new Daemon("manual_install", "http"));
        }
    }

    @Test
    void errorsAsTheGuideCatchesThem() {
        serve("POST", "/ocs/v2.php/cloud/users", "35");
        String pw = "Alice-Str0ng-Passw0rd!";
        List<String> printed = new ArrayList<>();
        try (OcsClient nc = OcsClient.builder().baseUri(URI.create(base())).build()) {
            try {
                nc.ocs(OcsRequest.post("/cloud/users")
                        .formBody(Map.of("userid", "alice", "password", pw))
                        .build());
            } catch (NcConflictException e) {
                printed.add("exists already: " + e.ocsMessage().orElse(""));
                assertThat(e.ocsStatusCode()).hasValue(102);
            } catch (NcResponseException e) {
                printed.add(e.getMessage());
            }
        }
        assertThat(printed).containsExactly("exists already: User already exists");
    }

    @Test
    void asyncTwins() throws Exception {
        serve("GET", "/ocs/v2.php/cloud/capabilities", "01");
        serve("GET", "/ocs/v2.php/cloud/users", "32");
        serve("GET", "/index.php/apps/app_api/daemons", "130");
        try (OcsClient nc = OcsClient.builder().baseUri(URI.create(base())).build()) {
            CompletableFuture<Capabilities> caps = nc.capabilitiesAsync();
            CompletableFuture<OcsResponse<JsonNode>> users =
                    nc.ocsAsync(OcsRequest.get("/cloud/users").build());
            CompletableFuture<JsonNode> daemons = nc.jsonAsync(
                    OcsRequest.get("/index.php/apps/app_api/daemons").build());
            assertThat(caps.thenApply(c -> c.nextcloudVersion().toString()).get())
                    .isEqualTo("32.0.1");
            assertThat(users.get().rawData().path("users")).isNotEmpty();
            assertThat(daemons.get().path("daemons")).hasSize(1);
        }
    }

    @Test
    void appPasswords() {
        Capture obtain = Capture.load("60");
        wm.stubFor(get(urlPathEqualTo("/nextcloud/ocs/v2.php/core/getapppassword"))
                .withBasicAuth("alice", "Alice-Str0ng-Passw0rd!")
                .willReturn(obtain.response()));
        String app = "4UBfsIrmJosP48hfgyubx8Cs3zU8l1eXkrTAyt8cLhdB23LcBMgXmFP6Vl5As7dY0MNit3D3";
        wm.stubFor(get(urlPathEqualTo("/nextcloud/ocs/v2.php/cloud/user"))
                .withBasicAuth("alice", app)
                .willReturn(Capture.load("45").response()));
        wm.stubFor(delete(urlPathEqualTo("/nextcloud/ocs/v2.php/core/apppassword"))
                .withBasicAuth("alice", app)
                .willReturn(Capture.load("65").response()));
        try (OcsClient login = OcsClient.builder()
                .baseUri(URI.create(base()))
                .credentials(Credentials.basic("alice", Secret.of("Alice-Str0ng-Passw0rd!")))
                .build()) {
            Secret appPassword = login.appPasswords().obtain();
            OcsClient alice = login.withCredentials(Credentials.appPassword("alice", appPassword));
            assertThat(alice.currentUser().id()).isEqualTo("alice");
            alice.appPasswords().revoke();
        }
    }

    @Test
    void loginFlow() {
        Capture start = Capture.load("70");
        Capture done = Capture.load("73");
        wm.stubFor(post(urlPathEqualTo("/nextcloud/index.php/login/v2"))
                .willReturn(start.response(start.bodyWithOrigin(wm.baseUrl() + "/nextcloud"))));
        wm.stubFor(post(urlPathEqualTo("/nextcloud/index.php/login/v2/poll"))
                .willReturn(done.response(done.bodyWithOrigin(wm.baseUrl() + "/nextcloud"))));
        wm.stubFor(get(urlPathEqualTo("/nextcloud/ocs/v2.php/cloud/user"))
                .willReturn(Capture.load("63").response()));
        try (OcsClient anon = OcsClient.builder().baseUri(URI.create(base())).build()) {
            LoginFlow.Start s = anon.loginFlow().start();
            assertThat(s.loginUrl().toString()).startsWith(base() + "/index.php/login/v2/flow/");
            LoginFlow.Result result = anon.loginFlow().await(s, Duration.ofMinutes(5));
            OcsClient user = anon.withCredentials(result.credentials());
            assertThat(user.currentUser().displayName()).isEqualTo("admin");
        }
    }
}
