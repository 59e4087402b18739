package dev.ncsdk.appapi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The simulator's task queue answering the provider routes as the server's core/Controller/
 * TaskProcessingApiController.php does: #[ExAppRequired] (412 without AppAPI headers), 404 {"message":"Not found"}
 * for an unknown task or a file the task does not name, the preferred provider only.
 */
class SimulatedTasksTest {
    private static final String TP = "/ocs/v2.php/taskprocessing/tasks_provider/";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> send(AppApiSimulator nc, String method, String path, boolean auth, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(nc.url() + path))
                .timeout(Duration.ofSeconds(5))
                .header("OCS-APIRequest", "true")
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (auth) {
            b.header("EX-APP-ID", nc.appId())
                    .header("EX-APP-VERSION", nc.appVersion())
                    .header(
                            "AUTHORIZATION-APP-API",
                            Base64.getEncoder()
                                    .encodeToString((":" + nc.secret().reveal()).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersLikeTheServer() throws Exception {
        try (AppApiSimulator nc = AppApiSimulator.builder().appId("sim_tasks").start()) {
            assertThat(send(nc, "GET", TP + "next?providerIds[]=p&taskTypeIds[]=t", false, null)
                            .statusCode())
                    .isEqualTo(412);
            // no provider registered for the type: nothing is handed out
            long id = nc.tasks().enqueue("t", Map.of("input", "x"));
            assertThat(send(nc, "GET", TP + "next?providerIds[]=p&taskTypeIds[]=t", true, null)
                            .statusCode())
                    .isEqualTo(204);
            send(
                    nc,
                    "POST",
                    "/ocs/v1.php/apps/app_api/api/v1/ai_provider/task_processing",
                    true,
                    "{\"provider\":{\"id\":\"p\",\"task_type\":\"t\"}}");
            HttpResponse<String> next = send(nc, "GET", TP + "next?providerIds[]=p&taskTypeIds[]=t", true, null);
            assertThat(next.statusCode()).isEqualTo(200);
            assertThat(next.body()).contains("\"provider\":{\"name\":\"p\"}").contains("STATUS_RUNNING");
            assertThat(send(nc, "GET", TP + "next?providerIds[]=p&taskTypeIds[]=t", true, null)
                            .statusCode())
                    .as("taken once")
                    .isEqualTo(204);

            HttpResponse<String> missing = send(nc, "POST", TP + "999/progress", true, "{\"progress\":0.5}");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("\"message\":\"Not found\"");
            assertThat(send(nc, "POST", TP + id + "/progress", true, "{\"progress\":2}")
                            .statusCode())
                    .isEqualTo(500);
            assertThat(send(nc, "GET", TP + id + "/file/1001", true, null).statusCode())
                    .isEqualTo(404);
            assertThat(send(nc, "POST", TP + id + "/file", true, "{}").statusCode())
                    .as("no multipart file")
                    .isEqualTo(400);
            assertThat(send(nc, "GET", TP + "next_batch?providerIds[]=p&taskTypeIds[]=t", true, null)
                            .statusCode())
                    .as("Nextcloud 32 has no next_batch")
                    .isEqualTo(404);
            assertThat(send(nc, "POST", TP + id + "/result", true, "{}").statusCode())
                    .isEqualTo(200);
            SimulatedTask t = nc.tasks().task(id);
            assertThat(t.status()).isEqualTo("STATUS_FAILED");
            assertThat(t.finished()).isTrue();
            assertThat(nc.tasks().cancel(999)).isFalse();
            assertThat(nc.tasks().delete(id)).isTrue();
            assertThat(nc.tasks().file(5)).isEmpty();
            assertThat(nc.tasks().toString()).contains("0 tasks");
            assertThatThrownBy(() -> nc.tasks().awaitFinished(999, Duration.ofMillis(10)))
                    .isInstanceOf(IllegalArgumentException.class);
            long waiting = nc.tasks().enqueue("t", Map.of());
            assertThatThrownBy(() -> nc.tasks().awaitFinished(waiting, Duration.ofMillis(20)))
                    .isInstanceOf(ExAppCheckFailure.class)
                    .hasMessageContaining("did not finish");
        }
    }
}
