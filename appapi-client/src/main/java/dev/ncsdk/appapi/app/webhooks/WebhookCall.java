package dev.ncsdk.appapi.app.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.ncsdk.appapi.internal.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One call of a webhook listener (server {@code WebhooksEventListener}: {@code {"event": {...the event's fields,
 * "class": ...}, "user": {"uid", "displayName"} | null, "time": <seconds>}}), with typed views of the common event
 * families and the raw JSON for the rest.
 *
 * <pre>{@code
 * WebhookCall call = WebhookCall.parse(request.body());
 * call.nodeEvent().ifPresent(e -> ...);            // OCP\Files\Events\Node\*
 * call.calendarObjectEvent().ifPresent(e -> ...);  // OCP\Calendar\Events\CalendarObject*
 * call.formSubmittedEvent().ifPresent(e -> ...);   // OCA\Forms\Events\FormSubmittedEvent
 * JsonNode other = call.event();                   // anything else
 * }</pre>
 *
 * @param eventClass the event's class ({@code event.class})
 * @param event the event's fields
 * @param user the user who caused the event, or {@code null} (a background job, a public share...)
 * @param time when the event happened
 * @param raw the whole body
 * @since 0.1.0
 */
public record WebhookCall(String eventClass, JsonNode event, WebhookUser user, Instant time, JsonNode raw) {
    /** Empty values instead of {@code null}; trees copied. */
    public WebhookCall {
        eventClass = eventClass == null ? "" : eventClass;
        event = event == null ? Json.object() : event.deepCopy();
        time = time == null ? Instant.EPOCH : time;
        raw = raw == null ? MissingNode.getInstance() : raw.deepCopy();
    }

    /**
     * Reads a call's body.
     *
     * <pre>{@code
     * WebhookCall call = WebhookCall.parse(request.body());
     * }</pre>
     *
     * @param body the JSON body
     * @return the call
     * @throws IllegalArgumentException when the body is not a JSON object with an {@code event} object
     */
    public static WebhookCall parse(byte[] body) {
        Objects.requireNonNull(body, "body");
        JsonNode n;
        try {
            n = Json.parse(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a webhook call is JSON: " + e.getMessage(), e);
        }
        return fromJson(n);
    }

    /**
     * Reads a call already parsed.
     *
     * <pre>{@code
     * WebhookCall call = WebhookCall.fromJson(request.json());
     * }</pre>
     *
     * @param node the body
     * @return the call
     * @throws IllegalArgumentException when the node is not an object with an {@code event} object
     */
    public static WebhookCall fromJson(JsonNode node) {
        JsonNode event = Json.obj(node, "event");
        if (event == null) {
            throw new IllegalArgumentException("a webhook call is an object with an 'event' object");
        }
        JsonNode u = Json.obj(node, "user");
        Long t = Json.lng(node, "time");
        return new WebhookCall(
                Json.strOrEmpty(event, "class"),
                event,
                u == null ? null : WebhookUser.fromJson(u),
                t == null ? Instant.EPOCH : Instant.ofEpochSecond(t),
                node);
    }

    /**
     * The user who caused the event.
     *
     * @return the user id, or empty
     */
    public Optional<String> userId() {
        return user == null || user.uid().isEmpty() ? Optional.empty() : Optional.of(user.uid());
    }

    /**
     * The event as a file event, when it is one ({@code OCP\Files\Events\Node\...} with a {@code node}, or a
     * {@code source} and {@code target}).
     *
     * @return the event, or empty
     */
    public Optional<NodeEvent> nodeEvent() {
        return eventClass.startsWith("OCP\\Files\\Events\\Node\\")
                ? NodeEvent.from(eventClass, event)
                : Optional.empty();
    }

    /**
     * The event as a calendar-object event, when it is one.
     *
     * @return the event, or empty
     */
    public Optional<CalendarObjectEvent> calendarObjectEvent() {
        return eventClass.startsWith("OCP\\Calendar\\Events\\CalendarObject")
                ? CalendarObjectEvent.from(eventClass, event)
                : Optional.empty();
    }

    /**
     * The event as a submitted form, when it is one.
     *
     * @return the event, or empty
     */
    public Optional<FormSubmittedEvent> formSubmittedEvent() {
        return eventClass.equals(WebhookEvents.FORM_SUBMITTED) ? FormSubmittedEvent.from(event) : Optional.empty();
    }
}
