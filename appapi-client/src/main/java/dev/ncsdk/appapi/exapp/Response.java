package dev.ncsdk.appapi.exapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ncsdk.appapi.internal.Json;
import java.io.OutputStream;
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
    private final BodyWriter writer;

    private Response(int status, List<Map.Entry<String, String>> headers, byte[] body) {
        this(status, headers, body, null);
    }

    private Response(int status, List<Map.Entry<String, String>> headers, byte[] body, BodyWriter writer) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("an HTTP status is 100-599, got " + status);
        }
        this.status = status;
        this.headers = List.copyOf(headers);
        this.body = body;
        this.writer = writer;
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
     * A 200 answer whose body is written while it is sent, in HTTP chunks: what the writer flushes reaches the caller
     * at once (AppAPI relays an occ command's output this way, {@link ExApp.Builder#occCommand}). The writer runs on
     * the request's worker thread after the handler returned, without the handler time limit. When it throws before
     * anything was flushed the caller gets the usual error answer (500, or an {@link ExAppHttpException}'s status);
     * afterwards the status is sent already, so the failure is logged and the body ends where it stopped.
     *
     * <pre>{@code
     * return Response.stream("text/plain; charset=utf-8", out -> {
     *     for (Item i : items) {
     *         out.write((i.name() + "\n").getBytes(StandardCharsets.UTF_8));
     *         out.flush();                                       // this line goes out now
     *     }
     * });
     * }</pre>
     *
     * @param contentType the media type
     * @param writer writes the body; the stream is closed by the runtime
     * @return the response
     * @since 0.1.0
     */
    public static Response stream(String contentType, BodyWriter writer) {
        return new Response(
                200,
                List.of(Map.entry("Content-Type", Objects.requireNonNull(contentType, "contentType"))),
                new byte[0],
                Objects.requireNonNull(writer, "writer"));
    }

    /**
     * Writes a streamed body ({@link Response#stream}).
     *
     * @since 0.1.0
     */
    @FunctionalInterface
    public interface BodyWriter {
        /**
         * Writes the body.
         *
         * @param out the body stream; {@code flush()} sends what was written so far
         * @throws Exception a failure (see {@link Response#stream} for what the caller gets)
         */
        void writeTo(OutputStream out) throws Exception;
    }

    /**
     * Whether the body is streamed ({@link #stream}); {@link #body()} is then empty.
     *
     * @return {@code true} for a streamed body
     * @since 0.1.0
     */
    public boolean streamed() {
        return writer != null;
    }

    BodyWriter writer() {
        return writer;
    }

    /**
     * The same response with another status.
     *
     * @param status the HTTP status
     * @return the changed copy
     */
    public Response withStatus(int status) {
        return new Response(status, headers, body, writer);
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
        return new Response(status, h, body, writer);
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
        return "Response[" + status + ", " + (writer != null ? "streamed" : body.length + " bytes") + "]";
    }
}
