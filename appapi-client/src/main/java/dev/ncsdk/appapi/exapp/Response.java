package dev.ncsdk.appapi.exapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ncsdk.appapi.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a route handler answers: a status, headers and a body. Immutable; the {@code with...} methods return
 * changed copies.
 *
 * <pre>{@code
 * return Response.json(Map.of("id", 42));                   // 200, application/json
 * return Response.json(201, created).withHeader("Location", "/items/42");
 * return Response.text("pong");                             // 200, text/plain; charset=utf-8
 * return Response.bytes(png, "image/png");
 * return Response.status(204);                              // no body
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Response {
    private final int status;
    private final List<Map.Entry<String, String>> headers;
    private final byte[] body;

    private Response(int status, List<Map.Entry<String, String>> headers, byte[] body) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("an HTTP status is 100-599, got " + status);
        }
        this.status = status;
        this.headers = List.copyOf(headers);
        this.body = body;
    }

    /**
     * A 200 answer with a JSON body written by Jackson (a record, a map, a list, a {@code JsonNode}...).
     *
     * @param value the value to serialise
     * @return the response
     * @throws IllegalArgumentException when Jackson cannot serialise the value
     */
    public static Response json(Object value) {
        return json(200, value);
    }

    /**
     * An answer with a JSON body.
     *
     * @param status the HTTP status
     * @param value the value to serialise
     * @return the response
     * @throws IllegalArgumentException when Jackson cannot serialise the value
     */
    public static Response json(int status, Object value) {
        byte[] b;
        try {
            b = Json.MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the value as JSON: " + e.getOriginalMessage(), e);
        }
        return new Response(status, List.of(Map.entry("Content-Type", "application/json")), b);
    }

    /**
     * A 200 answer with a UTF-8 text body.
     *
     * @param text the text
     * @return the response
     */
    public static Response text(String text) {
        return new Response(
                200,
                List.of(Map.entry("Content-Type", "text/plain; charset=utf-8")),
                Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A 200 answer with a binary body.
     *
     * @param body the bytes (not copied: don't change them afterwards)
     * @param contentType the media type, such as {@code image/png}
     * @return the response
     */
    public static Response bytes(byte[] body, String contentType) {
        return new Response(
                200,
                List.of(Map.entry("Content-Type", Objects.requireNonNull(contentType, "contentType"))),
                Objects.requireNonNull(body, "body"));
    }

    /**
     * An answer with no body.
     *
     * @param status the HTTP status
     * @return the response
     */
    public static Response status(int status) {
        return new Response(status, List.of(), new byte[0]);
    }

    /**
     * The same response with another status.
     *
     * @param status the HTTP status
     * @return the changed copy
     */
    public Response withStatus(int status) {
        return new Response(status, headers, body);
    }

    /**
     * The same response with one more header (a {@code Content-Type} replaces the current one).
     *
     * @param name the header name
     * @param value its value, without line breaks
     * @return the changed copy
     */
    public Response withHeader(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c == ':' || c >= 0x7f)) {
            throw new IllegalArgumentException("not a header name: '" + name + "'");
        }
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException("a header value must not contain line breaks");
        }
        List<Map.Entry<String, String>> h = new ArrayList<>(headers);
        if (name.equalsIgnoreCase("Content-Type")) {
            h.removeIf(e -> e.getKey().equalsIgnoreCase("Content-Type"));
        }
        h.add(Map.entry(name, value));
        return new Response(status, h, body);
    }

    /**
     * The HTTP status.
     *
     * @return the status
     */
    public int statusCode() {
        return status;
    }

    /**
     * The headers, in the order added.
     *
     * @return the headers
     */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /**
     * The body.
     *
     * @return a copy of the body bytes
     */
    public byte[] body() {
        return body.clone();
    }

    byte[] bodyBytes() {
        return body;
    }

    /** Status, headers and body length. */
    @Override
    public String toString() {
        return "Response[" + status + ", " + body.length + " bytes]";
    }
}
