package dev.ncsdk.appapi.exapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.appapi.exapp.RequestAuthenticationException.Reason;
import dev.ncsdk.appapi.manifest.AccessLevel;
import dev.ncsdk.ocs.Secret;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AppAPI's authentication of requests to the ExApp (recipe: AppAPI {@code AppAPICommonService::buildAppAPIAuthHeaders},
 * nc_py_api {@code _session.py::sign_check}): each failure gets 401 (431 for a huge head) with a JSON message, and
 * no secret appears in an answer or a log line.
 */
class ExAppAuthenticationTest {
    /** A secret with colons: the header is split at the first colon only. */
    static final String COLON_SECRET = "s3:cr:3t-with-colons";

    static ExApp app;
    static ExAppTesting.LogCapture logs;

    @BeforeAll
    static void start() {
        logs = new ExAppTesting.LogCapture();
        app = ExApp.builder()
                .environment(Map.of())
                .appId("javastub")
                .appVersion("1.0.0")
                .secret(Secret.of(COLON_SECRET))
                .harpSharedKey(Secret.of("harp-key-never-logged"))
                .unixSocket(System.getProperty("java.io.tmpdir") + "/ncsdk-auth-"
                        + ProcessHandle.current().pid() + ".sock")
                .port(0)
                .nextcloudUrl("http://127.0.0.1:9")
                .route(
                        HttpMethod.GET,
                        "/who",
                        AccessLevel.USER,
                        req -> Response.json(Map.of(
                                "user",
                                req.user(),
                                "requestId",
                                req.requestId(),
                                "version",
                                req.caller().appVersion())))
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        app.stop(Duration.ofSeconds(1));
        logs.close();
    }

