package dev.ncsdk.appapi.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the ExApp answered to a request the simulator sent: status, headers (names in lower case) and body.
 *
 * <pre>{@code
 * ExAppResponse r = nc.asUser("alice").get("/items/7");
 * assertEquals(200, r.status());
 * assertEquals("7", r.json().get("id").asText());
 * assertEquals("application/json", r.header("content-type").orElseThrow());
 * }</pre>
 *
 * @param status the HTTP status
 * @param headers the response headers, names in lower case, values in order
 * @param body the raw body (inflated when the ExApp sent it gzip-encoded)
 * @since 0.1.0
 */
public record ExAppResponse(int status, Map<String, List<String>> headers, byte[] body) {
    /**
     * Copies the headers and the body.
     *
     * @param status the HTTP status
     * @param headers the headers, names in lower case
     * @param body the body
     */
    public ExAppResponse {
        headers = Headers.copyLowerCase(Objects.requireNonNull(headers, "headers"));
        body = Objects.requireNonNull(body, "body").clone();
    }

    /**
     * The raw body (a copy).
     *
     * @return the bytes
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, any case
     * @return the value, or empty when absent
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The body as UTF-8 text.
     *
     * @return the text
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body read as JSON.
     *
     * @return the JSON tree
     * @throws IllegalStateException when the body is not JSON (the message shows the start of the body)
     */
    public JsonNode json() {
        try {
            return Json.MAPPER.readTree(body);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "the ExApp's answer (HTTP " + status + ") is not JSON: " + Headers.cut(bodyText()), e);
        }
    }

    /**
     * Whether the status is 2xx.
     *
     * @return {@code true} for 200-299
     */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExAppResponse r
                && r.status == status
                && r.headers.equals(headers)
                && Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    /** Status, headers (secret ones redacted) and the start of the body. */
    @Override
    public String toString() {
        return "ExAppResponse[" + status + " " + Headers.redacted(headers) + " " + Headers.cut(bodyText()) + "]";
    }
}
