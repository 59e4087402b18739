package dev.ncsdk.appapi.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ncsdk.appapi.app.NextcloudAppTest.SECRET;
import static dev.ncsdk.appapi.app.NextcloudAppTest.app;
import static dev.ncsdk.appapi.app.NextcloudAppTest.auth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.testing.Capture;
import dev.ncsdk.appapi.testing.WireMockSupport;
import dev.ncsdk.ocs.NcBadRequestException;
import dev.ncsdk.ocs.NcUnauthorizedException;
import dev.ncsdk.ocs.OcsApiVersion;
import dev.ncsdk.ocs.OcsRequest;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every typed call of {@link NextcloudApp} against the recorded exchanges 90-125 of a real Nextcloud 32 with AppAPI
 * 32: the stubs match the exact AppAPI headers and JSON body curl sent, the answers are the server's own. The
 * request bodies are also checked strictly (no extra fields).
 */
class ExAppCallsCaptureTest extends WireMockSupport {
    private static final String V1 = "/ocs/v1.php/apps/app_api";

    private static Capture serve(String name) {
        Capture c = Capture.load(name);
        c.serve(wm);
        return c;
    }

    private static String path(Capture c) {
        int q = c.pathAndQuery.indexOf('?');
        return q < 0 ? c.pathAndQuery : c.pathAndQuery.substring(0, q);
    }

    /** The body the client sent equals curl's, field for field. */
    private static void sentExactly(Capture c) {
        wm.verify(1, postRequestedFor(urlPathEqualTo(path(c))).withRequestBody(equalToJson(c.requestBody)));
    }

    private static NextcloudApp wrongSecret() {
        return NextcloudApp.builder()
                .baseUri(URI.create(baseUrl()))
                .appId("javastub")
                .appVersion("1.0.0")
                .secret(Secret.of("wrongsecret"))
                .retryPolicy(RetryPolicy.none())
                .timeout(Duration.ofSeconds(5))
                .build();
    }

    @Test
    void captures91And93TheXmlAnswersOfV2ReadTheSame() {
        Capture.load("91_exapp_status_progress100_v2_xml").serveAt(wm, V1 + "/ex-app/status");
        Capture.load("93_exapp_state_get_v2_xml").serveAt(wm, V1 + "/ex-app/state");
        try (NextcloudApp nc = app()) {
            nc.setInitProgress(100);
            assertThat(nc.enabled()).isTrue();
        }
    }

    @Test
    void captures92And125TheEnabledState() {
        serve("92_exapp_state_get_v1_json");
        try (NextcloudApp nc = app()) {
            assertThat(nc.enabled()).isTrue();
        }
        wm.resetAll();
        serve("125_exapp_state_while_disabled_v1_json");
        try (NextcloudApp nc = app()) {
            assertThat(nc.enabled()).isFalse();
        }
    }

    @Test
    void capture94ALogLineAtTheServersLevel() {
        Capture c = serve("94_exapp_log_v1_json");
        serve("114_exapp_capabilities_appauth_v2_json");
        try (NextcloudApp nc = app()) {
            assertThat(nc.log().log(LogLevel.WARNING, "hello from java sdk stub"))
                    .isTrue();
        }
        sentExactly(c);
    }

    @Test
    void capture95AnInvalidLevelCannotBeBuiltAndTheServersRefusalIsABadRequest() {
        Capture c = serve("95_exapp_log_invalid_level_v1_json");
        assertThat(LogLevel.of(99)).isEqualTo(LogLevel.FATAL);
        try (NextcloudApp nc = app()) {
            assertThatThrownBy(() -> nc.call(OcsRequest.post("/apps/app_api/api/v1/log")
                            .version(OcsApiVersion.V1)
                            .jsonBody(Map.of("level", 99, "message", "bad level"))
                            .build()))
                    .isInstanceOfSatisfying(
                            NcBadRequestException.class,
                            e -> assertThat(e.ocsMessage()).hasValue("Invalid log level"));
        }
        sentExactly(c);
    }

