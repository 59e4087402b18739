package dev.ncsdk.ocs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.ocs.internal.OcsEnvelope;
import dev.ncsdk.ocs.internal.http.HttpResult;
import dev.ncsdk.ocs.internal.http.ResponseErrors;
import dev.ncsdk.ocs.internal.http.SensitiveHeaders;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful OCS answer: the envelope's {@code meta}, the HTTP status and headers, and {@code data} both typed
 * and as the raw tree (the same tree whether the server answered in JSON or XML).
 *
 * <p>A request that carried {@code If-None-Match} may be answered with HTTP 304 "not modified", which has no body.
 * It is a result too: {@link #notModified()} is {@code true}, {@code data} is {@code null}, {@code rawData} is
 * {@code NullNode}, and {@code meta} is synthesized (status {@code "ok"}, statuscode 304, message "Not Modified")
 * since no envelope was sent. The same 304 to an unconditional request is an error.
 *
 * <p>{@link #toString()} shows the headers with the values of those that carry a credential ({@code Set-Cookie},
 * {@code Authorization}...) replaced by {@code ****}; {@link #headers()} keeps them as received.
 *
 * @param meta the envelope's meta
 * @param httpStatus the HTTP status
 * @param headers the response headers, names in lower case
 * @param data the data mapped to the requested type ({@code null} when the server sent empty data, and for a
 *     304)
 * @param rawData the data as a tree; {@code []} or {@code ""} when empty, {@code NullNode} for a 304
 * @param <T> the data's type
 * @since 0.1.0
 */
public record OcsResponse<T>(
        OcsMeta meta, int httpStatus, Map<String, List<String>> headers, T data, JsonNode rawData) {

    private static final URI SAVED = URI.create("urn:ncsdk:saved-ocs-answer");

    /**
     * Creates a response; the header map is copied.
     *
     * @param meta the envelope's meta
     * @param httpStatus the HTTP status
     * @param headers the response headers, names in lower case
     * @param data the typed data
     * @param rawData the data as a tree
     */
    public OcsResponse {
        Objects.requireNonNull(meta, "meta");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(rawData, "rawData");
    }

    /**
     * Reads a saved OCS answer (a body written to a file, a recorded fixture, a message from a queue) exactly as the
     * client reads a live one: the same envelope parser, the same success rule and the same typed exceptions. The
     * answer is taken as sent with HTTP 200, so an envelope whose {@code statuscode} is a failure throws what the
     * client would throw for it (997 → {@link NcUnauthorizedException}, 998 → {@link NcNotFoundException}...).
     *
     * <pre>{@code
     * OcsResponse<JsonNode> saved = OcsResponse.parse(Files.readAllBytes(Path.of("capabilities.json")), OcsFormat.JSON);
     * Capabilities caps = Capabilities.of(saved.rawData());
     * }</pre>
     *
     * @param body the whole body, {@code {"ocs": {...}}} or {@code <ocs>...</ocs>}
     * @param format the format the body is in
     * @return the response: {@link #httpStatus()} 200, only a {@code Content-Type} header of the format, the data
     *     as a tree in both {@link #data()} and
     *     {@link #rawData()}
     * @throws NcUnexpectedResponseException when the body is not an OCS envelope in that format
     * @throws NcResponseException when the envelope reports a failure
     * @since 0.1.0
     */
    public static OcsResponse<JsonNode> parse(byte[] body, OcsFormat format) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(format, "format");
        HttpResult saved = new HttpResult(
                "GET",
                SAVED,
                200,
                HttpHeaders.of(Map.of("content-type", List.of(format.mediaType())), (a, b) -> true),
                body);
        int first = firstSignificant(body);
        boolean xml = first >= 0 && body[first] == '<';
        if (first >= 0 && xml != (format == OcsFormat.XML)) {
            throw ResponseErrors.unexpected(
                    saved, "expected an OCS envelope in " + format + " but the body is " + (xml ? "XML" : "not XML"));
        }
        return OcsEnvelope.check(saved);
    }

    private static int firstSignificant(byte[] b) {
        int i = b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf ? 3 : 0;
        for (; i < b.length; i++) {
            if (b[i] != ' ' && b[i] != '\n' && b[i] != '\r' && b[i] != '\t') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The first value of a response header.
     *
     * @param name the header name, any case
     * @return the value, or empty
     */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /**
     * The server's {@code X-Request-Id}.
     *
     * @return the id, or empty
     */
    public Optional<String> requestId() {
        return header("X-Request-Id");
    }

    /**
     * The {@code ETag} as sent (capabilities send one).
     *
     * @return the tag, or empty
     */
    public Optional<String> etag() {
        return header("ETag");
    }

    /**
     * Whether this is a 304 "not modified" answer to a conditional request: the copy whose {@code ETag} was sent
     * in {@code If-None-Match} is still current, and this answer has no data.
     *
     * @return {@code true} for a 304
     */
    public boolean notModified() {
        return httpStatus == 304;
    }

    /**
     * The same answer with the data replaced (to map it to another type).
     *
     * @param newData the new data
     * @param <U> the new type
     * @return the response
     */
    public <U> OcsResponse<U> withData(U newData) {
        return new OcsResponse<>(meta, httpStatus, headers, newData, rawData);
    }

    /**
     * Shows meta, status, headers and the data as a tree, with the values of credential-carrying headers (session
     * cookies...) and of data fields named like a secret ({@code apppassword}, {@code token}...) as {@code ****}.
     *
     * @return the printable form
     */
    @Override
    public String toString() {
        return "OcsResponse[meta=" + meta + ", httpStatus=" + httpStatus + ", headers="
                + SensitiveHeaders.redact(headers) + ", data=" + SensitiveHeaders.redactTree(rawData) + "]";
    }
}
