package dev.ncsdk.appstore.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.appstore.StoreFormatException;
import dev.ncsdk.appstore.internal.JsonCursor.Token;
import dev.ncsdk.appstore.internal.JsonEvents.Event;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonCursorTest {

    private static JsonCursor cursor(String json) {
        return new JsonCursor(json.getBytes(UTF_8));
    }

    private static List<Event> events(String json) {
        return JsonEvents.cursor(json.getBytes(UTF_8));
    }

    private static Event ev(String kind) {
        return new Event(kind, null);
    }

    private static Event ev(String kind, String text) {
        return new Event(kind, text);
    }

    // ---- token sequences

    @Test
    void readsEveryValueKindInOrder() {
        assertThat(events("{\"o\":{},\"a\":[],\"s\":\"x\",\"i\":-12,\"f\":0.5,\"t\":true,\"n\":null,\"b\":false}"))
                .containsExactly(
                        ev("START_OBJECT"),
                        ev("FIELD_NAME", "o"),
                        ev("START_OBJECT"),
                        ev("END_OBJECT"),
                        ev("FIELD_NAME", "a"),
                        ev("START_ARRAY"),
                        ev("END_ARRAY"),
                        ev("FIELD_NAME", "s"),
                        ev("STRING", "x"),
                        ev("FIELD_NAME", "i"),
                        ev("INT", "-12"),
                        ev("FIELD_NAME", "f"),
                        ev("FLOAT", "0.5"),
                        ev("FIELD_NAME", "t"),
                        ev("TRUE"),
                        ev("FIELD_NAME", "n"),
                        ev("NULL"),
                        ev("FIELD_NAME", "b"),
                        ev("FALSE"),
                        ev("END_OBJECT"));
    }

    @Test
    void readsNestedArraysWithWhitespaceEverywhereJsonAllowsIt() {
        assertThat(events(" \t\r\n[ [ 1 , [ ] ] ,\n{ \"k\" : [ \"v\" ] } ]\n"))
                .containsExactly(
                        ev("START_ARRAY"),
                        ev("START_ARRAY"),
                        ev("INT", "1"),
                        ev("START_ARRAY"),
                        ev("END_ARRAY"),
                        ev("END_ARRAY"),
                        ev("START_OBJECT"),
                        ev("FIELD_NAME", "k"),
                        ev("START_ARRAY"),
                        ev("STRING", "v"),
                        ev("END_ARRAY"),
                        ev("END_OBJECT"),
                        ev("END_ARRAY"));
    }

    @Test
    void currentFollowsTheTokensAndIsNullBeforeAndAfter() {
        JsonCursor c = cursor("[true]");
        assertThat(c.current()).isNull();
        assertThat(c.next()).isEqualTo(Token.START_ARRAY);
        assertThat(c.current()).isEqualTo(Token.START_ARRAY);
        assertThat(c.next()).isEqualTo(Token.TRUE);
        assertThat(c.text()).isEqualTo("true");
        assertThat(c.next()).isEqualTo(Token.END_ARRAY);
        assertThat(c.next()).isNull();
        assertThat(c.current()).isNull();
        assertThat(c.next()).isNull();
    }

    @Test
    void nameIsTheFieldNameWhileOnItsValue() {
        JsonCursor c = cursor("{\"k\":{\"inner\":1}}");
        c.next();
        c.next();
        assertThat(c.name()).isEqualTo("k");
        assertThat(c.text()).isEqualTo("k");
        assertThat(c.next()).isEqualTo(Token.START_OBJECT);
        assertThat(c.name()).isEqualTo("k");
        c.next();
        assertThat(c.next()).isEqualTo(Token.INT);
        assertThat(c.name()).isEqualTo("inner");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{}", "[{\"a\":[]}]"})
    void textOnAStructuralTokenIsAnIllegalState(String json) {
        JsonCursor c = cursor(json);
        c.next();
        assertThatThrownBy(c::text).isInstanceOf(IllegalStateException.class);
    }

    // ---- numbers

    @ParameterizedTest
    @CsvSource({
        "0, INT",
        "-0, INT",
        "7, INT",
        "-123456789, INT",
        "9223372036854775807, INT",
        "-9223372036854775808, INT",
        "1.5e-3, FLOAT",
        "1E+2, FLOAT",
        "1e2, FLOAT",
        "-0.0, FLOAT",
        "0e0, FLOAT",
        "2.50, FLOAT",
        "123456789012345678901234567890, INT",
    })
    void numbersKeepTheirTextAndKind(String text, Token kind) {
        JsonCursor c = cursor("[" + text + "]");
        c.next();
        assertThat(c.next()).isEqualTo(kind);
        assertThat(c.text()).isEqualTo(text);
        assertThat(c.doubleValue()).isEqualTo(Double.parseDouble(text));
        assertThat(c.next()).isEqualTo(Token.END_ARRAY);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "-0, 0",
        "42, 42",
        "-42, -42",
        "9223372036854775807, 9223372036854775807",
        "-9223372036854775808, -9223372036854775808"
    })
    void longValueReadsIntegers(String text, long expected) {
        JsonCursor c = cursor(text);
        assertThat(c.next()).isEqualTo(Token.INT);
        assertThat(c.longValue()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "-9223372036854775809", "123456789012345678901234567890"})
    void longValueOverflowIsAStoreFormatException(String text) {
        JsonCursor c = cursor("{\"n\": " + text + "}");
        c.next();
        c.next();
        assertThat(c.next()).isEqualTo(Token.INT);
        assertThatThrownBy(c::longValue)
                .isInstanceOf(StoreFormatException.class)
                .hasMessageContaining(text)
                .hasMessageEndingWith("at byte 6");
    }

    @Test
    void doubleValueReadsFloats() {
        JsonCursor c = cursor("[1.5e-3, -2E+2, 0.1]");
        c.next();
        c.next();
        assertThat(c.doubleValue()).isEqualTo(0.0015);
        c.next();
        assertThat(c.doubleValue()).isEqualTo(-200.0);
        c.next();
        assertThat(c.doubleValue()).isEqualTo(0.1);
    }

    @Test
    void aNumberOfExactlyTheLengthLimitIsRead() {
        String digits = "1".repeat(JsonCursor.MAX_NUMBER_LENGTH);
        JsonCursor c = cursor("[" + digits + "]");
        c.next();
        assertThat(c.next()).isEqualTo(Token.INT);
        assertThat(c.text()).isEqualTo(digits);
    }

    @Test
    void aNumberLongerThanTheLimitIsRefused() {
        String digits = "1".repeat(JsonCursor.MAX_NUMBER_LENGTH + 1);
        assertThatThrownBy(() -> events("[" + digits + "]"))
                .isInstanceOf(StoreFormatException.class)
                .hasMessage("number longer than 1000 characters at byte 1");
    }

    // ---- strings

    static Stream<Arguments> strings() {
        return Stream.of(
                Arguments.of("\"\"", ""),
                Arguments.of("\"plain ascii ~!@#$%^&*()\"", "plain ascii ~!@#$%^&*()"),
                Arguments.of("\"caf\u00e9\"", "caf\u00e9"), // 2-byte UTF-8
                Arguments.of("\"5 \u20ac\"", "5 \u20ac"), // 3-byte UTF-8
                Arguments.of("\"\ud83d\ude00!\"", "\ud83d\ude00!"), // 4-byte UTF-8
                Arguments.of(
                        "\"\u00e9\u20ac\ud83d\ude00\u0800\u07ff\uffff\"", "\u00e9\u20ac\ud83d\ude00\u0800\u07ff\uffff"),
                Arguments.of("\"\\\"\"", "\""),
                Arguments.of("\"\\\\\"", "\\"),
                Arguments.of("\"\\/\"", "/"),
                Arguments.of("\"\\b\"", "\b"),
                Arguments.of("\"\\f\"", "\f"),
                Arguments.of("\"\\n\"", "\n"),
                Arguments.of("\"\\r\"", "\r"),
                Arguments.of("\"\\t\"", "\t"),
                Arguments.of("\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\"", "a\"b\\c/d\be\ff\ng\rh\ti"),
                Arguments.of("\"\\u0041\\u0000\\u001f\\u007F\"", "A\u0000\u001f\u007f"),
                Arguments.of("\"\\u00e9\"", "\u00e9"),
                Arguments.of("\"\\u00E9\"", "\u00e9"),
                Arguments.of("\"\\u0080\\u07ff\\u0800\"", "\u0080\u07ff\u0800"),
                Arguments.of("\"\\u20ac\"", "\u20ac"),
                Arguments.of("\"\\uFFFF\"", "\uffff"),
                Arguments.of("\"\\ud83d\\ude00\"", "\ud83d\ude00"),
                Arguments.of("\"\\ud83d\\ude00\"", "😀"),
                Arguments.of("\"x\\ud800y\"", "x\ud800y"), // lone high surrogate kept as a char
                Arguments.of("\"\\udc00\"", "\udc00"), // lone low surrogate kept as a char
                Arguments.of("\"\\ude00\\ud83d\"", "\ude00\ud83d"), // reversed pair kept as two chars
                Arguments.of("\"caf\\u00e9 \u20ac\\n\"", "caf\u00e9 \u20ac\n"), // escapes mixed with raw UTF-8
                Arguments.of("\"\u00e9\\ud83d\\ude00\ud83d\ude00\\t\u20ac\"", "\u00e9😀😀\t\u20ac"),
                Arguments.of("\"\u00e9\\ud800\u20ac\"", "\u00e9\ud800\u20ac"),
                Arguments.of("\"\u007f\"", "\u007f"));
    }

    @ParameterizedTest
    @MethodSource("strings")
    void stringsDecode(String json, String expected) {
        JsonCursor c = cursor("[" + json + "]");
        c.next();
        assertThat(c.next()).isEqualTo(Token.STRING);
        assertThat(c.text()).isEqualTo(expected);
        // decoding is lazy and repeatable
        assertThat(c.text()).isEqualTo(expected);
        assertThat(c.next()).isEqualTo(Token.END_ARRAY);
    }

    @ParameterizedTest
    @MethodSource("strings")
    void fieldNamesDecodeLikeStrings(String json, String expected) {
        JsonCursor c = cursor("{" + json + ":1}");
        c.next();
        assertThat(c.next()).isEqualTo(Token.FIELD_NAME);
        assertThat(c.name()).isEqualTo(expected);
        assertThat(c.text()).isEqualTo(expected);
    }

    @Test
    void repeatedPlainFieldNamesAreTheSameString() {
        JsonCursor c = cursor("[{\"id\":1,\"name\":2},{\"id\":3,\"name\":4}]");
        List<String> names = new ArrayList<>();
        for (Token t = c.next(); t != null; t = c.next()) {
            if (t == Token.FIELD_NAME) {
                names.add(c.name());
            }
        }
        assertThat(names).containsExactly("id", "name", "id", "name");
        assertThat(names.get(2)).isSameAs(names.get(0));
        assertThat(names.get(3)).isSameAs(names.get(1));
    }

    @Test
    void repeatedNamesWithEscapesNonAsciiOrGreatLengthStayEqual() {
        String longName = "n".repeat(100);
        String doc = "[{\"caf\u00e9\":1,\"a\\tb\":2,\"" + longName + "\":3},{\"caf\u00e9\":1,\"a\\tb\":2,\"" + longName
                + "\":3}]";
        List<String> names = new ArrayList<>();
        JsonCursor c = cursor(doc);
        for (Token t = c.next(); t != null; t = c.next()) {
            if (t == Token.FIELD_NAME) {
                names.add(c.name());
            }
        }
        assertThat(names).containsExactly("caf\u00e9", "a\tb", longName, "caf\u00e9", "a\tb", longName);
    }

    @Test
    void manyDistinctNamesSharingCacheSlotsAllReadBackRight() {
        // more names than the cache has slots, twice over: collisions must replace, never confuse
        StringBuilder doc = new StringBuilder("[");
        List<String> expected = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            doc.append(round == 0 ? "{" : ",{");
            for (int k = 0; k < 2000; k++) {
                String name = "f" + Integer.toString(k * 7919, 36);
                doc.append(k == 0 ? "" : ",")
                        .append('"')
                        .append(name)
                        .append("\":")
                        .append(k);
                expected.add(name);
            }
            doc.append('}');
        }
        doc.append(']');
        List<String> names = new ArrayList<>();
        JsonCursor c = cursor(doc.toString());
        for (Token t = c.next(); t != null; t = c.next()) {
            if (t == Token.FIELD_NAME) {
                names.add(c.name());
            }
        }
        assertThat(names).isEqualTo(expected);
    }

    @Test
    void fieldNamesSurviveReadingTheirValues() {
        JsonCursor c = cursor("{\"a\":\"va\",\"b\":[\"x\"]}");
        c.next();
        c.next();
        c.next();
        assertThat(c.text()).isEqualTo("va");
        assertThat(c.name()).isEqualTo("a");
        c.next();
        c.next();
        c.next();
        assertThat(c.text()).isEqualTo("x");
        assertThat(c.name()).isEqualTo("b");
    }

    // ---- skipChildren

    @Test
    void skipChildrenOnAnObjectMovesToItsEnd() {
        JsonCursor c = cursor("{\"a\":{\"b\":[1,{\"c\":2}],\"d\":{}},\"e\":3}");
        c.next();
        c.next();
        assertThat(c.next()).isEqualTo(Token.START_OBJECT);
        c.skipChildren();
        assertThat(c.current()).isEqualTo(Token.END_OBJECT);
        assertThat(c.next()).isEqualTo(Token.FIELD_NAME);
        assertThat(c.name()).isEqualTo("e");
        assertThat(c.next()).isEqualTo(Token.INT);
        assertThat(c.next()).isEqualTo(Token.END_OBJECT);
        assertThat(c.next()).isNull();
    }

    @Test
    void skipChildrenOnAnArrayMovesToItsEnd() {
        JsonCursor c = cursor("[[1,[2,[3]],{\"x\":[]}],\"after\"]");
        c.next();
        assertThat(c.next()).isEqualTo(Token.START_ARRAY);
        c.skipChildren();
        assertThat(c.current()).isEqualTo(Token.END_ARRAY);
        assertThat(c.next()).isEqualTo(Token.STRING);
        assertThat(c.text()).isEqualTo("after");
    }

    @Test
    void skipChildrenOnTheRootSkipsTheWholeValue() {
        JsonCursor c = cursor("{\"a\":[1,2]} 3");
        c.next();
        c.skipChildren();
        assertThat(c.current()).isEqualTo(Token.END_OBJECT);
        assertThat(c.next()).isEqualTo(Token.INT);
        assertThat(c.next()).isNull();
    }

    @Test
    void skipChildrenOnAnEmptyContainerMovesToItsEnd() {
        JsonCursor c = cursor("[{},[]]");
        c.next();
        c.next();
        c.skipChildren();
        assertThat(c.current()).isEqualTo(Token.END_OBJECT);
        assertThat(c.next()).isEqualTo(Token.START_ARRAY);
        c.skipChildren();
        assertThat(c.current()).isEqualTo(Token.END_ARRAY);
        assertThat(c.next()).isEqualTo(Token.END_ARRAY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"s\"", "12", "1.5", "true", "false", "null"})
    void skipChildrenOnAScalarStaysPut(String scalar) {
        JsonCursor c = cursor("{\"k\":" + scalar + ",\"next\":1}");
        c.next();
        c.next();
        Token t = c.next();
        c.skipChildren();
        assertThat(c.current()).isEqualTo(t);
        assertThat(c.text()).isEqualTo(t == Token.STRING ? "s" : scalar);
        assertThat(c.next()).isEqualTo(Token.FIELD_NAME);
        assertThat(c.name()).isEqualTo("next");
    }

    @Test
    void skipChildrenOnAFieldNameStaysPut() {
        JsonCursor c = cursor("{\"k\":[1]}");
        c.next();
        c.next();
        c.skipChildren();
        assertThat(c.current()).isEqualTo(Token.FIELD_NAME);
        assertThat(c.next()).isEqualTo(Token.START_ARRAY);
    }

    @Test
    void skipChildrenStillChecksTheSkippedText() {
        JsonCursor c = cursor("[{\"a\":[1,,2]}]");
        c.next();
        c.next();
        assertThatThrownBy(c::skipChildren)
                .isInstanceOf(StoreFormatException.class)
                .hasMessageEndingWith("at byte 9");
    }

    // ---- token ranges

    @Test
    void theRangeOfAnObjectValueReparsesToTheSameContent() {
        String doc = "{\"skip\":1,\"v\" : {\"caf\u00e9\":[1,2.5,\"x\\ny\"],\"o\":{\"t\":true}} ,\"after\":null}";
        JsonCursor c = cursor(doc);
        List<Event> all = events(doc);
        c.next();
        c.next();
        c.next();
        c.next();
        assertThat(c.name()).isEqualTo("v");
        assertThat(c.next()).isEqualTo(Token.START_OBJECT);
        int from = c.tokenStart();
        c.skipChildren();
        int to = c.position();
        byte[] slice = Arrays.copyOfRange(c.bytes(), from, to);
        assertThat(new String(slice, UTF_8)).isEqualTo("{\"caf\u00e9\":[1,2.5,\"x\\ny\"],\"o\":{\"t\":true}}");
        assertThat(JsonEvents.cursor(slice))
                .isEqualTo(all.subList(4, 4 + JsonEvents.cursor(slice).size()));
        assertThat(JsonEvents.cursor(slice)).isEqualTo(JsonEvents.jacksonAccepted(slice));
        assertThat(c.next()).isEqualTo(Token.FIELD_NAME);
        assertThat(c.name()).isEqualTo("after");
    }

    @Test
    void eachValueTokensRangeIsItsText() {
        String doc = " [ \"a\\u00e9\" , -1.5e3 , true,false ,null, {\"k\" :[]} ] ";
        JsonCursor c = cursor(doc);
        List<String> ranges = new ArrayList<>();
        for (Token t = c.next(); t != null; t = c.next()) {
            ranges.add(t + "=" + new String(c.bytes(), c.tokenStart(), c.position() - c.tokenStart(), UTF_8));
        }
        assertThat(ranges)
                .containsExactly(
                        "START_ARRAY=[",
                        "STRING=\"a\\u00e9\"",
                        "FLOAT=-1.5e3",
                        "TRUE=true",
                        "FALSE=false",
                        "NULL=null",
                        "START_OBJECT={",
                        "FIELD_NAME=\"k\" :",
                        "START_ARRAY=[",
                        "END_ARRAY=]",
                        "END_OBJECT=}",
                        "END_ARRAY=]");
    }

    // ---- encodings

    @Test
    void aUtf8ByteOrderMarkIsSkipped() {
        byte[] doc = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "{\"a\":\"\u00e9\"}".getBytes(UTF_8));
        assertThat(JsonEvents.cursor(doc)).isEqualTo(events("{\"a\":\"\u00e9\"}"));
    }

    @Test
    void aByteOrderMarkAloneIsAnEmptyDocument() {
        assertThat(new JsonCursor(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}).next())
                .isNull();
    }

    static Stream<Arguments> wideEncodings() {
        String doc = "{\"n\u00e4me\":[\"\u20ac \ud83d\ude00\",\"\\u00e9\",12,-1.5,true,false,null,{}]}";
        String scalar = "\"\u00e9\"";
        return Stream.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE")
                .flatMap(cs -> Stream.of(
                        Arguments.of(cs, doc, false),
                        Arguments.of(cs, doc, true),
                        Arguments.of(cs, scalar, false),
                        Arguments.of(cs, "7", false),
                        Arguments.of(cs, " [1] ", true)));
    }

    @ParameterizedTest
    @MethodSource("wideEncodings")
    void utf16And32DocumentsReadLikeTheirUtf8Form(String charset, String doc, boolean bom) {
        byte[] wide = ((bom ? "\ufeff" : "") + doc).getBytes(Charset.forName(charset));
        assertThat(JsonEvents.cursor(wide)).isEqualTo(events(doc)).isNotEmpty();
    }

    @Test
    void utf16WithAByteOrderMarkOnlyIsDetectedFromTheMark() {
        // "ab" in UTF-16 has no zero byte: only the mark tells the encoding
        byte[] be = "\ufeff[\"\u4e2d\u6587\"]".getBytes(Charset.forName("UTF-16BE"));
        assertThat(JsonEvents.cursor(be)).isEqualTo(events("[\"\u4e2d\u6587\"]"));
        byte[] le = "\ufeff[\"\u4e2d\u6587\"]".getBytes(Charset.forName("UTF-16LE"));
        assertThat(JsonEvents.cursor(le)).isEqualTo(events("[\"\u4e2d\u6587\"]"));
    }

    // ---- root values, empty input, depth

    @Test
    void severalRootValuesFollowEachOtherThenNull() {
        JsonCursor c = cursor("{\"a\":1} [2]\"s\" 3\n-4.5\ttrue false null{}");
        List<Event> got = new ArrayList<>();
        for (Token t = c.next(); t != null; t = c.next()) {
            got.add(JsonEvents.event(c, t));
        }
        assertThat(got)
                .containsExactly(
                        ev("START_OBJECT"),
                        ev("FIELD_NAME", "a"),
                        ev("INT", "1"),
                        ev("END_OBJECT"),
                        ev("START_ARRAY"),
                        ev("INT", "2"),
                        ev("END_ARRAY"),
                        ev("STRING", "s"),
                        ev("INT", "3"),
                        ev("FLOAT", "-4.5"),
                        ev("TRUE"),
                        ev("FALSE"),
                        ev("NULL"),
                        ev("START_OBJECT"),
                        ev("END_OBJECT"));
        assertThat(c.next()).isNull();
        assertThat(c.next()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 [2]", "1\n\"a\"", "-1\t{}", "1.5\r-2", "1e3 true"})
    void aRootNumberFollowedBySpaceThenAValueIsTwoValues(String doc) {
        assertThat(events(doc).get(0).kind()).isIn("INT", "FLOAT");
        assertThat(events(doc)).hasSizeGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"1[2]|1", "-1\"a\"|2", "1.5{}|3", "1e3-2|3", "0[]|1"})
    void aRootNumberDirectlyFollowedByAValueIsRefusedLikeJackson(String doc, int at) {
        assertThatThrownBy(() -> events(doc))
                .isInstanceOf(StoreFormatException.class)
                .hasMessage("expected space separating root-level values at byte " + at);
    }

    @Test
    void aRootValueClearsTheLastFieldName() {
        JsonCursor c = cursor("{\"a\":1} 2");
        c.next();
        c.next();
        c.next();
        c.next();
        assertThat(c.next()).isEqualTo(Token.INT);
        assertThat(c.name()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\r\t "})
    void emptyInputGivesNull(String doc) {
        JsonCursor c = cursor(doc);
        assertThat(c.next()).isNull();
        assertThat(c.current()).isNull();
    }

    @Test
    void emptyByteArrayGivesNull() {
        assertThat(new JsonCursor(new byte[0]).next()).isNull();
    }

    @Test
    void nestingToTheDepthLimitIsRead() {
        int d = JsonCursor.MAX_DEPTH;
        assertThat(events("[".repeat(d) + "]".repeat(d))).hasSize(2 * d);
        assertThat(events("{\"a\":".repeat(d - 1) + "[]" + "}".repeat(d - 1))).hasSize(3 * (d - 1) + 2);
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        int d = JsonCursor.MAX_DEPTH + 1;
        assertThatThrownBy(() -> events("[".repeat(d) + "]".repeat(d)))
                .isInstanceOf(StoreFormatException.class)
                .hasMessage("nesting deeper than 200 at byte 200");
        assertThatThrownBy(() -> events("{\"a\":".repeat(d - 1) + "{}" + "}".repeat(d - 1)))
                .isInstanceOf(StoreFormatException.class)
                .hasMessage("nesting deeper than 200 at byte 1000");
    }

    @Test
    void depthIsCountedPerOpenContainerNotPerDocument() {
        String deep = "[".repeat(JsonCursor.MAX_DEPTH) + "]".repeat(JsonCursor.MAX_DEPTH);
        assertThat(events("[" + (deep.substring(1, deep.length() - 1) + ",").repeat(3) + "1]"))
                .isNotEmpty();
        assertThat(events(deep + " " + deep)).hasSize(4 * JsonCursor.MAX_DEPTH);
    }

    // ---- rejections

    private static Arguments bad(String name, String doc) {
        return Arguments.of(name, doc.getBytes(UTF_8));
    }

    private static Arguments bad(String name, byte[] doc) {
        return Arguments.of(name, doc);
    }

    /** A document with bytes spliced into an ASCII string, e.g. {@code ["a" + bytes + "b"]}. */
    private static byte[] inString(int... bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("[\"a".getBytes(UTF_8));
        for (int x : bytes) {
            out.write(x);
        }
        out.writeBytes("b\"]".getBytes(UTF_8));
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                bad("trailing comma in object", "{\"a\":1,}"),
                bad("trailing comma in array", "[1,]"),
                bad("leading comma", "[,1]"),
                bad("double comma", "[1,,2]"),
                bad("leading zero", "[01]"),
                bad("negative leading zero", "[-01]"),
                bad("fraction without digits", "[1.]"),
                bad("fraction without integer", "[.5]"),
                bad("minus alone", "[-]"),
                bad("minus without digit", "[-a]"),
                bad("plus sign", "[+1]"),
                bad("exponent without digits", "[1e]"),
                bad("exponent sign without digits", "[1e+]"),
                bad("two points", "[1.2.3]"),
                bad("hex number", "[0x10]"),
                bad("letters after number", "[12ab]"),
                bad("NaN", "[NaN]"),
                bad("Infinity", "[Infinity]"),
                bad("negative Infinity", "[-Infinity]"),
                bad("truncated literal", "[tru]"),
                bad("literal with more letters", "[truex]"),
                bad("misspelt literal", "[nul1]"),
                bad("capitalised literal", "[True]"),
                bad("literal cut by the end", "fals"),
                bad("single quotes", "['a']"),
                bad("unquoted name", "{a:1}"),
                bad("single-quoted name", "{'a':1}"),
                bad("number as name", "{1:1}"),
                bad("unknown escape", "[\"a\\x\"]"),
                bad("escaped single quote", "[\"\\'\"]"),
                bad("bad hex in unicode escape", "[\"\\u12G4\"]"),
                bad("short unicode escape", "[\"\\u12\"]"),
                bad("unicode escape cut by the end", "[\"\\u12"),
                bad("backslash at the end", "[\"\\"),
                bad("unterminated string", "[\"abc"),
                bad("unterminated string at root", "\"abc"),
                bad("unterminated name", "{\"abc"),
                bad("raw tab in a string", "[\"a\tb\"]"),
                bad("raw newline in a string", "[\"a\nb\"]"),
                bad("raw NUL in a string", "[\"a\u0000b\"]"),
                bad("raw control char in a name", "{\"a\u001fb\":1}"),
                bad("missing comma in array", "[1 2]"),
                bad("missing colon", "{\"a\" 1}"),
                bad("missing comma in object", "{\"a\":1 \"b\":2}"),
                bad("name without value", "{\"a\":}"),
                bad("name without colon or value", "{\"a\"}"),
                bad("value where a name belongs", "{\"a\":1,2}"),
                bad("colon in array", "[1:2]"),
                bad("array closed by brace", "[}"),
                bad("object closed by bracket", "{]"),
                bad("close bracket alone", "]"),
                bad("close brace alone", "}"),
                bad("close brace after a value", "[1]}"),
                bad("close brace after a root scalar", "1 }"),
                bad("unclosed array", "[1,2"),
                bad("unclosed object", "{\"a\":1"),
                bad("unclosed nested", "[[[]]"),
                bad("comment", "[1] // c"),
                bad("block comment", "/* c */ [1]"),
                bad("hash comment", "# c\n[1]"),
                bad("non-breaking space as whitespace", "[1,\u00a02]"),
                bad("form feed as whitespace", "[1,\f2]"),
                bad("vertical tab as whitespace", "[1,\u000b2]"),
                bad("NUL after a value", "[1]\u0000"),
                bad("root number directly before an array", "1[2]"),
                bad("root number directly before a string", "1\"a\""),
                bad("root number directly before a negative number", "1-2"),
                bad("root float directly before an object", "1.5e3{}"),
                bad("BOM in the middle", "[1,\ufeff2]"),
                bad("UTF-8 continuation byte as lead", inString(0x80)),
                bad("UTF-8 0xBF as lead", inString(0xBF)),
                bad("UTF-8 overlong 2-byte C0 AF", inString(0xC0, 0xAF)),
                bad("UTF-8 overlong 2-byte C1 BF", inString(0xC1, 0xBF)),
                bad("UTF-8 overlong 3-byte E0 80 80", inString(0xE0, 0x80, 0x80)),
                bad("UTF-8 overlong 3-byte E0 9F BF", inString(0xE0, 0x9F, 0xBF)),
                bad("UTF-8 overlong 4-byte F0 8F BF BF", inString(0xF0, 0x8F, 0xBF, 0xBF)),
                bad("UTF-8 encoded high surrogate ED A0 80", inString(0xED, 0xA0, 0x80)),
                bad("UTF-8 encoded low surrogate ED BF BF", inString(0xED, 0xBF, 0xBF)),
                bad("UTF-8 above U+10FFFF F4 90 80 80", inString(0xF4, 0x90, 0x80, 0x80)),
                bad("UTF-8 lead F5", inString(0xF5, 0x80, 0x80, 0x80)),
                bad("UTF-8 lead F8", inString(0xF8, 0x88, 0x80, 0x80, 0x80)),
                bad("UTF-8 lead FE", inString(0xFE)),
                bad("UTF-8 lead FF", inString(0xFF)),
                bad("UTF-8 bad continuation in 2-byte", inString(0xC3, 0x28)),
                bad("UTF-8 bad continuation in 3-byte", inString(0xE2, 0x82, 0x28)),
                bad("UTF-8 bad continuation in 4-byte", inString(0xF0, 0x9F, 0x98, 0x41)),
                bad("UTF-8 lead followed by the closing quote", new byte[] {'[', '"', (byte) 0xE2, '"', ']'}),
                bad("UTF-8 truncated at the end of input", new byte[] {'[', '"', (byte) 0xE2, (byte) 0x82}),
                bad("UTF-8 non-ASCII byte outside a string", new byte[] {'[', (byte) 0xC3, (byte) 0xA9, ']'}),
                bad(
                        "UTF-8 non-ASCII byte after a literal",
                        new byte[] {'[', 't', 'r', 'u', 'e', (byte) 0xC3, (byte) 0xA9, ']'}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedInputIsAStoreFormatExceptionNamingAByteOffset(String what, byte[] doc) {
        assertThatThrownBy(() -> JsonEvents.cursor(doc))
                .isInstanceOf(StoreFormatException.class)
                .satisfies(e -> {
                    String m = e.getMessage();
                    assertThat(m).matches("(?s).* at byte \\d+");
                    int at = Integer.parseInt(m.substring(m.lastIndexOf(' ') + 1));
                    assertThat(at).isBetween(0, doc.length);
                });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"a\":1,}    | expected a field name at byte 7",
                "[1,]          | unexpected character ']' at byte 3",
                "[1 2]         | expected ',' or ']' at byte 3",
                "{\"a\" 1}     | expected ':' at byte 5",
                "[\"a\\x\"]    | unknown escape \\x at byte 3",
                "[01]          | leading zeros are not allowed at byte 1",
                "[tru]         | unexpected token at byte 1",
                "[\"abc        | unterminated string at byte 1",
                "{]            | expected a field name at byte 1",
                "[}            | unexpected character '}' at byte 1",
            })
    void errorMessagesNameWhatAndWhere(String doc, String message) {
        assertThatThrownBy(() -> events(doc.trim()))
                .isInstanceOf(StoreFormatException.class)
                .hasMessage(message);
    }

    @Test
    void invalidUtf8IsReportedAtItsLeadByte() {
        assertThatThrownBy(() -> JsonEvents.cursor(inString(0xC0, 0xAF)))
                .isInstanceOf(StoreFormatException.class)
                .hasMessage("invalid UTF-8 start byte 0xc0 at byte 3");
        assertThatThrownBy(() -> JsonEvents.cursor(inString(0xE0, 0x80, 0x80)))
                .isInstanceOf(StoreFormatException.class)
                .hasMessage("invalid UTF-8 sequence at byte 3");
        assertThatThrownBy(() -> JsonEvents.cursor(inString(0xED, 0xA0, 0x80)))
                .isInstanceOf(StoreFormatException.class)
                .hasMessage("invalid UTF-8 sequence at byte 3");
        assertThatThrownBy(() -> JsonEvents.cursor(inString(0xE2, 0x82, 0x28)))
                .isInstanceOf(StoreFormatException.class)
                .hasMessage("invalid UTF-8 continuation byte 0x28 at byte 3");
        assertThatThrownBy(() -> JsonEvents.cursor(inString(0xF8)))
                .isInstanceOf(StoreFormatException.class)
                .hasMessage("invalid UTF-8 start byte 0xf8 at byte 3");
    }

    static IntStream cuts() {
        return IntStream.range(1, TRUNCATED.length);
    }

    private static final byte[] TRUNCATED =
            "{\"a\":[1,-2.5e3,\"x\u00e9\u20ac\ud83d\ude00\\n\\u00e9y\",true,false,null],\"b\":{\"c\":{}}}"
                    .getBytes(UTF_8);

    @ParameterizedTest
    @MethodSource("cuts")
    void aDocumentTruncatedAnywhereIsRefused(int length) {
        byte[] cut = Arrays.copyOf(TRUNCATED, length);
        assertThatThrownBy(() -> JsonEvents.cursor(cut))
                .isInstanceOf(StoreFormatException.class)
                .hasMessageMatching("(?s).* at byte \\d+");
    }

    @Test
    void theWholeTruncationSampleIsRead() {
        assertThat(JsonEvents.cursor(TRUNCATED)).hasSize(17);
    }
}
