package dev.ncsdk.appapi;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AppAPI version, as {@code capabilities.app_api.version} reports it: {@code 3.2.0}, {@code 5.0.2},
 * {@code 32.0.0}, {@code 35.0.0-dev.1}. AppAPI numbered 1.x-5.x until Nextcloud 31 and follows Nextcloud's major
 * version since 32, so plain numeric order is also chronological.
 *
 * <p>Ordering follows SemVer: a pre-release sorts before its release. {@link #atLeast} ignores the pre-release, so
 * a {@code 35.0.0} beta counts as 35 for feature checks.
 *
 * @param major the major version
 * @param minor the minor version
 * @param patch the patch version
 * @param preRelease the pre-release label ({@code dev.1}, {@code beta2}), empty for a release
 * @since 0.1.0
 */
public record AppApiVersion(int major, int minor, int patch, String preRelease) implements Comparable<AppApiVersion> {
    private static final Pattern FORM =
            Pattern.compile("v?(\\d{1,6})(?:\\.(\\d{1,6}))?(?:\\.(\\d{1,6}))?(?:\\.\\d{1,6})?"
                    + "(?:[-~]?([0-9A-Za-z][0-9A-Za-z.-]*))?(?:\\+[0-9A-Za-z.-]+)?");

    /**
     * Checks the parts.
     *
     * @param major non-negative
     * @param minor non-negative
     * @param patch non-negative
     * @param preRelease the label, {@code null} for none
     */
    public AppApiVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version parts must not be negative");
        }
        preRelease = preRelease == null ? "" : preRelease;
    }

    /**
     * A release version.
     *
     * @param major major
     * @param minor minor
     * @param patch patch
     * @return the version
     */
    public static AppApiVersion of(int major, int minor, int patch) {
        return new AppApiVersion(major, minor, patch, "");
    }

    /**
     * Parses a version leniently: a leading {@code v}, missing minor/patch parts, a fourth numeric part (ignored),
     * a pre-release label with or without {@code -}, build metadata (ignored).
     *
     * @param text the version
     * @return the version
     * @throws IllegalArgumentException when it does not start with a number
     */
    public static AppApiVersion parse(String text) {
        Objects.requireNonNull(text, "version");
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an AppAPI version: '" + text + "'");
        }
        return new AppApiVersion(
                Integer.parseInt(m.group(1)),
                m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
                m.group(4));
    }

    /**
     * Whether this version's number is at least the other's, ignoring pre-release labels.
     *
     * @param other the minimum
     * @return whether it is reached
     */
    public boolean atLeast(AppApiVersion other) {
        return compareCore(other) >= 0;
    }

    /**
     * Whether this is a pre-release.
     *
     * @return whether a label is present
     */
    public boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    private int compareCore(AppApiVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Integer.compare(patch, o.patch);
        }
        return c;
    }

    @Override
    public int compareTo(AppApiVersion o) {
        int c = compareCore(o);
        if (c != 0) {
            return c;
        }
        if (preRelease.isEmpty() || o.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), o.preRelease.isEmpty());
        }
        return preRelease.compareTo(o.preRelease);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + preRelease);
    }
}
