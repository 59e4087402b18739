package dev.ncsdk.appapi.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.appapi.testing.Capture;
import dev.ncsdk.appapi.testing.WireMockSupport;
import dev.ncsdk.ocs.NcForbiddenException;
import dev.ncsdk.ocs.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Captures 130-142 and 147-148 (daemon administration) through {@link Daemons}. */
class DaemonsCaptureTest extends WireMockSupport {

    private static DaemonConfig manualTwo(String displayName) {
        return DaemonConfig.manualInstall("manual2", "127.0.0.1", "http://127.0.0.1:8080")
                .displayName(displayName)
                .computeDevice(null)
                .build();
    }

    @Test
    void capture130ListsTheManualInstallDaemonWithoutDefault() {
        Capture c = Capture.load("130_admin_daemons_list");
        c.serve(wm);
        try (AppApiAdminClient admin = clientFor(c)) {
            DaemonList list = admin.daemons().list();
            assertThat(list.defaultDaemonName()).isEmpty();
            assertThat(list.defaultDaemon()).isEmpty();
            assertThat(list.daemons()).hasSize(1);
            DaemonConfig d = list.daemons().get(0);
            assertThat(d.id()).isEqualTo(1);
            assertThat(d.name()).isEqualTo("manual_install");
            assertThat(d.displayName()).isEqualTo("Manual Install");
            assertThat(d.deployMethod()).isEqualTo(DeployMethod.MANUAL_INSTALL);
            assertThat(d.acceptsDeployId()).isEqualTo("manual-install");
            assertThat(d.protocol()).isEqualTo("http");
            assertThat(d.host()).isEqualTo("127.0.0.1");
            assertThat(d.deployConfig().net()).isEqualTo("host");
            assertThat(d.deployConfig().nextcloudUrl()).isEqualTo("http://127.0.0.1:8080");
            assertThat(d.deployConfig().secret().isNone()).isTrue();
            assertThat(d.deployConfig().computeDevice()).isEqualTo(ComputeDevice.CPU);
            assertThat(d.isHarp()).isFalse();
            assertThat(d.exApps()).hasValue(1);
        }
    }

    @Test
    void capture131RegistersAManualInstallDaemonWithTheRecordedBody() {
        Capture c = Capture.load("131_admin_daemon_register");
        c.serve(wm);
        try (AppApiAdminClient admin = clientFor(c)) {
            DaemonConfig stored = admin.daemons().register(manualTwo("Manual 2"), false);
            assertThat(stored.id()).isEqualTo(3);
            assertThat(stored.name()).isEqualTo("manual2");
            assertThat(stored.displayName()).isEqualTo("Manual 2");
            assertThat(stored.deployMethod()).isEqualTo(DeployMethod.MANUAL_INSTALL);
            assertThat(stored.exApps()).isEmpty();
        }
        wm.verify(postRequestedFor(urlEqualTo("/index.php/apps/app_api/daemons"))
                .withRequestBody(matchingJsonPath(
                        "$.defaultDaemon", com.github.tomakehurst.wiremock.client.WireMock.equalTo("false"))));
    }

    @Test
    void capture132UpdatesTheDisplayName() {
        Capture c = Capture.load("132_admin_daemon_update");
        c.serve(wm);
        try (AppApiAdminClient admin = clientFor(c)) {
            DaemonConfig stored = admin.daemons().update("manual2", manualTwo("Manual Two"));
            assertThat(stored.displayName()).isEqualTo("Manual Two");
            assertThat(stored.id()).isEqualTo(3);
        }
    }

