package dev.ncsdk.appapi.app.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ncsdk.ocs.internal.Json;

/**
 * A provider as AppAPI stores it ({@code GET .../ai_provider/task_processing?name=}: {@code {"id", "app_id", "name",
 * "display_name", "task_type", "provider", "custom_task_type"}}, where {@code provider} and {@code custom_task_type}
 * are the registered bodies encoded as JSON text; AppAPI's {@code Db/TaskProcessing/TaskProcessingProvider}).
 *
 * <pre>{@code
 * nc.taskProcessing().get("my_app-reverse").ifPresent(p -> log.info(p.taskType()));
 * }</pre>
 *
 * @param appId the ExApp's id
 * @param id the provider's id (AppAPI's {@code name} column)
 * @param name the name shown to admins (AppAPI's {@code display_name})
 * @param taskType the task type's id
 * @param provider the registered provider body, decoded ({@code {}} when unreadable)
 * @param customTaskType the registered custom task type, decoded ({@code NullNode} when none)
 * @since 0.1.0
 */
public record RegisteredProvider(
        String appId, String id, String name, String taskType, JsonNode provider, JsonNode customTaskType) {
    /**
     * Fills absent values.
     *
     * @param appId {@code null} is {@code ""}
     * @param id {@code null} is {@code ""}
     * @param name {@code null} is {@code ""}
     * @param taskType {@code null} is {@code ""}
     * @param provider {@code null} is an empty object
     * @param customTaskType {@code null} is {@code NullNode}
     */
    public RegisteredProvider {
        appId = appId == null ? "" : appId;
        id = id == null ? "" : id;
        name = name == null ? "" : name;
        taskType = taskType == null ? "" : taskType;
        provider = provider == null ? JsonNodeFactory.instance.objectNode() : provider;
        customTaskType = customTaskType == null ? JsonNodeFactory.instance.nullNode() : customTaskType;
    }

    /**
     * Reads AppAPI's answer; the JSON-text columns may also come as objects.
     *
     * <pre>{@code
     * RegisteredProvider p = RegisteredProvider.fromJson(data);
     * }</pre>
     *
     * @param n the object
     * @return the provider
     */
    public static RegisteredProvider fromJson(JsonNode n) {
        return new RegisteredProvider(
                text(n.path("app_id")),
                text(n.path("name")),
                text(n.path("display_name")),
                text(n.path("task_type")),
                decode(n.path("provider"), JsonNodeFactory.instance.objectNode()),
                decode(n.path("custom_task_type"), JsonNodeFactory.instance.nullNode()));
    }

    private static JsonNode decode(JsonNode n, JsonNode fallback) {
        if (n.isObject()) {
            return n;
        }
        if (!n.isTextual()) {
            return fallback;
        }
        try {
            JsonNode d = Json.mapper().readTree(n.textValue());
            return d == null || d.isMissingNode() ? fallback : d;
        } catch (java.io.IOException | RuntimeException e) {
            return fallback;
        }
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? "" : n.asText();
    }
}
