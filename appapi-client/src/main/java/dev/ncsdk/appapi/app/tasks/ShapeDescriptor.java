package dev.ncsdk.appapi.app.tasks;

import java.util.Objects;

/**
 * One slot of a task type's input or output: its key (AppAPI uses the name as the key of the slot in the task's
 * {@code input} and {@code output} maps), a description shown to users and its type. Sent as {@code {"name",
 * "description", "shape_type"}}.
 *
 * <pre>{@code
 * ShapeDescriptor text = ShapeDescriptor.of("input", "The text to reverse", ShapeType.TEXT);
 * }</pre>
 *
 * @param name the slot's key, not empty
 * @param description the text shown to users
 * @param type the slot's type, not {@link ShapeType#UNKNOWN}
 * @since 0.1.0
 */
public record ShapeDescriptor(String name, String description, ShapeType type) {
    /**
     * Checks the values.
     *
     * @param name the slot's key, not empty
     * @param description the text shown to users ({@code null} is {@code ""})
     * @param type the slot's type
     * @throws IllegalArgumentException when the name is empty or the type unknown
     */
    public ShapeDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a shape slot needs a name");
        }
        if (type == ShapeType.UNKNOWN) {
            throw new IllegalArgumentException("shape slot '" + name + "' has no known type");
        }
        description = description == null ? "" : description;
    }

    /**
     * A slot.
     *
     * <pre>{@code
     * ShapeDescriptor image = ShapeDescriptor.of("image", "The picture", ShapeType.IMAGE);
     * }</pre>
     *
     * @param name the slot's key
     * @param description the text shown to users
     * @param type the slot's type
     * @return the slot
     */
    public static ShapeDescriptor of(String name, String description, ShapeType type) {
        return new ShapeDescriptor(name, description, type);
    }
}