    @Test
    void captures96And97SetAppConfigValues() {
        Capture plain = serve("96_exapp_appconfig_set_v1_json");
        try (NextcloudApp nc = app()) {
            AppConfigValue v = nc.appConfig().set("test_key", "test_value");
            assertThat(v).isEqualTo(new AppConfigValue(1, "javastub", "test_key", "test_value", false));
        }
        sentExactly(plain);
        wm.resetAll();
        Capture sensitive = serve("97_exapp_appconfig_set_sensitive_v1_json");
        try (NextcloudApp nc = app()) {
            AppConfigValue v = nc.appConfig().set("secret_key", "s3cr3t", true);
            assertThat(v.sensitive()).isTrue();
            assertThat(v.value()).isEqualTo("s3cr3t");
            assertThat(v.toString()).doesNotContain("s3cr3t");
        }
        sentExactly(sensitive);
    }

    @Test
    void captures98And99GetAppConfigValuesInJsonAndXml() {
        Capture many = serve("98_exapp_appconfig_get_values_v1_json");
        try (NextcloudApp nc = app()) {
            Map<String, String> v = nc.appConfig().get(List.of("test_key", "secret_key", "missing_key"));
            assertThat(v).containsExactly(Map.entry("secret_key", "s3cr3t"), Map.entry("test_key", "test_value"));
        }
        sentExactly(many);
        wm.resetAll();
        Capture one = serve("99_exapp_appconfig_get_values_v1_xml");
        try (NextcloudApp nc = app()) {
            assertThat(nc.appConfig().get("test_key")).hasValue("test_value");
        }
        sentExactly(one);
    }

    @Test
    void capture100AnEmptyKeyIsRefusedBeforeSendingAndByTheServer() {
        Capture c = serve("100_exapp_appconfig_set_emptykey_err_v1_json");
        try (NextcloudApp nc = app()) {
            assertThatThrownBy(() -> nc.appConfig().set("", "x")).isInstanceOf(IllegalArgumentException.class);
            assertThat(wm.getAllServeEvents()).isEmpty();
            assertThatThrownBy(() -> nc.call(OcsRequest.post("/apps/app_api/api/v1/ex-app/config")
                            .version(OcsApiVersion.V1)
                            .jsonBody(Map.of("configKey", "", "configValue", "x"))
                            .build()))
                    .isInstanceOf(NcBadRequestException.class)
                    .hasMessageContaining("Config key cannot be empty");
        }
        sentExactly(c);
    }

    @Test
    void captures101And102DeleteCountsAndNothingToDeleteIsZero() {
        Capture one = serve("101_exapp_appconfig_delete_v1_json");
        Capture none = serve("102_exapp_appconfig_delete_missing_v1_json");
        try (NextcloudApp nc = app()) {
            assertThat(nc.appConfig().delete("secret_key")).isEqualTo(1);
            assertThat(nc.appConfig().delete(List.of("nope_key"))).isZero();
        }
        wm.verify(deleteRequestedFor(urlPathEqualTo(path(one))).withRequestBody(equalToJson(one.requestBody)));
        wm.verify(deleteRequestedFor(urlPathEqualTo(path(none))).withRequestBody(equalToJson(none.requestBody)));
    }

    @Test
    void captures103And104PreferencesOfTheUserActedAs() {
        Capture set = serve("103_exapp_preference_set_as_admin_v1_json");
        Capture get = serve("104_exapp_preference_get_values_as_admin_v1_json");
        try (NextcloudApp nc = app()) {
            Preferences prefs = nc.asUser("admin").preferences();
            assertThat(prefs.set("pref_key", "pref_value"))
                    .isEqualTo(new PreferenceValue(1, "admin", "javastub", "pref_key", "pref_value", false));
            assertThat(prefs.get("pref_key")).hasValue("pref_value");
            assertThatThrownBy(nc::preferences)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("asUser");
        }
        sentExactly(set);
        sentExactly(get);
    }

    @Test
    void preferencesDeleteSendsTheKeysInTheBody() {
        // no capture: route and body from AppAPI's appinfo/routes.php (Preferences#deleteUserConfigValues, DELETE
        // /api/v1/ex-app/preference) and lib/Controller/PreferencesController.php (configKeys, 404 when none)
        Capture shape = Capture.load("101_exapp_appconfig_delete_v1_json");
        wm.stubFor(delete(urlPathEqualTo(V1 + "/api/v1/ex-app/preference"))
                .withHeader("AUTHORIZATION-APP-API", equalTo(auth("admin")))
                .withRequestBody(equalToJson("{\"configKeys\":[\"pref_key\"]}"))
                .willReturn(shape.response()));
        try (NextcloudApp nc = app()) {
            assertThat(nc.asUser("admin").preferences().delete("pref_key")).isEqualTo(1);
        }
    }

