package dev.ncsdk.appapi.admin;

import java.util.Locale;

/**
 * How a deploy daemon deploys ExApps: the daemon's {@code accepts_deploy_id}. A value this SDK does not know reads
 * as {@link #UNKNOWN}; {@link DaemonConfig#acceptsDeployId()} keeps the raw text.
 *
 * @since 0.1.0
 */
public enum DeployMethod {
    /** Docker, through HaRP or the (deprecated) Docker Socket Proxy: {@code docker-install}. */
    DOCKER_INSTALL("docker-install"),
    /** The ExApp is started by hand (development): {@code manual-install}. */
    MANUAL_INSTALL("manual-install"),
    /** Kubernetes through HaRP (AppAPI 34+): {@code kubernetes-install}. */
    KUBERNETES_INSTALL("kubernetes-install"),
    /** A value this SDK does not know. */
    UNKNOWN(null);

    private final String wire;

    DeployMethod(String wire) {
        this.wire = wire;
    }

    /**
     * The value AppAPI uses.
     *
     * @return the wire value, or {@code null} for {@link #UNKNOWN}
     */
    public String wireValue() {
        return wire;
    }

    /**
     * Reads a wire value.
     *
     * @param value the value, may be {@code null}
     * @return the method, {@link #UNKNOWN} when not known
     */
    public static DeployMethod fromWire(String value) {
        if (value != null) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            for (DeployMethod m : values()) {
                if (v.equals(m.wire)) {
                    return m;
                }
            }
        }
        return UNKNOWN;
    }
}
