package dev.ncsdk.appapi.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Nextcloud's OCS envelope as the server writes it: JSON with PHP's escaping ({@code \/}, {@code \\uXXXX}), or
 * XML with one space of indentation per level, {@code <element>} list items, {@code <data/>} for empty data,
 * {@code 1} and an empty element for booleans. v1 answers HTTP 200 for failures except 997 (401); v2 uses the
 * HTTP status. Shapes from testdata/nextcloud-32 captures 01-13, 90-125.
 */
final class Ocs {
    static final JsonMapper PHP_JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    static final String JSON_TYPE = "application/json; charset=utf-8";
    static final String XML_TYPE = "application/xml; charset=utf-8";
    static final String NOT_LOGGED_IN = "Current user is not logged in";

    /** A ready answer. */
    record Answer(int status, String contentType, byte[] body) {
        static Answer json(int status, JsonNode node) {
            return new Answer(status, JSON_TYPE, write(node));
        }
    }

    private Ocs() {}

    static byte[] write(JsonNode node) {
        try {
            return PHP_JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static JsonNode emptyData() {
        return JsonNodeFactory.instance.arrayNode();
    }

    static Answer ok(int version, boolean json, JsonNode data) {
        return envelope(version, json, true, version == 1 ? 100 : 200, "OK", data);
    }

    /**
     * A failure with an OCS code: 400, 403, 404 from controllers, 996 server error, 997 unauthorised, 998 unknown
     * route.
     */
    static Answer failure(int version, boolean json, int code, String message) {
        return envelope(version, json, false, code, message, emptyData());
    }

    static int httpStatus(int version, boolean ok, int code) {
        if (ok) {
            return 200;
        }
        if (code == 997) {
            return 401;
        }
        if (version == 1) {
            return 200;
        }
        if (code == 998) {
            return 404;
        }
        if (code == 996) {
            return 500;
        }
        return code >= 100 && code < 600 ? code : 400;
    }

    private static Answer envelope(int version, boolean json, boolean ok, int code, String message, JsonNode data) {
        int status = httpStatus(version, ok, code);
        if (json) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            ObjectNode ocs = root.putObject("ocs");
            ObjectNode meta = ocs.putObject("meta");
            meta.put("status", ok ? "ok" : "failure");
            meta.put("statuscode", code);
            meta.put("message", message);
            if (version == 1) {
                meta.put("totalitems", "");
                meta.put("itemsperpage", "");
            }
            ocs.set("data", data);
            return new Answer(status, JSON_TYPE, write(root));
        }
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\"?>\n<ocs>\n <meta>\n");
        x.append("  <status>").append(ok ? "ok" : "failure").append("</status>\n");
        x.append("  <statuscode>").append(code).append("</statuscode>\n");
        x.append("  <message>").append(escape(message)).append("</message>\n");
        if (version == 1) {
            x.append("  <totalitems></totalitems>\n  <itemsperpage></itemsperpage>\n");
        }
        x.append(" </meta>\n");
        element(x, "data", data, 1);
        x.append("</ocs>\n");
        // failures raised by the OCS entry point itself (unknown route 998, not logged in) come from another code
        // path than controller answers, with another content type (captures 11, 13, 15)
        String type = code == 998 || message.equals(NOT_LOGGED_IN) ? "text/xml; charset=UTF-8" : XML_TYPE;
        return new Answer(status, type, x.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void element(StringBuilder x, String name, JsonNode value, int depth) {
        String pad = " ".repeat(depth);
        if (value == null || value.isNull() || (value.isContainerNode() && value.isEmpty())) {
            x.append(pad).append('<').append(name).append("/>\n");
        } else if (value.isObject()) {
            x.append(pad).append('<').append(name).append(">\n");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                element(x, e.getKey(), e.getValue(), depth + 1);
            }
            x.append(pad).append("</").append(name).append(">\n");
        } else if (value.isArray()) {
            x.append(pad).append('<').append(name).append(">\n");
            for (JsonNode item : value) {
                element(x, "element", item, depth + 1);
            }
            x.append(pad).append("</").append(name).append(">\n");
        } else {
            String text = value.isBoolean() ? (value.booleanValue() ? "1" : "") : value.asText();
            x.append(pad)
                    .append('<')
                    .append(name)
                    .append('>')
                    .append(escape(text))
                    .append("</")
                    .append(name)
                    .append(">\n");
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
