package dev.ncsdk.ocs;

import dev.ncsdk.ocs.internal.http.SensitiveHeaders;
import dev.ncsdk.ocs.internal.http.Uris;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the SDK knows about a failed answer: the request line, the HTTP status, the OCS status code and message
 * when the body was an OCS envelope, the messages of other error bodies, the request id, {@code Retry-After} and
 * a bounded excerpt of the body. Immutable; carries no credentials: the values of headers that carry one
 * ({@code Set-Cookie}, {@code Authorization}...) are kept as {@code ****}.
 *
 * @since 0.1.0
 */
public final class ErrorResponse {
    /** The longest body excerpt kept, in characters. */
    public static final int MAX_EXCERPT = 2048;

    private final String method;
    private final URI uri;
    private final int httpStatus;
    private final Integer ocsStatusCode;
    private final String ocsMessage;
    private final List<String> messages;
    private final String requestId;
    private final Duration retryAfter;
    private final String bodyExcerpt;
    private final Map<String, List<String>> headers;

    private ErrorResponse(Builder b) {
        this.method = Objects.requireNonNull(b.method, "method");
        this.uri = Objects.requireNonNull(b.uri, "uri");
        this.httpStatus = b.httpStatus;
        this.ocsStatusCode = b.ocsStatusCode;
        this.ocsMessage = b.ocsMessage;
        this.messages = List.copyOf(b.messages);
        this.requestId = b.requestId;
        this.retryAfter = b.retryAfter;
        this.bodyExcerpt = excerpt(b.body);
        this.headers = SensitiveHeaders.redact(b.headers);
    }

    /**
     * Starts a description of a failed answer.
     *
     * @param method the HTTP method of the request
     * @param uri the request URI (credentials are never part of it)
     * @param httpStatus the HTTP status the server answered with
     * @return a builder
     */
    public static Builder builder(String method, URI uri, int httpStatus) {
        Builder b = new Builder();
        b.method = method;
        b.uri = uri;
        b.httpStatus = httpStatus;
        return b;
    }

    /**
     * Returns a builder holding this answer's values, to change some of them.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = builder(method, uri, httpStatus);
        b.ocsStatusCode = ocsStatusCode;
        b.ocsMessage = ocsMessage;
        b.messages = messages;
        b.requestId = requestId;
        b.retryAfter = retryAfter;
        b.body = bodyExcerpt;
        b.headers = headers;
        return b;
    }

    private static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= MAX_EXCERPT ? body : body.substring(0, MAX_EXCERPT) + "…";
    }

    /**
     * The HTTP method of the failed request.
     *
     * @return the method, such as {@code GET}
     */
    public String method() {
        return method;
    }

    /**
     * The request URI.
     *
     * @return the URI
     */
    public URI uri() {
        return uri;
    }

    /**
     * The HTTP status of the answer.
     *
     * @return the status, such as 404
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * The OCS {@code meta.statuscode}, when the body was an OCS envelope.
     *
     * @return the code, such as 997, or empty
     */
    public OptionalInt ocsStatusCode() {
        return ocsStatusCode == null ? OptionalInt.empty() : OptionalInt.of(ocsStatusCode);
    }

    /**
     * The OCS {@code meta.message}, when the envelope had one.
     *
     * @return the message, or empty
     */
    public Optional<String> ocsMessage() {
        return Optional.ofNullable(ocsMessage);
    }

    /**
     * The error messages the body carried, in order (an OCS message, {@code {"message": ...}}, {@code {"detail":
     * ...}}, field errors, or a list of strings).
     *
     * @return the messages, possibly empty
     */
    public List<String> messages() {
        return messages;
    }

    /**
     * The server's request id ({@code X-Request-Id}), useful to find the request in the server log.
     *
     * @return the id, or empty
     */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /**
     * How long the server asked the client to wait ({@code Retry-After}).
     *
     * @return the delay, or empty
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * The start of the response body, at most {@link #MAX_EXCERPT} characters.
     *
     * @return the excerpt, empty when there was no body
     */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }

    /**
     * The response headers, names in lower case; the values of headers that carry a credential ({@code
     * Set-Cookie}, {@code Authorization}, {@code AUTHORIZATION-APP-API}...) are replaced by {@code ****}.
     *
     * @return the headers
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(method)
                .append(' ')
                .append(Uris.redact(uri))
                .append(" -> HTTP ")
                .append(httpStatus);
        if (ocsStatusCode != null) {
            sb.append(", OCS ").append(ocsStatusCode);
        }
        if (ocsMessage != null && !ocsMessage.isEmpty()) {
            sb.append(" (").append(ocsMessage).append(')');
        } else if (!messages.isEmpty()) {
            sb.append(": ").append(String.join("; ", messages));
        }
        if (requestId != null) {
            sb.append(" [request ").append(requestId).append(']');
        }
        return sb.toString();
    }

    /**
     * Collects the parts of an {@link ErrorResponse}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private String method;
        private URI uri;
        private int httpStatus;
        private Integer ocsStatusCode;
        private String ocsMessage;
        private List<String> messages = List.of();
        private String requestId;
        private Duration retryAfter;
        private String body;
        private Map<String, List<String>> headers = Map.of();

        private Builder() {}

        /**
         * Sets the OCS status code and message.
         *
         * @param statusCode the {@code meta.statuscode}
         * @param message the {@code meta.message}, may be {@code null}
         * @return this builder
         */
        public Builder ocs(int statusCode, String message) {
            this.ocsStatusCode = statusCode;
            this.ocsMessage = message;
            return this;
        }

        /**
         * Sets the messages the body carried.
         *
         * @param messages the messages
         * @return this builder
         */
        public Builder messages(List<String> messages) {
            this.messages = List.copyOf(messages);
            return this;
        }

        /**
         * Sets the request id.
         *
         * @param requestId the id, may be {@code null}
         * @return this builder
         */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /**
         * Sets the {@code Retry-After} delay.
         *
         * @param retryAfter the delay, may be {@code null}
         * @return this builder
         */
        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter;
            return this;
        }

        /**
         * Sets the body; only an excerpt is kept.
         *
         * @param body the body text, may be {@code null}
         * @return this builder
         */
        public Builder body(String body) {
            this.body = body;
            return this;
        }

        /**
         * Sets the response headers.
         *
         * @param headers the headers, names in lower case
         * @return this builder
         */
        public Builder headers(Map<String, List<String>> headers) {
            this.headers = Map.copyOf(headers);
            return this;
        }

        /**
         * Builds the description.
         *
         * @return the immutable description
         */
        public ErrorResponse build() {
            return new ErrorResponse(this);
        }
    }
}
