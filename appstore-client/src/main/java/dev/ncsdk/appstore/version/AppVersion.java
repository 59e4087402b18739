package dev.ncsdk.appstore.version;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import org.semver4j.Semver;
import org.semver4j.SemverException;

/**
 * An app release's version with the store's precedence rules (the store's documented {@code isNightly} rule):
 *
 * <ul>
 *   <li>different versions compare as semantic versions (a pre-release is lower than its release);
 *   <li>equal versions: a nightly is greater than a non-nightly;
 *   <li>two nightlies of the same version: the later {@code lastModified} wins (an unknown time is the oldest).
 * </ul>
 *
 * <p>{@link #compareVersion} compares the versions alone, ignoring the nightly flag (Nextcloud server's view).
 * Immutable.
 *
 * @since 0.1.0
 */
public final class AppVersion implements Comparable<AppVersion> {
    /** Orders by {@link #compareTo}: the store's precedence. */
    public static final Comparator<AppVersion> STORE_ORDER = Comparator.naturalOrder();

    private final int major;
    private final int minor;
    private final int patch;
    /** Only for versions with a pre-release or build part; plain {@code X.Y.Z} versions compare by their numbers. */
    private final Semver semver;

    private final String text;
    private final boolean nightly;
    private final Instant lastModified;

    private AppVersion(int[] plain, Semver semver, String text, boolean nightly, Instant lastModified) {
        if (plain != null) {
            this.major = plain[0];
            this.minor = plain[1];
            this.patch = plain[2];
            this.semver = null;
        } else {
            this.major = semver.getMajor();
            this.minor = semver.getMinor();
            this.patch = semver.getPatch();
            this.semver = semver;
        }
        this.text = text;
        this.nightly = nightly;
        this.lastModified = lastModified;
    }

    /**
     * Parses a plain version (not a nightly). Accepts semantic versions ({@code 1.2.3}, {@code 1.2.1-alpha.1}) and,
     * leniently, one or two numeric parts ({@code 1}, {@code 0.5}) and a leading {@code v}.
     *
     * @param version the version
     * @return the version
     * @throws VersionSpecException when it is not a version
     */
    public static AppVersion parse(String version) {
        return of(version, false, null);
    }

    /**
     * A nightly release's version: greater than the release of the same version, and among nightlies of the same
     * version the later {@code lastModified} wins. Same as {@code of(version, true, lastModified)}.
     *
     * <pre>{@code
     * AppVersion stable = AppVersion.parse("2.1.0");
     * AppVersion nightly = AppVersion.ofNightly("2.1.0", Instant.parse("2026-03-01T02:00:00Z"));
     * nightly.compareTo(stable) > 0;        // the store's precedence
     * nightly.compareVersion(stable) == 0;  // Nextcloud server's view: the same version
     * }</pre>
     *
     * @param version the version text
     * @param lastModified when the nightly was last modified, or {@code null} when unknown (the oldest)
     * @return the version
     * @throws VersionSpecException when the text is not a version
     */
    public static AppVersion ofNightly(String version, Instant lastModified) {
        return of(version, true, lastModified);
    }

    /**
     * A release's version with its nightly flag and modification time.
     *
     * @param version the version text
     * @param nightly whether the release is a nightly
     * @param lastModified when the release was last modified, or {@code null}
     * @return the version
     * @throws VersionSpecException when the text is not a version
     */
    public static AppVersion of(String version, boolean nightly, Instant lastModified) {
        Objects.requireNonNull(version, "version");
        String t = version.trim();
        int[] plain = plain(t);
        return new AppVersion(plain, plain == null ? toSemver(version) : null, t, nightly, lastModified);
    }

