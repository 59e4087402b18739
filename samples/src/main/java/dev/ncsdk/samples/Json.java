package dev.ncsdk.samples;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.Writer;

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
     * A streaming generator writing compact JSON to {@code out}; the caller flushes it.
     *
     * @param out where the JSON goes
     * @return the generator
     * @throws IOException when it cannot be created
     */
    static JsonGenerator compact(Writer out) throws IOException {
        return new JsonFactory().createGenerator(out);
    }
}
