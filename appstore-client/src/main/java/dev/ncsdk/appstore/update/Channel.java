package dev.ncsdk.appstore.update;

import java.util.Locale;

/**
 * A Nextcloud update channel, deciding which kinds of release are offered (Nextcloud server's rules).
 *
 * @since 0.1.0
 */
public enum Channel {
    /** Stable releases only: no pre-release (a version with a {@code -}) and no nightly. */
    STABLE(false, false),
    /** Stable and pre-releases, no nightlies. */
    BETA(true, false),
    /** Everything: stable, pre-releases and nightlies (also Nextcloud's {@code git} channel). */
    DAILY(true, true);

    private final boolean preReleases;
    private final boolean nightlies;

    Channel(boolean preReleases, boolean nightlies) {
        this.preReleases = preReleases;
        this.nightlies = nightlies;
    }

    /**
     * Whether pre-releases ({@code 1.0.0-beta.1}) are offered.
     *
     * @return the flag
     */
    public boolean allowsPreReleases() {
        return preReleases;
    }

    /**
     * Whether nightly releases are offered.
     *
     * @return the flag
     */
    public boolean allowsNightlies() {
        return nightlies;
    }

    /**
     * Reads a channel name as Nextcloud's config uses it: {@code stable} (also {@code production}), {@code beta},
     * {@code daily} (also {@code git}); case-insensitive.
     *
     * @param name the name
     * @return the channel
     * @throws IllegalArgumentException for any other name
     */
    public static Channel parse(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "stable":
            case "production":
                return STABLE;
            case "beta":
                return BETA;
            case "daily":
            case "git":
                return DAILY;
            default:
                throw new IllegalArgumentException("unknown channel '" + name + "' (stable, beta or daily)");
        }
    }
}
