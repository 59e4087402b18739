package dev.ncsdk.appapi.app.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;
import java.util.Optional;

/**
 * A calendar-object event ({@code OCP\Calendar\Events\CalendarObject*Event}, Nextcloud 32+; server {@code
 * AbstractCalendarObjectEvent::getWebhookSerializable}: {@code calendarId}, {@code calendarData}, {@code shares},
 * {@code objectData}). The data objects are CalDAV backend rows, kept as trees; the helpers read the usual fields.
 *
 * <pre>{@code
 * call.calendarObjectEvent().ifPresent(e -> parseIcs(e.icalendar()));
 * }</pre>
 *
 * @param eventClass the event class
 * @param calendarId the calendar's id
 * @param calendarData the calendar's row ({@code uri}, {@code principaluri}, {@code {DAV:}displayname}...)
 * @param shares the calendar's shares
 * @param objectData the object's row ({@code uri}, {@code calendardata}, {@code etag}, {@code component}...)
 * @since 0.1.0
 */
public record CalendarObjectEvent(
        String eventClass, long calendarId, JsonNode calendarData, JsonNode shares, JsonNode objectData) {
    /** Empty objects instead of {@code null}; trees copied. */
    public CalendarObjectEvent {
        eventClass = eventClass == null ? "" : eventClass;
        calendarData = calendarData == null ? Json.object() : calendarData.deepCopy();
        shares = shares == null ? Json.MAPPER.createArrayNode() : shares.deepCopy();
        objectData = objectData == null ? Json.object() : objectData.deepCopy();
    }

    static Optional<CalendarObjectEvent> from(String eventClass, JsonNode event) {
        if (!event.has("calendarId") || !event.has("objectData")) {
            return Optional.empty();
        }
        Long id = Json.lng(event, "calendarId");
        return Optional.of(new CalendarObjectEvent(
                eventClass,
                id == null ? 0 : id,
                event.get("calendarData"),
                event.get("shares"),
                event.get("objectData")));
    }

    /**
     * The object's uri in the calendar ({@code objectData.uri}, such as {@code event-1.ics}).
     *
     * @return the uri, {@code ""} when not sent
     */
    public String objectUri() {
        return Json.strOrEmpty(objectData, "uri");
    }

    /**
     * The object's iCalendar text ({@code objectData.calendardata}).
     *
     * @return the text, {@code ""} when not sent
     */
    public String icalendar() {
        return Json.strOrEmpty(objectData, "calendardata");
    }

    /**
     * The calendar's uri ({@code calendarData.uri}).
     *
     * @return the uri, {@code ""} when not sent
     */
    public String calendarUri() {
        return Json.strOrEmpty(calendarData, "uri");
    }

    /**
     * The calendar owner's principal ({@code calendarData.principaluri}, such as {@code principals/users/alice}).
     *
     * @return the principal, {@code ""} when not sent
     */
    public String principalUri() {
        return Json.strOrEmpty(calendarData, "principaluri");
    }
}
