package dev.ncsdk.appapi.admin;

import dev.ncsdk.ocs.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * A daemon's secret ({@code deploy_config.haproxy_password}: HaRP's shared key or the Docker Socket Proxy
 * password). Write-only: the server never returns it in clear, and {@link #toString()} never shows it.
 *
 * <p>Three states: {@linkplain #none() no secret}; {@linkplain #of(Secret) a value} the caller sets; and
 * {@linkplain #stored() stored on the server}, which is what a daemon read from the server carries (AppAPI masks it
 * as {@value #MASKED} in lists, and sends its encrypted form after register and unregister). Updating a daemon with
 * a stored secret sends {@value #MASKED}, which tells AppAPI to keep the secret it has.
 *
 * @since 0.1.0
 */
public final class DaemonSecret {
    /** The placeholder AppAPI shows instead of a daemon's secret and accepts back as "keep the stored one". */
    public static final String MASKED = "dummySecret123";

    private static final DaemonSecret NONE = new DaemonSecret(null, false);
    private static final DaemonSecret STORED = new DaemonSecret(null, true);

    private final Secret value;
    private final boolean stored;

    private DaemonSecret(Secret value, boolean stored) {
        this.value = value;
        this.stored = stored;
    }

    /**
     * No secret (manual-install daemons, Docker on a local socket).
     *
     * @return the empty secret
     */
    public static DaemonSecret none() {
        return NONE;
    }

    /**
     * The secret the server already stores; updating sends {@value #MASKED} so that AppAPI keeps it.
     *
     * @return the stored marker
     */
    public static DaemonSecret stored() {
        return STORED;
    }

    /**
     * A new secret value.
     *
     * @param secret the value; an empty one means {@link #none()}
     * @return the secret
     */
    public static DaemonSecret of(Secret secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty()) {
            return NONE;
        }
        if (secret.matches(MASKED)) {
            throw new IllegalArgumentException(
                    "the value " + MASKED + " is AppAPI's mask for a stored secret; use DaemonSecret.stored()");
        }
        return new DaemonSecret(secret, false);
    }

    /**
     * Reads the value a server sent: empty is none; anything else (the mask or the encrypted form) is the stored
     * secret, never a value to send back.
     *
     * @param wire the value as sent, may be {@code null}
     * @return the secret's state
     */
    static DaemonSecret fromWire(String wire) {
        return wire == null || wire.isEmpty() ? NONE : STORED;
    }

    /**
     * The value to send, or {@code null} to send none.
     *
     * @return the wire value
     */
    String toWire() {
        if (stored) {
            return MASKED;
        }
        return value == null ? null : value.reveal();
    }

    /**
     * Whether there is no secret.
     *
     * @return {@code true} for {@link #none()}
     */
    public boolean isNone() {
        return value == null && !stored;
    }

    /**
     * Whether this stands for the secret the server stores.
     *
     * @return {@code true} for {@link #stored()}
     */
    public boolean isStored() {
        return stored;
    }

    /**
     * The new value, when one was set.
     *
     * @return the value, or empty for none or stored
     */
    public Optional<Secret> value() {
        return Optional.ofNullable(value);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DaemonSecret)) {
            return false;
        }
        DaemonSecret d = (DaemonSecret) o;
        return stored == d.stored && Objects.equals(value, d.value);
    }

    @Override
    public int hashCode() {
        return stored ? 1 : value == null ? 0 : 2;
    }

    /** Never shows the value. */
    @Override
    public String toString() {
        return stored ? "DaemonSecret[stored]" : value == null ? "DaemonSecret[none]" : "DaemonSecret[****]";
    }
}
