package dev.ncsdk.appstore;

import dev.ncsdk.appstore.version.VersionSpec;

/**
 * A release's requirement on a PHP extension or a database, with its version in both spec forms.
 *
 * @param id the extension or database ({@code curl}, {@code pgsql})
 * @param versionSpec the semantic spec ({@code >=9.4.0}, {@code *})
 * @param rawVersionSpec the spec as in {@code info.xml} ({@code >=9.4}, {@code *})
 * @since 0.1.0
 */
public record Requirement(String id, String versionSpec, String rawVersionSpec) {
    public Requirement {
        // Normalises absent specs to {@code *}.
        id = id == null ? "" : id;
        versionSpec = versionSpec == null || versionSpec.isEmpty() ? "*" : versionSpec;
        rawVersionSpec = rawVersionSpec == null || rawVersionSpec.isEmpty() ? "*" : rawVersionSpec;
    }

    /**
     * Parses {@link #rawVersionSpec()}.
     *
     * @return the spec
     * @throws dev.ncsdk.appstore.version.VersionSpecException when it cannot be parsed
     */
    public VersionSpec rawSpec() {
        return VersionSpec.parse(rawVersionSpec);
    }
}
