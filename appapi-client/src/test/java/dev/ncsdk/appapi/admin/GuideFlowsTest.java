package dev.ncsdk.appapi.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ncsdk.appapi.testing.Capture;
import dev.ncsdk.appapi.testing.WireMockSupport;
import dev.ncsdk.ocs.NcTimeoutException;
import dev.ncsdk.ocs.Secret;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The flows of docs/appapi-admin.md that have no recording (install, update, uninstall, registries, test deploy,
 * settings), against WireMock answering in the shapes of AppAPI 32's controllers.
 */
class GuideFlowsTest extends WireMockSupport {
    private static final String A = "/index.php/apps/app_api";
    private static final String JSON = "application/json; charset=utf-8";

    @Test
    void installFollowsDeployAndInitUntilReady() {
        wm.stubFor(post(urlPathEqualTo(A + "/apps/enable/hello_java/harp_proxy"))
                .withRequestBody(
                        equalToJson(
                                "{\"deployOptions\":{\"environment_variables\":{\"GREETING\":\"Hallo\"},"
                                        + "\"mounts\":[{\"hostPath\":\"/srv/models\",\"containerPath\":\"/models\",\"readonly\":true}]}}"))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("[]")));
        String status = A + "/apps/status/hello_java";
        wm.stubFor(get(urlPathEqualTo(status))
                .inScenario("install")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withHeader("Content-Type", JSON)
                        .withBody(
                                "{\"deploy\":40,\"init\":0,\"action\":\"deploy\",\"type\":\"install\",\"error\":\"\"}"))
                .willSetStateTo("init"));
        wm.stubFor(get(urlPathEqualTo(status))
                .inScenario("install")
                .whenScenarioStateIs("init")
                .willReturn(aResponse()
                        .withHeader("Content-Type", JSON)
                        .withBody("{\"deploy\":100,\"init\":50,\"action\":\"init\",\"type\":\"install\",\"error\":\"\","
                                + "\"heartbeat_count\":\"3\"}"))
                .willSetStateTo("done"));
        wm.stubFor(get(urlPathEqualTo(status))
                .inScenario("install")
                .whenScenarioStateIs("done")
                .willReturn(aResponse()
                        .withHeader("Content-Type", JSON)
                        .withBody("{\"deploy\":100,\"init\":100,\"action\":\"\",\"type\":\"\",\"error\":\"\"}")));
        DeployOptions options = DeployOptions.builder()
                .env("GREETING", "Hallo")
                .mount("/srv/models", "/models", true)
                .build();
        try (AppApiAdminClient admin = admin()) {
            InstallResult r = admin.exApps().install("hello_java", "harp_proxy", options);
            assertThat(r).isEqualTo(new InstallResult("hello_java", true, false));
            ExAppStatus s = admin.exApps().awaitReady("hello_java", Duration.ofSeconds(5), Duration.ofMillis(5));
            assertThat(s.ready()).isTrue();
        }
        assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(status)))).hasSize(3);
    }

    @Test
    void installOfARegisteredExAppEnablesItAndReportsUpdates() {
        wm.stubFor(post(urlPathEqualTo(A + "/apps/enable/hello_java/harp_proxy"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", JSON)
                        .withBody("{\"data\":{\"update_required\":true}}")));
        try (AppApiAdminClient admin = admin()) {
            assertThat(admin.exApps().install("hello_java", "harp_proxy", DeployOptions.NONE))
                    .isEqualTo(new InstallResult("hello_java", false, true));
        }
    }

    @Test
    void awaitReadyStopsAtAnErrorOrTheDeadline() {
        wm.stubFor(get(urlPathEqualTo(A + "/apps/status/broken"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", JSON)
                        .withBody("{\"deploy\":100,\"init\":0,\"action\":\"\",\"type\":\"install\","
                                + "\"error\":\"Heartbeat check failed\"}")));
        wm.stubFor(
                get(urlPathEqualTo(A + "/apps/status/slow"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", JSON)
                                        .withBody(
                                                "{\"deploy\":10,\"init\":0,\"action\":\"deploy\",\"type\":\"install\",\"error\":\"\"}")));
        try (AppApiAdminClient admin = admin()) {
            ExAppStatus s = admin.exApps().awaitReady("broken", Duration.ofSeconds(5), Duration.ofMillis(5));
            assertThat(s.failed()).isTrue();
            assertThat(s.errorMessage()).hasValue("Heartbeat check failed");
            assertThatThrownBy(() -> admin.exApps().awaitReady("slow", Duration.ofMillis(50), Duration.ofMillis(20)))
                    .isInstanceOf(NcTimeoutException.class)
                    .hasMessageContaining("deploy 10%");
        }
    }

    @Test
    void updateAndUninstallUseAppApisGetRoutes() {
        wm.stubFor(get(urlPathEqualTo(A + "/apps/update/hello_java"))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("[]")));
        wm.stubFor(get(urlPathEqualTo(A + "/apps/uninstall/hello_java"))
                .withQueryParam("removeContainer", equalTo("1"))
                .withQueryParam("removeData", equalTo("1"))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("[]")));
        try (AppApiAdminClient admin = admin()) {
            admin.exApps().update("hello_java");
            admin.exApps().uninstall("hello_java", true);
        }
        assertThat(wm.getAllServeEvents())
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.getWasMatched()).isTrue());
    }

    @Test
    void registriesTestDeployAndSettings() {
        String daemon = "{\"id\":4,\"accepts_deploy_id\":\"docker-install\",\"name\":\"harp_proxy\","
                + "\"display_name\":\"HaRP\",\"protocol\":\"http\",\"host\":\"appapi-harp:8780\",\"deploy_config\":"
                + "{\"net\":\"nextcloud\",\"nextcloud_url\":\"https://nc\",\"haproxy_password\":\"a|b|c|3\","
                + "\"harp\":{\"frp_address\":\"appapi-harp:8782\",\"docker_socket_port\":24000,\"exapp_direct\":false},"
                + "\"registries\":[{\"from\":\"ghcr.io\",\"to\":\"local\"}]}}";
        wm.stubFor(post(urlPathEqualTo(A + "/daemons/harp_proxy/add-registry"))
                .withRequestBody(equalToJson("{\"registryMap\":{\"from\":\"ghcr.io\",\"to\":\"local\"}}"))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody(daemon)));
        wm.stubFor(post(urlPathEqualTo(A + "/daemons/harp_proxy/remove-registry"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", JSON)
                        .withBody(daemon.replace("[{\"from\":\"ghcr.io\",\"to\":\"local\"}]", "[]"))));
        wm.stubFor(post(urlPathEqualTo(A + "/daemons/harp_proxy/test_deploy"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", JSON)
                        .withBody("{\"status\":{\"deploy\":0,\"init\":0,\"action\":\"deploy\",\"type\":\"install\","
                                + "\"error\":\"\"}}")));
        wm.stubFor(get(urlPathEqualTo(A + "/daemons/harp_proxy/test_deploy/status"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", JSON)
                        .withBody("{\"deploy\":100,\"init\":100,\"action\":\"\",\"type\":\"\",\"error\":\"\"}")));
        wm.stubFor(delete(urlPathEqualTo(A + "/daemons/harp_proxy/test_deploy"))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("{\"success\":true}")));
        wm.stubFor(put(urlPathEqualTo(A + "/admin-config"))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("1")));
        try (AppApiAdminClient admin = admin()) {
            DaemonConfig added = admin.daemons().addRegistry("harp_proxy", RegistryMapping.skipPull("ghcr.io"));
            assertThat(added.deployConfig().registries()).containsExactly(RegistryMapping.skipPull("ghcr.io"));
            assertThat(added.deployConfig().secret().isStored()).isTrue();
            assertThat(admin.daemons()
                            .removeRegistry("harp_proxy", RegistryMapping.skipPull("ghcr.io"))
                            .deployConfig()
                            .registries())
                    .isEmpty();
            assertThat(admin.daemons().startTestDeploy("harp_proxy").action()).isEqualTo("deploy");
            assertThat(admin.daemons().testDeployStatus("harp_proxy").ready()).isTrue();
            assertThat(admin.daemons().removeTestDeploy("harp_proxy")).isTrue();
            admin.settings().setInitTimeout(Duration.ofMinutes(60));
            admin.settings().setContainerRestartPolicy(RestartPolicy.UNLESS_STOPPED);
            admin.settings().setDockerApiVersion("1.44");
        }
        // AppAPI stores every value with setValueString: the client sends strings only
        wm.verify(putRequestedFor(urlPathEqualTo(A + "/admin-config"))
                .withRequestBody(equalToJson("{\"values\":{\"init_timeout\":\"60\"}}")));
        wm.verify(putRequestedFor(urlPathEqualTo(A + "/admin-config"))
                .withRequestBody(equalToJson("{\"values\":{\"container_restart_policy\":\"unless-stopped\"}}")));
        wm.verify(putRequestedFor(urlPathEqualTo(A + "/admin-config"))
                .withRequestBody(equalToJson("{\"values\":{\"docker_api_version\":\"1.44\"}}")));
    }

    @Test
    void aSubPathBaseUrlIsKept() {
        Capture c = Capture.load("130_admin_daemons_list");
        wm.stubFor(get(urlPathEqualTo("/nextcloud" + A + "/daemons")).willReturn(c.response()));
        try (AppApiAdminClient admin = AppApiAdminClient.builder()
                .baseUri(URI.create(baseUrl() + "/nextcloud/"))
                .login("admin", Secret.of(ADMIN_PASSWORD))
                .build()) {
            assertThat(admin.daemons().list().daemons()).hasSize(1);
        }
    }
}
