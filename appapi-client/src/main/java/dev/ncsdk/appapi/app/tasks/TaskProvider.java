package dev.ncsdk.appapi.app.tasks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A task-processing provider of the ExApp, as AppAPI registers it ({@code POST
 * /ocs/v1.php/apps/app_api/api/v1/ai_provider/task_processing} with {@code {"provider": {...}}}; AppAPI's {@code
 * TaskProcessingService::validateTaskProcessingProvider} checks the shape). The mandatory input and output slots
 * come from the task type; the provider adds optional slots, enum choices and defaults.
 *
 * <pre>{@code
 * TaskProvider provider = TaskProvider.builder("hello_exapp-reverse", "Reverse text", "core:text2text")
 *         .expectedRuntime(Duration.ofSeconds(2))
 *         .optionalInputShape(ShapeDescriptor.of("style", "Style", ShapeType.ENUM))
 *         .optionalInputShapeEnumValues("style", List.of(ShapeEnumValue.of("Plain", "plain")))
 *         .optionalInputShapeDefault("style", "plain")
 *         .build();
 * }</pre>
 *
 * @param id the provider's id, unique in Nextcloud (prefix it with the app id)
 * @param name the name shown to admins
 * @param taskType the id of the task type it runs ({@code core:text2text}, or a {@link TaskType} of the ExApp)
 * @param expectedRuntime how long a task usually takes, in whole seconds on the wire
 * @param optionalInputShape optional input slots
 * @param optionalOutputShape optional output slots
 * @param inputShapeEnumValues choices of the task type's enum input slots, by slot
 * @param inputShapeDefaults defaults of the task type's input slots, by slot (texts or numbers)
 * @param optionalInputShapeEnumValues choices of the optional enum input slots, by slot
 * @param optionalInputShapeDefaults defaults of the optional input slots, by slot
 * @param outputShapeEnumValues choices of the task type's enum output slots, by slot
 * @param optionalOutputShapeEnumValues choices of the optional enum output slots, by slot
 * @since 0.1.0
 */
