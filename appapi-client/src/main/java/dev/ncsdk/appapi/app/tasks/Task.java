package dev.ncsdk.appapi.app.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A task-processing task as Nextcloud sends it to a provider ({@code OCP\TaskProcessing\Task::jsonSerialize}:
 * {@code id, type, status, userId, appId, input, output, customId, progress, scheduledAt, startedAt, endedAt,
 * lastUpdated, completionExpectedAt}). Read leniently: a field that is missing or {@code null} is empty; the
 * whole object stays reachable as {@link #raw()} for fields newer servers add.
 *
 * <pre>{@code
 * String text = task.inputText("input").orElse("");
 * List<Long> images = task.inputFileIds("images");
 * }</pre>
 *
 * @param id the task id
 * @param type the task type's id, such as {@code core:text2text}
 * @param status the status
 * @param userId the user who scheduled it, {@code ""} when none
 * @param appId the app that scheduled it
 * @param customId the scheduler's own id, {@code ""} when none
 * @param input the input slots (an object; file slots hold file ids)
 * @param output the output slots, {@code NullNode} before a result
 * @param progress the last progress (0 to 1), when reported
 * @param raw the task object as sent
 * @since 0.1.0
 */
public record Task(
        long id,
        String type,
        TaskStatus status,
        String userId,
        String appId,
        String customId,
        JsonNode input,
        JsonNode output,
        OptionalDouble progress,
        JsonNode raw) {
    /**
     * Checks the values.
     *
     * @param id the id
     * @param type the type, {@code null} is {@code ""}
     * @param status the status, {@code null} is {@link TaskStatus#UNKNOWN}
     * @param userId {@code null} is {@code ""}
     * @param appId {@code null} is {@code ""}
     * @param customId {@code null} is {@code ""}
     * @param input {@code null} is an empty object
     * @param output {@code null} is {@code NullNode}
     * @param progress {@code null} is empty
     * @param raw {@code null} is an empty object
     */
    public Task {
        type = type == null ? "" : type;
        status = status == null ? TaskStatus.UNKNOWN : status;
        userId = userId == null ? "" : userId;
        appId = appId == null ? "" : appId;
        customId = customId == null ? "" : customId;
        input = input == null || input.isNull() || input.isMissingNode()
                ? JsonNodeFactory.instance.objectNode()
                : input;
        output = output == null || output.isMissingNode() ? JsonNodeFactory.instance.nullNode() : output;
        progress = progress == null ? OptionalDouble.empty() : progress;
        raw = raw == null ? JsonNodeFactory.instance.objectNode() : raw;
    }

    /**
     * Reads a task object.
     *
     * <pre>{@code
     * Task t = Task.fromJson(data.path("task"));
     * }</pre>
     *
     * @param n the object
     * @return the task
     * @throws IllegalArgumentException when it has no numeric id
     */
    public static Task fromJson(JsonNode n) {
        Objects.requireNonNull(n, "task");
        JsonNode id = n.path("id");
        long taskId;
        if (id.isIntegralNumber()) {
            taskId = id.longValue();
        } else {
            try {
                taskId = Long.parseLong(id.asText("").trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a task without a numeric id: " + cut(n.toString()), e);
            }
        }
        JsonNode p = n.path("progress");
        OptionalDouble progress = p.isNumber() || (p.isTextual() && isNumber(p.asText()))
                ? OptionalDouble.of(p.asDouble())
                : OptionalDouble.empty();
        JsonNode input = n.path("input");
        // PHP encodes an empty array as [] where an object was meant
        if (input.isArray() && input.isEmpty()) {
            input = JsonNodeFactory.instance.objectNode();
        }
        return new Task(
                taskId,
                text(n.path("type")),
                TaskStatus.parse(n.path("status").asText(null)),
                text(n.path("userId")),
                text(n.path("appId")),
                text(n.path("customId")),
                input,
                n.path("output"),
                progress,
                n);
    }

    /**
     * A text input slot.
     *
     * <pre>{@code
     * String prompt = task.inputText("input").orElseThrow();
     * }</pre>
     *
     * @param slot the slot's key
     * @return the text, empty when the slot is missing or null
     */
    public Optional<String> inputText(String slot) {
        JsonNode v = input.path(slot);
        return v.isMissingNode() || v.isNull() || v.isContainerNode() ? Optional.empty() : Optional.of(v.asText());
    }

    /**
     * A number input slot.
     *
     * <pre>{@code
     * double n = task.inputNumber("count").orElse(1);
     * }</pre>
     *
     * @param slot the slot's key
     * @return the number, empty when missing or not numeric
     */
    public OptionalDouble inputNumber(String slot) {
        JsonNode v = input.path(slot);
        if (v.isNumber() || (v.isTextual() && isNumber(v.asText()))) {
            return OptionalDouble.of(v.asDouble());
        }
        return OptionalDouble.empty();
    }

    /**
     * The file id of a file input slot (image, audio, video, file); read its content with {@link
     * TaskProcessing#downloadFile(long, long)} or {@link TaskContext#inputFile(String)}.
     *
     * <pre>{@code
     * long fileId = task.inputFileId("input").orElseThrow();
     * }</pre>
     *
     * @param slot the slot's key
     * @return the id, empty when missing or not numeric
     */
    public Optional<Long> inputFileId(String slot) {
        List<Long> ids = inputFileIds(slot);
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(0));
    }

    /**
     * The file ids of a file or list-of-files input slot.
     *
     * <pre>{@code
     * for (long id : task.inputFileIds("images")) { ... }
     * }</pre>
     *
     * @param slot the slot's key
     * @return the ids in order, empty when missing
     */
    public List<Long> inputFileIds(String slot) {
        JsonNode v = input.path(slot);
        List<Long> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(e -> addId(out, e));
        } else {
            addId(out, v);
        }
        return List.copyOf(out);
    }

    private static void addId(List<Long> out, JsonNode e) {
        if (e.isIntegralNumber()) {
            out.add(e.longValue());
        } else if (e.isTextual() && e.asText().trim().matches("\\d{1,18}")) {
            out.add(Long.parseLong(e.asText().trim()));
        }
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? "" : n.asText();
    }

    static String cut(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
