package dev.ncsdk.ocs;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a conditional read ({@code If-None-Match}): either a new value with its entity tag, or "not
 * modified", meaning the copy whose tag was sent is still current. Never {@code null} inside: a not-modified answer
 * has an empty {@link #value()}.
 *
 * <pre>{@code
 * Conditional<Capabilities> first = nc.capabilities(null);         // unconditional
 * Capabilities caps = first.value().orElseThrow();
 * Conditional<Capabilities> next = nc.capabilities(first.etag().orElse(null)); // later: did they change?
 * caps = next.orElse(caps);                                           // the new value, or the one kept
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the value's type
 * @since 0.1.0
 */
public final class Conditional<T> {
    private final T value;
    private final String etag;

    private Conditional(T value, String etag) {
        this.value = value;
        this.etag = etag;
    }

    /**
     * A new value: the server answered with a body.
     *
     * @param value the value
     * @param etag the entity tag the server sent with it, or {@code null} when it sent none
     * @param <T> the value's type
     * @return the answer
     */
    public static <T> Conditional<T> changed(T value, String etag) {
        return new Conditional<>(Objects.requireNonNull(value, "value"), etag);
    }

    /**
     * "Not modified": the server answered 304, the caller's copy is current.
     *
     * @param etag the entity tag to send next time, or {@code null} when there is none
     * @param <T> the value's type
     * @return the answer
     */
    public static <T> Conditional<T> unchanged(String etag) {
        return new Conditional<>(null, etag);
    }

    /**
     * Whether the server answered "not modified" (304).
     *
     * @return {@code true} when the caller's copy is current and {@link #value()} is empty
     */
    public boolean notModified() {
        return value == null;
    }

    /**
     * The new value, when the server sent one.
     *
     * @return the value, or empty when not modified
     */
    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    /**
     * The new value, or the copy the caller already has when not modified.
     *
     * @param current the copy kept from an earlier answer
     * @return the new value, or {@code current}
     */
    public T orElse(T current) {
        return value != null ? value : current;
    }

    /**
     * The entity tag to send next time, byte for byte as the server sent it: the answer's {@code ETag}, else (for a
     * 304 without one) the tag that was sent.
     *
     * @return the tag, or empty when there is none
     */
    public Optional<String> etag() {
        return Optional.ofNullable(etag);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Conditional<?> c && Objects.equals(value, c.value) && Objects.equals(etag, c.etag);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, etag);
    }

    @Override
    public String toString() {
        return notModified()
                ? "Conditional[not modified" + (etag == null ? "" : ", etag " + etag) + "]"
                : "Conditional[changed" + (etag == null ? "" : ", etag " + etag) + "]";
    }
}
