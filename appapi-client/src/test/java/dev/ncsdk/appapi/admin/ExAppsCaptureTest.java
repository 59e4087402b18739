package dev.ncsdk.appapi.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.appapi.testing.Capture;
import dev.ncsdk.appapi.testing.WireMockSupport;
import dev.ncsdk.ocs.NcNotFoundException;
import dev.ncsdk.ocs.NcUnauthorizedException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Captures 111, 111b, 111c, 136, 137, 143-146 and 149 (ExApp administration) through {@link ExApps}. */
class ExAppsCaptureTest extends WireMockSupport {
    private static final String LIST_ALL_V2 = "/ocs/v2.php/apps/app_api/api/v1/ex-app/all?format=json";

    private static void assertJavastub(ExAppInfo app) {
        assertThat(app.id()).isEqualTo("javastub");
        assertThat(app.name()).isEqualTo("Java SDK Stub");
        assertThat(app.version()).isEqualTo("1.0.0");
        assertThat(app.enabled()).isTrue();
        assertThat(app.status().ready()).isTrue();
        assertThat(app.status().initStartTime()).isEqualTo(Instant.ofEpochSecond(1795339472L));
    }

    @Test
    void capture111bListsAllExAppsFromAVersion1Envelope() {
        // recorded on OCS v1 (statuscode 100); the client asks v2, so the same answer is served there
        Capture c = Capture.load("111b_exapp_exapps_list_as_admin_v1_json");
        c.serveAnswerAt(wm, LIST_ALL_V2);
        try (AppApiAdminClient admin = admin()) {
            List<ExAppInfo> apps = admin.exApps().list();
            assertThat(apps).hasSize(1);
            assertJavastub(apps.get(0));
        }
    }

    @Test
    void capture111cListsEnabledExApps() {
        Capture c = Capture.load("111c_exapp_exapps_list_enabled_as_admin_v2_json");
        c.serveAnswerAt(wm, c.pathAndQuery);
        try (AppApiAdminClient admin = admin()) {
            List<ExAppInfo> apps = admin.exApps().listEnabled();
            assertThat(apps).singleElement().satisfies(ExAppsCaptureTest::assertJavastub);
        }
    }

    @Test
    void capture111UnauthorisedListIsTyped() {
        Capture c = Capture.load("111_exapp_exapps_list_v1_json");
        c.serveAnswerAt(wm, LIST_ALL_V2);
        try (AppApiAdminClient admin = admin()) {
            assertThatThrownBy(() -> admin.exApps().list()).isInstanceOfSatisfying(NcUnauthorizedException.class, e -> {
                assertThat(e.httpStatus()).isEqualTo(401);
                assertThat(e.ocsStatusCode()).hasValue(997);
            });
        }
    }

    @Test
    void capture136ReadsTheStatus() {
        Capture c = Capture.load("136_admin_exapp_status");
        c.serve(wm);
        try (AppApiAdminClient admin = clientFor(c)) {
            ExAppStatus s = admin.exApps().status("javastub");
            assertThat(s.deploy()).isEqualTo(100);
            assertThat(s.init()).isEqualTo(100);
            assertThat(s.action()).isEmpty();
            assertThat(s.type()).isEmpty();
            assertThat(s.failed()).isFalse();
            assertThat(s.ready()).isTrue();
            assertThat(s.inProgress()).isFalse();
            assertThat(s.deployStartTime()).isEqualTo(Instant.ofEpochSecond(1795339472L));
            assertThat(s.heartbeats()).isEmpty();
        }
    }

    @Test
    void capture137ReadsEmptyDeployOptionsSentAsPhpLists() {
        Capture c = Capture.load("137_admin_exapp_deploy_options");
        c.serve(wm);
        try (AppApiAdminClient admin = clientFor(c)) {
            DeployOptions o = admin.exApps().deployOptions("javastub");
            assertThat(o.environmentVariables()).isEmpty();
            assertThat(o.mounts()).isEmpty();
            assertThat(o).isEqualTo(DeployOptions.NONE);
        }
    }

