package dev.ncsdk.appapi.app.tasks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ncsdk.appapi.AppApiVersion;
import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.appapi.app.ui.AppApiVersionTooOldException;
import dev.ncsdk.appapi.testing.Capture;
import dev.ncsdk.appapi.testing.WireMockSupport;
import dev.ncsdk.ocs.NcBadRequestException;
import dev.ncsdk.ocs.NcNotFoundException;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The task-processing calls against WireMock, in the servers' shapes. No capture exists: the registration route and
 * body come from AppAPI's appinfo/routes.php and lib/Controller/TaskProcessingController.php (registerProvider(array
 * $provider, ?array $customTaskType), getProvider/unregisterProvider by ?name=) with the keys AppAPI's
 * lib/Service/ProvidersAI/TaskProcessingService.php validates; the stored provider's answer from
 * lib/Db/TaskProcessing/TaskProcessingProvider.php. The worker routes, their parameters and answers (204 from next,
 * {tasks:[{task, provider: "<id>"}], has_more} from next_batch, 201 {fileId} from file, userFacingErrorMessage on
 * result) from the server's core/Controller/TaskProcessingApiController.php; the task object from
 * lib/public/TaskProcessing/Task.php (jsonSerialize); shape type numbers from lib/public/TaskProcessing/EShapeType.php.
 */
class TaskProcessingTest extends WireMockSupport {
    private static final String SECRET = "DhtW7oWTDy1LI01vAkyfmc2uvNzI7RhTKnbjw82gc90WwE27";
    private static final String REG = "/ocs/v1.php/apps/app_api/api/v1/ai_provider/task_processing";
    private static final String TP = "/ocs/v2.php/taskprocessing/tasks_provider";

