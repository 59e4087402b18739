package dev.ncsdk.appapi.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A positional argument of an {@link OccCommand} ({@code {name, mode, description, default}}; AppAPI turns the mode
 * into Symfony's {@code InputArgument::REQUIRED}, {@code OPTIONAL} or {@code IS_ARRAY}).
 *
 * <pre>{@code
 * OccArgument.required("user", "The user to scan");
 * OccArgument.optional("path", "Folder to scan", "/");
 * OccArgument.array("files", "Files to convert");   // takes the rest of the command line; must come last
 * }</pre>
 *
 * @param name the name, as the handler receives it
 * @param mode required, optional or array
 * @param description the help text
 * @param defaultValue the default of an optional argument (a text, or a list of texts for an array), or {@code null}
 * @since 0.1.0
 */
public record OccArgument(String name, Mode mode, String description, Object defaultValue) {
    /**
     * Checks the values.
     *
     * @param name not empty
     * @param mode not null
     * @param description help text
     * @param defaultValue default, {@code null} for none; not allowed on a required argument
     */
    public OccArgument {
        UiCalls.notEmpty(name, "name");
        Objects.requireNonNull(mode, "mode");
        description = Objects.requireNonNullElse(description, "");
        if (mode == Mode.REQUIRED && defaultValue != null) {
            throw new IllegalArgumentException("a required argument cannot have a default: " + name);
        }
        if (defaultValue instanceof List) {
            defaultValue = List.copyOf((List<?>) defaultValue);
        }
    }

    /**
     * A required argument.
     *
     * @param name the name
     * @param description the help text
     * @return the argument
     */
    public static OccArgument required(String name, String description) {
        return new OccArgument(name, Mode.REQUIRED, description, null);
    }

    /**
     * An optional argument.
     *
     * @param name the name
     * @param description the help text
     * @param defaultValue the value when it is left out, or {@code null}
     * @return the argument
     */
    public static OccArgument optional(String name, String description, String defaultValue) {
        return new OccArgument(name, Mode.OPTIONAL, description, defaultValue);
    }

    /**
     * An array argument: all remaining words of the command line (none is allowed); it must be the last argument.
     *
     * @param name the name
     * @param description the help text
     * @return the argument
     */
    public static OccArgument array(String name, String description) {
        return new OccArgument(name, Mode.ARRAY, description, null);
    }

    /**
     * The definition AppAPI expects.
     *
     * @return the JSON object, {@code default} always present
     */
    public JsonNode toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("mode", mode.wire());
        m.put("description", description);
        m.put("default", defaultValue);
        return Json.MAPPER.valueToTree(m);
    }

    /**
     * Reads a definition as AppAPI answers it.
     *
     * @param o the object
     * @return the argument
     */
    public static OccArgument fromJson(JsonNode o) {
        JsonNode d = o.get("default");
        Mode mode = Mode.of(Json.strOrEmpty(o, "mode"));
        return new OccArgument(
                Json.strOrEmpty(o, "name"),
                mode,
                Json.strOrEmpty(o, "description"),
                mode == Mode.REQUIRED || d == null || d.isNull() ? null : Json.MAPPER.convertValue(d, Object.class));
    }

    /**
     * How an argument is taken.
     *
     * @since 0.1.0
     */
    public enum Mode {
        /** Must be given ({@code required}). */
        REQUIRED("required"),
        /** May be left out ({@code optional}). */
        OPTIONAL("optional"),
        /** Takes all remaining words, possibly none ({@code array}). */
        ARRAY("array");

        private final String wire;

        Mode(String wire) {
            this.wire = wire;
        }

        /**
         * The name AppAPI expects.
         *
         * @return such as {@code required}
         */
        public String wire() {
            return wire;
        }

        /**
         * Reads a name as AppAPI does: unknown ones are {@link #OPTIONAL}.
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
            return OPTIONAL;
        }
    }
}
