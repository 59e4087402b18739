package dev.ncsdk.ocs.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ncsdk.ocs.ErrorResponse;
import dev.ncsdk.ocs.NcBadRequestException;
import dev.ncsdk.ocs.NcConflictException;
import dev.ncsdk.ocs.NcForbiddenException;
import dev.ncsdk.ocs.NcNotFoundException;
import dev.ncsdk.ocs.NcPasswordConfirmationRequiredException;
import dev.ncsdk.ocs.NcPreconditionFailedException;
import dev.ncsdk.ocs.NcRateLimitedException;
import dev.ncsdk.ocs.NcResponseException;
import dev.ncsdk.ocs.NcServerException;
import dev.ncsdk.ocs.NcUnauthorizedException;
import dev.ncsdk.ocs.NcUnexpectedResponseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns failed answers into the SDK's exceptions. Each module decides which status a failure has (OCS v1 carries
 * it in the envelope, the store and AppAPI in the HTTP status) and calls {@link #forStatus}; the mapping from
 * status to exception type lives only here.
 */
public final class ResponseErrors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGES = 50;

    private ResponseErrors() {}

    /**
     * Describes a failed answer: request line, status, request id, {@code Retry-After}, headers and body excerpt.
     *
     * @param r the answer
     * @return a builder the caller can add OCS fields or messages to
     */
    public static ErrorResponse.Builder describe(HttpResult r) {
        return ErrorResponse.builder(r.method(), r.uri(), r.status())
                .requestId(r.requestId().orElse(null))
                .retryAfter(r.retryAfter().orElse(null))
                .headers(r.headerMap())
                .body(r.bodyText());
    }

    /**
     * The exception for a failure of the given status.
     *
     * @param status the effective status (the HTTP status, or an OCS v1 code's HTTP equivalent)
     * @param message the message, free of secrets
     * @param response the description
     * @return the exception to throw
     */
    public static NcResponseException forStatus(int status, String message, ErrorResponse response) {
        switch (status) {
            case 400:
            case 422:
                return new NcBadRequestException(message, response);
            case 401:
                return new NcUnauthorizedException(message, response);
            case 403:
                if (asksForPasswordConfirmation(response)) {
                    return new NcPasswordConfirmationRequiredException(message, response);
                }
                return new NcForbiddenException(message, response);
            case 404:
            case 410:
                return new NcNotFoundException(message, response);
            case 409:
                return new NcConflictException(message, response);
            case 412:
                return new NcPreconditionFailedException(message, response);
            case 429:
                return new NcRateLimitedException(message, response);
            default:
                if (status >= 500) {
                    return new NcServerException(message, response);
                }
                return new NcResponseException(message, response);
        }
    }

    /**
     * Whether a 403 answer asks for the password to be confirmed (Nextcloud's "Password confirmation is
     * required", sent by routes with {@code #[PasswordConfirmationRequired]} when the session is too old).
     *
     * @param response the failed answer
     * @return whether the message asks for password confirmation
     */
    public static boolean asksForPasswordConfirmation(ErrorResponse response) {
        if (response == null) {
            return false;
        }
        List<String> texts = new ArrayList<>(response.messages());
        response.ocsMessage().ifPresent(texts::add);
        for (String t : texts) {
            String l = t.toLowerCase(java.util.Locale.ROOT);
            if (l.contains("password confirmation") || l.contains("confirm your password")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The exception for an answer whose HTTP status says failure and whose body is plain JSON or anything else:
     * messages are read from {@code {"message": ...}}, {@code {"detail": ...}}, {@code {"error": ...}}, field
     * errors ({@code {"download": ["..."]}}) or a bare list of strings.
     *
     * @param r the failed answer
     * @return the exception to throw
     */
    public static NcResponseException fromHttpStatus(HttpResult r) {
        List<String> messages = messagesOf(r);
        ErrorResponse er = describe(r).messages(messages).build();
        return forStatus(r.status(), er.toString(), er);
    }

    /**
     * The exception for a body that is not what the route answers (HTML instead of JSON, a truncated document).
     *
     * @param r the answer
     * @param what what was expected and what went wrong, free of secrets
     * @return the exception to throw
     */
    public static NcUnexpectedResponseException unexpected(HttpResult r, String what) {
        ErrorResponse er = describe(r).build();
        String kind = looksLikeHtml(r) ? " (the server sent an HTML page" + htmlTitle(r) + ")" : "";
        return new NcUnexpectedResponseException(what + kind + ": " + er, er);
    }

    /**
     * Whether the body is an HTML page (a login, maintenance or proxy error page).
     *
     * @param r the answer
     * @return whether it is HTML
     */
    public static boolean looksLikeHtml(HttpResult r) {
        if (r.mediaType().map(m -> m.contains("html")).orElse(false)) {
            return true;
        }
        String start = head(r, 256).stripLeading().toLowerCase(java.util.Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    private static String htmlTitle(HttpResult r) {
        String h = head(r, 8192);
        int a = h.toLowerCase(java.util.Locale.ROOT).indexOf("<title>");
        int b = h.toLowerCase(java.util.Locale.ROOT).indexOf("</title>");
        if (a >= 0 && b > a) {
            String t = h.substring(a + 7, b).strip().replaceAll("\\s+", " ");
            return t.isEmpty() ? "" : " titled \"" + (t.length() > 120 ? t.substring(0, 120) : t) + "\"";
        }
        return "";
    }

    private static String head(HttpResult r, int n) {
        byte[] b = r.body();
        return new String(b, 0, Math.min(n, b.length), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Reads the error messages of an error body: those of a JSON document, or the start of a {@code text/plain}
     * body (at most 300 characters, on one line); an empty list for HTML and anything else.
     *
     * @param r the answer
     * @return the messages
     */
    public static List<String> messagesOf(HttpResult r) {
        if (r.body().length == 0 || looksLikeHtml(r)) {
            return List.of();
        }
        try {
            return messagesOf(JSON.readTree(r.body()));
        } catch (java.io.IOException | RuntimeException e) {
            if (r.mediaType().map(m -> m.equals("text/plain")).orElse(false)) {
                String t = head(r, 2048).strip().replaceAll("\\s+", " ");
                return t.isEmpty() ? List.of() : List.of(t.length() > 300 ? t.substring(0, 300) + "…" : t);
            }
            return List.of();
        }
    }

    /**
     * Reads error messages from a JSON error document of any of the shapes servers use.
     *
     * @param node the document
     * @return the messages
     */
    public static List<String> messagesOf(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, null, out, 0);
        return List.copyOf(out);
    }

    private static void collect(JsonNode node, String field, List<String> out, int depth) {
        if (node == null || out.size() >= MAX_MESSAGES || depth > 5) {
            return;
        }
        if (node.isTextual() || node.isNumber() || node.isBoolean()) {
            String text = node.asText();
            if (!text.isEmpty()) {
                out.add(field == null ? text : field + ": " + text);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                collect(item, field, out, depth + 1);
            }
        } else if (node.isObject()) {
            for (String known : List.of("message", "detail", "error", "errors", "non_field_errors")) {
                if (node.has(known)) {
                    collect(node.get(known), field, out, depth + 1);
                }
            }
            if (!out.isEmpty()) {
                return;
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getValue().isArray() || e.getValue().isTextual()) {
                    collect(e.getValue(), field == null ? e.getKey() : field + "." + e.getKey(), out, depth + 1);
                }
            }
        }
    }
}
