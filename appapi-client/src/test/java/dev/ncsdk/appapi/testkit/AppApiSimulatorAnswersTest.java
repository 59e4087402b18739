package dev.ncsdk.appapi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ncsdk.appapi.testing.Capture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator's answers to an ExApp's calls, checked with plain {@code HttpClient} requests: each recorded request
 * of testdata/nextcloud-32 (captures 90-125, sent by curl to a real Nextcloud 32 with AppAPI 32) is replayed as it
 * was sent, and the simulator must answer the same status and the same body bytes.
 */
class AppApiSimulatorAnswersTest {
    private static final String SECRET = "DhtW7oWTDy1LI01vAkyfmc2uvNzI7RhTKnbjw82gc90WwE27";
    private static final Set<String> NOT_SENT = Set.of("host", "content-length", "connection");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private AppApiSimulator sim;
    private StubExApp stub;

    @BeforeEach
    void start() throws IOException {
        sim = AppApiSimulator.builder()
                .appId("javastub")
                .appVersion("1.0.0")
                .secret(SECRET)
                .start();
        stub = new StubExApp(sim.environment(0), false);
        sim.exAppUrl(stub.url());
    }

    @AfterEach
    void stop() {
        stub.close();
        sim.close();
    }

    private HttpResponse<byte[]> replay(Capture c) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(sim.url() + c.pathAndQuery)).timeout(Duration.ofSeconds(10));
        for (String[] h : c.requestHeaders) {
            if (!NOT_SENT.contains(h[0].toLowerCase(Locale.ROOT))) {
                b.header(h[0], h[1]);
            }
        }
        if (c.user != null) {
            b.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((c.user + ":" + c.password).getBytes(StandardCharsets.UTF_8)));
        }
        b.method(
                c.method,
                c.requestBody == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(c.requestBody));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void assertSameAnswer(String name) throws Exception {
        Capture c = Capture.load(name);
        HttpResponse<byte[]> r = replay(c);
        assertThat(r.statusCode()).as(name + " status").isEqualTo(c.status);
        assertThat(new String(r.body(), StandardCharsets.UTF_8))
                .as(name + " body")
                .isEqualTo(c.bodyText());
        String type = c.headers.stream()
                .filter(h -> h[0].equalsIgnoreCase("Content-Type"))
                .map(h -> h[1])
                .findFirst()
                .orElseThrow();
        assertThat(r.headers().firstValue("Content-Type"))
                .as(name + " content type")
                .contains(type);
    }

    @Test
    void theExAppSideCapturesGetTheSameAnswersByteForByte() throws Exception {
        for (String name : List.of(
                "90_exapp_status_progress50_v1_json",
                "91_exapp_status_progress100_v2_xml",
                "92_exapp_state_get_v1_json",
                "93_exapp_state_get_v2_xml",
                "94_exapp_log_v1_json",
                "95_exapp_log_invalid_level_v1_json",
                "96_exapp_appconfig_set_v1_json",
                "97_exapp_appconfig_set_sensitive_v1_json",
                "98_exapp_appconfig_get_values_v1_json",
                "99_exapp_appconfig_get_values_v1_xml",
                "100_exapp_appconfig_set_emptykey_err_v1_json",
                "101_exapp_appconfig_delete_v1_json",
                "102_exapp_appconfig_delete_missing_v1_json",
                "103_exapp_preference_set_as_admin_v1_json",
                "104_exapp_preference_get_values_as_admin_v1_json",
                "109_exapp_users_list_v1_json",
                "115_exapp_err_wrong_secret_v1_json",
                "116_exapp_err_unknown_appid_v1_json",
                "117_exapp_err_no_auth_header_v2_json",
                "118_exapp_err_wrong_secret_core_v2_json")) {
            assertSameAnswer(name);
        }
        // capture 123: occ app_api:app:disable javastub, then the disabled app's calls
        sim.refuseAsDisabled(true);
        assertSameAnswer("124_exapp_log_while_disabled_err_v1_json");
        assertSameAnswer("125_exapp_state_while_disabled_v1_json");

        assertThat(sim.appConfig()).isEqualTo(Map.of("test_key", "test_value"));
        assertThat(sim.preferences("admin")).isEqualTo(Map.of("pref_key", "pref_value"));
        // the progress-100 report (capture 91) enabled the app through the ExApp, inside the report
        assertThat(stub.inbound("/heartbeat")).hasSize(1);
        assertThat(stub.inbound("/enabled?enabled=1")).hasSize(1);
        assertThat(sim.calls()).hasSize(22);
        assertThat(sim.calls().get(0).user()).isEmpty();
        assertThat(sim.calls("/apps/app_api/ex-app/state")).hasSize(5); // 92, 93, 115, 116, 125
    }

    @Test
    void topMenuRegistrationAnswersInTheCapturedShapes() throws Exception {
        assertSameAnswer("105_exapp_topmenu_register_v1_json");
        assertSameAnswer("106_exapp_topmenu_get_v1_json");
        assertSameAnswer("107_exapp_topmenu_get_missing_v1_json");
        assertSameAnswer("108_exapp_topmenu_get_missing_v2_json");
    }

    /** Scripts, styles and initial state are kept per path (per key): OCSUiController's delete/get take type, name, path. */
    @Test
    void otherRegistrationsAreKeptAndCanBeReadAndDeleted() throws Exception {
        String script = "/ocs/v1.php/apps/app_api/api/v1/ui/script";
        assertThat(send(
                                "POST",
                                script + "?format=json",
                                "{\"type\":\"top_menu\",\"name\":\"main\",\"path\":\"js/app\"}",
                                "")
                        .statusCode())
                .isEqualTo(200);
        JsonNode got = JSON.readTree(send("GET", script + "?format=json&type=top_menu&name=main&path=js/app", null, "")
                .body());
        assertThat(got.at("/ocs/data/path").asText()).isEqualTo("js/app");
        assertThat(JSON.readTree(send("DELETE", script + "?format=json&type=top_menu&name=main&path=js/app", null, "")
                                .body())
                        .at("/ocs/meta/statuscode")
                        .asInt())
                .isEqualTo(100);
        assertThat(JSON.readTree(send("DELETE", script + "?format=json&type=top_menu&name=main&path=js/app", null, "")
                                .body())
                        .at("/ocs/meta/statuscode")
                        .asInt())
                .isEqualTo(404);
        JsonNode bot = JSON.readTree(send(
                        "POST",
                        "/ocs/v2.php/apps/app_api/api/v1/talk_bot?format=json",
                        "{\"name\":\"Echo\",\"route\":\"/bot\",\"description\":\"d\"}",
                        "")
                .body());
        assertThat(bot.at("/ocs/data/secret").asText()).hasSize(64);
        assertThat(bot.at("/ocs/data/id").asText()).matches("[0-9a-f]{40}");
    }

    @Test
    void unknownRoutesGetTheServersOcsAnswerInEachVersionAndFormat() throws Exception {
        assertSameAnswer("10_err_404_route_v2_json");
        assertSameAnswer("11_err_404_route_v2_xml");
        assertSameAnswer("12_err_404_route_v1_json");
        assertSameAnswer("13_err_404_route_v1_xml");
        assertThat(sim.calls("/cloud/doesnotexist")).hasSize(4);
    }

    @Test
    void absoluteUrlIsBuiltOnTheSimulatorsAddress() throws Exception {
        Capture c = Capture.load("110_exapp_nc_absolute_url_v1_json");
        HttpResponse<byte[]> r = replay(c);
        String expected = c.bodyText()
                .replace("http:\\/\\/127.0.0.1:8080", sim.url().toString().replace("/", "\\/"));
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void notificationAnswersInTheCapturedShape() throws Exception {
        Capture c = Capture.load("112_exapp_notification_as_admin_v1_json");
        HttpResponse<byte[]> r = replay(c);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        String pattern = "\"datetime\":\"[0-9T:+-]{25}\"";
        assertThat(body).containsPattern(pattern);
        assertThat(body.replaceAll(pattern, "D")).isEqualTo(c.bodyText().replaceAll(pattern, "D"));
        RecordedCall call = sim.lastCall("/apps/app_api/api/v1/notification").orElseThrow();
        assertThat(call.user()).isEqualTo("admin");
        assertThat(call.json().at("/params/subject_params/rich_subject").asText())
                .isEqualTo("Hello from stub");
    }

    @Test
    void capabilitiesCarryAppApisVersionAndTheLogLevelOnlyForAUser() throws Exception {
        Capture c = Capture.load("114_exapp_capabilities_appauth_v2_json");
        JsonNode captured = JSON.readTree(c.body);
        JsonNode system = JSON.readTree(replay(c).body());
        assertThat(system.at("/ocs/meta")).isEqualTo(captured.at("/ocs/meta"));
        assertThat(system.at("/ocs/data/version")).isEqualTo(captured.at("/ocs/data/version"));
        assertThat(system.at("/ocs/data/capabilities/app_api"))
                .isEqualTo(captured.at("/ocs/data/capabilities/app_api"));

        JsonNode asAdmin = JSON.readTree(send("GET", "/ocs/v2.php/cloud/capabilities?format=json", null, "admin")
                .body());
        JsonNode withUser = JSON.readTree(Capture.load("01_capabilities_v2_json").body);
        assertThat(asAdmin.at("/ocs/data/capabilities/app_api"))
                .isEqualTo(withUser.at("/ocs/data/capabilities/app_api"));
    }

    @Test
    void currentUserNeedsAUserAndTheCsrfHeader() throws Exception {
        HttpResponse<byte[]> ok = send("GET", "/ocs/v2.php/cloud/user?format=json", null, "alice");
        assertThat(JSON.readTree(ok.body()).at("/ocs/data/id").asText()).isEqualTo("alice");
        HttpResponse<byte[]> system = send("GET", "/ocs/v2.php/cloud/user?format=json", null, "");
        assertThat(system.statusCode()).isEqualTo(401);
        assertThat(new String(system.body(), StandardCharsets.UTF_8))
                .isEqualTo(
                        Capture.load("118_exapp_err_wrong_secret_core_v2_json").bodyText());

        HttpRequest noCsrf = HttpRequest.newBuilder(URI.create(sim.url() + "/ocs/v2.php/cloud/user?format=json"))
                .header("EX-APP-ID", "javastub")
                .header("EX-APP-VERSION", "1.0.0")
                .header("AUTHORIZATION-APP-API", auth("alice", SECRET))
                .build();
        HttpResponse<String> r = http.send(noCsrf, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(412);
        assertThat(r.body())
                .isEqualTo(Capture.load("18_err_missing_ocsapirequest_header_v2_json")
                        .bodyText());
    }

    @Test
    void authIsCheckedAsTheServerDoes() throws Exception {
        String log = "/ocs/v2.php/apps/app_api/api/v1/log?format=json";
        String body = "{\"level\":2,\"message\":\"x\"}";
        assertThat(send("POST", log, body, "").statusCode()).isEqualTo(200);
        assertThat(send("POST", log, body, "alice").statusCode()).isEqualTo(200);
        assertThat(send("POST", log, body, "nobody").statusCode())
                .as("unknown user")
                .isEqualTo(401);
        HttpRequest emptyVersion = HttpRequest.newBuilder(URI.create(sim.url() + log))
                .header("OCS-APIRequest", "true")
                .header("EX-APP-ID", "javastub")
                .header("EX-APP-VERSION", "")
                .header("AUTHORIZATION-APP-API", auth("", SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> r = http.send(emptyVersion, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body())
                .isEqualTo(
                        "{\"ocs\":{\"meta\":{\"status\":\"failure\",\"statuscode\":997,\"message\":\"AppAPI authentication"
                                + " failed\"},\"data\":[]}}");
        assertThat(sim.calls(log.substring(0, log.indexOf('?'))).stream().map(RecordedCall::user))
                .containsExactly("", "alice", null, null);
    }

    @Test
    void configAndPreferencesAreKeptSoSetThenGetWorksInBothVersions() throws Exception {
        send(
                "POST",
                "/ocs/v2.php/apps/app_api/api/v1/ex-app/config?format=json",
                "{\"configKey\":\"n\",\"configValue\":42}",
                "");
        sim.putAppConfig("preset", "p");
        JsonNode got = JSON.readTree(send(
                        "POST",
                        "/ocs/v1.php/apps/app_api/api/v1/ex-app/config/get-values?format=json",
                        "{\"configKeys\":[\"n\",\"preset\",\"none\"]}",
                        "")
                .body());
        assertThat(got.at("/ocs/data").toString())
                .isEqualTo(
                        "[{\"configkey\":\"n\",\"configvalue\":\"42\"},{\"configkey\":\"preset\",\"configvalue\":\"p\"}]");

        HttpResponse<byte[]> pref = send(
                "POST",
                "/ocs/v2.php/apps/app_api/api/v1/ex-app/preference?format=json",
                "{\"configKey\":\"theme\",\"configValue\":\"dark\",\"sensitive\":true}",
                "alice");
        assertThat(JSON.readTree(pref.body()).at("/ocs/data/sensitive").asInt()).isEqualTo(1);
        assertThat(sim.preferences("alice")).isEqualTo(Map.of("theme", "dark"));
        assertThat(sim.preferences("admin")).isEmpty();
        HttpResponse<byte[]> systemPref = send(
                "POST",
                "/ocs/v2.php/apps/app_api/api/v1/ex-app/preference?format=json",
                "{\"configKey\":\"theme\",\"configValue\":\"dark\"}",
                "");
        assertThat(systemPref.statusCode()).as("preferences need a user").isEqualTo(500);

        HttpResponse<byte[]> del = send(
                "DELETE",
                "/ocs/v2.php/apps/app_api/api/v1/ex-app/preference?format=json",
                "{\"configKeys\":[\"nope\"]}",
                "alice");
        assertThat(del.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(del.body()).at("/ocs/meta/message").asText())
                .isEqualTo("No preferences_ex values deleted");
    }

    @Test
    void registeredAnswersWinAndUnknownNonOcsRoutesAre404() throws Exception {
        sim.answer("GET", "/index.php/apps/files/ajax/list", 200, "{\"files\":[]}");
        sim.answerOcs("GET", "/cloud/groups", "{\"groups\":[\"admin\"]}");

        HttpResponse<byte[]> raw = send("GET", "/index.php/apps/files/ajax/list", null, "alice");
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(new String(raw.body(), StandardCharsets.UTF_8)).isEqualTo("{\"files\":[]}");
        assertThat(JSON.readTree(send("GET", "/ocs/v1.php/cloud/groups?format=json", null, "alice")
                                .body())
                        .at("/ocs/meta/statuscode")
                        .asInt())
                .isEqualTo(100);
        assertThat(new String(
                        send("GET", "/ocs/v2.php/cloud/groups", null, "alice").body(), StandardCharsets.UTF_8))
                .isEqualTo("<?xml version=\"1.0\"?>\n<ocs>\n <meta>\n  <status>ok</status>\n  <statuscode>200"
                        + "</statuscode>\n  <message>OK</message>\n </meta>\n <data>\n  <groups>\n   <element>admin"
                        + "</element>\n  </groups>\n </data>\n</ocs>\n");
        HttpResponse<byte[]> forged = sendWithSecret("GET", "/index.php/apps/files/ajax/list", "alice", "wrong");
        assertThat(forged.statusCode()).isEqualTo(401);

        HttpResponse<byte[]> unknown = send("GET", "/index.php/apps/nothing", null, "alice");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(sim.lastCall("/index.php/apps/nothing").orElseThrow().status())
                .isEqualTo(404);
    }

    @Test
    void awaitCallReturnsAMatchingCallOrFailsListingWhatCame() throws Exception {
        send("POST", "/ocs/v1.php/apps/app_api/api/v1/log?format=json", "{\"level\":3,\"message\":\"boom\"}", "");

        RecordedCall log = sim.awaitCall("POST", "/apps/app_api/api/v1/log", Duration.ofSeconds(1));
        assertThat(log.json().get("message").asText()).isEqualTo("boom");
        assertThat(log.ocsVersion()).isEqualTo(1);
        assertThat(log.ocsPath()).isEqualTo("/apps/app_api/api/v1/log");
        assertThat(log.queryParam("format")).contains("json");
        assertThat(log.header("OCS-APIRequest")).contains("true");
        assertThatThrownBy(() -> sim.awaitCall("GET", "/apps/app_api/api/v1/users", Duration.ofMillis(100)))
                .isInstanceOf(ExAppCheckFailure.class)
                .hasMessageContaining("POST /ocs/v1.php/apps/app_api/api/v1/log -> 200");
        send("POST", "/ocs/v2.php/apps/app_api/api/v1/log?format=json", "{\"level\":1,\"message\":\"two\"}", "");
        assertThat(sim.awaitCalls("POST", "/apps/app_api/api/v1/log", 2, Duration.ofSeconds(1)))
                .extracting(c -> c.json().get("message").asText())
                .containsExactly("boom", "two");
        assertThatThrownBy(() -> sim.awaitCalls(null, "/apps/app_api/api/v1/log", 3, Duration.ofMillis(50)))
                .isInstanceOf(ExAppCheckFailure.class)
                .hasMessageContaining("2 of 3 calls");
        sim.clearCalls();
        assertThat(sim.calls()).isEmpty();
    }

    @Test
    void formEncodedAndQueryParametersAreReadLikePhpDoes() throws Exception {
        HttpRequest form = HttpRequest.newBuilder(
                        URI.create(sim.url() + "/ocs/v1.php/apps/app_api/api/v1/ex-app/config?format=json"))
                .header("OCS-APIRequest", "true")
                .header("EX-APP-ID", "javastub")
                .header("EX-APP-VERSION", "1.0.0")
                .header("AUTHORIZATION-APP-API", auth("", SECRET))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("configKey=a&configValue=b%20c"))
                .build();
        assertThat(http.send(form, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        assertThat(sim.appConfig()).containsEntry("a", "b c");
        HttpResponse<byte[]> del = send(
                "DELETE", "/ocs/v1.php/apps/app_api/api/v1/ex-app/config?format=json&configKeys%5B%5D=a", null, "");
        assertThat(JSON.readTree(del.body()).at("/ocs/data").asInt()).isEqualTo(1);
    }

    private static String auth(String user, String secret) {
        return Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> send(String method, String path, String json, String user) throws Exception {
        return send(method, path, json, user, SECRET);
    }

    private HttpResponse<byte[]> sendWithSecret(String method, String path, String user, String secret)
            throws Exception {
        return send(method, path, null, user, secret);
    }

    private HttpResponse<byte[]> send(String method, String path, String json, String user, String secret)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.url() + path))
                .timeout(Duration.ofSeconds(10))
                .header("OCS-APIRequest", "true")
                .header("EX-APP-ID", "javastub")
                .header("EX-APP-VERSION", "1.0.0")
                .header("AUTHORIZATION-APP-API", auth(user, secret));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
