package dev.ncsdk.ocs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.ncsdk.ocs.ErrorResponse;
import dev.ncsdk.ocs.NcResponseException;
import dev.ncsdk.ocs.OcsMeta;
import dev.ncsdk.ocs.OcsResponse;
import dev.ncsdk.ocs.internal.http.HttpResult;
import dev.ncsdk.ocs.internal.http.ResponseErrors;
import java.io.IOException;
import java.util.List;

/**
 * The OCS envelope: parses an answer in either format into {@link OcsMeta} and the data tree, and decides success
 * or failure exactly as the server means it. The one place where OCS status codes are interpreted.
 *
 * <p>Success is HTTP 2xx and a statuscode of 100 (v1) or 2xx (v2). Otherwise the effective status is: HTTP
 * status when it is not 2xx (v2, and v1's 401), else the statuscode translated (997 → 401, 998 → 404, 996/999 →
 * 500, other codes under 200 → 400, 4xx/5xx codes as they are); OCS 102 ("already exists") is a conflict in both
 * versions. {@link ResponseErrors#forStatus} turns the effective status into the exception.
 */
public final class OcsEnvelope {
    /** The meta of a 304 answer, which has no envelope: status {@code "ok"}, statuscode 304, "Not Modified". */
    public static final OcsMeta NOT_MODIFIED_META = new OcsMeta("ok", 304, "Not Modified", null, null);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OcsEnvelope() {}

    /**
     * An envelope taken apart.
     *
     * @param meta the meta
     * @param data the data tree ({@code []} when the server sent empty data in either format)
     */
    public record Parsed(OcsMeta meta, JsonNode data) {}

    /** The body is not an OCS envelope (not JSON or XML, malformed, or without {@code ocs.meta}). */
    public static final class NotOcsException extends Exception {
        private static final long serialVersionUID = 1L;

        NotOcsException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Parses a whole document, JSON or XML (told apart by the first character), into a tree. XML is read by
     * {@link XmlTreeReader}.
     *
     * @param body the bytes
     * @return the tree
     * @throws NotOcsException when the body is empty, neither JSON nor XML, or malformed
     */
    public static JsonNode readTree(byte[] body) throws NotOcsException {
        int i = firstSignificant(body);
        if (i < 0) {
            throw new NotOcsException("the body is empty", null);
        }
        byte c = body[i];
        if (c == '<') {
            try {
                return XmlTreeReader.read(body);
            } catch (XmlTreeReader.XmlException e) {
                throw new NotOcsException(e.getMessage(), e);
            }
        }
        if (c == '{'
                || c == '['
                || c == '"'
                || c == '-'
                || (c >= '0' && c <= '9')
                || c == 't'
                || c == 'f'
                || c == 'n') {
            // plain JSON routes may answer a bare value ("1" from AppAPI's admin-config)
            try {
                JsonNode n = Json.mapper().readTree(body);
                if (n == null || n.isMissingNode()) {
                    throw new NotOcsException("the body is empty", null);
                }
                return n;
            } catch (JsonProcessingException e) {
                throw new NotOcsException("malformed JSON: " + cut(e.getOriginalMessage()), e);
            } catch (IOException e) {
                throw new NotOcsException("unreadable JSON: " + cut(e.getMessage()), e);
            }
        }
        throw new NotOcsException("the body is neither JSON nor XML", null);
    }

    private static String cut(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replace('\n', ' ').replace('\r', ' ');
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }

    private static int firstSignificant(byte[] b) {
        int i = 0;
        // UTF-8 byte order mark
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
            i = 3;
        }
        for (; i < b.length; i++) {
            if (b[i] != ' ' && b[i] != '\n' && b[i] != '\r' && b[i] != '\t') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Parses an OCS envelope in either format.
     *
     * @param body the bytes
     * @return meta and data
     * @throws NotOcsException when the body is no OCS envelope
     */
    public static Parsed parse(byte[] body) throws NotOcsException {
        return fromTree(readTree(body));
    }

    /**
     * Takes an envelope tree apart.
     *
     * @param root the whole document
     * @return meta and data
     * @throws NotOcsException when the tree is no OCS envelope
     */
    public static Parsed fromTree(JsonNode root) throws NotOcsException {
        JsonNode ocs = root.get("ocs");
        if (ocs == null || !ocs.isObject()) {
            throw new NotOcsException("the document has no 'ocs' envelope", null);
        }
        JsonNode meta = ocs.get("meta");
        if (meta == null || !meta.isObject()) {
            throw new NotOcsException("the envelope has no 'meta'", null);
        }
        Integer code = intOrNull(meta.get("statuscode"));
        if (code == null) {
            throw new NotOcsException("the envelope's meta has no numeric 'statuscode'", null);
        }
        JsonNode data = ocs.get("data");
        if (data == null
                || data.isNull()
                || (data.isTextual() && data.textValue().isBlank())) {
            data = NODES.arrayNode(); // JSON sends [] for empty data, XML <data/>
        }
        OcsMeta m = new OcsMeta(
                text(meta.get("status")),
                code,
                text(meta.get("message")),
                intOrNull(meta.get("totalitems")),
                intOrNull(meta.get("itemsperpage")));
        return new Parsed(m, data);
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isContainerNode()) {
            return null;
        }
        return n.asText();
    }

