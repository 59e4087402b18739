package dev.ncsdk.ocs;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The server's {@code status.php}: public, answered even during maintenance.
 *
 * @param installed whether Nextcloud is installed
 * @param maintenance whether maintenance mode is on
 * @param needsDbUpgrade whether an upgrade is pending
 * @param version the four-part version ({@code 32.0.1.2})
 * @param versionString the version for people ({@code 32.0.1})
 * @param edition the edition, usually empty
 * @param productName the product name ({@code Nextcloud}, or a themed name)
 * @param extendedSupport whether the server has extended support
 * @since 0.1.0
 */
public record ServerStatus(
        boolean installed,
        boolean maintenance,
        boolean needsDbUpgrade,
        String version,
        @JsonProperty("versionstring") String versionString,
        String edition,
        @JsonProperty("productname") String productName,
        boolean extendedSupport) {

    /**
     * The version as a comparable four-part version.
     *
     * @return the version
     * @throws IllegalStateException when the server sent none or an unreadable one
     */
    public NextcloudVersion nextcloudVersion() {
        if (version == null) {
            throw new IllegalStateException("status.php carries no version");
        }
        try {
            return NextcloudVersion.parse(version);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
