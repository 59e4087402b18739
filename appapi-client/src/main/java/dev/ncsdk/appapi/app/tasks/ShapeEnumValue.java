package dev.ncsdk.appapi.app.tasks;

import java.util.Objects;

/**
 * One choice of an {@link ShapeType#ENUM} slot: the label users see and the value the task receives. Sent as
 * {@code {"name", "value"}} (Nextcloud's {@code OCP\TaskProcessing\ShapeEnumValue}).
 *
 * <pre>{@code
 * ShapeEnumValue formal = ShapeEnumValue.of("Formal", "formal");
 * }</pre>
 *
 * @param name the label
 * @param value the value
 * @since 0.1.0
 */
public record ShapeEnumValue(String name, String value) {
    /**
     * Checks the values.
     *
     * @param name the label, not null
     * @param value the value, not null
     */
    public ShapeEnumValue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /**
     * A choice.
     *
     * <pre>{@code
     * ShapeEnumValue v = ShapeEnumValue.of("Short", "short");
     * }</pre>
     *
     * @param name the label
     * @param value the value
     * @return the choice
     */
    public static ShapeEnumValue of(String name, String value) {
        return new ShapeEnumValue(name, value);
    }
}
