package dev.ncsdk.appapi.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Request parameters as Nextcloud's controllers see them: query string, then a JSON object body or a form body
 * (body wins); {@code name[]} gathers a list. Lenient numbers ({@code "50"} is 50, {@code true} is 1).
 */
final class Params {
    private Params() {}

    static ObjectNode of(AppApiSimulator.Call c) {
        ObjectNode p = query(c.query());
        String type = c.header("content-type");
        type = type == null ? "" : type.toLowerCase(Locale.ROOT);
        String text = new String(c.body(), StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return p;
        }
        if (type.contains("json") || text.startsWith("{")) {
            try {
                JsonNode body = Ocs.PHP_JSON.readTree(text);
                if (body != null && body.isObject()) {
                    p.setAll((ObjectNode) body);
                }
            } catch (java.io.IOException | RuntimeException e) {
                // not JSON: PHP sees no parameters in the body
            }
            return p;
        }
        if (type.contains("application/x-www-form-urlencoded")) {
            p.setAll(query(text));
        }
        return p;
    }

    static ObjectNode query(String raw) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        if (raw == null || raw.isEmpty()) {
            return p;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k;
            String v;
            try {
                k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                continue; // a malformed escape: PHP drops it too
            }
            if (k.endsWith("[]")) {
                String name = k.substring(0, k.length() - 2);
                JsonNode existing = p.get(name);
                ArrayNode list = existing instanceof ArrayNode a ? a : p.putArray(name);
                list.add(v);
            } else {
                p.put(k, v);
            }
        }
        return p;
    }

    static Integer integer(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue() ? 1 : 0;
        }
        if (n.isIntegralNumber() && n.canConvertToInt()) {
            return n.intValue();
        }
        if (n.isTextual()) {
            try {
                return Integer.valueOf(n.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static int intOr(String s, int dflt) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** A value as PHP's string cast gives it. */
    static String phpString(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "";
        }
        if (n.isBoolean()) {
            return n.booleanValue() ? "1" : "";
        }
        if (n.isValueNode()) {
            return n.asText();
        }
        return n.toString();
    }
}