    private static Integer intOrNull(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber() && n.canConvertToInt()) {
            return n.intValue();
        }
        if (n.isTextual()) {
            String t = n.textValue().trim();
            if (!t.isEmpty() && t.length() <= 9 && t.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return Integer.parseInt(t);
            }
            if (t.startsWith("-")
                    && t.length() <= 10
                    && t.length() > 1
                    && t.substring(1).chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return Integer.parseInt(t);
            }
        }
        return null;
    }

    /**
     * Checks an OCS answer: returns its envelope when it is a success, throws the typed failure otherwise.
     *
     * @param r the answer
     * @return the response with the data as a tree
     * @throws NcResponseException for every failure, {@code NcUnexpectedResponseException} for a non-OCS body
     */
    public static OcsResponse<JsonNode> check(HttpResult r) {
        return check(r, false);
    }

    /**
     * Checks an OCS answer to a request that may have been conditional. A 304 to a conditional request (one that
     * carried {@code If-None-Match}) has no body and is a result: {@link OcsResponse#notModified()}, with a
     * synthesized {@link #NOT_MODIFIED_META}, {@code null} data and {@code NullNode} raw data.
     *
     * @param r the answer
     * @param conditional whether the request carried {@code If-None-Match}
     * @return the response with the data as a tree
     * @throws NcResponseException for every failure, {@code NcUnexpectedResponseException} for a non-OCS body
     */
    public static OcsResponse<JsonNode> check(HttpResult r, boolean conditional) {
        if (conditional && r.status() == 304) {
            return new OcsResponse<>(NOT_MODIFIED_META, 304, r.headerMap(), null, NullNode.getInstance());
        }
        Parsed p;
        try {
            p = parse(r.body());
        } catch (NotOcsException e) {
            throw notOcs(r, e);
        }
        OcsMeta meta = p.meta();
        if (r.isSuccess() && meta.isSuccessCode()) {
            return new OcsResponse<>(meta, r.status(), r.headerMap(), p.data(), p.data());
        }
        int effective = effectiveStatus(r.status(), meta.statusCode());
        ErrorResponse er = ResponseErrors.describe(r)
                .ocs(meta.statusCode(), meta.message())
                .messages(meta.messageText().map(List::of).orElse(List.of()))
                .build();
        throw ResponseErrors.forStatus(effective, er.toString(), er);
    }

    /**
     * The HTTP-like status a failed OCS answer stands for.
     *
     * @param httpStatus the HTTP status
     * @param ocsCode the envelope's statuscode
     * @return the status {@link ResponseErrors#forStatus} maps
     */
    public static int effectiveStatus(int httpStatus, int ocsCode) {
        if (ocsCode == 102) {
            return 409; // "already exists" (users, groups) in v1 (HTTP 200) and v2 (HTTP 400)
        }
        if (httpStatus < 200 || httpStatus >= 300) {
            return httpStatus;
        }
        switch (ocsCode) {
            case 997:
                return 401;
            case 998:
                return 404;
            case 996:
            case 999:
                return 500;
            default:
                if (ocsCode >= 400 && ocsCode < 600) {
                    return ocsCode;
                }
                if (ocsCode > 100 && ocsCode < 200) {
                    return 400; // controllers' own failure codes (107 weak password...)
                }
                return ocsCode > 0 ? ocsCode : 500;
        }
    }

    private static NcResponseException notOcs(HttpResult r, NotOcsException e) {
        if (!r.isSuccess() && !ResponseErrors.looksLikeHtml(r)) {
            if (r.status() >= 500) {
                // a server failure whatever the body: plain text from PHP or a proxy, a truncated envelope
                return ResponseErrors.fromHttpStatus(r);
            }
            boolean jsonOrEmpty = r.body().length == 0;
            if (!jsonOrEmpty) {
                try {
                    JsonNode n = readTree(r.body());
                    jsonOrEmpty = n != null;
                } catch (NotOcsException ignored) {
                    jsonOrEmpty = false;
                }
            }
            if (jsonOrEmpty) {
                // plain JSON errors: 412 CSRF check failed, proxies' JSON, empty 404/500
                return ResponseErrors.fromHttpStatus(r);
            }
        }
        if (r.status() == 401 || r.status() == 429) {
            // the status says it all whatever the body (brute-force protection may answer with a page)
            return ResponseErrors.fromHttpStatus(r);
        }
        return ResponseErrors.unexpected(r, "expected an OCS envelope but " + e.getMessage());
    }
}