    /** The parts of a plain {@code X.Y.Z} version without leading zeros, or {@code null} (the fast path). */
    private static int[] plain(String t) {
        int[] parts = new int[3];
        int part = 0;
        int digits = 0;
        long value = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits == 1 && value == 0) {
                    return null; // a leading zero: let semver4j decide
                }
                value = value * 10 + (c - '0');
                if (++digits > 9) {
                    return null;
                }
            } else if (c == '.' && digits > 0 && part < 2) {
                parts[part++] = (int) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        if (part != 2 || digits == 0) {
            return null;
        }
        parts[2] = (int) value;
        return parts;
    }

    private static Semver toSemver(String version) {
        String t = version.trim();
        if (t.startsWith("v") || t.startsWith("V")) {
            t = t.substring(1);
        }
        if (t.isEmpty() || t.length() > 256) {
            throw new VersionSpecException("not a version: '" + version + "'", version);
        }
        Semver s = Semver.parse(t);
        if (s != null) {
            return s;
        }
        // lenient: "1" and "1.2", optionally with a pre-release, are padded to three parts
        int dash = t.indexOf('-');
        String core = dash < 0 ? t : t.substring(0, dash);
        String rest = dash < 0 ? "" : t.substring(dash);
        if (core.matches("\\d{1,9}(\\.\\d{1,9})?")) {
            String padded = core + (core.indexOf('.') < 0 ? ".0.0" : ".0") + rest;
            try {
                return new Semver(padded);
            } catch (SemverException e) {
                // fall through
            }
        }
        throw new VersionSpecException("not a semantic version: '" + version + "'", version);
    }

    /**
     * The version as written.
     *
     * @return the text
     */
    public String text() {
        return text;
    }

    /**
     * Whether this is a nightly release.
     *
     * @return the flag
     */
    public boolean nightly() {
        return nightly;
    }

    /**
     * When the release was last modified.
     *
     * @return the time, or {@code null} when unknown
     */
    public Instant lastModified() {
        return lastModified;
    }

    /**
     * Whether the version has a pre-release part ({@code 1.0.0-beta.1}).
     *
     * @return whether it is a pre-release
     */
    public boolean isPreRelease() {
        return semver != null && !semver.getPreRelease().isEmpty();
    }

    /** @return the major part */
    public int major() {
        return major;
    }

    /** @return the minor part */
    public int minor() {
        return minor;
    }

    /** @return the patch part */
    public int patch() {
        return patch;
    }

    /**
     * Compares the versions alone, ignoring the nightly flag and time (semantic version precedence).
     *
     * @param other the other version
     * @return negative, zero or positive
     */
    public int compareVersion(AppVersion other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        if (c == 0) {
            c = Integer.compare(patch, other.patch);
        }
        if (c != 0 || (semver == null && other.semver == null)) {
            return c;
        }
        return semver().compareTo(other.semver());
    }

    private Semver semver() {
        return semver != null ? semver : Semver.create(major, minor, patch);
    }

    /**
     * Whether this version is strictly higher than another, ignoring nightly flags.
     *
     * @param other the other version
     * @return whether it is higher
     */
    public boolean isNewerVersionThan(AppVersion other) {
        return compareVersion(other) > 0;
    }

    /** Compares with the store's precedence (see the class description). */
    @Override
    public int compareTo(AppVersion o) {
        int c = compareVersion(o);
        if (c != 0) {
            return c;
        }
        if (nightly && o.nightly) {
            if (lastModified == null || o.lastModified == null) {
                return lastModified == null ? (o.lastModified == null ? 0 : -1) : 1;
            }
            return lastModified.compareTo(o.lastModified);
        }
        if (nightly != o.nightly) {
            return nightly ? 1 : -1;
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AppVersion)) {
            return false;
        }
        AppVersion v = (AppVersion) o;
        return compareVersion(v) == 0
                && nightly == v.nightly
                && (!nightly || Objects.equals(lastModified, v.lastModified));
    }

    @Override
    public int hashCode() {
        String core = semver == null
                ? major + "." + minor + "." + patch
                : semver.withClearedBuild().getVersion();
        return Objects.hash(core, nightly, nightly ? lastModified : null);
    }

    /** The version text, with {@code (nightly)} appended for a nightly. */
    @Override
    public String toString() {
        return nightly ? text + " (nightly)" : text;
    }
}