    @Test
    void capture109TheUsersList() {
        serve("109_exapp_users_list_v1_json");
        try (NextcloudApp nc = app()) {
            assertThat(nc.users()).containsExactly("admin", "alice");
        }
    }

    @Test
    void capture110AnAbsoluteUrl() {
        serve("110_exapp_nc_absolute_url_v1_json");
        try (NextcloudApp nc = app()) {
            assertThat(nc.absoluteUrl("index.php/apps/files"))
                    .isEqualTo(URI.create("http://127.0.0.1:8080/index.php/apps/files"));
        }
        wm.verify(getRequestedFor(urlPathEqualTo(V1 + "/api/v1/info/nextcloud_url/absolute"))
                .withQueryParam("url", equalTo("index.php/apps/files")));
    }

    @Test
    void captures111And111bAnAdminRouteNeedsAUserNotOtherCredentials() {
        serve("111_exapp_exapps_list_v1_json");
        serve("111b_exapp_exapps_list_as_admin_v1_json");
        serve("92_exapp_state_get_v1_json"); // the ExApp is enabled and its credentials work
        OcsRequest list = OcsRequest.get("/apps/app_api/api/v1/ex-app/all")
                .version(OcsApiVersion.V1)
                .build();
        try (NextcloudApp nc = app()) {
            assertThatThrownBy(() -> nc.call(list))
                    .isInstanceOf(NcUnauthorizedException.class)
                    .isNotInstanceOf(ExAppAuthenticationException.class)
                    .hasMessageContaining("Current user is not logged in");
            JsonNode apps = nc.asUser("admin").call(list);
            assertThat(apps.get(0).get("id").asText()).isEqualTo("javastub");
        }
    }

    @Test
    void capture112ANotificationToTheUserActedAs() {
        Capture c = serve("112_exapp_notification_as_admin_v1_json");
        try (NextcloudApp nc = app()) {
            SentNotification s = nc.asUser("admin")
                    .notifications()
                    .send(Notification.builder("Hello from stub")
                            .message("A message")
                            .object("app_api", "1")
                            .build());
            assertThat(s.app()).isEqualTo("javastub");
            assertThat(s.user()).isEqualTo("admin");
            assertThat(s.objectId()).isEqualTo("1");
            assertThat(s.time()).isPresent();
            assertThatThrownBy(nc::notifications).isInstanceOf(IllegalStateException.class);
        }
        sentExactly(c);
    }