public record TaskProvider(
        String id,
        String name,
        String taskType,
        Duration expectedRuntime,
        List<ShapeDescriptor> optionalInputShape,
        List<ShapeDescriptor> optionalOutputShape,
        Map<String, List<ShapeEnumValue>> inputShapeEnumValues,
        Map<String, Object> inputShapeDefaults,
        Map<String, List<ShapeEnumValue>> optionalInputShapeEnumValues,
        Map<String, Object> optionalInputShapeDefaults,
        Map<String, List<ShapeEnumValue>> outputShapeEnumValues,
        Map<String, List<ShapeEnumValue>> optionalOutputShapeEnumValues) {

    /**
     * Checks and copies the values.
     *
     * @param id not empty
     * @param name the name ({@code null} is the id)
     * @param taskType not empty
     * @param expectedRuntime not negative ({@code null} is zero)
     * @param optionalInputShape may be null
     * @param optionalOutputShape may be null
     * @param inputShapeEnumValues may be null
     * @param inputShapeDefaults may be null; values are texts or numbers
     * @param optionalInputShapeEnumValues may be null
     * @param optionalInputShapeDefaults may be null; values are texts or numbers
     * @param outputShapeEnumValues may be null
     * @param optionalOutputShapeEnumValues may be null
     * @throws IllegalArgumentException when a value is empty, negative, repeated or of the wrong kind
     */
    public TaskProvider {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(taskType, "taskType");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a task provider needs an id");
        }
        if (taskType.isBlank()) {
            throw new IllegalArgumentException("a task provider needs a task type");
        }
        name = name == null ? id : name;
        expectedRuntime = expectedRuntime == null ? Duration.ZERO : expectedRuntime;
        if (expectedRuntime.isNegative()) {
            throw new IllegalArgumentException("expectedRuntime must not be negative");
        }
        optionalInputShape = optionalInputShape == null ? List.of() : List.copyOf(optionalInputShape);
        optionalOutputShape = optionalOutputShape == null ? List.of() : List.copyOf(optionalOutputShape);
        uniqueNames("optional input shape", optionalInputShape);
        uniqueNames("optional output shape", optionalOutputShape);
        inputShapeEnumValues = enums(inputShapeEnumValues);
        optionalInputShapeEnumValues = enums(optionalInputShapeEnumValues);
        outputShapeEnumValues = enums(outputShapeEnumValues);
        optionalOutputShapeEnumValues = enums(optionalOutputShapeEnumValues);
        inputShapeDefaults = defaults(inputShapeDefaults);
        optionalInputShapeDefaults = defaults(optionalInputShapeDefaults);
    }

    /**
     * Starts a provider.
     *
     * <pre>{@code
     * TaskProvider p = TaskProvider.builder("my_app-summary", "My summaries", "core:text2text:summary").build();
     * }</pre>
     *
     * @param id the provider's id, unique in Nextcloud
     * @param name the name shown to admins
     * @param taskType the task type's id
     * @return a builder
     */
    public static Builder builder(String id, String name, String taskType) {
        return new Builder(id, name, taskType);
    }

    /** The body AppAPI expects under {@code provider}. */
    Map<String, Object> toBody() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("id", id);
        b.put("name", name);
        b.put("task_type", taskType);
        b.put("expected_runtime", (int) Math.min(Integer.MAX_VALUE, expectedRuntime.toSeconds()));
        b.put("optional_input_shape", shapes(optionalInputShape));
        b.put("optional_output_shape", shapes(optionalOutputShape));
        b.put("input_shape_enum_values", enumBody(inputShapeEnumValues));
        b.put("input_shape_defaults", new LinkedHashMap<>(inputShapeDefaults));
        b.put("optional_input_shape_enum_values", enumBody(optionalInputShapeEnumValues));
        b.put("optional_input_shape_defaults", new LinkedHashMap<>(optionalInputShapeDefaults));
        b.put("output_shape_enum_values", enumBody(outputShapeEnumValues));
        b.put("optional_output_shape_enum_values", enumBody(optionalOutputShapeEnumValues));
        return b;
    }

    static List<Map<String, Object>> shapes(List<ShapeDescriptor> list) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ShapeDescriptor d : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", d.name());
            m.put("description", d.description());
            m.put("shape_type", d.type().code());
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> enumBody(Map<String, List<ShapeEnumValue>> enums) {
        Map<String, Object> out = new LinkedHashMap<>();
        enums.forEach((slot, values) -> {
            List<Map<String, String>> items = new ArrayList<>();
            for (ShapeEnumValue v : values) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("name", v.name());
                m.put("value", v.value());
                items.add(m);
            }
            out.put(slot, items);
        });
        return out;
    }

    static void uniqueNames(String what, List<ShapeDescriptor> list) {
        Set<String> seen = new HashSet<>();
        for (ShapeDescriptor d : list) {
            Objects.requireNonNull(d, what);
            if (!seen.add(d.name())) {
                throw new IllegalArgumentException(what + " names slot '" + d.name() + "' twice");
            }
        }
    }

    private static Map<String, List<ShapeEnumValue>> enums(Map<String, List<ShapeEnumValue>> m) {
        if (m == null) {
            return Map.of();
        }
        Map<String, List<ShapeEnumValue>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            Objects.requireNonNull(k, "enum slot");
            out.put(k, List.copyOf(Objects.requireNonNull(v, "enum values of " + k)));
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    private static Map<String, Object> defaults(Map<String, Object> m) {
        if (m == null) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            Objects.requireNonNull(k, "default slot");
            if (!(v instanceof String) && !(v instanceof Number)) {
                throw new IllegalArgumentException(
                        "the default of slot '" + k + "' must be a text or a number (AppAPI stores str|int|float)");
            }
            out.put(k, v);
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * Builds a {@link TaskProvider}; nothing optional is set by default (expected runtime 0 s).
     *
     * <pre>{@code
     * TaskProvider p = TaskProvider.builder("my_app-tr", "My translator", "core:text2text:translate")
     *         .expectedRuntime(Duration.ofSeconds(30))
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final String id;
        private final String name;
        private final String taskType;
        private Duration expectedRuntime = Duration.ZERO;
        private final List<ShapeDescriptor> optionalInputShape = new ArrayList<>();
        private final List<ShapeDescriptor> optionalOutputShape = new ArrayList<>();
        private final Map<String, List<ShapeEnumValue>> inputShapeEnumValues = new LinkedHashMap<>();
        private final Map<String, Object> inputShapeDefaults = new LinkedHashMap<>();
        private final Map<String, List<ShapeEnumValue>> optionalInputShapeEnumValues = new LinkedHashMap<>();
        private final Map<String, Object> optionalInputShapeDefaults = new LinkedHashMap<>();
        private final Map<String, List<ShapeEnumValue>> outputShapeEnumValues = new LinkedHashMap<>();
        private final Map<String, List<ShapeEnumValue>> optionalOutputShapeEnumValues = new LinkedHashMap<>();

        private Builder(String id, String name, String taskType) {
            this.id = id;
            this.name = name;
            this.taskType = taskType;
        }

        /**
         * Sets how long a task usually takes (whole seconds are sent).
         *
         * @param d not negative
         * @return this builder
         */
        public Builder expectedRuntime(Duration d) {
            this.expectedRuntime = Objects.requireNonNull(d, "expectedRuntime");
            return this;
        }

        /**
         * Adds optional input slots.
         *
         * @param slots the slots
         * @return this builder
         */
        public Builder optionalInputShape(ShapeDescriptor... slots) {
            optionalInputShape.addAll(List.of(slots));
            return this;
        }

        /**
         * Adds optional output slots.
         *
         * @param slots the slots
         * @return this builder
         */
        public Builder optionalOutputShape(ShapeDescriptor... slots) {
            optionalOutputShape.addAll(List.of(slots));
            return this;
        }

        /**
         * Sets the choices of an enum input slot of the task type.
         *
         * @param slot the slot's key
         * @param values the choices
         * @return this builder
         */
        public Builder inputShapeEnumValues(String slot, List<ShapeEnumValue> values) {
            inputShapeEnumValues.put(slot, values);
            return this;
        }

        /**
         * Sets the default of an input slot of the task type.
         *
         * @param slot the slot's key
         * @param value a text or a number
         * @return this builder
         */
        public Builder inputShapeDefault(String slot, Object value) {
            inputShapeDefaults.put(slot, value);
            return this;
        }

        /**
         * Sets the choices of an optional enum input slot.
         *
         * @param slot the slot's key
         * @param values the choices
         * @return this builder
         */
        public Builder optionalInputShapeEnumValues(String slot, List<ShapeEnumValue> values) {
            optionalInputShapeEnumValues.put(slot, values);
            return this;
        }

        /**
         * Sets the default of an optional input slot.
         *
         * @param slot the slot's key
         * @param value a text or a number
         * @return this builder
         */
        public Builder optionalInputShapeDefault(String slot, Object value) {
            optionalInputShapeDefaults.put(slot, value);
            return this;
        }

        /**
         * Sets the choices of an enum output slot of the task type.
         *
         * @param slot the slot's key
         * @param values the choices
         * @return this builder
         */
        public Builder outputShapeEnumValues(String slot, List<ShapeEnumValue> values) {
            outputShapeEnumValues.put(slot, values);
            return this;
        }

        /**
         * Sets the choices of an optional enum output slot.
         *
         * @param slot the slot's key
         * @param values the choices
         * @return this builder
         */
        public Builder optionalOutputShapeEnumValues(String slot, List<ShapeEnumValue> values) {
            optionalOutputShapeEnumValues.put(slot, values);
            return this;
        }

        /**
         * Builds the provider.
         *
         * @return the provider
         * @throws IllegalArgumentException when a value is invalid
         */
        public TaskProvider build() {
            return new TaskProvider(
                    id,
                    name,
                    taskType,
                    expectedRuntime,
                    optionalInputShape,
                    optionalOutputShape,
                    inputShapeEnumValues,
                    inputShapeDefaults,
                    optionalInputShapeEnumValues,
                    optionalInputShapeDefaults,
                    outputShapeEnumValues,
                    optionalOutputShapeEnumValues);
        }
    }
}
