package dev.ncsdk.appapi.app.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A task type of the ExApp's own, registered together with its provider ({@code customTaskType} in AppAPI's
 * registration: {@code {"id", "name", "description", "input_shape", "output_shape"}}). Its id must be the provider's
 * {@link TaskProvider#taskType()}. Nextcloud's built-in types ({@code core:text2text}, {@code core:text2image} ...)
 * need none.
 *
 * <pre>{@code
 * TaskType reverse = new TaskType("hello_exapp:reverse", "Reverse text", "Writes a text backwards",
 *         List.of(ShapeDescriptor.of("input", "Text", ShapeType.TEXT)),
 *         List.of(ShapeDescriptor.of("output", "Reversed text", ShapeType.TEXT)));
 * }</pre>
 *
 * @param id the type's id, not empty
 * @param name the name shown to users
 * @param description the description shown to users
 * @param inputShape the mandatory input slots
 * @param outputShape the mandatory output slots
 * @since 0.1.0
 */
public record TaskType(
        String id,
        String name,
        String description,
        List<ShapeDescriptor> inputShape,
        List<ShapeDescriptor> outputShape) {
    /**
     * Checks and copies the values.
     *
     * @param id not empty
     * @param name the name ({@code null} is the id)
     * @param description the description ({@code null} is {@code ""})
     * @param inputShape the input slots ({@code null} is none)
     * @param outputShape the output slots ({@code null} is none)
     * @throws IllegalArgumentException when the id is empty or a slot name repeats
     */
    public TaskType {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a task type needs an id");
        }
        name = name == null ? id : name;
        description = description == null ? "" : description;
        inputShape = inputShape == null ? List.of() : List.copyOf(inputShape);
        outputShape = outputShape == null ? List.of() : List.copyOf(outputShape);
        TaskProvider.uniqueNames("input shape of " + id, inputShape);
        TaskProvider.uniqueNames("output shape of " + id, outputShape);
    }

    /** The body AppAPI expects under {@code customTaskType}. */
    Map<String, Object> toBody() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("id", id);
        b.put("name", name);
        b.put("description", description);
        b.put("input_shape", TaskProvider.shapes(inputShape));
        b.put("output_shape", TaskProvider.shapes(outputShape));
        return b;
    }
}
