package dev.ncsdk.appapi.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lenient readers and strict writers for AppAPI's JSON. PHP encodes an empty map as {@code []}, numbers
 * sometimes as strings and booleans as {@code 1}/{@code "true"}; these helpers accept all of that. Not API.
 */
public final class Json {
    /** The shared mapper (thread-safe once configured). */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /**
     * A new empty object node.
     *
     * @return the node
     */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * Serialises a node to UTF-8 bytes.
     *
     * @param node the node
     * @return the bytes
     */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON", e);
        }
    }

    /**
     * Serialises a node to a string.
     *
     * @param node the node
     * @param pretty whether to indent
     * @return the JSON text
     */
    public static String text(JsonNode node, boolean pretty) {
        try {
            return pretty
                    ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node)
                    : MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON", e);
        }
    }

    /**
     * Parses JSON text.
     *
     * @param text the text
     * @return the tree
     * @throws IllegalArgumentException when the text is not JSON
     */
    public static JsonNode parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses JSON bytes.
     *
     * @param bytes the bytes
     * @return the tree
     * @throws IllegalArgumentException when the bytes are not JSON
     */
    public static JsonNode parse(byte[] bytes) {
        try {
            JsonNode n = MAPPER.readTree(bytes);
            if (n == null || n.isMissingNode()) {
                throw new IllegalArgumentException("empty JSON document");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the node is absent, JSON {@code null}, or an empty string.
     *
     * @param n the node, may be {@code null}
     * @return whether it carries no value
     */
    public static boolean absent(JsonNode n) {
        return n == null
                || n.isNull()
                || n.isMissingNode()
                || (n.isTextual() && n.asText().isEmpty());
    }

    /**
     * A field as text; numbers and booleans as their text; absent or empty as {@code null}.
     *
     * @param o the object, may be {@code null}
     * @param field the field name
     * @return the text or {@code null}
     */
    public static String str(JsonNode o, String field) {
        JsonNode n = o == null ? null : o.get(field);
        if (absent(n) || n.isContainerNode()) {
            return null;
        }
        return n.asText();
    }

    /**
     * A field as text, {@code ""} when absent.
     *
     * @param o the object
     * @param field the field
     * @return the text
     */
    public static String strOrEmpty(JsonNode o, String field) {
        String s = str(o, field);
        return s == null ? "" : s;
    }

    /**
     * A field as a long: accepts numbers and numeric strings; {@code null} when absent or unreadable.
     *
     * @param o the object
     * @param field the field
     * @return the number or {@code null}
     */
    public static Long lng(JsonNode o, String field) {
        JsonNode n = o == null ? null : o.get(field);
        if (absent(n)) {
            return null;
        }
        if (n.isNumber()) {
            return n.asLong();
        }
        if (n.isBoolean()) {
            return n.asBoolean() ? 1L : 0L;
        }
        if (n.isTextual()) {
            try {
                String t = n.asText().trim();
                return t.contains(".") ? (long) Double.parseDouble(t) : Long.parseLong(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * A field as an int, or the default.
     *
     * @param o the object
     * @param field the field
     * @param dflt the default
     * @return the number
     */
    public static int integer(JsonNode o, String field, int dflt) {
        Long l = lng(o, field);
        return l == null || l > Integer.MAX_VALUE || l < Integer.MIN_VALUE ? dflt : l.intValue();
    }

    /**
     * A field as an {@code Integer}, {@code null} when absent.
     *
     * @param o the object
     * @param field the field
     * @return the number or {@code null}
     */
    public static Integer intOrNull(JsonNode o, String field) {
        Long l = lng(o, field);
        return l == null || l > Integer.MAX_VALUE || l < Integer.MIN_VALUE ? null : l.intValue();
    }

    /**
     * A field as a boolean: {@code true}, {@code 1}, {@code "1"}, {@code "true"}, {@code "yes"} are true.
     *
     * @param o the object
     * @param field the field
     * @param dflt the value when absent
     * @return the boolean
     */
    public static boolean bool(JsonNode o, String field, boolean dflt) {
        JsonNode n = o == null ? null : o.get(field);
        if (absent(n)) {
            return dflt;
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isNumber()) {
            return n.asLong() != 0;
        }
        String t = n.asText().trim().toLowerCase(Locale.ROOT);
        return Set.of("1", "true", "yes", "on").contains(t);
    }

    /**
     * A field as an object; {@code null} when absent, JSON {@code null}, {@code false} or PHP's empty {@code []}.
     *
     * @param o the object
     * @param field the field
     * @return the object node or {@code null}
     */
    public static JsonNode obj(JsonNode o, String field) {
        JsonNode n = o == null ? null : o.get(field);
        return n != null && n.isObject() ? n : null;
    }

    /**
     * A field as a list of nodes; empty when absent. An object's values count as the list (PHP arrays with keys).
     *
     * @param o the object
     * @param field the field
     * @return the items
     */
    public static List<JsonNode> list(JsonNode o, String field) {
        JsonNode n = o == null ? null : o.get(field);
        if (n == null || !n.isContainerNode()) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return out;
    }

    /**
     * A field as a string map; PHP's {@code []} and absent give an empty map; scalar values become text.
     *
     * @param o the object
     * @param field the field
     * @return an unmodifiable, ordered map
     */
    public static Map<String, String> stringMap(JsonNode o, String field) {
        JsonNode n = o == null ? null : o.get(field);
        if (n == null || !n.isObject()) {
            return Map.of();
        }
        Map<String, String> m = new LinkedHashMap<>();
        n.properties().forEach(e -> {
            JsonNode v = e.getValue();
            m.put(e.getKey(), v.isNull() ? "" : v.isContainerNode() ? text(v, false) : v.asText());
        });
        return Collections.unmodifiableMap(m);
    }

    /**
     * The fields of an object other than the known ones, deep-copied, to carry unknown data through a round trip.
     *
     * @param o the object, may be {@code null}
     * @param known the names the model reads itself
     * @return an unmodifiable, ordered map
     */
    public static Map<String, JsonNode> extra(JsonNode o, Set<String> known) {
        if (o == null || !o.isObject()) {
            return Map.of();
        }
        Map<String, JsonNode> m = new LinkedHashMap<>();
        o.properties().forEach(e -> {
            if (!known.contains(e.getKey())) {
                m.put(e.getKey(), e.getValue().deepCopy());
            }
        });
        return Collections.unmodifiableMap(m);
    }

    /**
     * Copies a map of extra fields, deep-copying the nodes.
     *
     * @param extra the map, may be {@code null}
     * @return an unmodifiable, ordered copy
     */
    public static Map<String, JsonNode> copyExtra(Map<String, JsonNode> extra) {
        if (extra == null || extra.isEmpty()) {
            return Map.of();
        }
        Map<String, JsonNode> m = new LinkedHashMap<>();
        extra.forEach((k, v) -> m.put(k, v == null ? JsonNodeFactory.instance.nullNode() : v.deepCopy()));
        return Collections.unmodifiableMap(m);
    }

    /**
     * Copies a string map, keeping its order.
     *
     * @param map the map, may be {@code null}
     * @return an unmodifiable, ordered copy
     */
    public static Map<String, String> copyMap(Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
