package dev.ncsdk.ocs;

import java.util.Optional;

/**
 * The answer to a conditional read ({@code If-None-Match}): either a new value with its entity tag, or "not
 * modified", meaning the copy whose tag was sent is still current.
 *
 * <pre>{@code
 * Revalidated<Capabilities> first = nc.capabilities(null);        // unconditional
 * Capabilities caps = first.value();
 * Revalidated<Capabilities> next = nc.capabilities(first.etag()); // later: ask whether they changed
 * if (!next.notModified()) {
 *     caps = next.value();
 * }
 * }</pre>
 *
 * @param notModified {@code true} when the server answered 304: the caller's copy is current
 * @param value the new value; {@code null} when not modified
 * @param etag the entity tag to send next time, byte for byte as the server sent it: the answer's {@code ETag},
 *     else (for a 304 without one) the tag that was sent; {@code null} when there is none
 * @param <T> the value's type
 */
public record Revalidated<T>(boolean notModified, T value, String etag) {

    /**
     * Checks that a not-modified answer carries no value.
     *
     * @param notModified whether the server answered 304
     * @param value the new value, {@code null} when not modified
     * @param etag the tag to send next time, or {@code null}
     */
    public Revalidated {
        if (notModified && value != null) {
            throw new IllegalArgumentException("a not-modified answer has no value");
        }
    }

    /**
     * The new value, when the server sent one.
     *
     * @return the value, or empty when not modified
     */
    public Optional<T> changed() {
        return notModified ? Optional.empty() : Optional.ofNullable(value);
    }
}