    static HttpResponse<String> who(Map<String, String> headers) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/who"))
                .timeout(Duration.ofSeconds(10));
        headers.forEach(r::header);
        return ExAppTesting.send(r.build());
    }

    static Map<String, String> headers(String authorization) {
        Map<String, String> h = new TreeMap<>();
        h.put("EX-APP-ID", "javastub");
        h.put("EX-APP-VERSION", "1.0.0");
        h.put("AUTHORIZATION-APP-API", authorization);
        h.put("AA-REQUEST-ID", "r1");
        return h;
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSecretWithColonsAndAUserAreAccepted() throws Exception {
        HttpResponse<String> r = who(headers(b64("alice:" + COLON_SECRET)));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()))
                .isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree("{\"user\":\"alice\",\"requestId\":\"r1\",\"version\":\"1.0.0\"}"));
    }

    @Test
    void anEmptyUserIsTheSystemContext() throws Exception {
        HttpResponse<String> r = who(headers(b64(":" + COLON_SECRET)));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"user\":\"\"");
    }

    @Test
    void aaVersionIsNeverRequiredNorChecked() throws Exception {
        Map<String, String> h = headers(b64("bob:" + COLON_SECRET));
        h.put("AA-VERSION", "32"); // what HaRP writes
        assertThat(who(h).statusCode()).isEqualTo(200);
        assertThat(who(headers(b64("bob:" + COLON_SECRET))).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongSecretIsRefused() throws Exception {
        assertRefused(who(headers(b64("alice:" + "s3:cr:3t-with-colonz"))), "wrong secret");
        // a prefix, a longer value, the part after the first colon alone
        assertRefused(who(headers(b64("alice:s3"))), "wrong secret");
        assertRefused(who(headers(b64("alice:" + COLON_SECRET + "x"))), "wrong secret");
        assertRefused(who(headers(b64("alice:s3:cr:" + COLON_SECRET))), "wrong secret");
        assertRefused(who(headers(b64("s3:cr:3t-with-colons"))), "wrong secret");
    }

    @Test
    void wrongAppIdIsRefused() throws Exception {
        Map<String, String> h = headers(b64("alice:" + COLON_SECRET));
        h.put("EX-APP-ID", "other_app");
        assertRefused(who(h), "EX-APP-ID names another app");
    }

    @Test
    void eachMissingHeaderIsRefused() throws Exception {
        for (String name : List.of("EX-APP-ID", "EX-APP-VERSION", "AUTHORIZATION-APP-API")) {
            Map<String, String> h = headers(b64("alice:" + COLON_SECRET));
            h.remove(name);
            assertRefused(who(h), "missing header " + name);
        }
        assertRefused(who(Map.of()), "missing header EX-APP-ID");
    }

    @Test
    void aHeaderThatIsNotBase64OrNotUserColonSecretIsRefused() throws Exception {
        assertRefused(who(headers("%%%not base64%%%")), "not base64");
        assertRefused(who(headers(b64("no-colon-at-all"))), "not user:secret");
        assertRefused(who(headers(b64("al\nice:" + COLON_SECRET))), "control characters");
    }

    @Test
    void aHugeAuthorizationHeaderIsRefusedBeforeDecoding() throws Exception {
        String big = b64("alice:" + "x".repeat(12_000));
        assertThat(big.length()).isGreaterThan(ExAppAuthenticator.DEFAULT_MAX_HEADER_LENGTH);
        assertRefused(who(headers(big)), "too long");
    }

    @Test
    void aHeadOverTheLimitGets431() throws Exception {
        String answer = ExAppTesting.raw(
                app.port(),
                "GET /who HTTP/1.1\r\nHost: x\r\nAUTHORIZATION-APP-API: " + "A".repeat(200_000)
                        + "\r\nConnection: close\r\n\r\n");
        String body = "{\"error\":\"request headers are too large\"}";
        assertThat(answer)
                .startsWith("HTTP/1.1 431 ")
                .contains("Content-Length: " + body.length() + "\r\n")
                .endsWith("\r\n\r\n" + body);
    }

    @Test
    void theHeartbeatNeedsNoAuthenticationButOtherRoutesDo() throws Exception {
        HttpResponse<String> hb =
                ExAppTesting.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/heartbeat"))
                        .build());
        assertThat(hb.statusCode()).isEqualTo(200);
        assertThat(hb.body()).isEqualTo("{\"status\":\"ok\"}");
        for (String[] mp : new String[][] {{"POST", "/init"}, {"PUT", "/enabled?enabled=1"}, {"GET", "/nope"}}) {
            HttpResponse<String> r =
                    ExAppTesting.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + mp[1]))
                            .method(mp[0], HttpRequest.BodyPublishers.noBody())
                            .build());
            assertThat(r.statusCode()).as(mp[1]).isEqualTo(401);
        }
    }

    @Test
    void noSecretReachesAnAnswerOrALogLine() throws Exception {
        String userPassword = b64("admin:browser-password");
        Map<String, String> h = headers(b64("alice:wrong-secret-value"));
        h.put("Authorization", "Basic " + userPassword);
        h.put("Cookie", "oc_sessionPassphrase=cookie-secret-value");
        h.put("harp-shared-key", "harp-key-never-logged");
        HttpResponse<String> r = who(h);
        assertThat(r.statusCode()).isEqualTo(401);
        who(headers(b64("alice:" + COLON_SECRET)));
        who(headers("%%%"));
        List<String> forbidden = List.of(
                COLON_SECRET,
                "wrong-secret-value",
                b64("alice:wrong-secret-value"),
                b64("alice:" + COLON_SECRET),
                userPassword,
                "browser-password",
                "cookie-secret-value",
                "harp-key-never-logged");
        assertThat(logs.lines).isNotEmpty();
        for (String line : logs.lines) {
            for (String f : forbidden) {
                assertThat(line).doesNotContain(f);
            }
        }
        for (String f : forbidden) {
            assertThat(r.body()).doesNotContain(f);
            assertThat(app.config().toString()).doesNotContain(f);
            assertThat(app.toString()).doesNotContain(f);
        }
    }

    private static void assertRefused(HttpResponse<String> r, String why) {
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body())
                .startsWith("{\"error\":\"AppAPI authentication failed: ")
                .contains(why);
        assertThat(r.body()).doesNotContain(COLON_SECRET);
    }

    // the authenticator alone, as a servlet filter or another framework uses it

    @Test
    void theAuthenticatorWorksAloneWithAHeaderLookup() {
        ExAppAuthenticator auth = ExAppAuthenticator.of("javastub", Secret.of(COLON_SECRET));
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers(b64("carol:" + COLON_SECRET)));
        ExAppCaller c = auth.authenticate(h::get);
        assertThat(c).isEqualTo(new ExAppCaller("carol", "r1", "1.0.0"));
        assertThat(c.isSystem()).isFalse();
        assertThat(auth.toString()).doesNotContain(COLON_SECRET);
    }

    @Test
    void theAuthenticatorReadsAHeaderMapIgnoringCase() {
        ExAppAuthenticator auth = ExAppAuthenticator.of("javastub", Secret.of(COLON_SECRET));
        Map<String, List<String>> h = Map.of(
                "ex-app-id", List.of("javastub"),
                "Ex-App-Version", List.of("1.0.0"),
                "authorization-app-api", List.of(b64(":" + COLON_SECRET)));
        ExAppCaller c = auth.authenticate(h);
        assertThat(c.isSystem()).isTrue();
        assertThat(c.requestId()).isEmpty();
    }

    @Test
    void theAuthenticatorNamesTheFailedCheck() {
        ExAppAuthenticator auth =
                ExAppAuthenticator.of("javastub", Secret.of(COLON_SECRET)).withMaxHeaderLength(64);
        assertThatThrownBy(() -> auth.authenticate(headers(b64("a:" + "y".repeat(100)))::get))
                .isInstanceOfSatisfying(
                        RequestAuthenticationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.HEADER_TOO_LARGE));
        assertThatThrownBy(() -> auth.authenticate(headers(b64("a:bad"))::get))
                .isInstanceOfSatisfying(RequestAuthenticationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.WRONG_SECRET);
                    assertThat(e.getMessage()).doesNotContain("bad").doesNotContain(COLON_SECRET);
                });
        assertThatThrownBy(() -> auth.authenticate(headers("@@")::get))
                .isInstanceOfSatisfying(
                        RequestAuthenticationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_HEADER));
        assertThatThrownBy(() -> auth.authenticate(name -> null))
                .isInstanceOfSatisfying(
                        RequestAuthenticationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_HEADER));
        assertThatThrownBy(() -> ExAppAuthenticator.of("javastub", Secret.of("")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