    private static NextcloudApp app() {
        return NextcloudApp.builder()
                .baseUri(java.net.URI.create(baseUrl()))
                .appId("javastub")
                .appVersion("1.0.0")
                .secret(Secret.of(SECRET))
                .timeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    private static void capabilities(int major, String appApi) {
        wm.stubFor(get(urlPathEqualTo("/ocs/v2.php/cloud/capabilities"))
                .willReturn(okJson(v2("{\"version\":{\"major\":" + major + ",\"minor\":0,\"micro\":1},"
                        + "\"capabilities\":{\"app_api\":{\"version\":\"" + appApi + "\"}}}"))));
    }

    private static String v1(String data) {
        return "{\"ocs\":{\"meta\":{\"status\":\"ok\",\"statuscode\":100,\"message\":\"OK\"},\"data\":" + data + "}}";
    }

    private static String v2(String data) {
        return "{\"ocs\":{\"meta\":{\"status\":\"ok\",\"statuscode\":200,\"message\":\"OK\"},\"data\":" + data + "}}";
    }

    private static String v2Failure(int code, String message) {
        return "{\"ocs\":{\"meta\":{\"status\":\"failure\",\"statuscode\":" + code + ",\"message\":\"\"},"
                + "\"data\":{\"message\":\"" + message + "\"}}}";
    }

    /** A task as Task::jsonSerialize writes it. */
    private static String task(long id, String status, String input) {
        return "{\"id\":" + id + ",\"type\":\"core:text2text\",\"lastUpdated\":1764700000,\"status\":\"" + status
                + "\",\"userId\":\"alice\",\"appId\":\"assistant\",\"input\":" + input + ",\"output\":null,"
                + "\"customId\":\"\",\"completionExpectedAt\":null,\"progress\":null,\"scheduledAt\":1764700000,"
                + "\"startedAt\":null,\"endedAt\":null}";
    }

    @Test
    void registersAProviderWithEveryShapeTypeEnumsDefaultsAndACustomTaskType() {
        Capture.load("114_exapp_capabilities_appauth_v2_json").serve(wm); // AppAPI 32.0.0
        wm.stubFor(post(urlPathEqualTo(REG)).willReturn(okJson(v1("[]"))));
        List<ShapeDescriptor> all = List.of(
                ShapeDescriptor.of("n", "Number", ShapeType.NUMBER),
                ShapeDescriptor.of("t", "Text", ShapeType.TEXT),
                ShapeDescriptor.of("i", "Image", ShapeType.IMAGE),
                ShapeDescriptor.of("a", "Audio", ShapeType.AUDIO),
                ShapeDescriptor.of("v", "Video", ShapeType.VIDEO),
                ShapeDescriptor.of("f", "File", ShapeType.FILE),
                ShapeDescriptor.of("e", "Enum", ShapeType.ENUM),
                ShapeDescriptor.of("ln", "Numbers", ShapeType.LIST_OF_NUMBERS),
                ShapeDescriptor.of("lt", "Texts", ShapeType.LIST_OF_TEXTS),
                ShapeDescriptor.of("li", "Images", ShapeType.LIST_OF_IMAGES),
                ShapeDescriptor.of("la", "Audios", ShapeType.LIST_OF_AUDIOS),
                ShapeDescriptor.of("lv", "Videos", ShapeType.LIST_OF_VIDEOS),
                ShapeDescriptor.of("lf", "Files", ShapeType.LIST_OF_FILES));
        TaskType type = new TaskType(
                "javastub:all",
                "All shapes",
                "Every slot type",
                all,
                List.of(ShapeDescriptor.of("out", "Output", ShapeType.TEXT)));
        TaskProvider provider = TaskProvider.builder("javastub-all", "All shapes provider", "javastub:all")
                .expectedRuntime(Duration.ofSeconds(12))
                .optionalInputShape(ShapeDescriptor.of("style", "Style", ShapeType.ENUM))
                .optionalOutputShape(ShapeDescriptor.of("notes", "Notes", ShapeType.LIST_OF_TEXTS))
                .inputShapeEnumValues("e", List.of(ShapeEnumValue.of("One", "1"), ShapeEnumValue.of("Two", "2")))
                .inputShapeDefault("n", 3)
                .inputShapeDefault("e", "1")
                .optionalInputShapeEnumValues("style", List.of(ShapeEnumValue.of("Plain", "plain")))
                .optionalInputShapeDefault("style", "plain")
                .outputShapeEnumValues("out", List.of())
                .optionalOutputShapeEnumValues("notes", List.of())
                .build();

        try (NextcloudApp nc = app()) {
            nc.taskProcessing().register(provider, type);
        }

        wm.verify(postRequestedFor(urlPathEqualTo(REG))
                .withHeader("EX-APP-ID", equalTo("javastub"))
                .withRequestBody(equalToJson("{\"provider\":{\"id\":\"javastub-all\",\"name\":\"All shapes provider\","
                        + "\"task_type\":\"javastub:all\",\"expected_runtime\":12,"
                        + "\"optional_input_shape\":[{\"name\":\"style\",\"description\":\"Style\",\"shape_type\":6}],"
                        + "\"optional_output_shape\":[{\"name\":\"notes\",\"description\":\"Notes\",\"shape_type\":11}],"
                        + "\"input_shape_enum_values\":{\"e\":[{\"name\":\"One\",\"value\":\"1\"},"
                        + "{\"name\":\"Two\",\"value\":\"2\"}]},"
                        + "\"input_shape_defaults\":{\"n\":3,\"e\":\"1\"},"
                        + "\"optional_input_shape_enum_values\":{\"style\":[{\"name\":\"Plain\",\"value\":\"plain\"}]},"
                        + "\"optional_input_shape_defaults\":{\"style\":\"plain\"},"
                        + "\"output_shape_enum_values\":{\"out\":[]},"
                        + "\"optional_output_shape_enum_values\":{\"notes\":[]}},"
                        + "\"customTaskType\":{\"id\":\"javastub:all\",\"name\":\"All shapes\","
                        + "\"description\":\"Every slot type\",\"input_shape\":["
                        + "{\"name\":\"n\",\"description\":\"Number\",\"shape_type\":0},"
                        + "{\"name\":\"t\",\"description\":\"Text\",\"shape_type\":1},"
                        + "{\"name\":\"i\",\"description\":\"Image\",\"shape_type\":2},"
                        + "{\"name\":\"a\",\"description\":\"Audio\",\"shape_type\":3},"
                        + "{\"name\":\"v\",\"description\":\"Video\",\"shape_type\":4},"
                        + "{\"name\":\"f\",\"description\":\"File\",\"shape_type\":5},"
                        + "{\"name\":\"e\",\"description\":\"Enum\",\"shape_type\":6},"
                        + "{\"name\":\"ln\",\"description\":\"Numbers\",\"shape_type\":10},"
                        + "{\"name\":\"lt\",\"description\":\"Texts\",\"shape_type\":11},"
                        + "{\"name\":\"li\",\"description\":\"Images\",\"shape_type\":12},"
                        + "{\"name\":\"la\",\"description\":\"Audios\",\"shape_type\":13},"
                        + "{\"name\":\"lv\",\"description\":\"Videos\",\"shape_type\":14},"
                        + "{\"name\":\"lf\",\"description\":\"Files\",\"shape_type\":15}],"
                        + "\"output_shape\":[{\"name\":\"out\",\"description\":\"Output\",\"shape_type\":1}]}}")));
    }

    @Test
    void aProviderOfABuiltInTypeSendsEmptyMapsAsObjectsAndNoCustomType() {
        Capture.load("114_exapp_capabilities_appauth_v2_json").serve(wm);
        wm.stubFor(post(urlPathEqualTo(REG)).willReturn(okJson(v1("[]"))));
        try (NextcloudApp nc = app()) {
            nc.taskProcessing()
                    .register(TaskProvider.builder("javastub-rev", "Reverse", "core:text2text")
                            .build());
        }
        LoggedRequest r = wm.findAll(postRequestedFor(urlPathEqualTo(REG))).get(0);
        // AppAPI checks every map with is_array: {} decodes to an empty PHP array, and the defaults must be set
        assertThat(r.getBodyAsString())
                .contains("\"input_shape_defaults\":{}")
                .contains("\"output_shape_enum_values\":{}")
                .contains("\"expected_runtime\":0")
                .doesNotContain("customTaskType");
    }

    @Test
    void registrationNeedsAppApi31AndRefusalsAreTyped() {
        capabilities(29, "3.0.1");
        try (NextcloudApp nc = app()) {
            TaskProvider p = TaskProvider.builder("javastub-rev", "Reverse", "core:text2text")
                    .build();
            assertThatThrownBy(() -> nc.taskProcessing().register(p))
                    .isInstanceOf(AppApiVersionTooOldException.class)
                    .hasMessageContaining("3.1.0");
            wm.verify(0, postRequestedFor(urlPathEqualTo(REG)));
        }
        wm.resetAll();
        capabilities(32, "32.0.0");
        // AppAPI answers a refused shape with HTTP 400 (v1 envelope with OCS 400)
        wm.stubFor(post(urlPathEqualTo(REG))
                .willReturn(okJson("{\"ocs\":{\"meta\":{\"status\":\"failure\",\"statuscode\":400,"
                        + "\"message\":\"\"},\"data\":[]}}")));
        try (NextcloudApp nc = app()) {
            assertThatThrownBy(() -> nc.taskProcessing()
                            .register(TaskProvider.builder("x", "X", "core:text2text")
                                    .build()))
                    .isInstanceOf(NcBadRequestException.class);
        }
    }

    @Test
    void customTypeMustMatchTheProvidersTypeBeforeSending() {
        try (NextcloudApp nc = app()) {
            TaskType other = new TaskType("javastub:other", "O", "", List.of(), List.of());
            TaskProvider p = TaskProvider.builder("javastub-rev", "Reverse", "javastub:rev")
                    .build();
            assertThatThrownBy(() -> nc.taskProcessing().register(p, other))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("javastub:rev");
        }
        wm.verify(0, postRequestedFor(urlPathEqualTo(REG)));
    }

    @Test
    void getsAndUnregistersAProvider() {
        String stored = "{\"id\":7,\"app_id\":\"javastub\",\"name\":\"javastub-rev\",\"display_name\":\"Reverse\","
                + "\"task_type\":\"core:text2text\",\"provider\":"
                + "\"{\\\"id\\\":\\\"javastub-rev\\\",\\\"expected_runtime\\\":2}\",\"custom_task_type\":\"null\"}";
        wm.stubFor(get(urlPathEqualTo(REG))
                .withQueryParam("name", equalTo("javastub-rev"))
                .willReturn(okJson(v1(stored))));
        wm.stubFor(get(urlPathEqualTo(REG))
                .withQueryParam("name", equalTo("nope"))
                .willReturn(okJson("{\"ocs\":{\"meta\":{\"status\":\"failure\",\"statuscode\":404,"
                        + "\"message\":\"\"},\"data\":[]}}")));
        wm.stubFor(delete(urlPathEqualTo(REG))
                .withQueryParam("name", equalTo("javastub-rev"))
                .willReturn(okJson(v1("[]"))));
        wm.stubFor(delete(urlPathEqualTo(REG))
                .withQueryParam("name", equalTo("nope"))
                .willReturn(okJson("{\"ocs\":{\"meta\":{\"status\":\"failure\",\"statuscode\":404,"
                        + "\"message\":\"\"},\"data\":[]}}")));
        try (NextcloudApp nc = app()) {
            TaskProcessing tp = nc.taskProcessing();
            RegisteredProvider p = tp.get("javastub-rev").orElseThrow();
            assertThat(p.id()).isEqualTo("javastub-rev");
            assertThat(p.name()).isEqualTo("Reverse");
            assertThat(p.appId()).isEqualTo("javastub");
            assertThat(p.taskType()).isEqualTo("core:text2text");
            assertThat(p.provider().path("expected_runtime").asInt()).isEqualTo(2);
            assertThat(p.customTaskType().isNull()).isTrue();
            assertThat(tp.get("nope")).isEmpty();
            assertThat(tp.unregister("javastub-rev")).isTrue();
            assertThat(tp.unregister("nope")).isFalse();
        }
        wm.verify(deleteRequestedFor(urlPathEqualTo(REG)).withQueryParam("name", equalTo("javastub-rev")));
    }

    @Test
    void nextTakesATaskOrNoneOn204() {
        wm.stubFor(get(urlPathEqualTo(TP + "/next"))
                .withQueryParam("providerIds[]", equalTo("javastub-rev"))
                .withQueryParam("taskTypeIds[]", equalTo("core:text2text"))
                .willReturn(okJson(v2("{\"task\":" + task(42, "STATUS_RUNNING", "{\"input\":\"hello\"}")
                        + ",\"provider\":{\"name\":\"javastub-rev\"}}"))));
        try (NextcloudApp nc = app()) {
            ClaimedTask c = nc.taskProcessing()
                    .next(List.of("javastub-rev"), List.of("core:text2text"))
                    .orElseThrow();
            assertThat(c.providerId()).isEqualTo("javastub-rev");
            assertThat(c.task().id()).isEqualTo(42);
            assertThat(c.task().status()).isEqualTo(TaskStatus.RUNNING);
            assertThat(c.task().userId()).isEqualTo("alice");
            assertThat(c.task().inputText("input")).contains("hello");
            assertThat(c.task().progress()).isEmpty();

            wm.resetAll();
            wm.stubFor(get(urlPathEqualTo(TP + "/next")).willReturn(aResponse().withStatus(204)));
            assertThat(nc.taskProcessing().next(List.of("javastub-rev"), List.of("core:text2text")))
                    .isEmpty();
        }
        wm.verify(getRequestedFor(urlPathEqualTo(TP + "/next"))
                .withHeader("OCS-APIRequest", equalTo("true"))
                .withHeader("AUTHORIZATION-APP-API", containing("")));
    }

    @Test
    void nextBatchReadsTheBareProviderIdAndHasMore() {
        String item = "{\"task\":" + task(5, "STATUS_RUNNING", "{\"input\":\"a\"}") + ",\"provider\":\"javastub-rev\"}";
        wm.stubFor(get(urlPathEqualTo(TP + "/next_batch"))
                .withQueryParam("numberOfTasks", equalTo("3"))
                .willReturn(okJson(v2("{\"tasks\":[" + item + "],\"has_more\":true}"))));
        try (NextcloudApp nc = app()) {
            TaskBatch b = nc.taskProcessing().nextBatch(List.of("javastub-rev"), List.of("core:text2text"), 3);
            assertThat(b.hasMore()).isTrue();
            assertThat(b.tasks()).hasSize(1);
            assertThat(b.tasks().get(0).providerId()).isEqualTo("javastub-rev");
            assertThat(b.tasks().get(0).task().id()).isEqualTo(5);
            assertThatThrownBy(() -> nc.taskProcessing().nextBatch(List.of("p"), List.of("t"), 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void nextBatchOnAServerWithoutItIsNotFound() {
        // Nextcloud 32 answers an unknown OCS v2 route with HTTP 404 and OCS 998
        wm.stubFor(get(urlPathEqualTo(TP + "/next_batch"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody("{\"ocs\":{\"meta\":{\"status\":\"failure\",\"statuscode\":998,"
                                + "\"message\":\"Invalid query\"},\"data\":[]}}")));
        try (NextcloudApp nc = app()) {
            assertThatThrownBy(
                            () -> nc.taskProcessing().nextBatch(List.of("javastub-rev"), List.of("core:text2text"), 2))
                    .isInstanceOf(NcNotFoundException.class);
        }
    }

    @Test
    void progressSendsAFractionAndShowsCancellationOrAGoneTask() {
        wm.stubFor(post(urlPathEqualTo(TP + "/42/progress"))
                .willReturn(okJson(v2("{\"task\":" + task(42, "STATUS_CANCELLED", "{}") + "}"))));
        wm.stubFor(post(urlPathEqualTo(TP + "/43/progress"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(v2Failure(404, "Not found"))));
        try (NextcloudApp nc = app()) {
            Optional<Task> t = nc.taskProcessing().progress(42, 0.5);
            assertThat(t).map(Task::status).contains(TaskStatus.CANCELLED);
            assertThat(nc.taskProcessing().progress(43, 1.0)).isEmpty();
            assertThatThrownBy(() -> nc.taskProcessing().progress(42, 50)).isInstanceOf(IllegalArgumentException.class);
        }
        wm.verify(postRequestedFor(urlPathEqualTo(TP + "/42/progress"))
                .withRequestBody(equalToJson("{\"progress\":0.5}")));
    }

    @Test
    void resultAndErrorsInTheServersFields() {
        wm.stubFor(post(urlPathEqualTo(TP + "/42/result"))
                .willReturn(okJson(v2("{\"task\":" + task(42, "STATUS_SUCCESSFUL", "{}") + "}"))));
        wm.stubFor(post(urlPathEqualTo(TP + "/44/result"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(v2Failure(404, "Not found"))));
        try (NextcloudApp nc = app()) {
            TaskProcessing tp = nc.taskProcessing();
            assertThat(tp.reportResult(42, Map.of("output", "olleh", "images", List.of(1001L))))
                    .map(Task::status)
                    .contains(TaskStatus.SUCCESSFUL);
            tp.reportError(42, "CUDA out of memory", "The server is busy, please try again later");
            tp.reportError(42, "plain failure", null);
            assertThat(tp.reportResult(44, Map.of("output", "x"))).isEmpty();
            assertThatThrownBy(() -> tp.reportError(42, " ", null)).isInstanceOf(IllegalArgumentException.class);
        }
        wm.verify(postRequestedFor(urlPathEqualTo(TP + "/42/result"))
                .withRequestBody(equalToJson("{\"output\":{\"output\":\"olleh\",\"images\":[1001]}}")));
        wm.verify(postRequestedFor(urlPathEqualTo(TP + "/42/result"))
                .withRequestBody(equalToJson("{\"errorMessage\":\"CUDA out of memory\","
                        + "\"userFacingErrorMessage\":\"The server is busy, please try again later\"}")));
        wm.verify(postRequestedFor(urlPathEqualTo(TP + "/42/result"))
                .withRequestBody(equalToJson("{\"errorMessage\":\"plain failure\"}")));
    }

    @Test
    void uploadsAFileAsMultipartAndReadsTheIdFrom201() {
        wm.stubFor(post(urlPathEqualTo(TP + "/42/file"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody("{\"ocs\":{\"meta\":{\"status\":\"ok\",\"statuscode\":201,\"message\":\"OK\"},"
                                + "\"data\":{\"fileId\":2077}}}")));
        try (NextcloudApp nc = app()) {
            long id = nc.taskProcessing().uploadFile(42, "PNG-bytes".getBytes(StandardCharsets.UTF_8), "out\".png");
            assertThat(id).isEqualTo(2077);
        }
        LoggedRequest r =
                wm.findAll(postRequestedFor(urlPathEqualTo(TP + "/42/file"))).get(0);
        assertThat(r.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        String body = r.getBodyAsString();
        assertThat(body)
                .contains("Content-Disposition: form-data; name=\"file\"; filename=\"out_.png\"")
                .contains("\r\n\r\nPNG-bytes\r\n--");
        assertThat(r.getHeader("OCS-APIRequest")).isEqualTo("true");
    }

    @Test
    void downloadsAnInputFileWithItsNameAndTypeOr404() {
        wm.stubFor(get(urlPathEqualTo(TP + "/42/file/1001"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "image/png")
                        .withHeader("Content-Disposition", "attachment; filename=\"cat.png\"")
                        .withBody(new byte[] {1, 2, 3})));
        wm.stubFor(get(urlPathEqualTo(TP + "/42/file/9"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(v2Failure(404, "Not found"))));
        try (NextcloudApp nc = app()) {
            TaskFile f = nc.taskProcessing().downloadFile(42, 1001);
            assertThat(f.content()).containsExactly(1, 2, 3);
            assertThat(f.fileName()).isEqualTo("cat.png");
            assertThat(f.contentType()).isEqualTo("image/png");
            assertThat(f.toString()).contains("3 bytes");
            assertThatThrownBy(() -> nc.taskProcessing().downloadFile(42, 9)).isInstanceOf(NcNotFoundException.class);
        }
    }

    @Test
    void featuresComeFromTheServerAndAppApiVersions() {
        capabilities(33, "33.0.0");
        try (NextcloudApp nc = app()) {
            TaskProcessingFeatures f = nc.taskProcessing().features();
            assertThat(f.trigger()).isTrue();
            assertThat(f.nextBatch()).isTrue();
            assertThat(f.userFacingErrorMessage()).isTrue();
            assertThat(nc.taskProcessing()).isSameAs(nc.taskProcessing()); // cached per client
            assertThat(nc.asUser("alice").taskProcessing()).isSameAs(nc.taskProcessing());
            nc.taskProcessing().features();
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo("/ocs/v2.php/cloud/capabilities")));
        wm.resetAll();
        // AppAPI 33 installs on Nextcloud 32, which has no ITriggerableProvider: no trigger, no next_batch
        capabilities(32, "33.0.0");
        try (NextcloudApp nc = app()) {
            TaskProcessingFeatures f = nc.taskProcessing().features();
            assertThat(f.trigger()).isFalse();
            assertThat(f.nextBatch()).isFalse();
            assertThat(f.appApiVersion()).contains(AppApiVersion.of(33, 0, 0));
        }
    }
}
