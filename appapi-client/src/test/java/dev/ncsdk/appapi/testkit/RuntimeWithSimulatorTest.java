package dev.ncsdk.appapi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.appapi.app.Notification;
import dev.ncsdk.appapi.exapp.ExApp;
import dev.ncsdk.appapi.exapp.HttpMethod;
import dev.ncsdk.appapi.exapp.Response;
import dev.ncsdk.appapi.manifest.AccessLevel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK's own ExApp runtime ({@link ExApp}) driven through AppAPI's lifecycle by the simulator. */
class RuntimeWithSimulatorTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private AppApiSimulator simulator(AppApiSimulator.Builder b) {
        AppApiSimulator nc = b.start();
        open.add(nc);
        return nc;
    }

    /** A small but complete ExApp: init with progress, enable/disable handlers, user routes with outbound calls. */
    private ExApp.Builder app(Map<String, String> env) {
        return ExApp.builder()
                .environment(env)
                .onInit(progress -> {
                    progress.report(30);
                    progress.report(60);
                    events.add("init done");
                })
                .onEnabled(nc -> {
                    nc.appConfig().set("greeting", "hello");
                    nc.log().warning("hello enabled");
                    events.add("enabled");
                })
                .onDisabled(nc -> {
                    nc.log().warning("hello disabled");
                    events.add("disabled");
                })
                .route(HttpMethod.GET, "/", AccessLevel.USER, req -> Response.json(Map.of("hello", req.user())))
                .route(HttpMethod.POST, "/remember", AccessLevel.USER, req -> {
                    String theme = req.json().get("theme").asText();
                    req.nextcloud().preferences().set("theme", theme);
                    req.nextcloud().notifications().send(Notification.of("Theme saved", "Now " + theme));
                    return Response.json(Map.of("saved", theme));
                });
    }

    private ExApp started(ExApp app) {
        app.start();
        open.add(app::close);
        return app;
    }

    @Test
    void fullLifecycleHeartbeatInitEnableUserRequestDisable() {
        AppApiSimulator nc = simulator(AppApiSimulator.builder().appId("hello").appVersion("1.0.0"));
        ExApp app = started(app(nc.environment(0)).build());
        nc.exAppPort(app.port());

        assertThat(nc.heartbeat().json().get("status").asText()).isEqualTo("ok");
        InitOutcome init = nc.init(WAIT);
        assertThat(init.progress()).endsWith(30, 60, 100);
        assertThat(init.enabled().json().get("error").asText()).isEmpty();
        assertThat(nc.isEnabled()).isTrue();

        ExAppResponse hello = nc.asUser("alice").get("/");
        assertThat(hello.status()).isEqualTo(200);
        assertThat(hello.json().get("hello").asText()).isEqualTo("alice");

        assertThat(nc.disable().json().get("error").asText()).isEmpty();
        assertThat(nc.isEnabled()).isFalse();
        assertThat(events).containsExactly("init done", "enabled", "disabled");
    }

    @Test
    void theEnableHandlerRunsInsideTheProgressHundredReport() {
        AppApiSimulator nc = simulator(AppApiSimulator.builder().appId("hello"));
        ExApp app = started(app(nc.environment(0)).build());
        nc.exAppPort(app.port());

        nc.init(WAIT);

        // calls are recorded when answered: the enable handler's config call was answered before the report
        List<String> order = nc.calls().stream().map(RecordedCall::ocsPath).toList();
        int config = order.indexOf("/apps/app_api/api/v1/ex-app/config");
        int hundred = order.lastIndexOf("/apps/app_api/ex-app/status");
        assertThat(config).isNotNegative().isLessThan(hundred);
        assertThat(nc.calls("PUT", "/apps/app_api/ex-app/status")
                        .get(2)
                        .json()
                        .get("progress")
                        .asInt())
                .isEqualTo(100);
    }

    @Test
    void nestedCallsPassWithTheSmallestWorkerPool() {
        AppApiSimulator nc = simulator(AppApiSimulator.builder()
                .appId("hello")
                .timeout(Duration.ofSeconds(8))
                .nestedCallTimeout(Duration.ofSeconds(2)));
        ExApp app = started(app(nc.environment(0)).workerThreads(2).build());
        nc.exAppPort(app.port());

        assertThat(nc.init(WAIT).progress()).endsWith(100);
        assertThat(nc.isEnabled()).isTrue();
    }

    @Test
    void forgedRequestsAreRefused() {
        AppApiSimulator nc = simulator(AppApiSimulator.builder().appId("hello"));
        ExApp app = started(app(nc.environment(0)).build());
        nc.exAppPort(app.port());

        assertThat(nc.forged().wrongSecret().get("/").status()).isEqualTo(401);
        assertThat(nc.forged().wrongAppId().get("/").status()).isEqualTo(401);
        assertThat(nc.forged().missingHeader("AUTHORIZATION-APP-API").get("/").status())
                .isEqualTo(401);
        assertThat(nc.forged().missingHeader("EX-APP-ID").get("/").status()).isEqualTo(401);
        assertThat(nc.forged().emptyVersion().get("/").status()).isEqualTo(401);
        assertThat(nc.forged().malformedAuthorization().get("/").status()).isEqualTo(401);
        assertThat(nc.forged().authorizationWithoutColon().get("/").status()).isEqualTo(401);
        assertThat(nc.forged().unsigned().get("/").status()).isEqualTo(401);
        assertThat(nc.forged().unsigned().get("/heartbeat").status())
                .as("heartbeat needs no auth")
                .isEqualTo(200);
        assertThat(nc.forged()
                        .unsigned()
                        .send("PUT", "/enabled?enabled=0", new byte[0], null)
                        .status())
                .isEqualTo(401);
        assertThat(events).doesNotContain("disabled");
    }

    @Test
    void outboundCallsAreRecordedWithTheExpectedBodies() {
        AppApiSimulator nc = simulator(AppApiSimulator.builder().appId("hello").appVersion("2.1.0"));
        ExApp app = started(app(nc.environment(0)).build());
        nc.exAppPort(app.port());
        nc.init(WAIT);

        ExAppResponse saved = nc.asUser("alice").requestId("req-42").post("/remember", "{\"theme\":\"dark\"}");
        nc.disable();

        assertThat(saved.json().get("saved").asText()).isEqualTo("dark");
        RecordedCall config = nc.lastCall("/apps/app_api/api/v1/ex-app/config").orElseThrow();
        assertThat(config.method()).isEqualTo("POST");
        assertThat(config.json().get("configKey").asText()).isEqualTo("greeting");
        assertThat(config.json().get("configValue").asText()).isEqualTo("hello");
        assertThat(config.user()).isEmpty();
        assertThat(config.header("EX-APP-VERSION")).contains("2.1.0");
        assertThat(nc.appConfig()).containsEntry("greeting", "hello");

        RecordedCall pref =
                nc.lastCall("/apps/app_api/api/v1/ex-app/preference").orElseThrow();
        assertThat(pref.user()).isEqualTo("alice");
        assertThat(pref.json().get("configKey").asText()).isEqualTo("theme");
        assertThat(pref.json().get("configValue").asText()).isEqualTo("dark");
        assertThat(pref.header("AA-REQUEST-ID"))
                .as("the request id is passed on")
                .contains("req-42");
        assertThat(nc.preferences("alice")).containsEntry("theme", "dark");

        RecordedCall note = nc.lastCall("/apps/app_api/api/v1/notification").orElseThrow();
        assertThat(note.user()).isEqualTo("alice");
        assertThat(note.status()).isEqualTo(200);
        assertThat(note.json().at("/params/subject_type").asText()).isEqualTo("app_api_ex_app");
        assertThat(note.json().at("/params/subject_params/rich_subject").asText())
                .isEqualTo("Theme saved");
        assertThat(note.json().at("/params/subject_params/rich_message").asText())
                .isEqualTo("Now dark");

        List<RecordedCall> logs = nc.awaitCalls("POST", "/apps/app_api/api/v1/log", 2, WAIT);
        assertThat(logs)
                .extracting(c -> c.json().get("message").asText())
                .containsExactly("hello enabled", "hello disabled");
        assertThat(logs).extracting(c -> c.json().get("level").asInt()).containsOnly(2);
        assertThat(logs).extracting(RecordedCall::status).containsOnly(200);
    }

    @Test
    void anInitTaskThatThrowsIsReportedAsTheInitError() {
        AppApiSimulator nc = simulator(AppApiSimulator.builder().appId("hello"));
        ExApp app = started(ExApp.builder()
                .environment(nc.environment(0))
                .onInit(progress -> {
                    progress.report(10);
                    throw new IllegalStateException("model download failed");
                })
                .build());
        nc.exAppPort(app.port());

        assertThatThrownBy(() -> nc.init(WAIT))
                .isInstanceOf(ExAppCheckFailure.class)
                .hasMessageContaining("model download failed");
        assertThat(nc.initError()).hasValueSatisfying(e -> assertThat(e).contains("model download failed"));
    }

    @Test
    void anEnableHandlerThatThrowsLeavesTheAppDisabled() {
        AppApiSimulator nc = simulator(AppApiSimulator.builder().appId("hello"));
        ExApp app = started(ExApp.builder()
                .environment(nc.environment(0))
                .onEnabled(n -> {
                    throw new IllegalStateException("Talk is not installed");
                })
                .build());
        nc.exAppPort(app.port());

        assertThatThrownBy(() -> nc.init(WAIT))
                .isInstanceOf(ExAppCheckFailure.class)
                .hasMessageContaining("Talk is not installed");
        assertThat(nc.isEnabled()).isFalse();
    }

    @Test
    void theRuntimeRefusesItsOwnCallsNoMoreOnceDisabledAsAppApiDoes() {
        AppApiSimulator nc = simulator(AppApiSimulator.builder().appId("hello"));
        ExApp app = started(app(nc.environment(0)).build());
        nc.exAppPort(app.port());
        nc.refuseAsDisabled(true);

        assertThat(app.nextcloud().enabled()).isFalse(); // ex-app/state is allowed while disabled, and says 0
        assertThatThrownBy(() -> app.nextcloud().appConfig().set("k", "v")).isInstanceOf(RuntimeException.class);
        assertThat(nc.lastCall("/apps/app_api/api/v1/ex-app/config")
                        .orElseThrow()
                        .status())
                .isEqualTo(401);

        nc.refuseAsDisabled(false);
        assertThat(app.nextcloud().enabled()).isTrue();
    }

    @Test
    void behindHarpTheRuntimeIsReachedOverItsUnixSocket() {
        AppApiSimulator nc = simulator(AppApiSimulator.builder().appId("hello").harp("harp-key"));
        Path socket = dir.resolve("exapp.sock");
        nc.exAppSocket(socket);
        ExApp app = started(app(nc.environment(0)).build());

        assertThat(nc.heartbeat().json().get("status").asText()).isEqualTo("ok");
        nc.init(WAIT);
        assertThat(nc.asUser("alice").get("/").json().get("hello").asText()).isEqualTo("alice");
        assertThat(nc.forged().wrongSecret().get("/").status()).isEqualTo(401);
        nc.disable();
        assertThat(app.config().harp()).isTrue();
    }
}
