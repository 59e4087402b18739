package dev.ncsdk.appstore;

import dev.ncsdk.appstore.version.AppVersion;
import dev.ncsdk.appstore.version.VersionSpec;
import java.time.Instant;
import java.util.List;

/**
 * One release of an app, as the store lists it. Certificates and signatures are kept exactly as sent (the
 * signature may contain {@code \n} every 64 characters; decode it with a MIME base64 decoder).
 *
 * @param version the version ({@code 1.3.0}, {@code 1.2.1-alpha.1})
 * @param nightly whether this is a nightly release
 * @param phpExtensions required PHP extensions
 * @param databases supported databases
 * @param shellCommands required shell commands
 * @param phpVersionSpec the PHP requirement, semantic form
 * @param platformVersionSpec the Nextcloud requirement, semantic form with an exclusive padded maximum
 * @param rawPhpVersionSpec the PHP requirement as in {@code info.xml}
 * @param rawPlatformVersionSpec the Nextcloud requirement as in {@code info.xml} (inclusive maximum)
 * @param minIntSize 32 or 64
 * @param download the archive's HTTPS URL
 * @param created when the release was created, or {@code null}
 * @param lastModified when the release was last modified, or {@code null}
 * @param licenses licence identifiers
 * @param signature base64 SHA-512 RSA signature of the archive, as sent
 * @param signatureDigest the digest of the signature ({@code sha512})
 * @param changelog the translated changelog, in Markdown
 * @param deployMethods ExApp deployment methods ({@code appapi_apps.json} only, else empty)
 * @param apiScopes ExApp API scopes ({@code appapi_apps.json} only, else empty)
 * @param aaIsSystem whether the ExApp is a system app ({@code appapi_apps.json} only, else {@code null})
 * @since 0.1.0
 */
public record AppRelease(
        String version,
        boolean nightly,
        List<Requirement> phpExtensions,
        List<Requirement> databases,
        List<String> shellCommands,
        String phpVersionSpec,
        String platformVersionSpec,
        String rawPhpVersionSpec,
        String rawPlatformVersionSpec,
        int minIntSize,
        String download,
        Instant created,
        Instant lastModified,
        List<String> licenses,
        String signature,
        String signatureDigest,
        Translations<String> changelog,
        List<DeployMethod> deployMethods,
        List<ApiScope> apiScopes,
        Boolean aaIsSystem) {

    public AppRelease {
        // Copies lists and normalises absent values.
        version = version == null ? "" : version;
        phpExtensions = phpExtensions == null ? List.of() : List.copyOf(phpExtensions);
        databases = databases == null ? List.of() : List.copyOf(databases);
        shellCommands = shellCommands == null ? List.of() : List.copyOf(shellCommands);
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
        deployMethods = deployMethods == null ? List.of() : List.copyOf(deployMethods);
        apiScopes = apiScopes == null ? List.of() : List.copyOf(apiScopes);
        download = download == null ? "" : download;
        signature = signature == null ? "" : signature;
        signatureDigest = signatureDigest == null ? "" : signatureDigest;
        changelog = changelog == null ? Translations.empty() : changelog;
    }

    /**
     * The version with its nightly flag and time, ordered by the store's precedence.
     *
     * @return the version
     * @throws dev.ncsdk.appstore.version.VersionSpecException when the version is not a semantic version
     */
    public AppVersion appVersion() {
        return AppVersion.of(version, nightly, lastModified);
    }

    /**
     * Parses {@link #rawPlatformVersionSpec()}, falling back to {@link #platformVersionSpec()} when the raw form is
     * absent.
     *
     * @return the Nextcloud requirement
     * @throws dev.ncsdk.appstore.version.VersionSpecException when it cannot be parsed
     */
    public VersionSpec platformSpec() {
        return VersionSpec.parse(rawPlatformVersionSpec != null ? rawPlatformVersionSpec : platformVersionSpec);
    }

    /**
     * Parses {@link #rawPhpVersionSpec()}, falling back to {@link #phpVersionSpec()} when the raw form is absent.
     *
     * @return the PHP requirement
     * @throws dev.ncsdk.appstore.version.VersionSpecException when it cannot be parsed
     */
    public VersionSpec phpSpec() {
        return VersionSpec.parse(rawPhpVersionSpec != null ? rawPhpVersionSpec : phpVersionSpec);
    }

    /**
     * Whether Nextcloud server treats this release as a pre-release: its version contains a {@code -}.
     *
     * @return whether it is a pre-release
     */
    public boolean isPreRelease() {
        return version.indexOf('-') >= 0;
    }

    /** A short description without the signature. */
    @Override
    public String toString() {
        return "AppRelease[" + version + (nightly ? " nightly" : "") + ", platform " + rawPlatformVersionSpec + "]";
    }
}
