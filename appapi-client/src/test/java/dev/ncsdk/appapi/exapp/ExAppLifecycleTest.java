package dev.ncsdk.appapi.exapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle endpoints (AppAPI {@code AppAPIService::heartbeatExApp}, {@code dispatchExAppInitInternal},
 * {@code setAppInitProgress}, {@code enableExApp}) against a fake Nextcloud that, like AppAPI, calls the ExApp's
 * {@code /heartbeat} and {@code /enabled} inside the ExApp's own "progress 100" call before answering it.
 */
class ExAppLifecycleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpResponse<String> call(ExApp app, String method, String pathAndQuery) throws Exception {
        return ExAppTesting.send(ExAppTesting.appApi(app, pathAndQuery, "")
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build());
    }

    @Test
    void nextcloudsNestedCallsAreServedWhileProgress100WaitsForItsAnswer() throws Exception {
        try (ExAppTesting.FakeNextcloud nc = new ExAppTesting.FakeNextcloud()) {
            List<String> enabledCalls = new CopyOnWriteArrayList<>();
            List<String> nested = new CopyOnWriteArrayList<>();
            ExApp app = ExApp.builder()
                    .environment(ExAppTesting.env(nc.url()))
                    .workerThreads(2)
                    .onInit(progress -> {
                        progress.report(0);
                        progress.report(50);
                    })
                    .onEnabled(n -> enabledCalls.add(n.userId().isEmpty() ? "system" : n.userId()))
                    .build()
                    .start();
            try {
                nc.beforeAnswer = body -> {
                    if (!body.contains("100")) {
                        return;
                    }
                    try {
                        HttpResponse<String> hb = ExAppTesting.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/heartbeat"))
                                        .timeout(Duration.ofSeconds(10))
                                        .build());
                        nested.add("heartbeat " + hb.statusCode() + " " + hb.body());
                        HttpResponse<String> en = call(app, "PUT", "/enabled?enabled=1");
                        nested.add("enabled " + en.statusCode() + " " + en.body());
                    } catch (Exception e) {
                        nested.add("failed " + e);
                    }
                };
                HttpResponse<String> init = call(app, "POST", "/init");
                assertThat(init.statusCode()).isEqualTo(200);
                assertThat(init.body()).isEqualTo("{}");
                nc.awaitStatus(b -> b.contains("100"));
                // the init thread returns once the status call is answered; the nested calls were made before
                long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (nested.size() < 2 && System.nanoTime() < end) {
                    Thread.sleep(10);
                }
                assertThat(nested).containsExactly("heartbeat 200 {\"status\":\"ok\"}", "enabled 200 {\"error\":\"\"}");
                assertThat(enabledCalls).containsExactly("system");
                assertThat(nc.statusBodies.stream()
                                .map(ExAppLifecycleTest::tree)
                                .toList())
                        .containsExactly(
                                tree("{\"progress\":0}"), tree("{\"progress\":50}"), tree("{\"progress\":100}"));
                assertThat(nc.statusAuth).allMatch(a -> a.equals(ExAppTesting.auth("", ExAppTesting.SECRET)));
            } finally {
                app.stop(Duration.ofSeconds(2));
            }
        }
    }

    @Test
    void withoutAnInitTaskProgress100IsReportedAtOnce() throws Exception {
        try (ExAppTesting.FakeNextcloud nc = new ExAppTesting.FakeNextcloud();
                ExApp app = ExApp.builder()
                        .environment(ExAppTesting.env(nc.url()))
                        .build()
                        .start()) {
            assertThat(call(app, "POST", "/init").statusCode()).isEqualTo(200);
            nc.awaitStatus(b -> b.contains("100"));
            assertThat(nc.statusBodies).hasSize(1);
        }
    }

    @Test
    void aThrowingInitTaskReportsItsMessageAsTheError() throws Exception {
        try (ExAppTesting.FakeNextcloud nc = new ExAppTesting.FakeNextcloud();
                ExApp app = ExApp.builder()
                        .environment(ExAppTesting.env(nc.url()))
                        .onInit(progress -> {
                            progress.report(10);
                            throw new IllegalStateException("model download failed");
                        })
                        .build()
                        .start()) {
            assertThat(call(app, "POST", "/init").statusCode()).isEqualTo(200);
            String error = nc.awaitStatus(b -> b.contains("error"));
            assertThat(tree(error)).isEqualTo(tree("{\"progress\":10,\"error\":\"model download failed\"}"));
            assertThat(nc.statusBodies).noneMatch(b -> b.contains("100"));
        }
    }

    @Test
    void aTaskThatReportsFailureGetsNoProgress100() throws Exception {
        try (ExAppTesting.FakeNextcloud nc = new ExAppTesting.FakeNextcloud();
                ExApp app = ExApp.builder()
                        .environment(ExAppTesting.env(nc.url()))
                        .onInit(progress -> progress.fail("no GPU"))
                        .build()
                        .start()) {
            call(app, "POST", "/init");
            assertThat(tree(nc.awaitStatus(b -> b.contains("error")))
                            .get("error")
                            .asText())
                    .isEqualTo("no GPU");
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (app.initRunning() && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            assertThat(app.initRunning()).isFalse();
            assertThat(nc.statusBodies).hasSize(1);
        }
    }

    @Test
    void progress100WithoutAnAnswerIsNotTurnedIntoAnInitError() throws Exception {
        try (ExAppTesting.FakeNextcloud nc = new ExAppTesting.FakeNextcloud();
                ExAppTesting.LogCapture logs = new ExAppTesting.LogCapture();
                dev.ncsdk.appapi.app.NextcloudApp client = dev.ncsdk.appapi.app.NextcloudApp.builder()
                        .baseUri(URI.create(nc.url()))
                        .appId(ExAppTesting.APP_ID)
                        .appVersion("1.0.0")
                        .secret(ExAppTesting.secret())
                        .timeout(Duration.ofMillis(300))
                        .retryPolicy(dev.ncsdk.ocs.RetryPolicy.none())
                        .build();
                ExApp app = ExApp.builder()
                        .environment(ExAppTesting.env(nc.url()))
                        .nextcloud(client)
                        .build()
                        .start()) {
            // AppAPI enables the app inside the progress-100 call; a slow /enabled outlasts the client's timeout
            nc.beforeAnswer = body -> {
                if (body.contains("100")) {
                    try {
                        Thread.sleep(3000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            call(app, "POST", "/init");
            nc.awaitStatus(b -> b.contains("100"));
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (app.initRunning() && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            assertThat(app.initRunning()).isFalse();
            assertThat(nc.statusBodies).noneMatch(b -> b.contains("error"));
            assertThat(logs.lines).anyMatch(l -> l.contains("progress 100 got no answer"));
        }
    }

    @Test
    void enabledAnswersTheHandlersErrorText() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        try (ExApp app = ExApp.builder()
                .environment(ExAppTesting.env("http://127.0.0.1:9"))
                .onEnabled(n -> {
                    calls.add("on");
                    throw new IllegalStateException("Talk is not installed");
                })
                .onDisabled(n -> calls.add("off"))
                .build()
                .start()) {
            HttpResponse<String> on = call(app, "PUT", "/enabled?enabled=1");
            assertThat(on.statusCode()).isEqualTo(200);
            assertThat(on.body()).isEqualTo("{\"error\":\"Talk is not installed\"}");
            HttpResponse<String> off = call(app, "PUT", "/enabled?enabled=0");
            assertThat(off.body()).isEqualTo("{\"error\":\"\"}");
            assertThat(call(app, "PUT", "/enabled?enabled=maybe").statusCode()).isEqualTo(400);
            assertThat(calls).containsExactly("on", "off");
        }
    }

    @Test
    void triggerAndSetupChecksAre404UnlessTheAppHandlesThem() throws Exception {
        try (ExApp app = ExApp.builder()
                .environment(ExAppTesting.env("http://127.0.0.1:9"))
                .build()
                .start()) {
            assertThat(call(app, "POST", "/trigger?providerId=p1").statusCode()).isEqualTo(404);
            assertThat(call(app, "GET", "/setup_checks").statusCode()).isEqualTo(404);
        }
        List<String> triggered = new CopyOnWriteArrayList<>();
        try (ExApp app = ExApp.builder()
                .environment(ExAppTesting.env("http://127.0.0.1:9"))
                .onTrigger((provider, n) -> triggered.add(provider))
                .onSetupChecks(n -> Map.of(
                        "model",
                        SetupCheck.warning("The model is missing").withLink("https://example.com/help", "Help")))
                .build()
                .start()) {
            assertThat(call(app, "POST", "/trigger?providerId=my_provider").statusCode())
                    .isEqualTo(200);
            assertThat(triggered).containsExactly("my_provider");
            HttpResponse<String> checks = call(app, "GET", "/setup_checks");
            assertThat(checks.statusCode()).isEqualTo(200);
            assertThat(checks.headers().firstValue("Content-Length")).isPresent();
            assertThat(tree(checks.body()))
                    .isEqualTo(tree("{\"model\":{\"status\":\"warning\",\"text\":\"The model is missing\","
                            + "\"link_url\":\"https://example.com/help\",\"link_label\":\"Help\"}}"));
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }
}
