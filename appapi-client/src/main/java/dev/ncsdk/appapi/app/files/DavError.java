package dev.ncsdk.appapi.app.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.ocs.NcResponseException;
import dev.ncsdk.ocs.internal.XmlTreeReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The error document a WebDAV failure carries (sabre/dav's {@code <d:error>} with {@code <s:exception>} and
 * {@code <s:message>}).
 *
 * <pre>{@code
 * try {
 *     files.stat("/missing.txt");
 * } catch (NcNotFoundException e) {
 *     DavError.of(e).ifPresent(d -> log.info(d.exception() + ": " + d.message()));
 * }
 * }</pre>
 *
 * @param exception the server's exception class, such as {@code Sabre\DAV\Exception\NotFound} ({@code ""} if absent)
 * @param message the server's message ({@code ""} if absent)
 * @since 0.1.0
 */
public record DavError(String exception, String message) {
    /** Replaces {@code null} by {@code ""}. */
    public DavError {
        exception = exception == null ? "" : exception;
        message = message == null ? "" : message;
    }

    /**
     * Reads the error document from a failed WebDAV answer.
     *
     * @param e the exception a {@link NextcloudFiles} call threw
     * @return the error, or empty when the body is not a sabre/dav error document
     */
    public static Optional<DavError> of(NcResponseException e) {
        return parse(e.bodyExcerpt().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a {@code <d:error>} document; empty when the body is something else. */
    static Optional<DavError> parse(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        JsonNode tree;
        try {
            tree = XmlTreeReader.read(body);
        } catch (XmlTreeReader.XmlException e) {
            return Optional.empty();
        }
        Iterator<Map.Entry<String, JsonNode>> root = tree.fields();
        if (!root.hasNext()) {
            return Optional.empty();
        }
        Map.Entry<String, JsonNode> top = root.next();
        if (!Multistatus.local(top.getKey()).equals("error") || !top.getValue().isObject()) {
            return Optional.empty();
        }
        JsonNode ex = Multistatus.child(top.getValue(), "exception");
        JsonNode msg = Multistatus.child(top.getValue(), "message");
        if (ex == null && msg == null) {
            return Optional.empty();
        }
        return Optional.of(new DavError(Multistatus.text(ex), Multistatus.text(msg)));
    }
}
