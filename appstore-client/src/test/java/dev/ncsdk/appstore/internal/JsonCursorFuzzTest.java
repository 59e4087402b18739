package dev.ncsdk.appstore.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ncsdk.appstore.StoreFormatException;
import dev.ncsdk.appstore.internal.JsonCursor.Token;
import dev.ncsdk.appstore.internal.JsonEvents.Event;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzes the cursor alone (any bytes give tokens or a StoreFormatException, and skipping or slicing agrees with a
 * plain read) and against Jackson (same verdict and same events on well-formed UTF-8 documents).
 *
 * <p>Differences that are accepted and therefore not reported (see {@link JsonCursorJacksonDifferentialTest}):
 * ill-formed UTF-8 (the cursor is stricter; such inputs are not compared at all), encoding detection of documents
 * starting with a zero byte (not compared) or made of a UTF-8 byte order mark alone (Jackson needs four bytes to
 * see the mark), the number length limit (characters for the cursor, digits for Jackson: a cursor refusal "number
 * longer than 1000 characters" is not compared), and unpaired surrogate escapes in field names (Jackson refuses
 * them, the cursor keeps them as in values).
 */
class JsonCursorFuzzTest {

    private static final int MAX_INPUT = 4096;

    /** Any bytes give a token stream or a StoreFormatException; skipping containers and slicing agree with it. */
    @FuzzTest(maxDuration = "10s")
    void tokensOrStoreFormatException(byte[] data) {
        if (data.length > MAX_INPUT) {
            return;
        }
        List<Event> events;
        try {
            events = JsonEvents.cursor(data);
        } catch (StoreFormatException e) {
            assertThat(e.getMessage()).matches("(?s).* at byte \\d+");
            return;
        }
        JsonCursor c = new JsonCursor(data);
        int k = 0;
        for (Token t = c.next(); t != null; t = c.next(), k++) {
            assertThat(JsonEvents.event(c, t)).isEqualTo(events.get(k));
            byte[] slice = Arrays.copyOfRange(c.bytes(), c.tokenStart(), c.position());
            switch (t) {
                case START_OBJECT:
                case START_ARRAY:
                    assertThat(slice).containsExactly(t == Token.START_OBJECT ? '{' : '[');
                    if (k % 2 == 1) {
                        int from = c.tokenStart();
                        c.skipChildren();
                        List<Event> skipped = JsonEvents.cursor(Arrays.copyOfRange(c.bytes(), from, c.position()));
                        assertThat(skipped).isEqualTo(events.subList(k, k + skipped.size()));
                        k += skipped.size() - 1;
                        assertThat(c.current().name()).isEqualTo(events.get(k).kind());
                    }
                    break;
                case STRING:
                case INT:
                case FLOAT:
                case TRUE:
                case FALSE:
                case NULL:
                    assertThat(JsonEvents.cursor(slice)).containsExactly(events.get(k));
                    numbers(c, t);
                    c.skipChildren();
                    assertThat(c.current()).isEqualTo(t);
                    break;
                case FIELD_NAME:
                    // the name in quotes, then space and the colon
                    assertThat(slice[0]).isEqualTo((byte) '"');
                    assertThat(slice[slice.length - 1]).isEqualTo((byte) ':');
                    break;
                default:
                    assertThat(slice).containsExactly(t == Token.END_OBJECT ? '}' : ']');
            }
        }
        assertThat(k).isEqualTo(events.size());
    }

    private static void numbers(JsonCursor c, Token t) {
        if (t == Token.INT) {
            try {
                assertThat(c.longValue()).isEqualTo(Long.parseLong(c.text()));
            } catch (StoreFormatException e) {
                assertThat(e.getMessage()).startsWith("number out of range");
            }
        }
        if (t == Token.INT || t == Token.FLOAT) {
            assertThat(c.doubleValue()).isEqualTo(Double.parseDouble(c.text()));
        }
    }

    /** On well-formed UTF-8, the cursor accepts exactly what Jackson accepts, with the same events. */
    @FuzzTest(maxDuration = "10s")
    void agreesWithJackson(byte[] data) {
        if (data.length > MAX_INPUT || !isWellFormedUtf8(data)) {
            return;
        }
        if (data.length >= 2 && (data[0] == 0 || data[1] == 0)) {
            return; // UTF-16/32 detection: not compared
        }
        if (data.length == 3 && data[0] == (byte) 0xEF && data[1] == (byte) 0xBB && data[2] == (byte) 0xBF) {
            return; // a byte order mark alone: Jackson does not see it as one
        }
        List<Event> jackson;
        String jacksonError = null;
        try {
            jackson = JsonEvents.jackson(data);
        } catch (IOException e) {
            jackson = null;
            jacksonError = e.getMessage();
        }
        List<Event> cursor;
        String cursorError = null;
        try {
            cursor = JsonEvents.cursor(data);
        } catch (StoreFormatException e) {
            if (e.getMessage().startsWith("number longer than")) {
                return; // characters against digits: an accepted difference
            }
            cursor = null;
            cursorError = e.getMessage();
        }
        if (jackson == null && cursor != null && cursor.stream().anyMatch(JsonCursorFuzzTest::nameWithLoneSurrogate)) {
            return; // Jackson refuses unpaired surrogates in field names: an accepted difference
        }
        String input = new String(data, UTF_8);
        assertThat(cursor == null)
                .as("cursor refuses (%s) ⇔ Jackson refuses (%s) for %s", cursorError, jacksonError, input)
                .isEqualTo(jackson == null);
        if (cursor != null) {
            assertThat(cursor).as("events of %s", input).isEqualTo(jackson);
        }
    }

    private static boolean nameWithLoneSurrogate(Event e) {
        if (!e.kind().equals("FIELD_NAME")) {
            return false;
        }
        String s = e.text();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWellFormedUtf8(byte[] data) {
        try {
            UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
