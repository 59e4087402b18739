package dev.ncsdk.appapi.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The task-processing models: shape type numbers from the server's lib/public/TaskProcessing/EShapeType.php (scalar
 * type = code % 10), statuses from lib/public/TaskProcessing/Task.php (statusToString), and the lenient reading of a
 * task (PHP's [] for an empty input object, numeric strings).
 */
class TaskModelsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shapeTypesKeepTheServersNumbers() {
        assertThat(ShapeType.fromCode(0)).isEqualTo(ShapeType.NUMBER);
        assertThat(ShapeType.fromCode(6)).isEqualTo(ShapeType.ENUM);
        assertThat(ShapeType.fromCode(13)).isEqualTo(ShapeType.LIST_OF_AUDIOS);
        assertThat(ShapeType.fromCode(7)).isEqualTo(ShapeType.UNKNOWN);
        assertThat(ShapeType.fromCode(-1)).isEqualTo(ShapeType.UNKNOWN);
        assertThat(ShapeType.LIST_OF_VIDEOS.scalar()).isEqualTo(ShapeType.VIDEO);
        assertThat(ShapeType.UNKNOWN.scalar()).isEqualTo(ShapeType.UNKNOWN);
        assertThat(ShapeType.LIST_OF_FILES.isList()).isTrue();
        assertThat(ShapeType.TEXT.isList()).isFalse();
        assertThat(ShapeType.IMAGE.isFile()).isTrue();
        assertThat(ShapeType.LIST_OF_IMAGES.isFile()).isTrue();
        assertThat(ShapeType.ENUM.isFile()).isFalse();
        assertThat(ShapeType.LIST_OF_NUMBERS.code()).isEqualTo(10);
    }

    @Test
    void statusesReadTheServersTexts() {
        assertThat(TaskStatus.parse("STATUS_SCHEDULED")).isEqualTo(TaskStatus.SCHEDULED);
        assertThat(TaskStatus.parse("running")).isEqualTo(TaskStatus.RUNNING);
        assertThat(TaskStatus.parse("STATUS_UNKNOWN")).isEqualTo(TaskStatus.UNKNOWN);
        assertThat(TaskStatus.parse("STATUS_PAUSED")).isEqualTo(TaskStatus.UNKNOWN);
        assertThat(TaskStatus.parse(null)).isEqualTo(TaskStatus.UNKNOWN);
        assertThat(TaskStatus.CANCELLED.isFinal()).isTrue();
        assertThat(TaskStatus.RUNNING.isFinal()).isFalse();
    }

    @Test
    void aTaskIsReadLeniently() throws Exception {
        JsonNode n = JSON.readTree("{\"id\":\"17\",\"type\":\"core:text2image\",\"status\":\"STATUS_RUNNING\","
                + "\"userId\":null,\"appId\":\"assistant\",\"input\":{\"input\":\"a cat\",\"numberOfImages\":\"2\","
                + "\"images\":[11,\"12\",\"x\"],\"one\":5},\"output\":null,\"customId\":null,\"progress\":\"0.25\","
                + "\"someNewField\":true}");
        Task t = Task.fromJson(n);
        assertThat(t.id()).isEqualTo(17);
        assertThat(t.userId()).isEmpty();
        assertThat(t.customId()).isEmpty();
        assertThat(t.progress()).hasValue(0.25);
        assertThat(t.inputNumber("numberOfImages")).hasValue(2.0);
        assertThat(t.inputNumber("input")).isEmpty();
        assertThat(t.inputText("missing")).isEmpty();
        assertThat(t.inputText("images")).isEmpty();
        assertThat(t.inputFileIds("images")).containsExactly(11L, 12L);
        assertThat(t.inputFileId("one")).contains(5L);
        assertThat(t.inputFileId("missing")).isEmpty();
        assertThat(t.output().isNull()).isTrue();
        assertThat(t.raw().path("someNewField").asBoolean()).isTrue();

        Task empty = Task.fromJson(JSON.readTree("{\"id\":3,\"input\":[]}"));
        assertThat(empty.input().isObject()).isTrue();
        assertThat(empty.status()).isEqualTo(TaskStatus.UNKNOWN);
        assertThat(empty.type()).isEmpty();

        assertThatThrownBy(() -> Task.fromJson(JSON.readTree("{\"id\":\"abc\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("numeric id");
    }

    @Test
    void providersAndTypesCheckTheirValues() {
        assertThatThrownBy(() -> TaskProvider.builder(" ", "n", "t").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskProvider.builder("p", "n", "").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskProvider.builder("p", "n", "t")
                        .expectedRuntime(Duration.ofSeconds(-1))
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskProvider.builder("p", "n", "t")
                        .inputShapeDefault("x", List.of(1))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("text or a number");
        ShapeDescriptor a = ShapeDescriptor.of("a", null, ShapeType.TEXT);
        assertThat(a.description()).isEmpty();
        assertThatThrownBy(() -> TaskProvider.builder("p", "n", "t")
                        .optionalInputShape(a, a)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> ShapeDescriptor.of("", "d", ShapeType.TEXT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShapeDescriptor.of("x", "d", ShapeType.UNKNOWN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TaskType("", "n", "d", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        TaskType t = new TaskType("x", null, null, null, null);
        assertThat(t.name()).isEqualTo("x");
        assertThat(t.inputShape()).isEmpty();

        TaskProvider p =
                new TaskProvider("p", null, "t", null, null, null, null, Map.of("n", 1.5), null, null, null, null);
        assertThat(p.name()).isEqualTo("p");
        assertThat(p.expectedRuntime()).isZero();
        assertThat(p.inputShapeDefaults()).containsEntry("n", 1.5);
        assertThat(p.toBody()).containsEntry("expected_runtime", 0);
    }

    @Test
    void registeredProviderDecodesTheJsonTextColumnsOrObjects() throws Exception {
        RegisteredProvider p = RegisteredProvider.fromJson(JSON.readTree("{\"app_id\":\"a\",\"name\":\"a-p\","
                + "\"display_name\":\"P\",\"task_type\":\"core:text2text\",\"provider\":{\"id\":\"a-p\"},"
                + "\"custom_task_type\":\"{\\\"id\\\":\\\"a:t\\\"}\"}"));
        assertThat(p.provider().path("id").asText()).isEqualTo("a-p");
        assertThat(p.customTaskType().path("id").asText()).isEqualTo("a:t");
        RegisteredProvider broken =
                RegisteredProvider.fromJson(JSON.readTree("{\"provider\":\"{not json\",\"custom_task_type\":7}"));
        assertThat(broken.provider().isObject()).isTrue();
        assertThat(broken.customTaskType().isNull()).isTrue();
        assertThat(broken.id()).isEmpty();
    }

    @Test
    void featuresReadMajorVersionsAsNumbersOrTextAndUnknownIsPolling() throws Exception {
        TaskProcessingFeatures text = TaskProcessingFeatures.fromCapabilities(JSON.readTree(
                "{\"version\":{\"major\":\"33\"},\"capabilities\":{\"app_api\":{\"version\":\"33.0.1\"}}}"));
        assertThat(text.nextcloudMajor()).isEqualTo(OptionalInt.of(33));
        assertThat(text.trigger()).isTrue();
        TaskProcessingFeatures none = TaskProcessingFeatures.fromCapabilities(JSON.readTree("{}"));
        assertThat(none.nextcloudMajor()).isEmpty();
        assertThat(none.trigger()).isFalse();
        assertThat(none.nextBatch()).isFalse();
        assertThat(none.userFacingErrorMessage()).isFalse();
        // Nextcloud 33 without AppAPI 33: next_batch, but no trigger
        TaskProcessingFeatures oldAppApi = TaskProcessingFeatures.fromCapabilities(
                JSON.readTree("{\"version\":{\"major\":33},\"capabilities\":{\"app_api\":{\"version\":\"32.0.0\"}}}"));
        assertThat(oldAppApi.nextBatch()).isTrue();
        assertThat(oldAppApi.trigger()).isFalse();
    }

    @Test
    void aFailureCarriesItsUserFacingText() {
        assertThat(new TaskFailedException("x").userFacingMessage()).isEmpty();
        assertThat(new TaskFailedException("x", " ").userFacingMessage()).isEmpty();
        assertThat(new TaskFailedException("x", "Try again").userFacingMessage())
                .contains("Try again");
    }

    @Test
    void filesCompareByContentAndHideTheBytes() {
        TaskFile a = new TaskFile(1, null, null, new byte[] {1, 2});
        TaskFile b = new TaskFile(1, "", "application/octet-stream", new byte[] {1, 2});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new TaskFile(1, "", null, new byte[] {1}));
        assertThat(a.toString()).isEqualTo("TaskFile[1, , application/octet-stream, 2 bytes]");
        assertThat(new TaskBatch(null, false).tasks()).isEmpty();
    }
}