    @Test
    void captures143And144DisableAndEnableThroughOcs() {
        Capture off = Capture.load("143_admin_exapp_disable_via_ocs");
        Capture on = Capture.load("144_admin_exapp_enable_via_ocs");
        off.serve(wm);
        on.serve(wm);
        try (AppApiAdminClient admin = clientFor(off)) {
            admin.exApps().disable("javastub");
            admin.exApps().enable("javastub");
        }
        assertThat(wm.getAllServeEvents())
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.getWasMatched()).isTrue());
    }

    @Test
    void capture145ReadsOneExApp() {
        Capture c = Capture.load("145_admin_exapp_info_v2");
        c.serve(wm);
        try (AppApiAdminClient admin = clientFor(c)) {
            assertJavastub(admin.exApps().info("javastub"));
        }
    }

    @Test
    void capture146UnknownExAppIsNotFound() {
        Capture c = Capture.load("146_admin_exapp_info_missing_v2");
        c.serve(wm);
        try (AppApiAdminClient admin = clientFor(c)) {
            assertThatThrownBy(() -> admin.exApps().info("nosuchapp"))
                    .isInstanceOfSatisfying(NcNotFoundException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(404);
                        assertThat(e.ocsStatusCode()).hasValue(404);
                        assertThat(e.requestId()).hasValue("RWpZcA7IzpUFrsw9tUtq");
                    });
        }
    }

    @Test
    void capture149ReadsTheAppPageListing() {
        Capture c = Capture.load("149_admin_apps_list_store");
        c.serve(wm);
        try (AppApiAdminClient admin = clientFor(c)) {
            List<ExAppListing> apps = admin.exApps().catalog();
            assertThat(apps).hasSize(1);
            ExAppListing a = apps.get(0);
            assertThat(a.id()).isEqualTo("javastub");
            assertThat(a.name()).isEqualTo("Java SDK Stub");
            assertThat(a.version()).isEqualTo("1.0.0");
            assertThat(a.installed()).isTrue();
            assertThat(a.active()).isTrue();
            assertThat(a.fromAppStore()).isFalse();
            assertThat(a.update()).isEmpty();
            assertThat(a.error()).isEmpty();
            assertThat(a.daemon().name()).isEqualTo("manual_install");
            assertThat(a.daemon().deployMethod()).isEqualTo(DeployMethod.MANUAL_INSTALL);
            assertThat(a.status().ready()).isTrue();
            assertThat(a.raw().path("exAppUrl").asText()).isEqualTo("http://127.0.0.1:9031");
        }
    }

    @Test
    void asyncTwinsAnswerLikeTheSyncMethods() throws Exception {
        Capture info = Capture.load("145_admin_exapp_info_v2");
        info.serve(wm);
        Capture.load("136_admin_exapp_status").serve(wm);
        try (AppApiAdminClient admin = clientFor(info)) {
            assertJavastub(admin.exApps().infoAsync("javastub").get());
            assertThat(admin.exApps().statusAsync("javastub").get().ready()).isTrue();
            assertThat(admin.exApps()
                            .awaitReadyAsync(
                                    "javastub", java.time.Duration.ofSeconds(2), java.time.Duration.ofMillis(10))
                            .get()
                            .ready())
                    .isTrue();
        }
    }

    @Test
    void occCaptures123To127ShowTheSameExAppAsTheOcsApi() {
        // 127 is `occ app_api:app:list`: "id (name): version [enabled]"; compare with the OCS model of 145
        ExAppInfo app = ExAppInfo.fromJson(dev.ncsdk.appapi.internal.Json.parse(
                        Capture.load("145_admin_exapp_info_v2").bodyText())
                .at("/ocs/data"));
        String line = app.id() + " (" + app.name() + "): " + app.version() + " ["
                + (app.enabled() ? "enabled" : "disabled") + "]";
        assertThat(Capture.text("127_occ_app_list.txt").lines()).contains(line);
        // 123 and 126 are the one-line confirmations of `occ app_api:app:disable|enable`
        assertThat(Capture.text("123_occ_app_disable.txt").strip()).isEqualTo("ExApp javastub successfully disabled.");
        assertThat(Capture.text("126_occ_app_enable.txt")).contains("javastub");
    }
}
