package dev.ncsdk.appstore.version;

import dev.ncsdk.ocs.NextcloudVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * A version requirement as the store sends it, in either of its two forms:
 *
 * <ul>
 *   <li>{@code versionSpec} (semantic, exclusive padded maximum): {@code *}, {@code >=9.3.2}, {@code <8.1.2},
 *       {@code >=9.3.2 <8.1.2};
 *   <li>{@code rawVersionSpec} (as written in {@code info.xml}, inclusive maximum): {@code *}, {@code >=9.3},
 *       {@code <=10}, {@code >=8.2 <=9.1}.
 * </ul>
 *
 * <p>Bounds are separated by spaces (or commas, the store's stored form); operators are {@code >=}, {@code >},
 * {@code <=} and {@code <}. A version is tested with Nextcloud's partial-component comparison: only as many
 * leading parts as a bound has are compared, so {@code 31.0.5.1} satisfies {@code <=31} and {@code >=31.0}.
 *
 * <p>Unlike Nextcloud's own parser, an empty spec or {@code *} means "no constraint" (the server fails such a
 * release), and a lone maximum such as {@code <=8.1.2} is read correctly whatever its operator. Immutable.
 *
 * @since 0.1.0
 */
public final class VersionSpec {
    private static final VersionSpec ANY = new VersionSpec("*", null, null);

    private final String text;
    private final VersionBound min;
    private final VersionBound max;

    private VersionSpec(String text, VersionBound min, VersionBound max) {
        this.text = text;
        this.min = min;
        this.max = max;
    }

    /**
     * The spec that every version satisfies ({@code *}).
     *
     * @return the unconstrained spec
     */
    public static VersionSpec any() {
        return ANY;
    }

    /**
     * Parses a spec of either form.
     *
     * @param spec the spec; {@code null}, empty or {@code *} mean no constraint
     * @return the spec
     * @throws VersionSpecException when a part is not an operator followed by digits and dots, or a bound repeats
     */
    public static VersionSpec parse(String spec) {
        if (spec == null) {
            return ANY;
        }
        String t = spec.trim();
        if (t.isEmpty() || t.equals("*")) {
            return ANY;
        }
        if (t.length() > 256) {
            throw new VersionSpecException("version spec is too long", spec.substring(0, 64) + "...");
        }
        VersionBound min = null;
        VersionBound max = null;
        for (String token : t.split("[\\s,]+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.equals("*")) {
                continue;
            }
            boolean lower;
            boolean inclusive;
            int skip;
            if (token.startsWith(">=")) {
                lower = true;
                inclusive = true;
                skip = 2;
            } else if (token.startsWith("<=")) {
                lower = false;
                inclusive = true;
                skip = 2;
            } else if (token.startsWith(">")) {
                lower = true;
                inclusive = false;
                skip = 1;
            } else if (token.startsWith("<")) {
                lower = false;
                inclusive = false;
                skip = 1;
            } else {
                throw new VersionSpecException(
                        "version spec part has no operator (>=, >, <=, <): '" + spec + "'", spec);
            }
            VersionBound b;
            try {
                b = VersionBound.parse(token.substring(skip), inclusive);
            } catch (VersionSpecException e) {
                throw new VersionSpecException("version spec cannot be parsed: '" + spec + "'", spec);
            }
            if (lower) {
                if (min != null) {
                    throw new VersionSpecException("version spec has two minimums: '" + spec + "'", spec);
                }
                min = b;
            } else {
                if (max != null) {
                    throw new VersionSpecException("version spec has two maximums: '" + spec + "'", spec);
                }
                max = b;
            }
        }
        return new VersionSpec(t, min, max);
    }

    /**
     * The spec as given (trimmed).
     *
     * @return the text
     */
    public String text() {
        return text;
    }

    /**
     * The lower bound.
     *
     * @return the minimum, or empty when there is none
     */
    public Optional<VersionBound> min() {
        return Optional.ofNullable(min);
    }

    /**
     * The upper bound.
     *
     * @return the maximum, or empty when there is none
     */
    public Optional<VersionBound> max() {
        return Optional.ofNullable(max);
    }

    /**
     * Whether the spec constrains nothing ({@code *}).
     *
     * @return whether there is no bound
     */
    public boolean isUnconstrained() {
        return min == null && max == null;
    }

    /**
     * Whether a Nextcloud version satisfies both bounds.
     *
     * @param version the version
     * @return whether it is within the spec
     */
    public boolean test(NextcloudVersion version) {
        return test(version, true);
    }

    /**
     * Whether a Nextcloud version satisfies the minimum and, when asked, the maximum.
     *
     * @param version the version
     * @param checkMax whether the maximum counts (Nextcloud's app listing ignores it)
     * @return whether it is within the spec
     */
    public boolean test(NextcloudVersion version, boolean checkMax) {
        Objects.requireNonNull(version, "version");
        int[] a = {version.part(0), version.part(1), version.part(2), version.part(3)};
        return test(a, checkMax);
    }

    /**
     * Whether a version given as text (a PHP version such as {@code 8.2.36} or {@code 8.3.0-dev}; only its numeric
     * prefix counts) satisfies both bounds.
     *
     * @param version the version
     * @return whether it is within the spec
     * @throws VersionSpecException when the version does not start with a number
     */
    public boolean test(String version) {
        return test(VersionBound.leadingParts(version), true);
    }

    /**
     * Whether a version given as numeric parts satisfies the spec.
     *
     * @param parts the version's parts
     * @param checkMax whether the maximum counts
     * @return whether it is within the spec
     */
    public boolean test(int[] parts, boolean checkMax) {
        if (min != null) {
            int c = min.comparePrefix(parts);
            if (c < 0 || (c == 0 && !min.inclusive())) {
                return false;
            }
        }
        if (checkMax && max != null) {
            int c = max.comparePrefix(parts);
            return c < 0 || (c == 0 && max.inclusive());
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionSpec
                && Objects.equals(((VersionSpec) o).min, min)
                && Objects.equals(((VersionSpec) o).max, max);
    }

    @Override
    public int hashCode() {
        return Objects.hash(min, max);
    }

    @Override
    public String toString() {
        return text;
    }
}
