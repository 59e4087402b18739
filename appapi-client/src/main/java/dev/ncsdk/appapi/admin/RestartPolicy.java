package dev.ncsdk.appapi.admin;

/**
 * Docker restart policy for ExApp containers (AppAPI setting {@code container_restart_policy}).
 *
 * @since 0.1.0
 */
public enum RestartPolicy {
    /** Never restart. */
    NO("no"),
    /** Always restart. */
    ALWAYS("always"),
    /** Restart unless stopped by hand (AppAPI's default). */
    UNLESS_STOPPED("unless-stopped"),
    /** Restart after a non-zero exit. */
    ON_FAILURE("on-failure");

    private final String wire;

    RestartPolicy(String wire) {
        this.wire = wire;
    }

    /**
     * The value Docker and AppAPI use.
     *
     * @return the wire value
     */
    public String wireValue() {
        return wire;
    }
}
