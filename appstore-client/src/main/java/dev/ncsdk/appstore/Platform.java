package dev.ncsdk.appstore;

import dev.ncsdk.ocs.NextcloudVersion;

/**
 * A Nextcloud release the store knows ({@code platforms.json}; unsorted, unsupported releases omitted).
 *
 * @param version the version as sent ({@code 32.0.0})
 * @param hasRelease whether the release is officially out
 * @param supported whether the release is officially supported
 * @since 0.1.0
 */
public record Platform(String version, boolean hasRelease, boolean supported) {
    public Platform {
        // Normalises an absent version.
        version = version == null ? "" : version;
    }

    /**
     * The version as a comparable Nextcloud version.
     *
     * @return the version
     * @throws IllegalArgumentException when the store sent something that is not a Nextcloud version
     */
    public NextcloudVersion nextcloudVersion() {
        return NextcloudVersion.parse(version);
    }
}
