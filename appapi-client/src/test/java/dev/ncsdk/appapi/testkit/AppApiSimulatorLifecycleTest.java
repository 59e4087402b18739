package dev.ncsdk.appapi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator driving a hand-written ExApp stub through AppAPI's lifecycle, with the headers AppAPI sends
 * (testdata/nextcloud-32/exapp_inbound_requests.jsonl).
 */
class AppApiSimulatorLifecycleTest {
    private static final String SECRET = "DhtW7oWTDy1LI01vAkyfmc2uvNzI7RhTKnbjw82gc90WwE27";
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private AppApiSimulator simulator(AppApiSimulator.Builder b) {
        AppApiSimulator sim = b.start();
        open.add(sim);
        return sim;
    }

    private AppApiSimulator simulator() {
        return simulator(
                AppApiSimulator.builder().appId("javastub").appVersion("1.0.0").secret(SECRET));
    }

    private StubExApp stub(AppApiSimulator sim, boolean singleThreaded) throws IOException {
        StubExApp stub = new StubExApp(sim.environment(0), singleThreaded);
        open.add(stub);
        sim.exAppUrl(stub.url());
        return stub;
    }

    /** The header names and values AppAPI sent in the capture, minus Host and Content-Length. */
    private static List<List<String>> capturedHeaders(int line) throws IOException {
        String jsonl = Files.readString(
                Path.of(System.getProperty("ncsdk.fixtures"), "nextcloud-32", "exapp_inbound_requests.jsonl"));
        JsonNode req = new ObjectMapper().readTree(jsonl.split("\n")[line]);
        List<List<String>> out = new ArrayList<>();
        req.get("headers").forEach(h -> {
            String name = h.get(0).asText();
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                out.add(List.of(name.toLowerCase(), h.get(1).asText()));
            }
        });
        return out;
    }

    private static List<List<String>> sentHeaders(StubExApp.Inbound in) {
        List<List<String>> out = new ArrayList<>();
        in.headers().forEach((k, v) -> {
            if (!k.equals("host") && !k.equals("content-length") && !k.equals("connection")) {
                out.add(List.of(k, v));
            }
        });
        return out;
    }

    @Test
    void lifecycleRequestsCarryExactlyTheHeadersAppApiSends() throws Exception {
        AppApiSimulator sim = simulator();
        StubExApp stub = stub(sim, false);

        sim.heartbeat();
        sim.init(Duration.ofSeconds(10));
        sim.disable();

        // jsonl line 0: heartbeat, 1: init, 3: enabled=1, 6: enabled=0
        assertThat(sentHeaders(stub.inbound("/heartbeat").get(0)))
                .containsExactlyInAnyOrderElementsOf(capturedHeaders(0));
        assertThat(sentHeaders(stub.inbound("/init").get(0))).containsExactlyInAnyOrderElementsOf(capturedHeaders(1));
        assertThat(sentHeaders(stub.inbound("/enabled?enabled=1").get(0)))
                .containsExactlyInAnyOrderElementsOf(capturedHeaders(3));
        assertThat(sentHeaders(stub.inbound("/enabled?enabled=0").get(0)))
                .containsExactlyInAnyOrderElementsOf(capturedHeaders(6));
        assertThat(stub.inbound("/init").get(0).method()).isEqualTo("POST");
        assertThat(stub.inbound("/enabled?enabled=1").get(0).method()).isEqualTo("PUT");
    }

    @Test
    void initCollectsProgressAndEnablesInsideTheProgressHundredReport() throws Exception {
        AppApiSimulator sim = simulator();
        StubExApp stub = stub(sim, false);
        stub.progress = List.of(0, 20, 60, 100);

        InitOutcome init = sim.init(Duration.ofSeconds(10));

        assertThat(init.progress()).containsExactly(0, 20, 60, 100);
        assertThat(init.initResponse().status()).isEqualTo(200);
        assertThat(init.heartbeat().json().get("status").asText()).isEqualTo("ok");
        assertThat(init.enabled().json().get("error").asText()).isEmpty();
        assertThat(sim.isEnabled()).isTrue();
        assertThat(sim.initProgress()).isEqualTo(100);
        // the heartbeat and /enabled reached the ExApp before its progress-100 report got its answer
        long enabledAt = stub.inbound("/enabled?enabled=1").get(0).nanoTime();
        long heartbeatAt = stub.inbound("/heartbeat").get(0).nanoTime();
        // init() returns once the nested calls are done; the answer then travels back to the stub's worker
        for (int i = 0; i < 500 && stub.reportAnswered.size() < 4; i++) {
            Thread.sleep(10);
        }
        long hundredAnswered = stub.reportAnswered.get(3);
        assertThat(heartbeatAt).isLessThan(enabledAt);
        assertThat(enabledAt).isLessThan(hundredAnswered);
        // every report was recorded, v1 JSON, system context
        List<RecordedCall> reports = sim.calls("PUT", "/apps/app_api/ex-app/status");
        assertThat(reports).hasSize(4);
        assertThat(reports.get(3).json().get("progress").asInt()).isEqualTo(100);
        assertThat(reports.get(3).user()).isEmpty();
        assertThat(reports.get(3).status()).isEqualTo(200);
    }

    @Test
    void singleThreadedExAppFailsInitWithADeadlockMessageInsteadOfHanging() throws Exception {
        AppApiSimulator sim = simulator(AppApiSimulator.builder()
                .appId("javastub")
                .secret(SECRET)
                .timeout(Duration.ofSeconds(8))
                .nestedCallTimeout(Duration.ofMillis(300)));
        StubExApp stub = stub(sim, true);
        stub.reportInsideInitHandler = true;
        stub.progress = List.of(100);

        assertThatThrownBy(() -> sim.init(Duration.ofSeconds(8)))
                .isInstanceOf(ExAppCheckFailure.class)
                .hasMessageContaining("progress 100")
                .hasMessageContaining("GET /heartbeat")
                .hasMessageContaining("deadlock")
                .satisfies(e -> assertThat(((ExAppCheckFailure) e).step()).isEqualTo("init"));
        assertThat(sim.isEnabled()).isFalse();
        assertThat(sim.calls("/apps/app_api/ex-app/status")).hasSize(1);
    }

    @Test
    void singleThreadedExAppWithABackgroundWorkerPassesInit() throws Exception {
        AppApiSimulator sim = simulator();
        StubExApp stub = stub(sim, true);
        stub.progress = List.of(100);

        assertThat(sim.init(Duration.ofSeconds(10)).progress()).containsExactly(100);
        assertThat(sim.isEnabled()).isTrue();
    }

    @Test
    void aReportedInitErrorFailsInitWithTheErrorText() throws Exception {
        AppApiSimulator sim = simulator();
        StubExApp stub = stub(sim, false);
        stub.initError = "model download failed";

        assertThatThrownBy(() -> sim.init(Duration.ofSeconds(10)))
                .isInstanceOf(ExAppCheckFailure.class)
                .hasMessageContaining("model download failed");
        assertThat(sim.initError()).contains("model download failed");
    }

    @Test
    void progressThatNeverReachesHundredFailsInitAfterTheTimeout() throws Exception {
        AppApiSimulator sim = simulator();
        StubExApp stub = stub(sim, false);
        stub.progress = List.of(10, 40);

        assertThatThrownBy(() -> sim.init(Duration.ofMillis(500)))
                .isInstanceOf(ExAppCheckFailure.class)
                .hasMessageContaining("did not reach 100")
                .hasMessageContaining("[10, 40]");
    }

    @Test
    void anExAppWithoutInitRouteIsInitialisedAtOnceAsAppApiDoes() throws Exception {
        AppApiSimulator sim = simulator();
        StubExApp stub = stub(sim, false);
        stub.initStatus = 404;

        InitOutcome init = sim.init(Duration.ofSeconds(5));

        assertThat(init.progress()).containsExactly(100);
        assertThat(stub.inbound("/enabled?enabled=1")).hasSize(1);
        assertThat(sim.isEnabled()).isTrue();
    }

    @Test
    void initRefusedWithAServerErrorFails() throws Exception {
        AppApiSimulator sim = simulator();
        StubExApp stub = stub(sim, false);
        stub.initStatus = 500;

        assertThatThrownBy(() -> sim.init(Duration.ofSeconds(5)))
                .isInstanceOf(ExAppCheckFailure.class)
                .hasMessageContaining("HTTP 500")
                .satisfies(e -> assertThat(((ExAppCheckFailure) e).response()).isPresent());
    }

    @Test
    void enableReadsTheErrorAndLeavesTheAppDisabled() throws Exception {
        AppApiSimulator sim = simulator();
        StubExApp stub = stub(sim, false);
        stub.enabledError = "cannot register menu";

        assertThatThrownBy(sim::enable)
                .isInstanceOf(ExAppCheckFailure.class)
                .hasMessageContaining("cannot register menu");
        assertThat(sim.isEnabled()).isFalse();

        stub.enabledError = "";
        assertThat(sim.enable().json().get("error").asText()).isEmpty();
        assertThat(sim.isEnabled()).isTrue();
        // AppAPI's enableExApp: heartbeat first, then /enabled
        assertThat(stub.inbound("/heartbeat")).hasSize(2);
    }

    @Test
    void afterDisableTheExAppsCallsAreRefusedButStateIsAllowed() throws Exception {
        AppApiSimulator sim = simulator();
        StubExApp stub = stub(sim, false);

        assertThat(stub.send(
                                "POST",
                                "/ocs/v1.php/apps/app_api/api/v1/log?format=json",
                                "{\"level\":2,\"message\":\"hi\"}",
                                "")
                        .statusCode())
                .isEqualTo(200);
        sim.disable();

        var refused = stub.send(
                "POST", "/ocs/v1.php/apps/app_api/api/v1/log?format=json", "{\"level\":2,\"message\":\"x\"}", "");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("\"statuscode\":997");
        var state = stub.send("GET", "/ocs/v1.php/apps/app_api/ex-app/state?format=json", null, "");
        assertThat(state.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(state.body()).at("/ocs/data").asInt())
                .isZero();
    }

    @Test
    void userRequestsAreSignedForTheUserWithAFreshRequestId() throws Exception {
        AppApiSimulator sim = simulator();
        StubExApp stub = stub(sim, false);

        ExAppResponse r = sim.asUser("alice").get("/");
        sim.asUser("alice").get("/");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("hello").asText()).isEqualTo("alice");
        assertThat(r.header("Content-Type")).contains("application/json");
        List<StubExApp.Inbound> in = stub.inbound("/");
        Map<String, String> h = in.get(0).headers();
        assertThat(new String(Base64.getDecoder().decode(h.get("authorization-app-api")), StandardCharsets.UTF_8))
                .isEqualTo("alice:" + SECRET);
        assertThat(h)
                .containsEntry("ex-app-id", "javastub")
                .containsEntry("ex-app-version", "1.0.0")
                .containsEntry("aa-version", "32.0.0")
                .containsEntry("accept-language", "en")
                .containsEntry("x-origin-ip", "127.0.0.1")
                .containsEntry("accept-encoding", "gzip");
        assertThat(h.get("aa-request-id")).matches("[A-Za-z0-9]{20}");
        assertThat(in.get(1).headers().get("aa-request-id")).isNotEqualTo(h.get("aa-request-id"));
    }

    @Test
    void postPutAndAnyMethodCarryTheBodyAndExtraHeaders() throws Exception {
        AppApiSimulator sim = simulator();
        StubExApp stub = stub(sim, false);

        ExAppResponse post =
                sim.asUser("bob").header("Accept-Language", "de").post("/api/echo", "{\"hello\":\"world\"}");
        ExAppResponse patch =
                sim.system().requestId("req-1").send("PATCH", "/x", new byte[] {1, 2, 3}, "application/octet-stream");

        assertThat(post.json().get("user").asText()).isEqualTo("bob");
        assertThat(post.json().get("bodyLength").asInt()).isEqualTo(17);
        StubExApp.Inbound p = stub.inbound("/api/echo").get(0);
        assertThat(p.headers())
                .containsEntry("accept-language", "de")
                .containsEntry("content-type", "application/json");
        assertThat(patch.json().get("method").asText()).isEqualTo("PATCH");
        assertThat(patch.json().get("user").asText()).isEmpty();
        assertThat(stub.inbound("/x").get(0).headers()).containsEntry("aa-request-id", "req-1");
    }

    @Test
    void triggerAndSetupChecksAreSentInTheSystemContext() throws Exception {
        AppApiSimulator sim = simulator();
        StubExApp stub = stub(sim, false);

        assertThat(sim.trigger("hello:summary").json().get("path").asText())
                .isEqualTo("/trigger?providerId=hello%3Asummary");
        assertThat(sim.setupChecks().json().get("method").asText()).isEqualTo("GET");
        StubExApp.Inbound trigger = stub.inbound("/trigger").get(0);
        assertThat(trigger.method()).isEqualTo("POST");
        assertThat(trigger.headers()).containsEntry("aa-request-id", "CLI");
        assertThat(new String(
                        Base64.getDecoder().decode(trigger.headers().get("authorization-app-api")),
                        StandardCharsets.UTF_8))
                .isEqualTo(":" + SECRET);
    }

    @Test
    void forgedRequestsAreRefusedByAnExAppThatChecksAuth() throws Exception {
        AppApiSimulator sim = simulator();
        stub(sim, false);

        assertThat(sim.forged().wrongSecret().get("/").status()).isEqualTo(401);
        assertThat(sim.forged().wrongAppId().get("/").status()).isEqualTo(401);
        assertThat(sim.forged().missingHeader("AUTHORIZATION-APP-API").get("/").status())
                .isEqualTo(401);
        assertThat(sim.forged().missingHeader("EX-APP-VERSION").get("/").status())
                .isEqualTo(401);
        assertThat(sim.forged().emptyVersion().get("/").status()).isEqualTo(401);
        assertThat(sim.forged().malformedAuthorization().get("/").status()).isEqualTo(401);
        assertThat(sim.forged().authorizationWithoutColon().get("/").status()).isEqualTo(401);
        assertThat(sim.forged().unsigned().get("/").status()).isEqualTo(401);
        assertThat(sim.asUser("admin").get("/").status()).isEqualTo(200);
    }

    @Test
    void unreachableOrSilentExAppGivesACheckFailureNotAHang() throws Exception {
        AppApiSimulator sim = simulator(AppApiSimulator.builder().timeout(Duration.ofMillis(300)));
        try (java.net.ServerSocket silent =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            sim.exAppPort(silent.getLocalPort()); // accepts connections, never answers
            assertThatThrownBy(sim::heartbeat)
                    .isInstanceOf(ExAppCheckFailure.class)
                    .hasMessageContaining("no answer within");
        }
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        sim.exAppPort(closedPort);
        assertThatThrownBy(() -> sim.asUser("alice").get("/"))
                .isInstanceOf(ExAppCheckFailure.class)
                .hasMessageContaining("cannot reach the ExApp");
    }

    @Test
    void noExAppAddressIsAClearUsageError() {
        AppApiSimulator sim = simulator();
        assertThatThrownBy(sim::heartbeat)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exAppUrl");
    }

    @Test
    void heartbeatThatIsNotStatusOkFails() throws Exception {
        AppApiSimulator sim = simulator();
        StubExApp stub = stub(sim, false);
        sim.exAppUrl(java.net.URI.create(stub.url() + "/nothing-here"));
        assertThatThrownBy(sim::heartbeat).isInstanceOf(ExAppCheckFailure.class).hasMessageContaining("HTTP 401");
    }

    @Test
    void harpAddsItsHeadersEverywhere() throws Exception {
        AppApiSimulator sim = simulator(
                AppApiSimulator.builder().appId("javastub").secret(SECRET).harp("harp-key-123"));
        StubExApp stub = stub(sim, false);

        sim.heartbeat();
        sim.asUser("alice").get("/");

        Map<String, String> hb = stub.inbound("/heartbeat").get(0).headers();
        assertThat(hb)
                .containsEntry("harp-shared-key", "harp-key-123")
                .containsEntry("ex-app-host", "127.0.0.1")
                .containsEntry("ex-app-port", Integer.toString(stub.port()))
                .containsEntry("aa-version", "32")
                .containsKey("authorization-app-api");
        assertThat(stub.inbound("/").get(0).headers()).containsEntry("harp-shared-key", "harp-key-123");
        assertThat(sim.environment(stub.port())).containsEntry("HP_SHARED_KEY", "harp-key-123");
        assertThat(sim.environment(stub.port()).toString()).doesNotContain("harp-key-123");
    }

    @Test
    void environmentHoldsWhatAnExAppNeeds() {
        AppApiSimulator sim = simulator();
        Map<String, String> env = sim.environment(23001);

        assertThat(env)
                .containsEntry("APP_ID", "javastub")
                .containsEntry("APP_SECRET", SECRET)
                .containsEntry("APP_VERSION", "1.0.0")
                .containsEntry("APP_HOST", "127.0.0.1")
                .containsEntry("APP_PORT", "23001")
                .containsEntry("NEXTCLOUD_URL", sim.url().toString())
                .containsEntry("AA_VERSION", "32.0.0")
                .containsEntry("COMPUTE_DEVICE", "CPU");
        Path storage = Path.of(env.get("APP_PERSISTENT_STORAGE"));
        assertThat(storage).isDirectory();
        assertThat(env.toString()).doesNotContain(SECRET).contains("APP_SECRET=****");
        assertThatThrownBy(() -> env.put("X", "y")).isInstanceOf(UnsupportedOperationException.class);
        sim.close();
        assertThat(storage).doesNotExist();
    }

    @Test
    void noSecretInToStringOfAnything() throws Exception {
        AppApiSimulator sim = simulator();
        StubExApp stub = stub(sim, false);
        stub.send("POST", "/ocs/v1.php/apps/app_api/api/v1/log?format=json", "{\"level\":1,\"message\":\"m\"}", "");
        ExAppResponse r = sim.asUser("alice").get("/");

        String b64 = Base64.getEncoder().encodeToString((":" + SECRET).getBytes(StandardCharsets.UTF_8));
        for (Object o : List.of(
                sim,
                r,
                sim.calls().get(0),
                sim.asUser("alice"),
                sim.forged(),
                sim.forged().wrongSecret(),
                sim.secret())) {
            assertThat(o.toString()).doesNotContain(SECRET).doesNotContain(b64);
        }
        assertThat(sim.calls().get(0).toString()).contains("authorization-app-api=****");
    }
}
