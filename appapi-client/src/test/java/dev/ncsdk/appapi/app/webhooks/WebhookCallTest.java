package dev.ncsdk.appapi.app.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The bodies of webhook calls: nextcloud/server {@code apps/webhook_listeners/lib/Listener/WebhooksEventListener.php}
 * ({@code event} with {@code class}, {@code user}, {@code time}); {@code lib/public/EventDispatcher/JsonSerializer.php}
 * (node {@code {id, path}}, user {@code {uid, displayName}}); {@code
 * lib/public/Files/Events/Node/AbstractNodeEvent.php}; {@code
 * lib/public/Calendar/Events/AbstractCalendarObjectEvent.php}; nextcloud/forms {@code
 * lib/Events/FormSubmittedEvent.php} ({@code Form::read()}, {@code Submission::read()}).
 */
class WebhookCallTest {
    private static WebhookCall parse(String json) {
        return WebhookCall.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsANodeCreatedCall() {
        WebhookCall c = parse("{\"event\":{\"node\":{\"id\":42,\"path\":\"/alice/files/Documents/report.odt\"},"
                + "\"class\":\"OCP\\\\Files\\\\Events\\\\Node\\\\NodeCreatedEvent\"},"
                + "\"user\":{\"uid\":\"alice\",\"displayName\":\"Alice A.\"},\"time\":1764800000}");
        assertThat(c.eventClass()).isEqualTo(WebhookEvents.NODE_CREATED);
        assertThat(c.userId()).contains("alice");
        assertThat(c.user().displayName()).isEqualTo("Alice A.");
        assertThat(c.time()).isEqualTo(Instant.ofEpochSecond(1764800000));
        NodeEvent e = c.nodeEvent().orElseThrow();
        assertThat(e.kind()).isEqualTo(NodeEvent.Kind.CREATED);
        assertThat(e.node().id()).isEqualTo(42);
        assertThat(e.node().owner()).isEqualTo("alice");
        assertThat(e.node().userPath()).isEqualTo("/Documents/report.odt");
        assertThat(c.calendarObjectEvent()).isEmpty();
        assertThat(c.formSubmittedEvent()).isEmpty();
    }

    @Test
    void readsChangedDeletedAndRenamedNodes() {
        WebhookCall written = parse("{\"event\":{\"node\":{\"id\":\"7\",\"path\":\"/bob/files/a.txt\"},"
                + "\"class\":\"OCP\\\\Files\\\\Events\\\\Node\\\\NodeWrittenEvent\"},\"user\":null,\"time\":1}");
        assertThat(written.nodeEvent().orElseThrow().kind()).isEqualTo(NodeEvent.Kind.WRITTEN);
        assertThat(written.nodeEvent().orElseThrow().node().id()).isEqualTo(7);
        assertThat(written.user()).isNull();
        assertThat(written.userId()).isEmpty();
        WebhookCall deleted = parse("{\"event\":{\"node\":{\"id\":7,\"path\":\"/bob/files/a.txt\"},"
                + "\"class\":\"OCP\\\\Files\\\\Events\\\\Node\\\\NodeDeletedEvent\"},\"user\":null,\"time\":1}");
        assertThat(deleted.nodeEvent().orElseThrow().kind()).isEqualTo(NodeEvent.Kind.DELETED);
        WebhookCall renamed = parse("{\"event\":{\"source\":{\"id\":7,\"path\":\"/bob/files/a.txt\"},"
                + "\"target\":{\"id\":7,\"path\":\"/bob/files/b.txt\"},"
                + "\"class\":\"OCP\\\\Files\\\\Events\\\\Node\\\\NodeRenamedEvent\"},\"user\":null,\"time\":1}");
        NodeEvent r = renamed.nodeEvent().orElseThrow();
        assertThat(r.kind()).isEqualTo(NodeEvent.Kind.RENAMED);
        assertThat(r.node()).isNull();
        assertThat(r.target().userPath()).isEqualTo("/b.txt");
    }

    @Test
    void readsACalendarObjectCall() {
        WebhookCall c = parse("{\"event\":{\"calendarId\":3,\"calendarData\":{\"id\":3,\"uri\":\"personal\","
                + "\"principaluri\":\"principals/users/alice\",\"{DAV:}displayname\":\"Personal\"},\"shares\":[],"
                + "\"objectData\":{\"id\":91,\"uri\":\"event-1.ics\",\"lastmodified\":1764800000,\"etag\":\"\\\"e1\\\"\","
                + "\"calendarid\":3,\"size\":120,\"calendardata\":\"BEGIN:VCALENDAR\\r\\nEND:VCALENDAR\",\"component\":"
                + "\"vevent\",\"classification\":0},\"class\":\"OCP\\\\Calendar\\\\Events\\\\CalendarObjectCreatedEvent\"},"
                + "\"user\":{\"uid\":\"alice\",\"displayName\":\"Alice\"},\"time\":1764800001}");
        CalendarObjectEvent e = c.calendarObjectEvent().orElseThrow();
        assertThat(e.eventClass()).isEqualTo(WebhookEvents.CALENDAR_OBJECT_CREATED);
        assertThat(e.calendarId()).isEqualTo(3);
        assertThat(e.calendarUri()).isEqualTo("personal");
        assertThat(e.principalUri()).isEqualTo("principals/users/alice");
        assertThat(e.objectUri()).isEqualTo("event-1.ics");
        assertThat(e.icalendar()).startsWith("BEGIN:VCALENDAR");
        assertThat(e.shares().isArray()).isTrue();
        assertThat(c.nodeEvent()).isEmpty();
    }

    @Test
    void readsAFormSubmittedCall() {
        WebhookCall c = parse("{\"event\":{\"form\":{\"id\":5,\"hash\":\"em4djk8B9BpXnkYG\",\"title\":\"Lunch\","
                + "\"description\":\"\",\"ownerId\":\"alice\",\"fileId\":null,\"fileFormat\":null,\"created\":1764700000,"
                + "\"access\":{\"permitAllUsers\":false,\"showToAllUsers\":false},\"expires\":0,\"isAnonymous\":false,"
                + "\"submitMultiple\":false,\"allowEditSubmissions\":false,\"showExpiration\":false,\"lastUpdated\":"
                + "1764700000,\"submissionMessage\":null,\"state\":0,\"lockedBy\":null,\"lockedUntil\":null},"
                + "\"submission\":{\"id\":77,\"formId\":5,\"userId\":\"bob\",\"timestamp\":\"1764800000\"},"
                + "\"class\":\"OCA\\\\Forms\\\\Events\\\\FormSubmittedEvent\"},"
                + "\"user\":{\"uid\":\"bob\",\"displayName\":\"Bob\"},\"time\":1764800000}");
        FormSubmittedEvent f = c.formSubmittedEvent().orElseThrow();
        assertThat(f.formId()).isEqualTo(5);
        assertThat(f.formHash()).isEqualTo("em4djk8B9BpXnkYG");
        assertThat(f.formTitle()).isEqualTo("Lunch");
        assertThat(f.ownerId()).isEqualTo("alice");
        assertThat(f.submissionId()).isEqualTo(77);
        assertThat(f.submitterId()).isEqualTo("bob");
        assertThat(f.timestamp()).isEqualTo(1764800000L);
        assertThat(f.form().get("access").isObject()).isTrue();
    }

    @Test
    void keepsOtherEventsRaw() {
        WebhookCall c =
                parse("{\"event\":{\"share\":{\"id\":\"9\"},\"class\":\"OCP\\\\Share\\\\Events\\\\ShareCreatedEvent\"},"
                        + "\"user\":null,\"time\":5,\"tokens\":{}}");
        assertThat(c.nodeEvent()).isEmpty();
        assertThat(c.calendarObjectEvent()).isEmpty();
        assertThat(c.formSubmittedEvent()).isEmpty();
        assertThat(c.event().at("/share/id").asText()).isEqualTo("9");
        assertThat(c.raw().has("tokens")).isTrue();
    }

    @Test
    void refusesABodyWithoutAnEvent() {
        assertThatThrownBy(() -> parse("{\"user\":null}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
