package dev.ncsdk.appstore.version;

import dev.ncsdk.ocs.NextcloudVersion;
import java.util.Arrays;
import java.util.Objects;

/**
 * One end of a {@link VersionSpec}: a version of one or more numeric parts ({@code 31}, {@code 8.2}, {@code 9.3.2}),
 * inclusive or exclusive. Tests compare only as many leading parts of the actual version as the bound has, like
 * Nextcloud's {@code CompareVersion}: {@code 31.0.5.1} is within {@code <=31} and within {@code >=31.0}.
 *
 * @since 0.1.0
 */
public final class VersionBound {
    private final int[] parts;
    private final String text;
    private final boolean inclusive;

    private VersionBound(int[] parts, String text, boolean inclusive) {
        this.parts = parts;
        this.text = text;
        this.inclusive = inclusive;
    }

    /**
     * Parses the numeric part of a bound ({@code 9}, {@code 8.1.2}).
     *
     * @param text digits separated by single dots
     * @param inclusive whether the bound itself is allowed
     * @return the bound
     * @throws VersionSpecException when the text is not digits and dots
     */
    public static VersionBound parse(String text, boolean inclusive) {
        int[] p = numericParts(text);
        if (p == null) {
            throw new VersionSpecException("version bound is not numeric (digits and dots): '" + text + "'", text);
        }
        return new VersionBound(p, text, inclusive);
    }

    /**
     * Reads the leading numeric parts of a version: {@code 8.2.36} gives [8, 2, 36]; {@code 8.3.0-dev} and
     * {@code 8.2.36-1ubuntu} give their numeric prefix. Used for PHP versions, which carry distribution suffixes.
     *
     * @param version the version text
     * @return the numeric parts
     * @throws VersionSpecException when the version does not start with a number
     */
    public static int[] leadingParts(String version) {
        Objects.requireNonNull(version, "version");
        String t = version.trim();
        int end = 0;
        while (end < t.length() && (Character.isDigit(t.charAt(end)) || t.charAt(end) == '.')) {
            end++;
        }
        String head = t.substring(0, end);
        while (head.endsWith(".")) {
            head = head.substring(0, head.length() - 1);
        }
        int[] p = numericParts(head);
        if (p == null) {
            throw new VersionSpecException("not a version: '" + version + "'", version);
        }
        return p;
    }

    private static int[] numericParts(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return null;
        }
        String[] s = text.split("\\.", -1);
        int[] p = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            String part = s[i];
            if (part.isEmpty() || part.length() > 9) {
                return null;
            }
            for (int j = 0; j < part.length(); j++) {
                char c = part.charAt(j);
                if (c < '0' || c > '9') {
                    return null;
                }
            }
            p[i] = Integer.parseInt(part);
        }
        return p;
    }

    /**
     * The bound as written ({@code 9.1}).
     *
     * @return the text
     */
    public String text() {
        return text;
    }

    /**
     * Whether the bound itself satisfies it ({@code >=}, {@code <=}) or not ({@code >}, {@code <}).
     *
     * @return whether inclusive
     */
    public boolean inclusive() {
        return inclusive;
    }

    /**
     * The numeric parts.
     *
     * @return a copy of the parts
     */
    public int[] parts() {
        return parts.clone();
    }

    /**
     * Compares the first {@code parts().length} parts of a version with this bound (missing parts count as 0).
     *
     * @param actual the version's parts
     * @return negative, zero or positive as the version's prefix is lower, equal or higher
     */
    public int comparePrefix(int[] actual) {
        for (int i = 0; i < parts.length; i++) {
            int a = i < actual.length ? actual[i] : 0;
            int c = Integer.compare(a, parts[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * Compares a Nextcloud version's leading parts with this bound.
     *
     * @param actual the version
     * @return negative, zero or positive
     */
    public int comparePrefix(NextcloudVersion actual) {
        int[] a = new int[4];
        for (int i = 0; i < 4; i++) {
            a[i] = actual.part(i);
        }
        return comparePrefix(a);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionBound
                && ((VersionBound) o).inclusive == inclusive
                && Arrays.equals(((VersionBound) o).parts, parts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(parts) * 31 + (inclusive ? 1 : 0);
    }

    @Override
    public String toString() {
        return text;
    }
}
