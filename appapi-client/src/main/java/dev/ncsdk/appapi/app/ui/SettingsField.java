package dev.ncsdk.appapi.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One field of a {@link SettingsForm}, in Nextcloud's declarative settings shape ({@code {id, title, description,
 * type, default, placeholder, label, options, sensitive}}). Start with the factory of the field's type and set what
 * applies; {@link Builder#build()} checks that the default and the options fit the type.
 *
 * <pre>{@code
 * SettingsField.text("model", "Model").description("Which model to load").placeholder("small").build();
 * SettingsField.password("api_key", "API key").sensitive().build();               // encrypted, AppAPI 32+
 * SettingsField.number("limit", "Limit").defaultValue(20).build();
 * SettingsField.checkbox("notify", "Notify").label("Send a notification when done").defaultValue(true).build();
 * SettingsField.radio("mode", "Mode").option("Fast", "fast").option("Precise", "precise").defaultValue("fast").build();
 * SettingsField.select("size", "Size").options("S", "M", "L").defaultValue("M").build();
 * SettingsField.multiSelect("langs", "Languages").options("en", "de", "fr").defaultValues("en").build();
 * SettingsField.multiCheckbox("days", "Days").option("Monday", "mon").option("Friday", "fri")
 *         .defaultChecked("mon").build();
 * }</pre>
 *
 * @param id the field id: the app config key (admin forms) or preference key (personal forms) of the value
 * @param title the label above the field
 * @param type the type
 * @param description the help text, may be empty
 * @param defaultValue the default: a text, a number ({@code number}), a boolean ({@code checkbox}), a list of texts
 *     ({@code multi-select}) or a map of option value to boolean ({@code multi-checkbox})
 * @param placeholder the placeholder of text-like fields, may be empty
 * @param label the text beside a checkbox, may be empty
 * @param options the choices of {@code radio}, {@code select}, {@code multi-select} and {@code multi-checkbox}
 * @param sensitive whether Nextcloud stores the value encrypted and never sends it back to the browser (AppAPI 32+)
 * @since 0.1.0
 */
public record SettingsField(
        String id,
        String title,
        Type type,
        String description,
        Object defaultValue,
        String placeholder,
        String label,
        List<Option> options,
        boolean sensitive) {
    /**
     * Copies the options and fills empty texts.
     *
     * @param id id, not empty
     * @param title title
     * @param type type, not null
     * @param description description
     * @param defaultValue default
     * @param placeholder placeholder
     * @param label label
     * @param options options
     * @param sensitive sensitive
     */
    public SettingsField {
        UiCalls.notEmpty(id, "id");
        title = Objects.requireNonNullElse(title, "");
        Objects.requireNonNull(type, "type");
        description = Objects.requireNonNullElse(description, "");
        placeholder = Objects.requireNonNullElse(placeholder, "");
        label = Objects.requireNonNullElse(label, "");
        options = options == null ? List.of() : List.copyOf(options);
    }

    /**
     * A one-line text field.
     *
     * @param id the field id
     * @param title the label
     * @return the builder
     */
    public static Builder text(String id, String title) {
        return new Builder(id, title, Type.TEXT);
    }

    /**
     * A password field (shown masked; add {@link Builder#sensitive()} to store it encrypted).
     *
     * @param id the field id
     * @param title the label
     * @return the builder
     */
    public static Builder password(String id, String title) {
        return new Builder(id, title, Type.PASSWORD);
    }

    /**
     * An e-mail address field.
     *
     * @param id the field id
     * @param title the label
     * @return the builder
     */
    public static Builder email(String id, String title) {
        return new Builder(id, title, Type.EMAIL);
    }

    /**
     * A telephone number field.
     *
     * @param id the field id
     * @param title the label
     * @return the builder
     */
    public static Builder tel(String id, String title) {
        return new Builder(id, title, Type.TEL);
    }

    /**
     * A URL field.
     *
     * @param id the field id
     * @param title the label
     * @return the builder
     */
    public static Builder url(String id, String title) {
        return new Builder(id, title, Type.URL);
    }

    /**
     * A number field.
     *
     * @param id the field id
     * @param title the label
     * @return the builder
     */
    public static Builder number(String id, String title) {
        return new Builder(id, title, Type.NUMBER);
    }

    /**
     * One checkbox.
     *
     * @param id the field id
     * @param title the label
     * @return the builder
     */
    public static Builder checkbox(String id, String title) {
        return new Builder(id, title, Type.CHECKBOX);
    }

    /**
     * Several checkboxes, one per option.
     *
     * @param id the field id
     * @param title the label
     * @return the builder
     */
    public static Builder multiCheckbox(String id, String title) {
        return new Builder(id, title, Type.MULTI_CHECKBOX);
    }

    /**
     * Radio buttons, one per option.
     *
     * @param id the field id
     * @param title the label
     * @return the builder
     */
    public static Builder radio(String id, String title) {
        return new Builder(id, title, Type.RADIO);
    }

    /**
     * A drop-down of texts.
     *
     * @param id the field id
     * @param title the label
     * @return the builder
     */
    public static Builder select(String id, String title) {
        return new Builder(id, title, Type.SELECT);
    }

    /**
     * A drop-down allowing several texts.
     *
     * @param id the field id
     * @param title the label
     * @return the builder
     */
    public static Builder multiSelect(String id, String title) {
        return new Builder(id, title, Type.MULTI_SELECT);
    }

    /**
     * The field as Nextcloud's declarative settings expect it: {@code radio} and {@code multi-checkbox} options as
     * {@code {name, value}} objects, {@code select} and {@code multi-select} options as texts; {@code sensitive}
     * only when set, so that servers before AppAPI 32 see no unknown key.
     *
     * <pre>{@code
     * JsonNode json = SettingsField.text("model", "Model").build().toJson();
     * }</pre>
     *
     * @return the JSON object
     */
    public JsonNode toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("title", title);
        m.put("description", description);
        m.put("type", type.wire());
        m.put("default", defaultValue == null ? type.emptyDefault() : defaultValue);
        if (!placeholder.isEmpty()) {
            m.put("placeholder", placeholder);
        }
        if (!label.isEmpty()) {
            m.put("label", label);
        }
        if (type.hasOptions()) {
            List<Object> opts = new ArrayList<>();
            for (Option o : options) {
                opts.add(type.namedOptions() ? Map.of("name", o.name(), "value", o.value()) : o.value());
            }
            m.put("options", opts);
        }
        if (sensitive) {
            m.put("sensitive", true);
        }
        return Json.MAPPER.valueToTree(m);
    }

    /**
     * Reads a field as AppAPI answers it, leniently: options as texts or {@code {name, value}} objects, unknown keys
     * ignored, an unknown type kept as {@link Type#TEXT}.
     *
     * <pre>{@code
     * SettingsField f = SettingsField.fromJson(node);
     * }</pre>
     *
     * @param o the JSON object
     * @return the field
     */
    public static SettingsField fromJson(JsonNode o) {
        List<Option> opts = new ArrayList<>();
        for (JsonNode n : Json.list(o, "options")) {
            if (n.isObject()) {
                opts.add(new Option(Json.strOrEmpty(n, "name"), Json.strOrEmpty(n, "value")));
            } else {
                opts.add(new Option(n.asText(), n.asText()));
            }
        }
        JsonNode d = o.get("default");
        return new SettingsField(
                Json.strOrEmpty(o, "id"),
                Json.strOrEmpty(o, "title"),
                Type.of(Json.strOrEmpty(o, "type")),
                Json.strOrEmpty(o, "description"),
                d == null || d.isNull() ? null : Json.MAPPER.convertValue(d, Object.class),
                Json.strOrEmpty(o, "placeholder"),
                Json.strOrEmpty(o, "label"),
                opts,
                Json.bool(o, "sensitive", false));
    }

    /**
     * A choice of a {@code radio}, {@code select}, {@code multi-select} or {@code multi-checkbox} field.
     *
     * @param name the text shown
     * @param value the value stored (for {@code select} and {@code multi-select} the same as the name)
     * @since 0.1.0
     */
    public record Option(String name, String value) {
        /**
         * Checks the values.
         *
         * @param name not null
         * @param value not null
         */
        public Option {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The field types of Nextcloud's declarative settings.
     *
     * @since 0.1.0
     */
    public enum Type {
        /** {@code text}. */
        TEXT("text"),
        /** {@code password}. */
        PASSWORD("password"),
        /** {@code email}. */
        EMAIL("email"),
        /** {@code tel}. */
        TEL("tel"),
        /** {@code url}. */
        URL("url"),
        /** {@code number}. */
        NUMBER("number"),
        /** {@code checkbox}. */
        CHECKBOX("checkbox"),
        /** {@code multi-checkbox}. */
        MULTI_CHECKBOX("multi-checkbox"),
        /** {@code radio}. */
        RADIO("radio"),
        /** {@code select}. */
        SELECT("select"),
        /** {@code multi-select}. */
        MULTI_SELECT("multi-select");

        private final String wire;

        Type(String wire) {
            this.wire = wire;
        }

        /**
         * The name in the form's JSON.
         *
         * @return such as {@code multi-checkbox}
         */
        public String wire() {
            return wire;
        }

        /**
         * Reads a type name; unknown ones are {@link #TEXT}.
         *
         * @param text the name
         * @return the type
         */
        public static Type of(String text) {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            for (Type v : values()) {
                if (v.wire.equals(t)) {
                    return v;
                }
            }
            return TEXT;
        }

        boolean hasOptions() {
            return this == MULTI_CHECKBOX || this == RADIO || this == SELECT || this == MULTI_SELECT;
        }

        boolean namedOptions() {
            return this == MULTI_CHECKBOX || this == RADIO;
        }

        Object emptyDefault() {
            switch (this) {
                case NUMBER:
                    return 0;
                case CHECKBOX:
                    return false;
                case MULTI_CHECKBOX:
                    return Map.of();
                case MULTI_SELECT:
                    return List.of();
                default:
                    return "";
            }
        }
    }

    /**
     * Builds a {@link SettingsField}; see the type factories of {@link SettingsField}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final String id;
        private final String title;
        private final Type type;
        private String description = "";
        private Object defaultValue;
        private String placeholder = "";
        private String label = "";
        private final List<Option> options = new ArrayList<>();
        private boolean sensitive;

        private Builder(String id, String title, Type type) {
            this.id = id;
            this.title = title;
            this.type = type;
        }

        /**
         * Sets the help text.
         *
         * @param text the text
         * @return this builder
         */
        public Builder description(String text) {
            this.description = Objects.requireNonNull(text, "text");
            return this;
        }

        /**
         * Sets the placeholder of a text-like field.
         *
         * @param text the text
         * @return this builder
         */
        public Builder placeholder(String text) {
            this.placeholder = Objects.requireNonNull(text, "text");
            return this;
        }

        /**
         * Sets the text beside a checkbox.
         *
         * @param text the text
         * @return this builder
         */
        public Builder label(String text) {
            this.label = Objects.requireNonNull(text, "text");
            return this;
        }

        /**
         * Stores the value encrypted and never sends it back to the browser (AppAPI 32+; registering such a form on
         * an older AppAPI throws {@link AppApiVersionTooOldException}).
         *
         * @return this builder
         */
        public Builder sensitive() {
            this.sensitive = true;
            return this;
        }

        /**
         * Adds a choice shown as {@code name} and stored as {@code value} ({@code radio}, {@code multi-checkbox}).
         *
         * @param name the text shown
         * @param value the value stored
         * @return this builder
         */
        public Builder option(String name, String value) {
            options.add(new Option(name, value));
            return this;
        }

        /**
         * Adds choices that are shown and stored as the same text ({@code select}, {@code multi-select}).
         *
         * @param values the texts
         * @return this builder
         */
        public Builder options(String... values) {
            for (String v : values) {
                options.add(new Option(v, v));
            }
            return this;
        }

        /**
         * Sets a text default (text-like fields, {@code radio}, {@code select}).
         *
         * @param value the value
         * @return this builder
         */
        public Builder defaultValue(String value) {
            this.defaultValue = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Sets a number default ({@code number}).
         *
         * @param value the value
         * @return this builder
         */
        public Builder defaultValue(Number value) {
            this.defaultValue = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Sets a checkbox default ({@code checkbox}).
         *
         * @param checked whether it is checked
         * @return this builder
         */
        public Builder defaultValue(boolean checked) {
            this.defaultValue = checked;
            return this;
        }

        /**
         * Sets the texts selected by default ({@code multi-select}).
         *
         * @param values the texts
         * @return this builder
         */
        public Builder defaultValues(String... values) {
            this.defaultValue = List.of(values);
            return this;
        }

        /**
         * Sets the options checked by default ({@code multi-checkbox}): the others are unchecked.
         *
         * @param values the option values checked
         * @return this builder
         */
        public Builder defaultChecked(String... values) {
            Map<String, Boolean> m = new LinkedHashMap<>();
            for (String v : values) {
                m.put(Objects.requireNonNull(v, "value"), true);
            }
            this.defaultValue = m;
            return this;
        }

        /**
         * Builds the field, checking that options and default fit the type.
         *
         * @return the field
         * @throws IllegalArgumentException when they do not
         */
        public SettingsField build() {
            if (type.hasOptions() && options.isEmpty()) {
                throw new IllegalArgumentException("a " + type.wire() + " field needs at least one option");
            }
            if (!type.hasOptions() && !options.isEmpty()) {
                throw new IllegalArgumentException("a " + type.wire() + " field has no options");
            }
            Object d = defaultValue;
            if (type == Type.MULTI_CHECKBOX) {
                Map<String, Boolean> all = new LinkedHashMap<>();
                Map<?, ?> checked = d instanceof Map ? (Map<?, ?>) d : Map.of();
                if (d != null && !(d instanceof Map)) {
                    throw badDefault("defaultChecked(...)");
                }
                for (Option o : options) {
                    all.put(o.value(), Boolean.TRUE.equals(checked.get(o.value())));
                }
                for (Object k : checked.keySet()) {
                    if (!all.containsKey(k)) {
                        throw new IllegalArgumentException("default checked value '" + k + "' is no option");
                    }
                }
                d = all;
            } else if (d != null) {
                boolean fits;
                switch (type) {
                    case NUMBER:
                        fits = d instanceof Number;
                        break;
                    case CHECKBOX:
                        fits = d instanceof Boolean;
                        break;
                    case MULTI_SELECT:
                        fits = d instanceof List;
                        break;
                    default:
                        fits = d instanceof String;
                }
                if (!fits) {
                    throw badDefault(d.getClass().getSimpleName());
                }
                Object given = d;
                if ((type == Type.RADIO || type == Type.SELECT)
                        && options.stream().noneMatch(o -> o.value().equals(given))) {
                    throw new IllegalArgumentException("default '" + given + "' is no option of " + id);
                }
                if (type == Type.MULTI_SELECT) {
                    for (Object v : (List<?>) given) {
                        if (options.stream().noneMatch(o -> o.value().equals(v))) {
                            throw new IllegalArgumentException("default '" + v + "' is no option of " + id);
                        }
                    }
                }
            }
            return new SettingsField(
                    id,
                    title,
                    type,
                    description,
                    d == null ? type.emptyDefault() : d,
                    placeholder,
                    label,
                    options,
                    sensitive);
        }

        private IllegalArgumentException badDefault(String what) {
            return new IllegalArgumentException("a " + type.wire() + " field cannot take the default " + what);
        }
    }
}
