package dev.ncsdk.appstore.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A document as a canonical list of events, read either by {@link JsonCursor} or by Jackson's streaming parser, so
 * the two can be compared: token kind, and for field names, strings and numbers their text (decoded strings,
 * numbers as written).
 */
final class JsonEvents {

    /** Jackson configured as the store reader's Jackson code was before the cursor replaced it. */
    static final JsonFactory JACKSON = JsonFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build();

    /** One token: its kind (the cursor's names) and, for names and scalars with content, its text. */
    record Event(String kind, String text) {
        @Override
        public String toString() {
            return text == null ? kind : kind + " " + text;
        }
    }

    private JsonEvents() {}

    /** All root values' events, read by the cursor; a malformed document throws StoreFormatException. */
    static List<Event> cursor(byte[] json) {
        JsonCursor c = new JsonCursor(json);
        List<Event> out = new ArrayList<>();
        for (JsonCursor.Token t = c.next(); t != null; t = c.next()) {
            out.add(event(c, t));
        }
        return out;
    }

    /** The event for the cursor's current token. */
    static Event event(JsonCursor c, JsonCursor.Token t) {
        switch (t) {
            case FIELD_NAME:
                return new Event(t.name(), c.name());
            case STRING:
            case INT:
            case FLOAT:
                return new Event(t.name(), c.text());
            default:
                return new Event(t.name(), null);
        }
    }

    /** All root values' events, read by Jackson; a malformed document throws an IOException. */
    static List<Event> jackson(byte[] json) throws IOException {
        List<Event> out = new ArrayList<>();
        try (JsonParser p = JACKSON.createParser(json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                out.add(jacksonEvent(p, t));
            }
        }
        return out;
    }

    /** Like {@link #jackson(byte[])}, for documents Jackson is known to accept. */
    static List<Event> jacksonAccepted(byte[] json) {
        try {
            return jackson(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Event jacksonEvent(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT:
                return new Event("START_OBJECT", null);
            case END_OBJECT:
                return new Event("END_OBJECT", null);
            case START_ARRAY:
                return new Event("START_ARRAY", null);
            case END_ARRAY:
                return new Event("END_ARRAY", null);
            case FIELD_NAME:
                return new Event("FIELD_NAME", p.currentName());
            case VALUE_STRING:
                return new Event("STRING", p.getText());
            case VALUE_NUMBER_INT:
                return new Event("INT", p.getText());
            case VALUE_NUMBER_FLOAT:
                return new Event("FLOAT", p.getText());
            case VALUE_TRUE:
                return new Event("TRUE", null);
            case VALUE_FALSE:
                return new Event("FALSE", null);
            case VALUE_NULL:
                return new Event("NULL", null);
            default:
                throw new AssertionError("Jackson gave an unexpected token " + t);
        }
    }
}
