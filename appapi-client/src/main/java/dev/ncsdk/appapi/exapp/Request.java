package dev.ncsdk.appapi.exapp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.appapi.internal.Json;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * An authenticated request to one of the ExApp's routes: who called (through AppAPI), the path variables, query
 * parameters, headers and body, and a Nextcloud client acting as the caller.
 *
 * <pre>{@code
 * .route(HttpMethod.POST, "/items/{id}", AccessLevel.USER, req -> {
 *     String id = req.pathParam("id");
 *     Item item = req.bodyAs(Item.class);          // 400 when the body is not such JSON
 *     req.nextcloud().ocs().ocs(...);              // as req.user(), with AA-REQUEST-ID
 *     return Response.json(Map.of("id", id, "by", req.user()));
 * })
 * }</pre>
 *
 * <p>Not thread-safe beyond the handler's own thread; {@link #toString()} shows no header values.
 *
 * @since 0.1.0
 */
public final class Request {
    private final HttpMethod method;
    private final String path;
    private final String rawQuery;
    private final ExAppCaller caller;
    private final Map<String, String> pathParams;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Supplier<NextcloudApp> nextcloud;
    private Map<String, List<String>> query;
    private NextcloudApp userClient;

    Request(
            HttpMethod method,
            String path,
            String rawQuery,
            ExAppCaller caller,
            Map<String, String> pathParams,
            Map<String, List<String>> headers,
            byte[] body,
            Supplier<NextcloudApp> nextcloud) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.caller = caller;
        this.pathParams = Collections.unmodifiableMap(pathParams);
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        h.replaceAll((k, v) -> List.copyOf(v));
        this.headers = Collections.unmodifiableMap(h);
        this.body = body;
        this.nextcloud = nextcloud;
    }

    /**
     * The HTTP method.
     *
     * @return the method
     */
    public HttpMethod method() {
        return method;
    }

    /**
     * The request path as received (still percent-encoded), such as {@code /items/a%20b}.
     *
     * @return the path
     */
    public String path() {
        return path;
    }

    /**
     * The user AppAPI acts for.
     *
     * @return the Nextcloud user id, empty for a system call (or an anonymous visitor of a PUBLIC route)
     */
    public String user() {
        return caller.userId();
    }

    /**
     * Nextcloud's request id ({@code AA-REQUEST-ID}), to correlate logs.
     *
     * @return the id, {@code CLI} for occ-triggered calls, empty when absent
     */
    public String requestId() {
        return caller.requestId();
    }

    /**
     * Everything the authentication established.
     *
     * @return the caller
     */
    public ExAppCaller caller() {
        return caller;
    }

    /**
     * A path variable, percent-decoded: {@code pathParam("id")} is {@code "a b"} for the route
     * {@code /items/{id}} and the path {@code /items/a%20b}. A trailing {@code *} of a route is named {@code "*"}.
     *
     * @param name the variable's name
     * @return its value
     * @throws IllegalArgumentException when the route has no such variable
     */
    public String pathParam(String name) {
        String v = pathParams.get(name);
        if (v == null) {
            throw new IllegalArgumentException("the route has no path variable '" + name + "'");
        }
        return v;
    }

    /**
     * All path variables, decoded.
     *
     * @return the variables by name
     */
    public Map<String, String> pathParams() {
        return pathParams;
    }

    /**
     * The first value of a query parameter, decoded.
     *
     * @param name the parameter
     * @return the value, empty when absent
     */
    public Optional<String> queryParam(String name) {
        List<String> v = queryParams().get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /**
     * All query parameters, decoded, in order.
     *
     * @return the values by name
     */
    public Map<String, List<String>> queryParams() {
        if (query == null) {
            query = parseQuery(rawQuery);
        }
        return query;
    }

    /**
     * The query string as received (percent-encoded), without {@code ?}.
     *
     * @return the query, empty when none
     */
    public String rawQuery() {
        return rawQuery == null ? "" : rawQuery;
    }

    /**
     * The first value of a header, ignoring the name's case.
     *
     * @param name the header name
     * @return the value, empty when absent
     */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /**
     * All headers; the map ignores the case of names. It includes AppAPI's own headers (with the secret) and the
     * browser's: never log it whole.
     *
     * @return the headers
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The body.
     *
     * @return a copy of the bytes, empty when none
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body as text.
     *
     * @return the body decoded as UTF-8
     */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body as a JSON tree.
     *
     * @return the tree ({@code MissingNode} for an empty body)
     * @throws ExAppHttpException 400 when the body is not JSON
     */
    public JsonNode json() {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ExAppHttpException(400, "the body is not valid JSON");
        }
    }

    /**
     * The body read by Jackson as a type.
     *
     * @param type the type, such as a record
     * @param <T> the type
     * @return the value
     * @throws ExAppHttpException 400 when the body is not JSON of that shape
     */
    public <T> T bodyAs(Class<T> type) {
        try {
            return Json.MAPPER.readValue(body, type);
        } catch (IOException e) {
            throw new ExAppHttpException(400, "the body is not valid JSON for " + type.getSimpleName());
        }
    }

    /**
     * The body read by Jackson as a generic type.
     *
     * @param type the type, such as {@code new TypeReference<List<Item>>() {}}
     * @param <T> the type
     * @return the value
     * @throws ExAppHttpException 400 when the body is not JSON of that shape
     */
    public <T> T bodyAs(TypeReference<T> type) {
        try {
            return Json.MAPPER.readValue(body, type);
        } catch (IOException e) {
            throw new ExAppHttpException(400, "the body is not valid JSON of the expected shape");
        }
    }

    /**
     * Nextcloud as the calling user, sending this request's {@code AA-REQUEST-ID}: a light view of the ExApp's one
     * client (same connection pool), made on first use.
     *
     * @return the client; do not close it
     */
    public NextcloudApp nextcloud() {
        if (userClient == null) {
            userClient = nextcloud.get().asUser(caller.userId()).withRequestId(caller.requestId());
        }
        return userClient;
    }

    static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = decode(eq < 0 ? pair : pair.substring(0, eq));
                String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
                out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            }
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(out);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** Method and path only. */
    @Override
    public String toString() {
        return "Request[" + method + " " + path + (caller.userId().isEmpty() ? "" : " as " + caller.userId()) + "]";
    }
}
