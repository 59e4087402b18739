package dev.ncsdk.ocs;

import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to a Nextcloud route, for {@link OcsClient#ocs(OcsRequest)} (the path is the route after
 * {@code /ocs/v2.php} or {@code /ocs/v1.php}) or {@link OcsClient#json(OcsRequest)} (the path is relative to the
 * server's base URL, such as {@code /index.php/apps/app_api/daemons} or {@code /status.php}). Immutable.
 *
 * <pre>{@code
 * OcsRequest list = OcsRequest.get("/cloud/users").query("search", "ali").query("limit", "10").build();
 * OcsRequest create = OcsRequest.post("/cloud/users")
 *         .formBody(Map.of("userid", "bob", "password", password.reveal()))
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class OcsRequest {
    private final String method;
    private final String path;
    private final OcsApiVersion version;
    private final OcsFormat format;
    private final List<Map.Entry<String, String>> query;
    private final List<Map.Entry<String, String>> headers;
    private final Object jsonBody;
    private final Map<String, String> formBody;
    private final Boolean idempotent;
    private final Duration timeout;
    private final Credentials credentials;

    private OcsRequest(Builder b) {
        this.method = b.method;
        this.path = b.path;
        this.version = b.version;
        this.format = b.format;
        this.query = List.copyOf(b.query);
        this.headers = List.copyOf(b.headers);
        this.jsonBody = b.jsonBody;
        this.formBody =
                b.formBody == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.formBody));
        this.idempotent = b.idempotent;
        this.timeout = b.timeout;
        this.credentials = b.credentials;
    }

    /**
     * Starts a request.
     *
     * @param method the HTTP method, any case
     * @param path the route, with or without a leading slash
     * @return a builder
     */
    public static Builder builder(String method, String path) {
        return new Builder(method, path);
    }

    /**
     * Starts a GET request.
     *
     * @param path the route
     * @return a builder
     */
    public static Builder get(String path) {
        return builder("GET", path);
    }

    /**
     * Starts a POST request.
     *
     * @param path the route
     * @return a builder
     */
    public static Builder post(String path) {
        return builder("POST", path);
    }

    /**
     * Starts a PUT request.
     *
     * @param path the route
     * @return a builder
     */
    public static Builder put(String path) {
        return builder("PUT", path);
    }

    /**
     * Starts a DELETE request.
     *
     * @param path the route
     * @return a builder
     */
    public static Builder delete(String path) {
        return builder("DELETE", path);
    }

    /**
     * A builder holding this request's values.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(method, path);
        b.version = version;
        b.format = format;
        b.query.addAll(query);
        b.headers.addAll(headers);
        b.jsonBody = jsonBody;
        b.formBody = formBody;
        b.idempotent = idempotent;
        b.timeout = timeout;
        b.credentials = credentials;
        return b;
    }

    /**
     * The HTTP method.
     *
     * @return the upper-case method
     */
    public String method() {
        return method;
    }

    /**
     * The route, starting with {@code /}.
     *
     * @return the path
     */
    public String path() {
        return path;
    }

    /**
     * The OCS API version, when set; the client's default otherwise. Ignored by plain JSON requests.
     *
     * @return the version, or empty
     */
    public Optional<OcsApiVersion> version() {
        return Optional.ofNullable(version);
    }

    /**
     * The answer format, when set; the client's default otherwise. Ignored by plain JSON requests.
     *
     * @return the format, or empty
     */
    public Optional<OcsFormat> format() {
        return Optional.ofNullable(format);
    }

    /**
     * The query parameters in order.
     *
     * @return name/value pairs
     */
    public List<Map.Entry<String, String>> query() {
        return query;
    }

    /**
     * The extra headers in order.
     *
     * @return name/value pairs
     */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /**
     * The JSON body (a {@code JsonNode}, a map, a record...), when one was set.
     *
     * @return the body, or empty
     */
    public Optional<Object> jsonBody() {
        return Optional.ofNullable(jsonBody);
    }

    /**
     * The form fields, when a form body was set.
     *
     * @return the fields in order, or empty
     */
    public Optional<Map<String, String>> formBody() {
        return Optional.ofNullable(formBody);
    }

    /**
     * Whether the request may be sent again after it may have reached the server. By default GET, HEAD, OPTIONS,
     * PUT and DELETE are; POST is not.
     *
     * @return whether it is idempotent
     */
    public boolean idempotent() {
        if (idempotent != null) {
            return idempotent;
        }
        return !method.equals("POST") && !method.equals("PATCH");
    }

    /**
     * The timeout override, when set.
     *
     * @return the timeout, or empty
     */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * The credentials override, when set.
     *
     * @return the credentials, or empty
     */
    public Optional<Credentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    /** Shows method, path and parameter names, never values of bodies or headers. */
    @Override
    public String toString() {
        StringBuilder sb =
                new StringBuilder("OcsRequest[").append(method).append(' ').append(path);
        if (version != null) {
            sb.append(", ").append(version);
        }
        if (!query.isEmpty()) {
            sb.append(", query=");
            for (int i = 0; i < query.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(query.get(i).getKey());
            }
        }
        if (jsonBody != null) {
            sb.append(", JSON body");
        }
        if (formBody != null) {
            sb.append(", form ").append(formBody.keySet());
        }
        return sb.append(']').toString();
    }

    /**
     * Builds an {@link OcsRequest}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final String method;
        private final String path;
        private OcsApiVersion version;
        private OcsFormat format;
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private Object jsonBody;
        private Map<String, String> formBody;
        private Boolean idempotent;
        private Duration timeout;
        private Credentials credentials;

        private Builder(String method, String path) {
            String m = Objects.requireNonNull(method, "method").trim().toUpperCase(Locale.ROOT);
            if (m.isEmpty() || !m.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
                throw new IllegalArgumentException("not an HTTP method: " + method);
            }
            this.method = m;
            String p = Objects.requireNonNull(path, "path").trim();
            if (p.contains("://") || p.startsWith("//")) {
                throw new IllegalArgumentException("the path must be relative to the server, not a URL");
            }
            for (String seg : p.split("[/?]", -1)) {
                if (seg.equals("..")) {
                    throw new IllegalArgumentException("the path must not contain '..' segments");
                }
            }
            if (p.indexOf('#') >= 0 || p.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
                throw new IllegalArgumentException("the path must not contain spaces, controls or a fragment");
            }
            this.path = p.startsWith("/") ? p : "/" + p;
        }

        /**
         * Uses OCS API v1 or v2 (default: the client's, v2 unless configured).
         *
         * @param v the version
         * @return this builder
         */
        public Builder version(OcsApiVersion v) {
            this.version = Objects.requireNonNull(v, "version");
            return this;
        }

        /**
         * Asks for JSON or XML for this request (default: the client's).
         *
         * @param f the format
         * @return this builder
         */
        public Builder format(OcsFormat f) {
            this.format = Objects.requireNonNull(f, "format");
            return this;
        }

        /**
         * Adds a query parameter; may be called several times with the same name ({@code groups[]}).
         *
         * @param name the name
         * @param value the value; {@code null} skips the parameter
         * @return this builder
         */
        public Builder query(String name, String value) {
            Objects.requireNonNull(name, "name");
            if (value != null) {
                query.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
            }
            return this;
        }

        /**
         * Adds query parameters in the map's order.
         *
         * @param params names and values
         * @return this builder
         */
        public Builder query(Map<String, String> params) {
            params.forEach(this::query);
            return this;
        }

        /**
         * Adds a request header. {@code OCS-APIRequest}, the credentials' and transport headers are set by the
         * client.
         *
         * @param name the name
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.add(new AbstractMap.SimpleImmutableEntry<>(
                    Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
            return this;
        }

        /**
         * Sends a JSON body: a {@code JsonNode}, a map, a list or a record, written by Jackson.
         *
         * @param body the body
         * @return this builder
         */
        public Builder jsonBody(Object body) {
            this.jsonBody = Objects.requireNonNull(body, "body");
            this.formBody = null;
            return this;
        }

        /**
         * Sends an {@code application/x-www-form-urlencoded} body; fields keep the map's order.
         *
         * @param fields the fields
         * @return this builder
         */
        public Builder formBody(Map<String, String> fields) {
            this.formBody = new LinkedHashMap<>(Objects.requireNonNull(fields, "fields"));
            this.jsonBody = null;
            return this;
        }

        /**
         * Marks the request safe (or not) to send again after it may have reached the server.
         *
         * @param idempotent whether it may be repeated
         * @return this builder
         */
        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        /**
         * Overrides the client's request timeout.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Authenticates this request differently from the client ({@link Credentials#none()} for anonymous).
         *
         * @param credentials the credentials
         * @return this builder
         */
        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public OcsRequest build() {
            return new OcsRequest(this);
        }
    }
}
