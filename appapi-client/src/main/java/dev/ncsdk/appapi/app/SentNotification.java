package dev.ncsdk.appapi.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The notification as Nextcloud created it (AppAPI's answer to {@code POST /api/v1/notification}). The parsed
 * subject and message are empty in that answer: Nextcloud renders them only when the user's client asks.
 *
 * <pre>{@code
 * SentNotification s = nc.asUser("alice").notifications().send(Notification.of("Hi", ""));
 * String objectId = s.objectId();
 * }</pre>
 *
 * @param app the ExApp
 * @param user the recipient
 * @param dateTime the creation time as sent (ISO 8601)
 * @param objectType the object type
 * @param objectId the object id
 * @param subject the parsed subject (usually empty)
 * @param message the parsed message (usually empty)
 * @param link the link
 * @param icon the icon URL
 * @since 0.1.0
 */
public record SentNotification(
        String app,
        String user,
        String dateTime,
        String objectType,
        String objectId,
        String subject,
        String message,
        String link,
        String icon) {

    /**
     * Fills absent text with {@code ""}.
     *
     * @param app the ExApp
     * @param user the recipient
     * @param dateTime the creation time
     * @param objectType the object type
     * @param objectId the object id
     * @param subject the subject
     * @param message the message
     * @param link the link
     * @param icon the icon
     */
    public SentNotification {
        app = app == null ? "" : app;
        user = user == null ? "" : user;
        dateTime = dateTime == null ? "" : dateTime;
        objectType = objectType == null ? "" : objectType;
        objectId = objectId == null ? "" : objectId;
        subject = subject == null ? "" : subject;
        message = message == null ? "" : message;
        link = link == null ? "" : link;
        icon = icon == null ? "" : icon;
    }

    static SentNotification read(JsonNode n) {
        return new SentNotification(
                Json.str(n, "app"),
                Json.str(n, "user"),
                Json.str(n, "datetime"),
                Json.str(n, "object_type"),
                Json.str(n, "object_id"),
                Json.str(n, "subject"),
                Json.str(n, "message"),
                Json.str(n, "link"),
                Json.str(n, "icon"));
    }

    /**
     * The creation time.
     *
     * <pre>{@code
     * OffsetDateTime t = sent.time().orElseThrow();
     * }</pre>
     *
     * @return the time, or empty when absent or unreadable
     */
    public Optional<OffsetDateTime> time() {
        try {
            return dateTime.isEmpty() ? Optional.empty() : Optional.of(OffsetDateTime.parse(dateTime));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
