package dev.ncsdk.appapi.app;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ncsdk.appapi.app.NextcloudAppTest.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ncsdk.appapi.testing.Capture;
import dev.ncsdk.appapi.testing.WireMockSupport;
import dev.ncsdk.ocs.CurrentUser;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The examples of docs/exapp.md ("Calling Nextcloud from the ExApp"), as written there, against the recorded
 * answers served under a sub-path ({@code /nextcloud}) reached through a {@code NEXTCLOUD_URL} ending in
 * {@code /index.php}, as AppAPI may set it.
 */
class ExAppDocsExamplesTest extends WireMockSupport {
    private static void answer(String path, String capture) {
        wm.stubFor(any(urlPathEqualTo("/nextcloud" + path))
                .withHeader("OCS-APIRequest", equalTo("true"))
                .willReturn(Capture.load(capture).response()));
    }

    @Test
    void theTypedCallsExampleRunsUnderASubPath() {
        answer("/ocs/v1.php/apps/app_api/api/v1/ex-app/config", "97_exapp_appconfig_set_sensitive_v1_json");
        answer("/ocs/v1.php/apps/app_api/api/v1/ex-app/config/get-values", "98_exapp_appconfig_get_values_v1_json");
        answer("/ocs/v1.php/apps/app_api/api/v1/info/nextcloud_url/absolute", "110_exapp_nc_absolute_url_v1_json");
        answer("/ocs/v1.php/apps/app_api/api/v1/notification", "112_exapp_notification_as_admin_v1_json");
        answer("/ocs/v2.php/cloud/user", "113_exapp_core_user_as_admin_v2_json");
        answer("/ocs/v1.php/apps/app_api/ex-app/status", "90_exapp_status_progress50_v1_json");
        Map<String, String> env = Map.of(
                "NEXTCLOUD_URL",
                baseUrl() + "/nextcloud/index.php",
                "APP_ID",
                "javastub",
                "APP_VERSION",
                "1.0.0",
                "APP_SECRET",
                SECRET);
        String key = "s3cr3t";

        try (NextcloudApp nc = NextcloudApp.builder()
                .environment(env)
                .timeout(Duration.ofSeconds(10))
                .retryPolicy(RetryPolicy.none())
                .build()) {
            // --- as in docs/exapp.md
            nc.appConfig().set("api_key", key, true);
            String model = nc.appConfig().get("model").orElse("small");
            nc.asUser("alice")
                    .notifications()
                    .send(Notification.builder("Report ready")
                            .message("Your weekly report is ready")
                            .link(nc.absoluteUrl("index.php/apps/files").toString())
                            .build());
            CurrentUser me = nc.asUser("alice").ocs().currentUser();
            // ---
            nc.setInitProgress(100);
            assertThat(model).isEqualTo("small"); // the recorded answer has no "model"
            assertThat(me.id()).isEqualTo("admin"); // the recorded answer is admin's
        }
        wm.verify(postRequestedFor(urlPathEqualTo("/nextcloud/ocs/v1.php/apps/app_api/api/v1/notification"))
                .withHeader("AUTHORIZATION-APP-API", equalTo(NextcloudAppTest.auth("alice"))));
    }

    @Test
    void aSecretFromTheBuilderWinsOverTheEnvironment() {
        answer("/ocs/v1.php/apps/app_api/ex-app/state", "92_exapp_state_get_v1_json");
        try (NextcloudApp nc = NextcloudApp.builder()
                .environment(Map.of(
                        "NEXTCLOUD_URL",
                        baseUrl() + "/nextcloud",
                        "APP_ID",
                        "javastub",
                        "APP_VERSION",
                        "1.0.0",
                        "APP_SECRET",
                        "from-env"))
                .secret(Secret.of(SECRET))
                .retryPolicy(RetryPolicy.none())
                .build()) {
            assertThat(nc.enabled()).isTrue();
        }
        wm.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        urlPathEqualTo("/nextcloud/ocs/v1.php/apps/app_api/ex-app/state"))
                .withHeader("AUTHORIZATION-APP-API", equalTo(NextcloudAppTest.auth(""))));
    }
}