    @Test
    void capture133And148SetTheDefaultDaemonThroughAdminConfig() {
        Capture set = Capture.load("133_admin_set_default_daemon");
        Capture back = Capture.load("148_admin_set_default_daemon_back");
        set.serve(wm);
        back.serve(wm);
        try (AppApiAdminClient admin = clientFor(set)) {
            admin.daemons().setDefault("manual2");
            admin.settings().setDefaultDaemon("manual_install");
        }
        wm.verify(putRequestedFor(urlEqualTo("/index.php/apps/app_api/admin-config"))
                .withRequestBody(matchingJsonPath(
                        "$.values.default_daemon_config",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("manual2"))));
        wm.verify(putRequestedFor(urlEqualTo("/index.php/apps/app_api/admin-config"))
                .withRequestBody(matchingJsonPath(
                        "$.values.default_daemon_config",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("manual_install"))));
    }

    @Test
    void capture134CheckOfAnUnreachableDaemonIsATypedFalse() {
        Capture c = Capture.load("134_admin_daemon_check_unreachable");
        c.serve(wm);
        try (AppApiAdminClient admin = clientFor(c)) {
            ConnectionCheck check = admin.daemons().check("manual_install");
            assertThat(check.daemonName()).isEqualTo("manual_install");
            assertThat(check.reachable()).isFalse();
        }
    }

    @Test
    void capture135VerifyingAnUnsavedDaemonIsATypedFalse() {
        Capture c = Capture.load("135_admin_daemon_verify_connection_fail");
        c.serve(wm);
        @SuppressWarnings("deprecation")
        DaemonConfig unsaved = DaemonConfig.builder()
                .name("x")
                .displayName("x")
                .deployMethod(DeployMethod.DOCKER_INSTALL)
                .protocol("http")
                .host("127.0.0.1:2375")
                .nextcloudUrl("http://127.0.0.1:8080")
                .build();
        try (AppApiAdminClient admin = clientFor(c)) {
            ConnectionCheck check = admin.daemons().verifyConnection(unsaved);
            assertThat(check.reachable()).isFalse();
            assertThat(check.daemonName()).isEqualTo("x");
        }
    }

    @Test
    void capture138ListsTheDefaultDaemon() {
        Capture c = Capture.load("138_admin_daemons_list_with_default");
        c.serve(wm);
        try (AppApiAdminClient admin = clientFor(c)) {
            DaemonList list = admin.daemons().list();
            assertThat(list.defaultDaemonName()).isEqualTo("manual2");
            assertThat(list.defaultDaemon()).map(DaemonConfig::displayName).hasValue("Manual Two");
            assertThat(list.daemons()).extracting(DaemonConfig::name).containsExactly("manual_install", "manual2");
            assertThat(list.find("manual2").orElseThrow().exApps()).hasValue(0);
            // manual2 was registered without computeDevice or harp: absent, not invented
            assertThat(list.find("manual2").orElseThrow().deployConfig().computeDevice())
                    .isNull();
        }
    }

    @Test
    void capture139UnregistersADaemon() {
        Capture c = Capture.load("139_admin_daemon_delete");
        c.serve(wm);
        try (AppApiAdminClient admin = clientFor(c)) {
            DaemonConfig removed = admin.daemons().unregister("manual2");
            assertThat(removed.name()).isEqualTo("manual2");
            assertThat(removed.displayName()).isEqualTo("Manual Two");
        }
    }

    @Test
    void capture140NonAdminIsForbidden() {
        Capture c = Capture.load("140_admin_daemons_as_nonadmin_err");
        c.serve(wm);
        try (AppApiAdminClient alice = clientFor(c)) {
            assertThat(c.user).isEqualTo("alice");
            assertThatThrownBy(() -> alice.daemons().list()).isInstanceOfSatisfying(NcForbiddenException.class, e -> {
                assertThat(e.httpStatus()).isEqualTo(403);
                assertThat(e.messages()).containsExactly("Logged in account must be an admin");
                assertThat(e.requestId()).hasValue("VRsFG1AxTheyXLwPctKQ");
                assertThat(e.getMessage()).doesNotContain("Alice-Str0ng-Passw0rd!");
            });
        }
    }

