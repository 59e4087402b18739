package dev.ncsdk.ocs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A password, token or shared secret. {@link #toString()} never shows the value; {@link #reveal()} must be called
 * on purpose to get it. Two secrets compare in constant time.
 *
 * @since 0.1.0
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret value.
     *
     * @param value the secret; not {@code null}
     * @return the wrapped secret
     */
    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "secret value"));
    }

    /**
     * Reads a secret from an environment variable.
     *
     * @param variable the variable's name
     * @return the secret
     * @throws IllegalArgumentException when the variable is not set or empty
     */
    public static Secret fromEnv(String variable) {
        String v = System.getenv(variable);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("environment variable " + variable + " is not set or empty");
        }
        return new Secret(v);
    }

    /**
     * The secret value. Call it only where the value is sent or stored, never to log it.
     *
     * @return the value
     */
    public String reveal() {
        return value;
    }

    /**
     * Whether the secret is the empty string.
     *
     * @return {@code true} when empty
     */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    /**
     * Compares with a candidate value in time that does not depend on where they differ.
     *
     * @param candidate the value to compare, may be {@code null}
     * @return {@code true} when equal
     */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret && matches(((Secret) o).value);
    }

    @Override
    public int hashCode() {
        return 0; // a hash would leak information about the value
    }

    /** Never shows the value. */
    @Override
    public String toString() {
        return "Secret[****]";
    }
}
