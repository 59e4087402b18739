package dev.ncsdk.ocs;

import java.util.Arrays;
import java.util.Objects;

/**
 * A Nextcloud server version: up to four numeric parts ({@code 32.0.1.2}, as {@code status.php} reports it;
 * capabilities give three). Compares part by part, missing parts counting as 0, so {@code 32.0.1} equals
 * {@code 32.0.1.0} and {@code 31.0.5.1} is greater than {@code 31.0.5}. Immutable.
 *
 * @since 0.1.0
 */
public final class NextcloudVersion implements Comparable<NextcloudVersion> {
    private final int[] parts;

    private NextcloudVersion(int[] parts) {
        this.parts = parts;
    }

    /**
     * Parses {@code major[.minor[.micro[.patch]]]}.
     *
     * @param text the version, such as {@code 32.0.1.2}
     * @return the version
     * @throws IllegalArgumentException when it is not one to four non-negative numbers separated by dots
     */
    public static NextcloudVersion parse(String text) {
        Objects.requireNonNull(text, "version");
        String t = text.trim();
        String[] s = t.split("\\.", -1);
        if (t.isEmpty() || s.length > 4) {
            throw new IllegalArgumentException("not a Nextcloud version (1 to 4 numeric parts): '" + text + "'");
        }
        int[] p = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            if (s[i].isEmpty() || s[i].length() > 9 || !s[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("not a Nextcloud version (1 to 4 numeric parts): '" + text + "'");
            }
            p[i] = Integer.parseInt(s[i]);
        }
        return new NextcloudVersion(p);
    }

    /**
     * Builds a version from its parts.
     *
     * @param parts one to four non-negative numbers
     * @return the version
     */
    public static NextcloudVersion of(int... parts) {
        if (parts.length < 1 || parts.length > 4) {
            throw new IllegalArgumentException("a Nextcloud version has 1 to 4 parts");
        }
        for (int p : parts) {
            if (p < 0) {
                throw new IllegalArgumentException("version parts must not be negative");
            }
        }
        return new NextcloudVersion(parts.clone());
    }

    /**
     * The major version.
     *
     * @return the first part
     */
    public int major() {
        return part(0);
    }

    /**
     * The minor version.
     *
     * @return the second part, 0 when absent
     */
    public int minor() {
        return part(1);
    }

    /**
     * The micro version.
     *
     * @return the third part, 0 when absent
     */
    public int micro() {
        return part(2);
    }

    /**
     * The fourth part (the build or patch number of {@code status.php}).
     *
     * @return the fourth part, 0 when absent
     */
    public int patch() {
        return part(3);
    }

    /**
     * A part by index.
     *
     * @param index 0 to 3
     * @return the part, 0 when absent
     */
    public int part(int index) {
        return index < parts.length ? parts[index] : 0;
    }

    /**
     * How many parts the text had.
     *
     * @return 1 to 4
     */
    public int size() {
        return parts.length;
    }

    /**
     * The first {@code n} parts, padded with zeros when this version has fewer (the App Store's platform paths
     * take three: {@code 32.0.1}).
     *
     * @param n 1 to 4
     * @return the shortened or padded version
     */
    public NextcloudVersion truncate(int n) {
        if (n < 1 || n > 4) {
            throw new IllegalArgumentException("n must be 1 to 4");
        }
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = part(i);
        }
        return new NextcloudVersion(p);
    }

    @Override
    public int compareTo(NextcloudVersion o) {
        for (int i = 0; i < 4; i++) {
            int c = Integer.compare(part(i), o.part(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Equal when {@link #compareTo} is 0: {@code 32.0.1} equals {@code 32.0.1.0}. */
    @Override
    public boolean equals(Object o) {
        return o instanceof NextcloudVersion && compareTo((NextcloudVersion) o) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(truncate(4).parts);
    }

    /** The version as parsed, with as many parts as it had. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(parts[i]);
        }
        return sb.toString();
    }
}
