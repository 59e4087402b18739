package dev.ncsdk.appapi.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One call the ExApp made to the simulated Nextcloud, as received, with the status the simulator answered.
 *
 * <pre>{@code
 * RecordedCall log = nc.awaitCall("POST", "/apps/app_api/api/v1/log", Duration.ofSeconds(5));
 * assertEquals(2, log.json().get("level").asInt());
 * assertEquals("", log.user());                     // system context
 * assertTrue(log.header("ocs-apirequest").isPresent());
 * }</pre>
 *
 * @param received when the call arrived
 * @param method the HTTP method
 * @param path the decoded path, e.g. {@code /ocs/v1.php/apps/app_api/api/v1/log}
 * @param query the raw query string, empty when none
 * @param headers the request headers, names in lower case
 * @param body the request body
 * @param user the user half of a valid {@code AUTHORIZATION-APP-API} ({@code ""} for the system context), or
 *     {@code null} when the call was not validly signed
 * @param status the HTTP status the simulator answered
 * @since 0.1.0
 */
public record RecordedCall(
        Instant received,
        String method,
        String path,
        String query,
        Map<String, List<String>> headers,
        byte[] body,
        String user,
        int status) {
    /**
     * Copies headers and body.
     *
     * @param received when the call arrived
     * @param method the method
     * @param path the path
     * @param query the raw query
     * @param headers the headers
     * @param body the body
     * @param user the authenticated user, or {@code null}
     * @param status the answered status
     */
    public RecordedCall {
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = query == null ? "" : query;
        headers = Headers.copyLowerCase(Objects.requireNonNull(headers, "headers"));
        body = Objects.requireNonNull(body, "body").clone();
    }

    /**
     * The body (a copy).
     *
     * @return the bytes
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * The path with the OCS prefix ({@code /ocs/v1.php} or {@code /ocs/v2.php}) removed, so one assertion covers
     * both API versions; other paths are returned as they are.
     *
     * @return e.g. {@code /apps/app_api/api/v1/log}
     */
    public String ocsPath() {
        return Routes.ocsRelative(path);
    }

    /**
     * Whether the call went to an OCS v1 ({@code 1}), v2 ({@code 2}) endpoint, or elsewhere ({@code 0}).
     *
     * @return 1, 2 or 0
     */
    public int ocsVersion() {
        return Routes.ocsVersion(path);
    }

    /**
     * The first value of a header.
     *
     * @param name any case
     * @return the value, or empty
     */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /**
     * The first value of a query parameter, decoded.
     *
     * @param name the parameter name
     * @return the value, or empty
     */
    public Optional<String> queryParam(String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (k.equals(name)) {
                return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
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
     * @return the tree
     * @throws IllegalStateException when the body is not JSON
     */
    public JsonNode json() {
        try {
            return Json.MAPPER.readTree(body);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "the body of " + method + " " + path + " is not JSON: " + Headers.cut(bodyText()), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordedCall c
                && c.received.equals(received)
                && c.method.equals(method)
                && c.path.equals(path)
                && c.query.equals(query)
                && c.headers.equals(headers)
                && Arrays.equals(c.body, body)
                && Objects.equals(c.user, user)
                && c.status == status;
    }

    @Override
    public int hashCode() {
        return Objects.hash(received, method, path, query, Arrays.hashCode(body), status);
    }

    /** Method, path, query, answered status and headers, with credentials redacted; the start of the body. */
    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> " + status
                + (user == null ? "" : " as '" + user + "'") + " " + Headers.redacted(headers)
                + (body.length == 0 ? "" : " " + Headers.cut(bodyText()));
    }
}
