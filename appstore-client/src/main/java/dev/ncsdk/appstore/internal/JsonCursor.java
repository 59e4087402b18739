package dev.ncsdk.appstore.internal;

import dev.ncsdk.appstore.StoreFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A strict pull tokenizer for JSON held in a byte array: the store reader's parser.
 *
 * <p>Why not jackson-core here: a command-line run reads a 12 MB {@code apps.json} once, in a fresh JVM, so the
 * parse runs mostly in the interpreter and in the first compiled tiers. A few small methods with tight byte loops
 * get compiled within milliseconds; a general-purpose parser's many large methods do not, and cost several times
 * more on a cold start (see {@code docs/performance.md}). Warm, the two are about as fast.
 *
 * <p>What it accepts is RFC 8259 JSON, as strictly as Jackson's defaults: no comments, no trailing commas, no
 * single quotes, no leading zeros, no {@code NaN}, no unescaped control characters in strings, only the standard
 * escapes, and well-formed UTF-8 (stricter than Jackson: overlong forms and encoded surrogates are refused too).
 * A UTF-8 byte order mark is skipped; UTF-16 and UTF-32 documents are transcoded first. Several root values may
 * follow each other (as with Jackson); callers that want one check that {@link #next()} then gives {@code null}.
 *
 * <p>Strings are scanned and checked when they are passed, but decoded only when asked for ({@link #text()}), so
 * skipped values cost one pass over their bytes and build nothing. Not thread-safe; one cursor per parse.
 */
public final class JsonCursor {
    /** The token kinds. */
    public enum Token {
        START_OBJECT,
        END_OBJECT,
        START_ARRAY,
        END_ARRAY,
        FIELD_NAME,
        STRING,
        INT,
        FLOAT,
        TRUE,
        FALSE,
        NULL
    }

    /** Deepest nesting accepted (Jackson's limit is 1000 by default; the store's documents are 5 deep). */
    public static final int MAX_DEPTH = 200;
    /** Longest number accepted, in characters (sign, point and exponent included; Jackson counts digits). */
    public static final int MAX_NUMBER_LENGTH = 1000;

    private static final int NAME_CACHE_SIZE = 512;

    private final byte[] b;
    private final int end;
    private int pos;

    private Token current;
    // the current scalar (or field name) token's content: [tokStart, tokEnd) without quotes
    private int tokStart;
    private int tokEnd;
    private boolean tokEscaped;
    private boolean tokNonAscii;
    private int valueStart; // where the current token begins, quotes included
    private String name;

    // containers: bit set per depth, true for objects
    private boolean[] inObject = new boolean[16];
    private int depth;
    // what may come next
    private boolean afterValue; // a value (or a container's start) was just completed at this depth
    private boolean expectValueAfterName;
    private boolean rootDone;

    private final String[] nameCache = new String[NAME_CACHE_SIZE];
    private final byte[][] nameBytes = new byte[NAME_CACHE_SIZE][];

    /**
     * A cursor over a whole document.
     *
     * @param json the document
     */
    public JsonCursor(byte[] json) {
        byte[] doc = transcode(json);
        this.b = doc;
        this.end = doc.length;
        this.pos = bomLength(doc);
    }

    /**
     * A cursor over a part of a UTF-8 buffer holding one or more complete values (no byte order mark). Offsets in
     * errors count from the buffer's start.
     *
     * @param buffer the buffer
     * @param from the first byte
     * @param to the end (exclusive)
     */
    public JsonCursor(byte[] buffer, int from, int to) {
        java.util.Objects.checkFromToIndex(from, to, buffer.length);
        this.b = buffer;
        this.end = to;
        this.pos = from;
    }

    private static int bomLength(byte[] d) {
        return d.length >= 3 && (d[0] & 0xFF) == 0xEF && (d[1] & 0xFF) == 0xBB && (d[2] & 0xFF) == 0xBF ? 3 : 0;
    }

    /** UTF-16 and UTF-32 (detected from the zero bytes JSON's first characters give them) become UTF-8. */
    private static byte[] transcode(byte[] d) {
        if (d.length < 2 || (d[0] != 0 && d[1] != 0 && !startsWithUtf16Bom(d))) {
            return d;
        }
        java.nio.charset.Charset cs;
        // UTF-32 either from its byte order mark (00 00 FE FF, FF FE 00 00) or from three zero bytes
        if (d.length >= 4
                && d[0] == 0
                && d[1] == 0
                && (d[2] == 0 ? d[3] != 0 : d[2] == (byte) 0xFE && d[3] == (byte) 0xFF)) {
            cs = java.nio.charset.Charset.forName("UTF-32BE");
        } else if (d.length >= 4
                && d[2] == 0
                && d[3] == 0
                && (d[1] == 0 ? d[0] != 0 : d[0] == (byte) 0xFF && d[1] == (byte) 0xFE)) {
            cs = java.nio.charset.Charset.forName("UTF-32LE");
        } else if (d[0] == 0) {
            cs = StandardCharsets.UTF_16BE;
        } else if (d[1] == 0) {
            cs = StandardCharsets.UTF_16LE;
        } else {
            cs = StandardCharsets.UTF_16; // a byte order mark says which
        }
        String s = new String(d, cs);
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean startsWithUtf16Bom(byte[] d) {
        int b0 = d[0] & 0xFF;
        int b1 = d[1] & 0xFF;
        return (b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE);
    }

    /** @return the token the cursor is on, or null before the first and after the last */
    public Token current() {
        return current;
    }

    /** @return the last field name passed (the current one on a {@link Token#FIELD_NAME} and its value) */
    public String name() {
        return name;
    }

    /** @return the offset where the current token starts */
    public int tokenStart() {
        return valueStart;
    }

    /** @return the offset just after the current token */
    public int position() {
        return pos;
    }

    /** @return the document's bytes (UTF-8) */
    public byte[] bytes() {
        return b;
    }

    /**
     * Moves to the next token.
     *
     * @return the token, or null at the end of the input (when no value is left open)
     * @throws StoreFormatException when the input is not JSON
     */
    public Token next() {
        int i = skipSpace(pos);
        if (i >= end) {
            pos = i;
            if (depth > 0 || expectValueAfterName) {
                throw error(i, "unexpected end of input");
            }
            current = null;
            return null;
        }
        byte c = b[i];
        if (depth == 0) {
            if (rootDone || current == null) {
                if (i == pos && (current == Token.INT || current == Token.FLOAT)) {
                    // "1[2]", "1-2": like Jackson, a root-level number must be followed by space
                    throw error(i, "expected space separating root-level values");
                }
                rootDone = false;
                return value(c, i);
            }
        }
        if (expectValueAfterName) {
            expectValueAfterName = false;
            return value(c, i);
        }
        boolean obj = inObject[depth - 1];
        if (c == (obj ? '}' : ']')) {
            return close(obj ? Token.END_OBJECT : Token.END_ARRAY, i);
        }
        if (afterValue) {
            if (c != ',') {
                throw error(i, obj ? "expected ',' or '}'" : "expected ',' or ']'");
            }
            i = skipSpace(i + 1);
            if (i >= end) {
                throw error(i, "unexpected end of input");
            }
            c = b[i];
        }
        if (obj) {
            if (c != '"') {
                throw error(i, "expected a field name");
            }
            valueStart = i;
            int close = scanString(i + 1);
            name = nameAt(tokStart, tokEnd);
            int j = skipSpace(close);
            if (j >= end || b[j] != ':') {
                throw error(j, "expected ':'");
            }
            pos = j + 1;
            afterValue = false;
            expectValueAfterName = true;
            current = Token.FIELD_NAME;
            return current;
        }
        return value(c, i);
    }

    private Token value(byte c, int i) {
        valueStart = i;
        Token t;
        switch (c) {
            case '{':
                push(true, i);
                pos = i + 1;
                afterValue = false;
                current = Token.START_OBJECT;
                return current;
            case '[':
                push(false, i);
                pos = i + 1;
                afterValue = false;
                current = Token.START_ARRAY;
                return current;
            case '"':
                pos = scanString(i + 1);
                t = Token.STRING;
                break;
            case 't':
                pos = literal(i, "true");
                t = Token.TRUE;
                break;
            case 'f':
                pos = literal(i, "false");
                t = Token.FALSE;
                break;
            case 'n':
                pos = literal(i, "null");
                t = Token.NULL;
                break;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    t = number(i);
                } else {
                    throw error(i, "unexpected character " + describe(c));
                }
        }
        completed();
        current = t;
        return t;
    }

    private void completed() {
        afterValue = true;
        if (depth == 0) {
            rootDone = true;
            name = null;
        }
    }

    private void push(boolean object, int at) {
        if (depth == MAX_DEPTH) {
            throw error(at, "nesting deeper than " + MAX_DEPTH);
        }
        if (depth == inObject.length) {
            inObject = Arrays.copyOf(inObject, depth * 2);
        }
        inObject[depth++] = object;
    }

    private Token close(Token t, int i) {
        valueStart = i;
        depth--;
        pos = i + 1;
        current = t;
        completed();
        return t;
    }

    private int literal(int i, String word) {
        int n = word.length();
        if (i + n > end) {
            throw error(i, "unexpected end of input");
        }
        for (int k = 1; k < n; k++) {
            if (b[i + k] != word.charAt(k)) {
                throw error(i, "unexpected token");
            }
        }
        int after = i + n;
        if (after < end && isNameChar(b[after])) {
            throw error(i, "unexpected token");
        }
        tokStart = i;
        tokEnd = after;
        return after;
    }

    private static boolean isNameChar(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c < 0;
    }

    private Token number(int i) {
        int j = i;
        if (b[j] == '-') {
            j++;
        }
        if (j >= end || b[j] < '0' || b[j] > '9') {
            throw error(i, "malformed number");
        }
        if (b[j] == '0') {
            j++;
            if (j < end && b[j] >= '0' && b[j] <= '9') {
                throw error(i, "leading zeros are not allowed");
            }
        } else {
            j = digits(j);
        }
        boolean fraction = false;
        if (j < end && b[j] == '.') {
            fraction = true;
            int k = digits(j + 1);
            if (k == j + 1) {
                throw error(i, "malformed number");
            }
            j = k;
        }
        if (j < end && (b[j] == 'e' || b[j] == 'E')) {
            fraction = true;
            j++;
            if (j < end && (b[j] == '+' || b[j] == '-')) {
                j++;
            }
            int k = digits(j);
            if (k == j) {
                throw error(i, "malformed number");
            }
            j = k;
        }
        if (j < end && (isNameChar(b[j]) || b[j] == '.')) {
            throw error(i, "malformed number");
        }
        if (j - i > MAX_NUMBER_LENGTH) {
            throw error(i, "number longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        tokStart = i;
        tokEnd = j;
        tokEscaped = false;
        tokNonAscii = false;
        pos = j;
        return fraction ? Token.FLOAT : Token.INT;
    }

    private int digits(int j) {
        while (j < end && b[j] >= '0' && b[j] <= '9') {
            j++;
        }
        return j;
    }

    /**
     * Scans a string's content from just after its opening quote, checking escapes and UTF-8, and records it as
     * the current content.
     *
     * @return the offset after the closing quote
     */
    private int scanString(int start) {
        int i = start;
        boolean escaped = false;
        boolean nonAscii = false;
        byte[] a = b;
        int n = end;
        while (true) {
            // the tight loop most bytes go through
            while (i < n) {
                byte c = a[i];
                if (c == '"' || c == '\\' || c < 0x20) {
                    break;
                }
                i++;
            }
            if (i >= n) {
                throw error(start - 1, "unterminated string");
            }
            byte c = a[i];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                escaped = true;
                i = checkEscape(i);
            } else if (c < 0) {
                nonAscii = true;
                i = checkUtf8(i);
            } else {
                throw error(i, "unescaped control character " + describe(c) + " in a string");
            }
        }
        tokStart = start;
        tokEnd = i;
        tokEscaped = escaped;
        tokNonAscii = nonAscii;
        return i + 1;
    }

    private int checkEscape(int i) {
        if (i + 1 >= end) {
            throw error(i, "unterminated string");
        }
        switch (b[i + 1]) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
                return i + 2;
            case 'u':
                if (i + 6 > end) {
                    throw error(i, "unterminated string");
                }
                for (int k = i + 2; k < i + 6; k++) {
                    if (hex(b[k]) < 0) {
                        throw error(i, "malformed \\u escape");
                    }
                }
                return i + 6;
            default:
                throw error(i, "unknown escape \\" + (char) (b[i + 1] & 0xFF));
        }
    }

    /** Checks one multi-byte UTF-8 sequence (no overlong forms, no surrogates, at most U+10FFFF). */
    private int checkUtf8(int i) {
        int lead = b[i] & 0xFF;
        int len;
        int min;
        if (lead >= 0xC2 && lead <= 0xDF) {
            len = 2;
            min = 0x80;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            len = 3;
            min = 0x800;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            len = 4;
            min = 0x10000;
        } else {
            throw error(i, "invalid UTF-8 start byte 0x" + Integer.toHexString(lead));
        }
        if (i + len > end) {
            throw error(i, "truncated UTF-8 sequence");
        }
        int cp = lead & (0xFF >> (len + 1));
        for (int k = 1; k < len; k++) {
            int cont = b[i + k] & 0xFF;
            if ((cont & 0xC0) != 0x80) {
                throw error(i, "invalid UTF-8 continuation byte 0x" + Integer.toHexString(cont));
            }
            cp = (cp << 6) | (cont & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw error(i, "invalid UTF-8 sequence");
        }
        return i + len;
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Field names repeat thousands of times: each distinct plain name is made into a String once. */
    private String nameAt(int s, int e) {
        if (tokEscaped || tokNonAscii || e - s > 64) {
            return decode(s, e, tokEscaped, tokNonAscii);
        }
        int h = 0;
        for (int k = s; k < e; k++) {
            h = 31 * h + b[k];
        }
        int slot = (h ^ (h >>> 9)) & (NAME_CACHE_SIZE - 1);
        byte[] known = nameBytes[slot];
        if (known != null && Arrays.equals(known, 0, known.length, b, s, e)) {
            return nameCache[slot];
        }
        String fresh = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        nameCache[slot] = fresh;
        nameBytes[slot] = Arrays.copyOfRange(b, s, e);
        return fresh;
    }

    /**
     * The current scalar as text: a string decoded, a number as written, {@code true}/{@code false}/{@code null}
     * as their words; a field name when on one.
     *
     * @return the text
     * @throws IllegalStateException on a structural token
     */
    public String text() {
        Token t = current;
        if (t == Token.FIELD_NAME) {
            return name;
        }
        if (t == Token.STRING) {
            return decode(tokStart, tokEnd, tokEscaped, tokNonAscii);
        }
        if (t == Token.INT || t == Token.FLOAT || t == Token.TRUE || t == Token.FALSE || t == Token.NULL) {
            return new String(b, tokStart, tokEnd - tokStart, StandardCharsets.ISO_8859_1);
        }
        throw new IllegalStateException("no scalar at " + t);
    }

    /**
     * The current number as a long.
     *
     * @return the value
     * @throws StoreFormatException when it does not fit
     */
    public long longValue() {
        String s = text();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw error(valueStart, "number out of range: " + s);
        }
    }

    /** @return the current number as a double */
    public double doubleValue() {
        return Double.parseDouble(text());
    }

    private String decode(int s, int e, boolean escaped, boolean nonAscii) {
        if (!escaped) {
            return new String(b, s, e - s, nonAscii ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        }
        // Escaped text (multi-line signatures and descriptions): copy the runs between escapes in bulk and write
        // each escape as UTF-8, then decode once. Only \\u escapes of surrogates need the char-by-char path.
        byte[] out = new byte[e - s];
        boolean utf8 = nonAscii;
        int o = 0;
        int i = s;
        while (i < e) {
            int k = i;
            while (k < e && b[k] != '\\') {
                k++;
            }
            System.arraycopy(b, i, out, o, k - i);
            o += k - i;
            if (k >= e) {
                break;
            }
            byte x = b[k + 1];
            if (x == 'u') {
                int ch = (hex(b[k + 2]) << 12) | (hex(b[k + 3]) << 8) | (hex(b[k + 4]) << 4) | hex(b[k + 5]);
                if (ch >= 0xD800 && ch <= 0xDFFF) {
                    return decodeChars(s, e);
                }
                // six input bytes never give more than three output bytes
                if (ch < 0x80) {
                    out[o++] = (byte) ch;
                } else if (ch < 0x800) {
                    utf8 = true;
                    out[o++] = (byte) (0xC0 | (ch >> 6));
                    out[o++] = (byte) (0x80 | (ch & 0x3F));
                } else {
                    utf8 = true;
                    out[o++] = (byte) (0xE0 | (ch >> 12));
                    out[o++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
                    out[o++] = (byte) (0x80 | (ch & 0x3F));
                }
                i = k + 6;
            } else {
                out[o++] = unescape(x);
                i = k + 2;
            }
        }
        return new String(out, 0, o, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    private static byte unescape(byte x) {
        switch (x) {
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            default: // '"', '\\', '/'
                return x;
        }
    }

    /** The general path: any escapes, including surrogates written as {@code \\u} pairs or alone. */
    private String decodeChars(int s, int e) {
        char[] out = new char[e - s];
        int o = 0;
        int i = s;
        while (i < e) {
            int c = b[i];
            if (c == '\\') {
                byte x = b[i + 1];
                if (x == 'u') {
                    out[o++] = (char)
                            ((hex(b[i + 2]) << 12) | (hex(b[i + 3]) << 8) | (hex(b[i + 4]) << 4) | hex(b[i + 5]));
                    i += 4;
                } else {
                    out[o++] = (char) unescape(x);
                }
                i += 2;
            } else if (c >= 0) {
                out[o++] = (char) c;
                i++;
            } else {
                int lead = c & 0xFF;
                int len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
                int cp = lead & (0xFF >> (len + 1));
                for (int k = 1; k < len; k++) {
                    cp = (cp << 6) | (b[i + k] & 0x3F);
                }
                if (cp >= 0x10000) {
                    out[o++] = Character.highSurrogate(cp);
                    out[o++] = Character.lowSurrogate(cp);
                } else {
                    out[o++] = (char) cp;
                }
                i += len;
            }
        }
        return new String(out, 0, o);
    }

    /**
     * Skips the current value's children: on a start token, moves to its matching end; on anything else, stays.
     */
    public void skipChildren() {
        Token t = current;
        if (t != Token.START_OBJECT && t != Token.START_ARRAY) {
            return;
        }
        int target = depth - 1;
        while (true) {
            Token n = next();
            if ((n == Token.END_OBJECT || n == Token.END_ARRAY) && depth == target) {
                return;
            }
        }
    }

    private int skipSpace(int i) {
        while (i < end) {
            byte c = b[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            i++;
        }
        return i;
    }

    private static String describe(byte c) {
        int v = c & 0xFF;
        return v >= 0x21 && v < 0x7F ? "'" + (char) v + "'" : String.format("0x%02x", v);
    }

    private StoreFormatException error(int at, String what) {
        return new StoreFormatException(what + " at byte " + at, null);
    }
}
