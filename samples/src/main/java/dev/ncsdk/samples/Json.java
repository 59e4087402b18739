package dev.ncsdk.samples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/** JSON output of the commands. Jackson is set up on first use only, not when a command is merely parsed. */
final class Json {
    private Json() {}

    /** Holds the pretty writer, created when the first command prints indented JSON. */
    private static final class Pretty {
        static final ObjectWriter WRITER = new ObjectMapper().writerWithDefaultPrettyPrinter();
    }

    /**
     * A value (tree, map, list, scalar) as indented JSON, as Jackson's default pretty printer writes it.
     *
     * @param value the value
     * @return the JSON text, without a trailing line break
     */
    static String pretty(Object value) {
        try {
            return Pretty.WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Appends a string as a JSON string literal: quotes, with {@code "}, {@code \} and control characters escaped
     * (the short forms where JSON has them), everything else as it is. For the few commands whose output is a small
     * flat document: writing it by hand keeps Jackson's start-up off their path.
     *
     * @param out where the literal goes
     * @param s the string, or null for {@code null}
     * @return {@code out}
     */
    static StringBuilder string(StringBuilder out, String s) {
        if (s == null) {
            return out.append("null");
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                default:
                    if (c < 0x20) {
                        out.append("\\u00")
                                .append(Character.forDigit(c >> 4, 16))
                                .append(Character.forDigit(c & 15, 16));
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append('"');
    }
}
