package dev.ncsdk.appapi.exapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ncsdk.appapi.manifest.AccessLevel;
import dev.ncsdk.appapi.manifest.JsonInfo;
import dev.ncsdk.appapi.testing.Capture;
import dev.ncsdk.appapi.testing.WireMockSupport;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Replays every request AppAPI (Nextcloud 32) sent to a registered ExApp ({@code exapp_inbound_requests.jsonl}:
 * heartbeats, init, enable/disable, proxied user requests) against the runtime, configured with that capture's app
 * id and secret ({@code exapp_json_info.json}), and expects the answers AppAPI accepted. WireMock plays Nextcloud's
 * status route for the init task.
 */
class ExAppReplayTest extends WireMockSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Headers java.net.http sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    @Test
    void everyRecordedRequestGetsTheAnswerAppApiAccepted() throws Exception {
        JsonInfo info = JsonInfo.parse(Capture.text("exapp_json_info.json"));
        wm.stubFor(put(urlPathEqualTo("/ocs/v1.php/apps/app_api/ex-app/status"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(ExAppTesting.FakeNextcloud.OK)));
        List<String> users = new CopyOnWriteArrayList<>();
        List<String> enabled = new CopyOnWriteArrayList<>();
        Handler stub = req -> {
            users.add(req.user());
            String path = req.path() + (req.rawQuery().isEmpty() ? "" : "?" + req.rawQuery());
            Map<String, String> body = new LinkedHashMap<>();
            body.put("stub", "ok");
            body.put("method", req.method().name());
            body.put("path", path);
            return Response.json(body);
        };
        ExApp app = ExApp.builder()
                .environment(Map.of())
                .appId(info.manifest().id())
                .appVersion(info.manifest().version())
                .secret(info.secret())
                .host("127.0.0.1")
                .port(0)
                .nextcloudUrl(baseUrl())
                .onEnabled(nc -> enabled.add("on"))
                .onDisabled(nc -> enabled.add("off"))
                .route(HttpMethod.GET, "/*", AccessLevel.USER, stub)
                .route(HttpMethod.POST, "/*", AccessLevel.USER, stub)
                .build()
                .start();
        try {
            List<String> lines = Files.readAllLines(Capture.dir().resolve("exapp_inbound_requests.jsonl"));
            assertThat(lines).hasSize(9);
            for (String line : lines) {
                JsonNode rec = JSON.readTree(line);
                HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                                + rec.get("path").asText()))
                        .timeout(Duration.ofSeconds(10));
                for (JsonNode h : rec.get("headers")) {
                    if (!RESTRICTED.contains(h.get(0).asText().toLowerCase(java.util.Locale.ROOT))) {
                        r.header(h.get(0).asText(), h.get(1).asText());
                    }
                }
                String body = rec.get("body").asText();
                r.method(
                        rec.get("method").asText(),
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
                HttpResponse<String> resp = ExAppTesting.HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
                String what = rec.get("method").asText() + " " + rec.get("path").asText();
                assertThat(resp.statusCode())
                        .as(what)
                        .isEqualTo(rec.get("response_status").asInt());
                assertThat(JSON.readTree(resp.body())).as(what).isEqualTo(rec.get("response_body"));
                assertThat(resp.headers().firstValue("Content-Type")).as(what).hasValue("application/json");
            }
            // the init task (none declared) reported 100 as the ExApp, in the system context
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (wm.findAll(putRequestedFor(urlPathEqualTo("/ocs/v1.php/apps/app_api/ex-app/status")))
                            .isEmpty()
                    && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            wm.verify(putRequestedFor(urlPathEqualTo("/ocs/v1.php/apps/app_api/ex-app/status"))
                    .withHeader("EX-APP-ID", equalTo("javastub"))
                    .withHeader("AUTHORIZATION-APP-API", equalTo(ExAppTesting.auth("", ExAppTesting.SECRET)))
                    .withRequestBody(equalToJson("{\"progress\":100}")));
            assertThat(users).containsExactly("admin", "admin");
            assertThat(enabled).containsExactly("on", "off", "on");
        } finally {
            app.stop(Duration.ofSeconds(2));
        }
    }

    @Test
    void theRecordedJsonInfoIsWhatTheDeclaredRoutesProduce() throws Exception {
        JsonInfo recorded = JsonInfo.parse(Capture.text("exapp_json_info.json"));
        ExApp app = ExApp.builder()
                .environment(Map.of())
                .appId("javastub")
                .appVersion("1.0.0")
                .name("Java SDK Stub")
                .secret(recorded.secret())
                .port(9031)
                .nextcloudUrl(baseUrl())
                .route(HttpMethod.GET, "/*", AccessLevel.USER, req -> Response.status(204))
                .route(HttpMethod.POST, "/*", AccessLevel.USER, req -> Response.status(204))
                .route(HttpMethod.PUT, "/*", AccessLevel.USER, req -> Response.status(204))
                .route(HttpMethod.DELETE, "/*", AccessLevel.USER, req -> Response.status(204))
                .build();
        JsonInfo ours = app.jsonInfo("manual_install");
        assertThat(ours.problems()).isEmpty();
        assertThat(ours.manifest().id()).isEqualTo(recorded.manifest().id());
        assertThat(ours.manifest().name()).isEqualTo(recorded.manifest().name());
        assertThat(ours.port()).isEqualTo(recorded.port());
        assertThat(ours.secret()).isEqualTo(recorded.secret());
        assertThat(ours.daemonConfigName()).isEqualTo(recorded.daemonConfigName());
        assertThat(ours.manifest().routes()).hasSize(1);
        assertThat(ours.manifest().routes().get(0).verbList())
                .isEqualTo(recorded.manifest().routes().get(0).verbList());
        assertThat(ours.manifest().routes().get(0).accessLevel()).isEqualTo(AccessLevel.USER);
        // ".*" was recorded; ours is the anchored equivalent and reaches the same paths
        assertThat(new ArrayList<>(List.of("/some/path", "some/path", "/api/echo", "/")))
                .allMatch(p -> java.util.regex.Pattern.compile(
                                ours.manifest().routes().get(0).url())
                        .matcher(p)
                        .find());
    }
}
