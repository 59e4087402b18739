package dev.ncsdk.appapi.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;
import dev.ncsdk.appapi.testing.Capture;
import dev.ncsdk.appapi.testing.WireMockSupport;
import dev.ncsdk.ocs.Secret;
import org.junit.jupiter.api.Test;

/**
 * The daemon secret's round trip: AppAPI masks it as {@code dummySecret123} (capture 142) or echoes its encrypted
 * form (capture 141); updating must send the mask back so that AppAPI keeps the stored secret.
 */
class SecretRoundTripTest extends WireMockSupport {
    private static final String UPDATE = "/index.php/apps/app_api/daemons/harp_test";

    private static void stubUpdateEcho() {
        wm.stubFor(put(urlPathEqualTo(UPDATE))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"success\":true,\"daemonConfig\":{\"id\":4,\"accepts_deploy_id\":\"docker-install\","
                                        + "\"name\":\"harp_test\",\"display_name\":\"HaRP renamed\",\"protocol\":\"http\","
                                        + "\"host\":\"127.0.0.1:8780\",\"deploy_config\":{\"net\":\"host\",\"nextcloud_url\":"
                                        + "\"http://127.0.0.1:8080\",\"haproxy_password\":\"dummySecret123\",\"harp\":"
                                        + "{\"frp_address\":\"127.0.0.1:8782\",\"docker_socket_port\":24000,"
                                        + "\"exapp_direct\":false}}}}")));
    }

    private static JsonNode sentDeployConfig() {
        String body = wm.findAll(putRequestedFor(urlPathEqualTo(UPDATE))).get(0).getBodyAsString();
        return Json.parse(body).path("daemonConfigParams").path("deploy_config");
    }

    @Test
    void aListedDaemonUpdatedKeepsItsStoredSecret() {
        Capture list = Capture.load("142_admin_daemons_list_masked_secret");
        list.serve(wm);
        stubUpdateEcho();
        try (AppApiAdminClient admin = clientFor(list)) {
            DaemonConfig listed = admin.daemons().list().find("harp_test").orElseThrow();
            DaemonConfig renamed =
                    listed.toBuilder().displayName("HaRP renamed").build();
            DaemonConfig stored = admin.daemons().update("harp_test", renamed);
            assertThat(stored.displayName()).isEqualTo("HaRP renamed");
            assertThat(stored.deployConfig().secret().isStored()).isTrue();
        }
        JsonNode sent = sentDeployConfig();
        assertThat(sent.path("haproxy_password").asText()).isEqualTo(DaemonSecret.MASKED);
        assertThat(sent.path("harp").path("frp_address").asText()).isEqualTo("127.0.0.1:8782");
    }

    @Test
    void theEncryptedSecretEchoedAfterRegisterIsNeverSentBack() {
        DaemonConfig registered =
                DaemonConfig.fromJson(Json.parse(Capture.load("141_admin_daemon_register_harp_with_password")
                                .bodyText())
                        .get("daemonConfig"));
        stubUpdateEcho();
        try (AppApiAdminClient admin = admin()) {
            admin.daemons().update("harp_test", registered.withDisplayName("HaRP renamed"));
        }
        JsonNode sent = sentDeployConfig();
        assertThat(sent.path("haproxy_password").asText()).isEqualTo(DaemonSecret.MASKED);
        assertThat(sent.toString()).doesNotContain("156183fab49576da55e789bb9ee97205");
    }

    @Test
    void aNewSecretReplacesTheStoredOne() {
        stubUpdateEcho();
        DaemonConfig rotated = DaemonConfig.harp(
                        "harp_test", "127.0.0.1:8780", "http://127.0.0.1:8080", Secret.of("rotated-key-2"))
                .build();
        try (AppApiAdminClient admin = admin()) {
            admin.daemons().update("harp_test", rotated);
        }
        assertThat(sentDeployConfig().path("haproxy_password").asText()).isEqualTo("rotated-key-2");
    }

    @Test
    void verifyingAStoredDaemonSendsTheMaskSoAppApiUsesTheStoredSecret() {
        wm.stubFor(post(urlPathEqualTo("/index.php/apps/app_api/daemons/verify_connection"))
                .willReturn(aResponse().withBody("{\"success\":true}")));
        DaemonConfig listed = DaemonConfig.fromJson(
                Json.parse(Capture.load("142_admin_daemons_list_masked_secret").bodyText())
                        .get("daemons")
                        .get(1));
        try (AppApiAdminClient admin = admin()) {
            assertThat(admin.daemons().verifyConnection(listed).reachable()).isTrue();
        }
        String body = wm.findAll(postRequestedFor(urlPathEqualTo("/index.php/apps/app_api/daemons/verify_connection")))
                .get(0)
                .getBodyAsString();
        assertThat(Json.parse(body)
                        .at("/daemonParams/deploy_config/haproxy_password")
                        .asText())
                .isEqualTo(DaemonSecret.MASKED);
    }

    @Test
    void registeringNeedsTheSecretItselfAndHarpNeedsOne() {
        DaemonConfig listed = DaemonConfig.fromJson(
                Json.parse(Capture.load("142_admin_daemons_list_masked_secret").bodyText())
                        .get("daemons")
                        .get(1));
        try (AppApiAdminClient admin = admin()) {
            assertThatThrownBy(() -> admin.daemons().register(listed, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("needs its secret itself");
        }
        assertThatThrownBy(() -> listed.toBuilder().secret(DaemonSecret.none()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shared key");
        assertThatThrownBy(() -> DaemonSecret.of(Secret.of(DaemonSecret.MASKED)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void noSecretEverAppearsInToString() {
        DaemonConfig d = DaemonConfig.harp("h", "harp:8780", "https://nc", Secret.of("Very-Secret-Key-42"))
                .build();
        assertThat(d.toString()).doesNotContain("Very-Secret-Key-42").contains("DaemonSecret[****]");
        assertThat(d.deployConfig().toString()).doesNotContain("Very-Secret-Key-42");
        assertThat(DaemonSecret.stored().toString()).isEqualTo("DaemonSecret[stored]");
        assertThat(DaemonSecret.none().toString()).isEqualTo("DaemonSecret[none]");
        assertThat(d.deployConfig().secret().value().orElseThrow().reveal()).isEqualTo("Very-Secret-Key-42");
        try (AppApiAdminClient admin = admin()) {
            assertThat(admin.toString()).doesNotContain(ADMIN_PASSWORD);
        }
    }
}
