package dev.ncsdk.appapi.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ncsdk.appapi.internal.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A declarative settings form: Nextcloud renders it in an admin or personal settings section and stores what the
 * user enters. The values of an {@link SectionType#ADMIN admin} form are the ExApp's app config under the field ids
 * ({@code nc.appConfig().get(fieldId)}), those of a {@link SectionType#PERSONAL personal} form the user's
 * preferences ({@code nc.asUser(user).preferences().get(fieldId)}). Register it with {@code
 * nc.settings().register(form)}.
 *
 * <pre>{@code
 * SettingsForm form = SettingsForm.admin("my_app_settings", "ai", "My App")
 *         .description("How My App works")
 *         .field(SettingsField.text("model", "Model").defaultValue("small").build())
 *         .field(SettingsField.password("api_key", "API key").sensitive().build())
 *         .build();
 * nc.settings().register(form);
 * String model = nc.appConfig().get("model").orElse("small");
 * }</pre>
 *
 * @param id the form id, unique per ExApp
 * @param priority the order among the section's forms, lower first (Nextcloud's default is 10)
 * @param sectionType admin or personal
 * @param sectionId the settings section it appears in, such as {@code ai}, {@code server} or an app's own
 * @param title the heading
 * @param description the text under the heading, may be empty
 * @param docUrl a link to documentation shown with the heading, may be empty
 * @param fields the fields, at least one, ids unique
 * @since 0.1.0
 */
public record SettingsForm(
        String id,
        int priority,
        SectionType sectionType,
        String sectionId,
        String title,
        String description,
        String docUrl,
        List<SettingsField> fields) {
    /**
     * Checks the values and copies the fields.
     *
     * @param id id, not empty
     * @param priority priority
     * @param sectionType section type, not null
     * @param sectionId section id, not empty
     * @param title title
     * @param description description
     * @param docUrl documentation link
     * @param fields fields
     */
    public SettingsForm {
        UiCalls.notEmpty(id, "id");
        Objects.requireNonNull(sectionType, "sectionType");
        UiCalls.notEmpty(sectionId, "sectionId");
        title = Objects.requireNonNullElse(title, "");
        description = Objects.requireNonNullElse(description, "");
        docUrl = Objects.requireNonNullElse(docUrl, "");
        fields = fields == null ? List.of() : List.copyOf(fields);
        Set<String> ids = new HashSet<>();
        for (SettingsField f : fields) {
            if (!ids.add(f.id())) {
                throw new IllegalArgumentException("field id '" + f.id() + "' appears twice in form " + id);
            }
        }
    }

    /**
     * Starts a form of the admin settings; its values are the ExApp's app config.
     *
     * <pre>{@code
     * SettingsForm.Builder b = SettingsForm.admin("my_app_settings", "ai", "My App");
     * }</pre>
     *
     * @param id the form id
     * @param sectionId the admin section
     * @param title the heading
     * @return the builder
     */
    public static Builder admin(String id, String sectionId, String title) {
        return new Builder(id, SectionType.ADMIN, sectionId, title);
    }

    /**
     * Starts a form of the personal settings; its values are each user's preferences.
     *
     * <pre>{@code
     * SettingsForm.Builder b = SettingsForm.personal("my_app_prefs", "my_app", "My App");
     * }</pre>
     *
     * @param id the form id
     * @param sectionId the personal section
     * @param title the heading
     * @return the builder
     */
    public static Builder personal(String id, String sectionId, String title) {
        return new Builder(id, SectionType.PERSONAL, sectionId, title);
    }

    /**
     * Whether a field is {@link SettingsField#sensitive()} (which needs AppAPI 32).
     *
     * @return whether one is
     */
    public boolean hasSensitiveFields() {
        return fields.stream().anyMatch(SettingsField::sensitive);
    }

    /**
     * The form scheme AppAPI expects ({@code {id, priority, section_type, section_id, title, description, doc_url,
     * fields}}).
     *
     * <pre>{@code
     * String json = form.toJson().toString();
     * }</pre>
     *
     * @return the JSON object
     */
    public JsonNode toJson() {
        ObjectNode o = Json.object();
        o.put("id", id);
        o.put("priority", priority);
        o.put("section_type", sectionType.wire());
        o.put("section_id", sectionId);
        o.put("title", title);
        o.put("description", description);
        if (!docUrl.isEmpty()) {
            o.put("doc_url", docUrl);
        }
        ArrayNode a = o.putArray("fields");
        fields.forEach(f -> a.add(f.toJson()));
        return o;
    }

    /**
     * Reads a scheme as AppAPI answers it, leniently.
     *
     * <pre>{@code
     * SettingsForm form = SettingsForm.fromJson(node);
     * }</pre>
     *
     * @param o the scheme object
     * @return the form
     * @throws IllegalArgumentException when the id or section id is missing
     */
    public static SettingsForm fromJson(JsonNode o) {
        List<SettingsField> fs = new ArrayList<>();
        Json.list(o, "fields").forEach(n -> fs.add(SettingsField.fromJson(n)));
        return new SettingsForm(
                Json.strOrEmpty(o, "id"),
                Json.integer(o, "priority", 10),
                SectionType.of(Json.strOrEmpty(o, "section_type")),
                Json.strOrEmpty(o, "section_id"),
                Json.strOrEmpty(o, "title"),
                Json.strOrEmpty(o, "description"),
                Json.strOrEmpty(o, "doc_url"),
                fs);
    }

    /**
     * Where the form appears, and so where its values are stored.
     *
     * @since 0.1.0
     */
    public enum SectionType {
        /** Admin settings; values in the ExApp's app config ({@code admin}). */
        ADMIN("admin"),
        /** Personal settings; values in each user's preferences ({@code personal}). */
        PERSONAL("personal");

        private final String wire;

        SectionType(String wire) {
            this.wire = wire;
        }

        /**
         * The name in the scheme.
         *
         * @return {@code admin} or {@code personal}
         */
        public String wire() {
            return wire;
        }

        /**
         * Reads a name; anything but {@code personal} is {@link #ADMIN}.
         *
         * @param text the name
         * @return the type
         */
        public static SectionType of(String text) {
            return "personal".equals(text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) ? PERSONAL : ADMIN;
        }
    }

    /**
     * Builds a {@link SettingsForm}; see {@link SettingsForm#admin} and {@link SettingsForm#personal}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final String id;
        private final SectionType sectionType;
        private final String sectionId;
        private final String title;
        private int priority = 10;
        private String description = "";
        private String docUrl = "";
        private final List<SettingsField> fields = new ArrayList<>();

        private Builder(String id, SectionType sectionType, String sectionId, String title) {
            this.id = id;
            this.sectionType = sectionType;
            this.sectionId = sectionId;
            this.title = title;
        }

        /**
         * Sets the order among the section's forms (default 10).
         *
         * @param priority lower first
         * @return this builder
         */
        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        /**
         * Sets the text under the heading.
         *
         * @param text the text
         * @return this builder
         */
        public Builder description(String text) {
            this.description = Objects.requireNonNull(text, "text");
            return this;
        }

        /**
         * Sets a documentation link.
         *
         * @param url the link
         * @return this builder
         */
        public Builder docUrl(String url) {
            this.docUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * Adds a field.
         *
         * @param field the field
         * @return this builder
         */
        public Builder field(SettingsField field) {
            fields.add(Objects.requireNonNull(field, "field"));
            return this;
        }

        /**
         * Builds the form.
         *
         * @return the form
         * @throws IllegalArgumentException when there is no field or a field id repeats
         */
        public SettingsForm build() {
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("a settings form needs at least one field");
            }
            return new SettingsForm(id, priority, sectionType, sectionId, title, description, docUrl, fields);
        }
    }
}
