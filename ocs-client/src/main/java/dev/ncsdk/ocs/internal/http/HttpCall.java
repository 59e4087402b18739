package dev.ncsdk.ocs.internal.http;

import dev.ncsdk.ocs.Credentials;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * One HTTP request as the SDK's transport sends it: method, absolute URI, headers, optional body, and the
 * per-call choices (idempotence, timeout, response size limit, credentials override). Immutable.
 */
public final class HttpCall {
    private static final Set<String> IDEMPOTENT_BY_DEFAULT = Set.of("GET", "HEAD", "OPTIONS");

    private final String method;
    private final URI uri;
    private final List<String[]> headers;
    private final byte[] body;
    private final String contentType;
    private final boolean idempotent;
    private final Duration timeout;
    private final long maxResponseBytes;
    private final Credentials credentials;
    private final boolean followRedirects;
    private final Function<HttpResponse.ResponseInfo, BodyListener> bodyListener;

    private HttpCall(Builder b) {
        this.method = b.method;
        this.uri = b.uri;
        this.headers = List.copyOf(b.headers);
        this.body = b.body;
        this.contentType = b.contentType;
        this.idempotent = b.idempotent != null ? b.idempotent : IDEMPOTENT_BY_DEFAULT.contains(b.method);
        this.timeout = b.timeout;
        this.maxResponseBytes = b.maxResponseBytes;
        this.credentials = b.credentials;
        this.followRedirects = b.followRedirects;
        this.bodyListener = b.bodyListener;
    }

    /**
     * Starts a call.
     *
     * @param method the HTTP method, any case
     * @param uri the absolute URI
     * @return a builder
     */
    public static Builder builder(String method, URI uri) {
        return new Builder(method, uri);
    }

    /**
     * Returns a builder with this call's values.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(method, uri);
        b.headers.addAll(headers);
        b.body = body;
        b.contentType = contentType;
        b.idempotent = idempotent;
        b.timeout = timeout;
        b.maxResponseBytes = maxResponseBytes;
        b.credentials = credentials;
        b.followRedirects = followRedirects;
        b.bodyListener = bodyListener;
        return b;
    }

    /** @return what makes a listener for each answer's body, or null */
    public Function<HttpResponse.ResponseInfo, BodyListener> bodyListener() {
        return bodyListener;
    }

    /** @return the upper-case method */
    public String method() {
        return method;
    }

    /** @return the absolute URI */
    public URI uri() {
        return uri;
    }

    /** @return the extra headers as name/value pairs */
    public List<String[]> headers() {
        return headers;
    }

    /** @return the body, or {@code null} */
    public byte[] body() {
        return body;
    }

    /** @return the body's content type, or {@code null} */
    public String contentType() {
        return contentType;
    }

    /** @return whether the call may be sent again after it may have reached the server */
    public boolean idempotent() {
        return idempotent;
    }

    /** @return the timeout override, or {@code null} for the transport's */
    public Duration timeout() {
        return timeout;
    }

    /** @return the response size limit override, or 0 for the transport's */
    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    /** @return the credentials override, or {@code null} for the transport's */
    public Credentials credentials() {
        return credentials;
    }

    /** @return whether redirects are followed */
    public boolean followRedirects() {
        return followRedirects;
    }

    /** Builds an {@link HttpCall}. */
    public static final class Builder {
        private final String method;
        private URI uri;
        private final List<String[]> headers = new ArrayList<>();
        private byte[] body;
        private String contentType;
        private Boolean idempotent;
        private Duration timeout;
        private long maxResponseBytes;
        private Credentials credentials;
        private boolean followRedirects = true;
        private Function<HttpResponse.ResponseInfo, BodyListener> bodyListener;

        private Builder(String method, URI uri) {
            this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
            this.uri = Objects.requireNonNull(uri, "uri");
            if (!uri.isAbsolute()) {
                throw new IllegalArgumentException("request URI must be absolute: " + Uris.redact(uri));
            }
        }

        /**
         * Adds a header.
         *
         * @param name the name
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.add(new String[] {Objects.requireNonNull(name), Objects.requireNonNull(value)});
            return this;
        }

        /**
         * Removes the headers whose names match.
         *
         * @param name what a header's name must match to be removed
         * @return this builder
         */
        public Builder removeHeaders(java.util.function.Predicate<String> name) {
            headers.removeIf(h -> name.test(h[0]));
            return this;
        }

        /**
         * Sets a body.
         *
         * @param bytes the body
         * @param contentType its content type
         * @return this builder
         */
        public Builder body(byte[] bytes, String contentType) {
            this.body = Objects.requireNonNull(bytes, "body").clone();
            this.contentType = Objects.requireNonNull(contentType, "contentType");
            return this;
        }

        /**
         * Sets a JSON body.
         *
         * @param json the UTF-8 JSON bytes
         * @return this builder
         */
        public Builder jsonBody(byte[] json) {
            return body(json, "application/json");
        }

        /**
         * Sets an {@code application/x-www-form-urlencoded} body.
         *
         * @param fields the fields in order
         * @return this builder
         */
        public Builder formBody(Map<String, String> fields) {
            return body(
                    Uris.formEncode(fields).getBytes(StandardCharsets.US_ASCII), "application/x-www-form-urlencoded");
        }

        /**
         * Marks the call as safe, or unsafe, to repeat. Defaults: GET, HEAD and OPTIONS are.
         *
         * @param idempotent whether it may be repeated
         * @return this builder
         */
        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        /**
         * Overrides the transport's request timeout for this call: a deadline for all its attempts, redirects and
         * back-off waits.
         *
         * @param timeout the whole-call timeout
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * Overrides the transport's response size limit for this call.
         *
         * @param max bytes, after decompression
         * @return this builder
         */
        public Builder maxResponseBytes(long max) {
            this.maxResponseBytes = max;
            return this;
        }

        /**
         * Overrides the transport's credentials for this call; {@link Credentials#none()} sends it anonymously.
         *
         * @param credentials the credentials
         * @return this builder
         */
        public Builder credentials(Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /**
         * Whether to follow redirects (default yes). Credentials are dropped when the origin changes; a redirect
         * that would re-send a body to another origin, go from https down to http, or exceed 5 redirects fails
         * with {@code NcRedirectException}.
         *
         * @param follow whether to follow
         * @return this builder
         */
        public Builder followRedirects(boolean follow) {
            this.followRedirects = follow;
            return this;
        }

        /**
         * Sets what makes a {@link BodyListener} for each answer (each attempt and redirect gets its own); it may
         * return null for answers it does not want to see, such as errors.
         *
         * @param factory the factory, or null for none
         * @return this builder
         */
        public Builder bodyListener(Function<HttpResponse.ResponseInfo, BodyListener> factory) {
            this.bodyListener = factory;
            return this;
        }

        /**
         * Sends the call to another URI (a redirect's target), keeping everything else.
         *
         * @param target the absolute URI
         * @return this builder
         */
        public Builder uriOverride(URI target) {
            this.uri = Objects.requireNonNull(target, "uri");
            return this;
        }

        /**
         * Builds the call.
         *
         * @return the call
         */
        public HttpCall build() {
            return new HttpCall(this);
        }
    }
}
