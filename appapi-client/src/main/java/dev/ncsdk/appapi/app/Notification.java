package dev.ncsdk.appapi.app;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A notification an ExApp sends to a user ({@code POST /api/v1/notification}). The subject and message may hold
 * Nextcloud rich-object placeholders such as <code>{file}</code>, filled from the parameter maps; AppAPI
 * translates the texts with the ExApp's l10n. Nextcloud renders it only while the ExApp is enabled.
 *
 * <pre>{@code
 * Notification n = Notification.builder("Report ready")
 *         .message("Your weekly report is ready")
 *         .link("https://cloud.example.com/apps/files")
 *         .build();
 * }</pre>
 *
 * @param subject the subject, not empty
 * @param message the message, may be empty
 * @param link the link opened on click, may be empty
 * @param subjectParameters rich-object parameters of the subject
 * @param messageParameters rich-object parameters of the message
 * @param objectType the object type ({@code app_api} by default)
 * @param objectId the object id (random by default)
 * @since 0.1.0
 */
public record Notification(
        String subject,
        String message,
        String link,
        Map<String, Object> subjectParameters,
        Map<String, Object> messageParameters,
        String objectType,
        String objectId) {
    /** The subject type AppAPI's notifier renders. */
    static final String SUBJECT_TYPE = "app_api_ex_app";

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Checks the values and copies the maps.
     *
     * @param subject the subject, not empty
     * @param message the message
     * @param link the link
     * @param subjectParameters subject parameters
     * @param messageParameters message parameters
     * @param objectType the object type, not empty
     * @param objectId the object id, not empty
     */
    public Notification {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("a notification needs a subject");
        }
        message = message == null ? "" : message;
        link = link == null ? "" : link;
        subjectParameters = subjectParameters == null ? Map.of() : Map.copyOf(subjectParameters);
        messageParameters = messageParameters == null ? Map.of() : Map.copyOf(messageParameters);
        if (objectType == null || objectType.isBlank() || objectId == null || objectId.isBlank()) {
            throw new IllegalArgumentException("a notification needs an object type and id");
        }
    }

    /**
     * A notification with a subject and a message and default object.
     *
     * <pre>{@code
     * nc.asUser("alice").notifications().send(Notification.of("Done", "Your export finished"));
     * }</pre>
     *
     * @param subject the subject, not empty
     * @param message the message, may be empty
     * @return the notification
     */
    public static Notification of(String subject, String message) {
        return builder(subject).message(message).build();
    }

    /**
     * Starts a notification.
     *
     * <pre>{@code
     * Notification n = Notification.builder("Hello").link(url).build();
     * }</pre>
     *
     * @param subject the subject, not empty
     * @return a builder
     */
    public static Builder builder(String subject) {
        return new Builder(subject);
    }

    /** The request body, as AppAPI's controller reads it (capture 112, AA {@code ExNotificationsManager}). */
    Map<String, Object> body() {
        Map<String, Object> sp = new LinkedHashMap<>();
        sp.put("rich_subject", subject);
        sp.put("rich_subject_params", subjectParameters);
        sp.put("rich_message", message);
        sp.put("rich_message_params", messageParameters);
        if (!link.isEmpty()) {
            sp.put("link", link);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("object", objectType);
        params.put("object_id", objectId);
        params.put("subject_type", SUBJECT_TYPE);
        params.put("subject_params", sp);
        return Map.of("params", params);
    }

    /**
     * Builds a {@link Notification}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final String subject;
        private String message = "";
        private String link = "";
        private Map<String, Object> subjectParameters = Map.of();
        private Map<String, Object> messageParameters = Map.of();
        private String objectType = "app_api";
        private String objectId;

        private Builder(String subject) {
            this.subject = Objects.requireNonNull(subject, "subject");
        }

        /**
         * Sets the message.
         *
         * @param message the text
         * @return this builder
         */
        public Builder message(String message) {
            this.message = Objects.requireNonNull(message, "message");
            return this;
        }

        /**
         * Sets the link opened on click.
         *
         * @param link an absolute URL
         * @return this builder
         */
        public Builder link(String link) {
            this.link = Objects.requireNonNull(link, "link");
            return this;
        }

        /**
         * Sets the rich-object parameters of the subject.
         *
         * @param parameters name to rich object ({@code {"type": "file", "id": "12", "name": "a.txt"}})
         * @return this builder
         */
        public Builder subjectParameters(Map<String, Object> parameters) {
            this.subjectParameters = Objects.requireNonNull(parameters, "parameters");
            return this;
        }

        /**
         * Sets the rich-object parameters of the message.
         *
         * @param parameters name to rich object
         * @return this builder
         */
        public Builder messageParameters(Map<String, Object> parameters) {
            this.messageParameters = Objects.requireNonNull(parameters, "parameters");
            return this;
        }

        /**
         * Sets the object the notification is about (default type {@code app_api}, a random id), so that a later
         * notification can refer to the same object.
         *
         * @param type the object type
         * @param id the object id
         * @return this builder
         */
        public Builder object(String type, String id) {
            this.objectType = Objects.requireNonNull(type, "type");
            this.objectId = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Builds the notification.
         *
         * @return the notification
         * @throws IllegalArgumentException when the subject is empty
         */
        public Notification build() {
            String id = objectId;
            if (id == null) {
                byte[] b = new byte[16];
                RANDOM.nextBytes(b);
                id = HexFormat.of().formatHex(b);
            }
            return new Notification(subject, message, link, subjectParameters, messageParameters, objectType, id);
        }
    }
}
