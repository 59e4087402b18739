package dev.ncsdk.appapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;
import dev.ncsdk.appapi.testing.Capture;
import dev.ncsdk.appapi.testing.WireMockSupport;
import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.NcBadRequestException;
import dev.ncsdk.ocs.NcNotFoundException;
import dev.ncsdk.ocs.NcResponseException;
import dev.ncsdk.ocs.NcUnauthorizedException;
import dev.ncsdk.ocs.NcUnexpectedResponseException;
import dev.ncsdk.ocs.OcsApiVersion;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.OcsFormat;
import dev.ncsdk.ocs.OcsRequest;
import dev.ncsdk.ocs.OcsResponse;
import dev.ncsdk.ocs.Secret;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Captures 90-125: the calls an ExApp makes to Nextcloud with {@link AppApiCredentials}, sent by an
 * {@link OcsClient} against WireMock. The stubs match the exact {@code AUTHORIZATION-APP-API} curl sent, so they
 * also pin the header the credentials build. (The typed ExApp runtime API is not part of this module yet.)
 */
class ExAppSideCapturesTest extends WireMockSupport {
    private static final Secret SECRET = Secret.of("DhtW7oWTDy1LI01vAkyfmc2uvNzI7RhTKnbjw82gc90WwE27");
    private static final AppApiCredentials SYSTEM = AppApiCredentials.of("javastub", "1.0.0", SECRET);
    private static final AppApiCredentials AS_ADMIN = SYSTEM.asUser("admin");

    private static Arguments ok(String capture, Credentials creds, Consumer<OcsResponse<JsonNode>> check) {
        return Arguments.of(capture, creds, check, null, 0);
    }

    private static Arguments fails(
            String capture, Credentials creds, Class<? extends NcResponseException> type, int ocsCode) {
        return Arguments.of(capture, creds, null, type, ocsCode);
    }

