package dev.ncsdk.appapi.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An option of an {@link OccCommand} ({@code {name, shortcut, mode, description, default}}; AppAPI turns the mode
 * into Symfony's {@code InputOption::VALUE_NONE}, {@code VALUE_REQUIRED}, {@code VALUE_OPTIONAL}, {@code
 * VALUE_IS_ARRAY} or {@code VALUE_NEGATABLE}).
 *
 * <pre>{@code
 * OccOption.flag("dry-run", "d", "Only show what would change");      // --dry-run, -d
 * OccOption.required("limit", "l", "How many", "100");                 // --limit=50
 * OccOption.optional("format", null, "Output format", "plain");        // --format or --format=json
 * OccOption.array("tag", "t", "Tags to add");                          // --tag=a --tag=b
 * OccOption.negatable("color", "Colored output");                      // --color / --no-color
 * }</pre>
 *
 * @param name the long name (without {@code --}), as the handler receives it
 * @param shortcut the one-letter shortcut (without {@code -}), or {@code null}
 * @param mode how it takes a value
 * @param description the help text
 * @param defaultValue the default (a text, a list of texts for an array option, a boolean for a negatable one), or
 *     {@code null}; a {@link Mode#NONE} option has none
 * @since 0.1.0
 */
public record OccOption(String name, String shortcut, Mode mode, String description, Object defaultValue) {
    /**
     * Checks the values.
     *
     * @param name not empty, without leading dashes
     * @param shortcut shortcut or {@code null}/empty for none
     * @param mode not null
     * @param description help text
     * @param defaultValue default, {@code null} for none
     */
    public OccOption {
        UiCalls.notEmpty(name, "name");
        if (name.startsWith("-")) {
            throw new IllegalArgumentException("an option name is given without dashes: " + name);
        }
        shortcut = shortcut == null || shortcut.isBlank() ? null : shortcut;
        Objects.requireNonNull(mode, "mode");
        description = Objects.requireNonNullElse(description, "");
        if (mode == Mode.NONE && defaultValue != null) {
            throw new IllegalArgumentException("an option without a value cannot have a default: " + name);
        }
        if (defaultValue instanceof List) {
            defaultValue = List.copyOf((List<?>) defaultValue);
        }
    }

    /**
     * An option without a value: present or not ({@code none}).
     *
     * @param name the name
     * @param shortcut the shortcut, or {@code null}
     * @param description the help text
     * @return the option
     */
    public static OccOption flag(String name, String shortcut, String description) {
        return new OccOption(name, shortcut, Mode.NONE, description, null);
    }

    /**
     * An option whose value must be given when the option is ({@code required}).
     *
     * @param name the name
     * @param shortcut the shortcut, or {@code null}
     * @param description the help text
     * @param defaultValue the value when it is left out, or {@code null}
     * @return the option
     */
    public static OccOption required(String name, String shortcut, String description, String defaultValue) {
        return new OccOption(name, shortcut, Mode.REQUIRED, description, defaultValue);
    }

    /**
     * An option whose value may be left out ({@code optional}).
     *
     * @param name the name
     * @param shortcut the shortcut, or {@code null}
     * @param description the help text
     * @param defaultValue the value when it is left out, or {@code null}
     * @return the option
     */
    public static OccOption optional(String name, String shortcut, String description, String defaultValue) {
        return new OccOption(name, shortcut, Mode.OPTIONAL, description, defaultValue);
    }

    /**
     * An option that may be given several times ({@code array}). AppAPI passes Symfony's {@code VALUE_IS_ARRAY}
     * alone, which recent Symfony versions refuse for an option that takes no value: test it on your Nextcloud.
     *
     * @param name the name
     * @param shortcut the shortcut, or {@code null}
     * @param description the help text
     * @return the option
     */
    public static OccOption array(String name, String shortcut, String description) {
        return new OccOption(name, shortcut, Mode.ARRAY, description, null);
    }

    /**
     * A flag with a {@code --no-} form ({@code negatable}); the handler receives {@code true}, {@code false} or
     * {@code null}.
     *
     * @param name the name
     * @param description the help text
     * @return the option
     */
    public static OccOption negatable(String name, String description) {
        return new OccOption(name, null, Mode.NEGATABLE, description, null);
    }

    /**
     * The definition AppAPI expects.
     *
     * @return the JSON object, {@code shortcut} and {@code default} always present
     */
    public JsonNode toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("shortcut", shortcut);
        m.put("mode", mode.wire());
        m.put("description", description);
        m.put("default", defaultValue);
        return Json.MAPPER.valueToTree(m);
    }

    /**
     * Reads a definition as AppAPI answers it.
     *
     * @param o the object
     * @return the option
     */
    public static OccOption fromJson(JsonNode o) {
        JsonNode d = o.get("default");
        Mode mode = Mode.of(Json.strOrEmpty(o, "mode"));
        return new OccOption(
                Json.strOrEmpty(o, "name"),
                Json.str(o, "shortcut"),
                mode,
                Json.strOrEmpty(o, "description"),
                mode == Mode.NONE || d == null || d.isNull() ? null : Json.MAPPER.convertValue(d, Object.class));
    }

    /**
     * How an option takes a value.
     *
     * @since 0.1.0
     */
    public enum Mode {
        /** No value: a flag ({@code none}). */
        NONE("none"),
        /** A value is required when the option is given ({@code required}). */
        REQUIRED("required"),
        /** The value may be left out ({@code optional}). */
        OPTIONAL("optional"),
        /** Given several times ({@code array}). */
        ARRAY("array"),
        /** A flag with a {@code --no-} form ({@code negatable}). */
        NEGATABLE("negatable");

        private final String wire;

        Mode(String wire) {
            this.wire = wire;
        }

        /**
         * The name AppAPI expects.
         *
         * @return such as {@code none}
         */
        public String wire() {
            return wire;
        }

        /**
         * Reads a name as AppAPI does: unknown ones are {@link #NONE}.
         *
         * @param text the name
         * @return the mode
         */
        public static Mode of(String text) {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            for (Mode m : values()) {
                if (m.wire.equals(t)) {
                    return m;
                }
            }
            return NONE;
        }
    }
}