    @Test
    void aNotificationWithALinkAndDefaultObject() {
        Capture answer = Capture.load("112_exapp_notification_as_admin_v1_json");
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(V1 + "/api/v1/notification"))
                .willReturn(answer.response()));
        try (NextcloudApp nc = app()) {
            nc.asUser("alice")
                    .notifications()
                    .send(Notification.builder("Done")
                            .link("https://cloud.example.com/apps/files")
                            .build());
        }
        JsonNode sent = dev.ncsdk.appapi.internal.Json.parse(
                wm.getAllServeEvents().get(0).getRequest().getBodyAsString());
        JsonNode params = sent.get("params");
        assertThat(params.get("object").asText()).isEqualTo("app_api");
        assertThat(params.get("object_id").asText()).hasSize(32);
        assertThat(params.get("subject_type").asText()).isEqualTo("app_api_ex_app");
        assertThat(params.at("/subject_params/link").asText()).isEqualTo("https://cloud.example.com/apps/files");
        assertThat(params.at("/subject_params/rich_message").asText()).isEmpty();
        assertThat(params.at("/subject_params/rich_subject_params").isObject()).isTrue();
    }

    @Test
    void capture114TheSystemContextSeesNoLogLevelSoTheFallbackApplies() {
        serve("114_exapp_capabilities_appauth_v2_json");
        try (NextcloudApp nc = app()) {
            assertThat(nc.log().threshold()).isEqualTo(LogLevel.WARNING);
        }
    }

    @Test
    void captures115And116WrongSecretOrUnknownAppIsAnAuthenticationFailure() {
        serve("115_exapp_err_wrong_secret_v1_json");
        // 115's answer also for the users route: the state route then tells a wrong secret from a disabled app
        Capture.load("115_exapp_err_wrong_secret_v1_json").serveAnswerAt(wm, V1 + "/api/v1/users");
        try (NextcloudApp nc = wrongSecret()) {
            assertThatThrownBy(nc::enabled)
                    .isInstanceOf(ExAppAuthenticationException.class)
                    .isNotInstanceOf(ExAppDisabledException.class)
                    .hasMessageContaining("APP_SECRET");
            assertThatThrownBy(nc::users).isInstanceOfSatisfying(ExAppAuthenticationException.class, e -> {
                assertThat(e).isNotInstanceOf(ExAppDisabledException.class);
                assertThat(e.httpStatus()).isEqualTo(401);
                assertThat(e.ocsStatusCode()).hasValue(997);
                assertThat(e.getMessage()).doesNotContain(SECRET, "wrongsecret");
            });
        }
        wm.resetAll();
        serve("116_exapp_err_unknown_appid_v1_json");
        try (NextcloudApp nc = NextcloudApp.builder()
                .baseUri(URI.create(baseUrl()))
                .appId("nosuchapp")
                .appVersion("1.0.0")
                .secret(Secret.of(SECRET))
                .retryPolicy(RetryPolicy.none())
                .build()) {
            assertThatThrownBy(nc::enabled)
                    .isInstanceOf(ExAppAuthenticationException.class)
                    .hasMessageContaining("nosuchapp")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        }
    }

    @Test
    void capture117MissingAppApiHeadersAreAnAuthenticationFailure() {
        // the SDK always sends them; a proxy that strips them gets this answer (any credentials match here)
        Capture c = Capture.load("117_exapp_err_no_auth_header_v2_json");
        c.serveAnswerAt(wm, V1 + "/api/v1/users");
        c.serveAnswerAt(wm, V1 + "/ex-app/state");
        try (NextcloudApp nc = app()) {
            assertThatThrownBy(nc::users).isInstanceOf(ExAppAuthenticationException.class);
        }
    }

    @Test
    void capture118AWrongSecretOnACoreRouteIsAnAuthenticationFailure() {
        serve("118_exapp_err_wrong_secret_core_v2_json"); // "Current user is not logged in"
        serve("115_exapp_err_wrong_secret_v1_json");
        try (NextcloudApp nc = wrongSecret()) {
            assertThatThrownBy(() -> nc.call(OcsRequest.get("/cloud/user").build()))
                    .isInstanceOf(ExAppAuthenticationException.class)
                    .isNotInstanceOf(ExAppDisabledException.class);
        }
    }

    @Test
    void captures124And125ADisabledExAppIsToldFromAWrongSecret() {
        Capture log = serve("124_exapp_log_while_disabled_err_v1_json");
        serve("125_exapp_state_while_disabled_v1_json");
        serve("114_exapp_capabilities_appauth_v2_json");
        try (NextcloudApp nc = app()) {
            assertThatThrownBy(() -> nc.log().log(LogLevel.WARNING, "x"))
                    .isInstanceOfSatisfying(ExAppDisabledException.class, e -> {
                        assertThat(e).isInstanceOf(NcUnauthorizedException.class);
                        assertThat(e.httpStatus()).isEqualTo(401);
                        assertThat(e.getMessage()).contains("disabled").doesNotContain(SECRET);
                    });
            assertThat(nc.enabled()).isFalse();
        }
        sentExactly(log);
    }

    @Test
    void aRefusedUserOfWorkingCredentialsIsAnAuthenticationFailureNamingTheUser() {
        Capture refused = Capture.load("124_exapp_log_while_disabled_err_v1_json"); // "AppAPI authentication failed"
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(V1 + "/api/v1/users"))
                .willReturn(refused.response()));
        serve("92_exapp_state_get_v1_json");
        try (NextcloudApp nc = app()) {
            assertThatThrownBy(() -> nc.asUser("ghost").users())
                    .isInstanceOf(ExAppAuthenticationException.class)
                    .isNotInstanceOf(ExAppDisabledException.class)
                    .hasMessageContaining("ghost");
        }
    }

    @Test
    void aProbeThatCannotBeAnsweredKeepsTheOriginalRefusal() {
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(V1 + "/api/v1/users"))
                .willReturn(
                        Capture.load("124_exapp_log_while_disabled_err_v1_json").response()));
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(V1 + "/ex-app/state"))
                .willReturn(aResponse().withStatus(503)));
        try (NextcloudApp nc = app()) {
            assertThatThrownBy(nc::users)
                    .isExactlyInstanceOf(NcUnauthorizedException.class)
                    .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
        }
    }
}
