package dev.ncsdk.ocs.internal.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An answer as the transport received it: status, headers and the whole (inflated) body. */
public final class HttpResult {
    private final String method;
    private final URI uri;
    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;

    /**
     * Creates a result.
     *
     * @param method the request method
     * @param uri the URI that answered (after redirects)
     * @param status the HTTP status
     * @param headers the response headers
     * @param body the body, inflated; never {@code null}
     */
    public HttpResult(String method, URI uri, int status, HttpHeaders headers, byte[] body) {
        this.method = method;
        this.uri = uri;
        this.status = status;
        this.headers = headers;
        this.body = body == null ? new byte[0] : body;
    }

    /** @return the request method */
    public String method() {
        return method;
    }

    /** @return the URI that answered */
    public URI uri() {
        return uri;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return whether the status is 2xx */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** @return the response headers */
    public HttpHeaders headers() {
        return headers;
    }

    /**
     * The headers as a map with lower-case names.
     *
     * @return the headers
     */
    public Map<String, List<String>> headerMap() {
        Map<String, List<String>> m = new TreeMap<>();
        headers.map().forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        return m;
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, any case
     * @return the value, or empty
     */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** @return the body bytes (not a copy: do not modify) */
    public byte[] body() {
        return body;
    }

    /** @return the body decoded with the charset the content type names, UTF-8 by default */
    public String bodyText() {
        return new String(body, charset());
    }

    /** @return the media type without parameters, lower case, or empty */
    public Optional<String> mediaType() {
        return header("Content-Type").map(ct -> {
            int semi = ct.indexOf(';');
            return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        });
    }

    private Charset charset() {
        String ct = header("Content-Type").orElse("");
        int i = ct.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (i >= 0) {
            String name = ct.substring(i + 8).replace("\"", "").split("[;\\s]")[0];
            try {
                return Charset.forName(name);
            } catch (RuntimeException e) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** @return the server's {@code X-Request-Id}, or empty */
    public Optional<String> requestId() {
        return header("X-Request-Id");
    }

    /** @return the {@code ETag} header exactly as sent, or empty */
    public Optional<String> etag() {
        return header("ETag");
    }

    /** @return the parsed {@code Retry-After} (seconds or an HTTP date), or empty */
    public Optional<Duration> retryAfter() {
        return header("Retry-After").flatMap(HttpResult::parseRetryAfter);
    }

    /**
     * Parses a {@code Retry-After} value.
     *
     * @param value delay seconds or an HTTP date
     * @return the delay (never negative), or empty when unreadable
     */
    public static Optional<Duration> parseRetryAfter(String value) {
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
        } catch (NumberFormatException ignored) {
            // not seconds: an HTTP date
        }
        try {
            ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(ZonedDateTime.now(when.getZone()), when);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "HttpResult[" + method + " " + Uris.redact(uri) + " -> " + status + ", " + body.length + " bytes]";
    }
}