    @Test
    void capture141RegistersAHarpDaemonAndNeverKeepsTheEncryptedSecret() {
        Capture c = Capture.load("141_admin_daemon_register_harp_with_password");
        c.serve(wm);
        DaemonConfig harp = DaemonConfig.harp(
                        "harp_test",
                        "127.0.0.1:8780",
                        "http://127.0.0.1:8080",
                        Secret.of("some-very-secret-shared-key"))
                .displayName("HaRP test")
                .build();
        assertThat(harp.deployConfig().harp()).isEqualTo(new HarpConfig("127.0.0.1:8782", 24000, false));
        try (AppApiAdminClient admin = clientFor(c)) {
            assertThat(c.password).isEqualTo(ADMIN_PASSWORD);
            DaemonConfig stored = admin.daemons().register(harp, false);
            assertThat(stored.id()).isEqualTo(4);
            assertThat(stored.isHarp()).isTrue();
            assertThat(stored.isDockerSocketProxy()).isFalse();
            assertThat(stored.deployConfig().harp().frpAddress()).isEqualTo("127.0.0.1:8782");
            // the server echoes the encrypted key: it reads as "stored", never as a value
            assertThat(stored.deployConfig().secret().isStored()).isTrue();
            assertThat(stored.deployConfig().secret().value()).isEmpty();
            assertThat(stored.toString()).doesNotContain("156183fab4").doesNotContain("some-very-secret");
        }
    }

    @Test
    void capture142ListsTheHarpDaemonWithItsSecretMasked() {
        Capture c = Capture.load("142_admin_daemons_list_masked_secret");
        c.serve(wm);
        try (AppApiAdminClient admin = clientFor(c)) {
            DaemonConfig harp = admin.daemons().list().find("harp_test").orElseThrow();
            assertThat(harp.deployMethod()).isEqualTo(DeployMethod.DOCKER_INSTALL);
            assertThat(harp.isHarp()).isTrue();
            assertThat(harp.host()).isEqualTo("127.0.0.1:8780");
            assertThat(harp.deployConfig().harp().dockerSocketPort()).isEqualTo(24000);
            assertThat(harp.deployConfig().harp().exAppDirect()).isFalse();
            assertThat(harp.deployConfig().secret().isStored()).isTrue();
            assertThat(harp.toString()).doesNotContain(DaemonSecret.MASKED);
        }
    }

    @Test
    void capture147UnregistersTheHarpDaemon() {
        Capture c = Capture.load("147_admin_daemon_delete_harp");
        c.serve(wm);
        try (AppApiAdminClient admin = clientFor(c)) {
            DaemonConfig removed = admin.daemons().unregister("harp_test");
            assertThat(removed.isHarp()).isTrue();
            assertThat(removed.deployConfig().secret().isStored()).isTrue();
        }
    }

    @Test
    void asyncTwinsAnswerLikeTheSyncMethods() throws Exception {
        Capture.load("138_admin_daemons_list_with_default").serve(wm);
        Capture.load("134_admin_daemon_check_unreachable").serve(wm);
        try (AppApiAdminClient admin = clientFor(Capture.load("138_admin_daemons_list_with_default"))) {
            DaemonList list = admin.daemons().listAsync().get();
            assertThat(list.defaultDaemonName()).isEqualTo("manual2");
            assertThat(admin.daemons().checkAsync("manual_install").get().reachable())
                    .isFalse();
        }
    }

    @Test
    void recordedTimesAreEpochSecondsInStatus() {
        ExAppStatus s = ExAppStatus.fromJson(dev.ncsdk.appapi.internal.Json.parse(
                Capture.load("136_admin_exapp_status").bodyText()));
        assertThat(s.deployStartTime()).isEqualTo(Instant.ofEpochSecond(1795339472L));
        assertThat(List.of(s.deploy(), s.init())).containsExactly(100, 100);
        assertThat(Map.of("ready", s.ready())).containsEntry("ready", true);
    }
}