    static Stream<Arguments> captures() {
        Secret wrong = Secret.of("wrongsecret");
        return Stream.of(
                ok("90_exapp_status_progress50_v1_json", SYSTEM, r -> {
                    assertThat(r.meta().statusCode()).isEqualTo(100);
                    assertThat(r.rawData().isEmpty()).isTrue();
                }),
                ok(
                        "91_exapp_status_progress100_v2_xml",
                        SYSTEM,
                        r -> assertThat(r.meta().statusCode()).isEqualTo(200)),
                ok(
                        "92_exapp_state_get_v1_json",
                        SYSTEM,
                        r -> assertThat(r.rawData().asInt()).isEqualTo(1)),
                ok(
                        "93_exapp_state_get_v2_xml",
                        SYSTEM,
                        r -> assertThat(r.rawData().asText()).isEqualTo("1")),
                ok(
                        "94_exapp_log_v1_json",
                        SYSTEM,
                        r -> assertThat(r.meta().isSuccessCode()).isTrue()),
                fails("95_exapp_log_invalid_level_v1_json", SYSTEM, NcBadRequestException.class, 400),
                ok("96_exapp_appconfig_set_v1_json", SYSTEM, r -> {
                    assertThat(r.rawData().get("configkey").asText()).isEqualTo("test_key");
                    assertThat(r.rawData().get("sensitive").asInt()).isZero();
                }),
                ok(
                        "97_exapp_appconfig_set_sensitive_v1_json",
                        SYSTEM,
                        r -> assertThat(r.rawData().get("sensitive").asInt()).isEqualTo(1)),
                ok(
                        "98_exapp_appconfig_get_values_v1_json",
                        SYSTEM,
                        r -> assertThat(r.rawData())
                                .extracting(n -> n.get("configkey").asText())
                                .containsExactly("secret_key", "test_key")),
                ok(
                        "99_exapp_appconfig_get_values_v1_xml",
                        SYSTEM,
                        r -> assertThat(r.rawData().toString()).contains("test_value")),
                fails("100_exapp_appconfig_set_emptykey_err_v1_json", SYSTEM, NcBadRequestException.class, 400),
                ok(
                        "101_exapp_appconfig_delete_v1_json",
                        SYSTEM,
                        r -> assertThat(r.rawData().asInt()).isEqualTo(1)),
                fails("102_exapp_appconfig_delete_missing_v1_json", SYSTEM, NcNotFoundException.class, 404),
                ok(
                        "103_exapp_preference_set_as_admin_v1_json",
                        AS_ADMIN,
                        r -> assertThat(r.rawData().get("user_id").asText()).isEqualTo("admin")),
                ok(
                        "104_exapp_preference_get_values_as_admin_v1_json",
                        AS_ADMIN,
                        r -> assertThat(r.rawData().get(0).get("configvalue").asText())
                                .isEqualTo("pref_value")),
                ok(
                        "105_exapp_topmenu_register_v1_json",
                        SYSTEM,
                        r -> assertThat(r.meta().statusCode()).isEqualTo(100)),
                ok(
                        "106_exapp_topmenu_get_v1_json",
                        SYSTEM,
                        r -> assertThat(r.rawData().get("display_name").asText())
                                .isEqualTo("Java Stub")),
                fails("107_exapp_topmenu_get_missing_v1_json", SYSTEM, NcNotFoundException.class, 404),
                fails("108_exapp_topmenu_get_missing_v2_json", SYSTEM, NcNotFoundException.class, 404),
                ok(
                        "109_exapp_users_list_v1_json",
                        SYSTEM,
                        r -> assertThat(r.rawData())
                                .extracting(JsonNode::asText)
                                .containsExactly("admin", "alice")),
                ok(
                        "110_exapp_nc_absolute_url_v1_json",
                        SYSTEM,
                        r -> assertThat(r.rawData().get("absolute_url").asText())
                                .isEqualTo("http://127.0.0.1:8080/index.php/apps/files")),
                // an ExApp without a user cannot call AppAPI's admin OCS routes: it must act as an admin (111b)
                fails("111_exapp_exapps_list_v1_json", SYSTEM, NcUnauthorizedException.class, 997),
                ok(
                        "111b_exapp_exapps_list_as_admin_v1_json",
                        AS_ADMIN,
                        r -> assertThat(r.rawData().get(0).get("id").asText()).isEqualTo("javastub")),
                ok(
                        "111c_exapp_exapps_list_enabled_as_admin_v2_json",
                        AS_ADMIN,
                        r -> assertThat(r.rawData().get(0).get("enabled").asBoolean())
                                .isTrue()),
                ok(
                        "112_exapp_notification_as_admin_v1_json",
                        AS_ADMIN,
                        r -> assertThat(r.rawData().get("user").asText()).isEqualTo("admin")),
                ok(
                        "113_exapp_core_user_as_admin_v2_json",
                        AS_ADMIN,
                        r -> assertThat(r.rawData().get("id").asText()).isEqualTo("admin")),
                ok(
                        "114_exapp_capabilities_appauth_v2_json",
                        SYSTEM,
                        r -> assertThat(AppApiCapabilities.fromJson(r.rawData().at("/capabilities/app_api"))
                                        .versionText())
                                .isEqualTo("32.0.0")),
                fails(
                        "115_exapp_err_wrong_secret_v1_json",
                        AppApiCredentials.of("javastub", "1.0.0", wrong),
                        NcUnauthorizedException.class,
                        997),
                fails(
                        "116_exapp_err_unknown_appid_v1_json",
                        AppApiCredentials.of("nosuchapp", "1.0.0", SECRET),
                        NcUnauthorizedException.class,
                        997),
                fails("117_exapp_err_no_auth_header_v2_json", null, NcUnauthorizedException.class, 997),
                fails(
                        "118_exapp_err_wrong_secret_core_v2_json",
                        AppApiCredentials.of("javastub", "1.0.0", wrong),
                        NcUnauthorizedException.class,
                        997),
                // disabled ExApp: only /ex-app/state still answers (0)
                fails("124_exapp_log_while_disabled_err_v1_json", SYSTEM, NcUnauthorizedException.class, 997),
                ok(
                        "125_exapp_state_while_disabled_v1_json",
                        SYSTEM,
                        r -> assertThat(r.rawData().asInt()).isZero()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void runsThroughTheOcsClient(
            String name,
            Credentials creds,
            Consumer<OcsResponse<JsonNode>> check,
            Class<? extends NcResponseException> error,
            int ocsCode) {
        Capture c = Capture.load(name);
        c.serve(wm);
        String path = c.pathAndQuery;
        OcsApiVersion v = path.startsWith("/ocs/v1.php") ? OcsApiVersion.V1 : OcsApiVersion.V2;
        String route = path.substring(v.pathPrefix().length());
        int q = route.indexOf('?');
        OcsRequest.Builder b = OcsRequest.builder(c.method, q < 0 ? route : route.substring(0, q))
                .version(v)
                .format(name.endsWith("_xml") ? OcsFormat.XML : OcsFormat.JSON);
        if (q >= 0) {
            for (String pair : route.substring(q + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                if (!kv[0].equals("format")) {
                    b.query(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                }
            }
        }
        if (c.requestBody != null) {
            b.jsonBody(Json.parse(c.requestBody));
        }
        if (creds == null) {
            // 117: the ExApp headers without AUTHORIZATION-APP-API
            b.header("EX-APP-ID", "javastub").header("EX-APP-VERSION", "1.0.0");
        }
        try (OcsClient nc = OcsClient.builder()
                .baseUri(URI.create(baseUrl()))
                .credentials(creds == null ? Credentials.none() : creds)
                .build()) {
            if (error == null) {
                check.accept(nc.ocs(b.build()));
            } else {
                assertThatThrownBy(() -> nc.ocs(b.build())).isInstanceOfSatisfying(error, e -> {
                    assertThat(e.ocsStatusCode()).hasValue(ocsCode);
                    assertThat(e.getMessage()).doesNotContain(SECRET.reveal());
                });
            }
        }
    }

    @Test
    void captures120And121TheProxyForwardsToTheExAppAsTheUser() {
        Capture get = Capture.load("120_proxy_get_to_exapp_as_admin");
        Capture post = Capture.load("121_proxy_post_json_to_exapp_as_admin");
        // curl sent no OCS-APIRequest header here; the SDK always does, which the proxy forwards harmlessly
        get.serve(wm);
        post.serve(wm);
        try (OcsClient nc = OcsClient.builder()
                .baseUri(URI.create(baseUrl()))
                .credentials(Credentials.basic("admin", Secret.of(ADMIN_PASSWORD)))
                .build()) {
            JsonNode g = nc.json(OcsRequest.get("/index.php/apps/app_api/proxy/javastub/some/path")
                    .query("x", "1")
                    .build());
            assertThat(g.get("path").asText()).isEqualTo("/some/path?x=1");
            JsonNode p = nc.json(OcsRequest.post("/index.php/apps/app_api/proxy/javastub/api/echo")
                    .jsonBody(Json.parse(post.requestBody))
                    .build());
            assertThat(p.get("method").asText()).isEqualTo("POST");
        }
    }

    @Test
    void capture122AnAnonymousProxyCallGetsAnHtmlNotFoundPage() {
        Capture.load("122_proxy_get_unauthenticated").serve(wm);
        try (OcsClient nc = OcsClient.builder().baseUri(URI.create(baseUrl())).build()) {
            assertThatThrownBy(() -> nc.json(OcsRequest.get("/index.php/apps/app_api/proxy/javastub/some/path")
                            .build()))
                    .isInstanceOf(NcUnexpectedResponseException.class)
                    .hasMessageContaining("404");
        }
    }

    @Test
    void theCredentialsBuildAppApisHeadersAndHideTheSecret() {
        assertThat(SYSTEM.headers())
                .containsEntry("EX-APP-ID", "javastub")
                .containsEntry("EX-APP-VERSION", "1.0.0")
                .containsEntry(
                        "AUTHORIZATION-APP-API", "OkRodFc3b1dURHkxTEkwMXZBa3lmbWMydXZOekk3UmhUS25ianc4MmdjOTBXd0UyNw==")
                .doesNotContainKey("AA-VERSION");
        assertThat(SYSTEM.withAaVersion("32.0.0").headers()).containsEntry("AA-VERSION", "32.0.0");
        assertThat(AS_ADMIN.login()).hasValue("admin");
        assertThat(SYSTEM.login()).isEmpty();
        assertThat(AS_ADMIN.toString()).doesNotContain(SECRET.reveal()).contains("as admin");
        assertThatThrownBy(() -> AppApiCredentials.of("javastub", "", SECRET)).hasMessageContaining("EX-APP-VERSION");
        assertThatThrownBy(() -> SYSTEM.asUser("a:b")).isInstanceOf(IllegalArgumentException.class);
    }
}
