package dev.ncsdk.samples;

import dev.ncsdk.appstore.archive.ArchiveInspector;
import dev.ncsdk.appstore.signing.ExpiryPolicy;
import dev.ncsdk.appstore.signing.ReleaseVerifier;
import dev.ncsdk.appstore.signing.TrustMaterial;
import dev.ncsdk.appstore.signing.VerificationResult;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Verifies a release as Nextcloud does before installing it: revocation list, revocation, chain, expiry, common
 * name and the signature over the archive. Exit code 0 when valid, 2 and the failed check otherwise.
 */
@Command(
        name = "verify-release",
        mixinStandardHelpOptions = true,
        description = "Verify a release archive against its signature, app certificate and Nextcloud's trust files."
                + " Exit 0 when valid, 2 (and the failed check) when not.")
public final class VerifyReleaseCommand extends SampleCommand {
    /** Exit code of a release that fails verification. */
    public static final int INVALID = 2;

    @Option(names = "--app", required = true, description = "the app id")
    String appId;

    @Option(names = "--archive", required = true, description = "the downloaded .tar.gz")
    Path archive;

    @Option(names = "--signature", required = true, description = "file holding the base64 signature")
    Path signature;

    @Option(names = "--certificate", required = true, description = "the app certificate (PEM)")
    Path certificate;

    @Option(
            names = "--trust",
            required = true,
            description = "root and intermediate certificates (Nextcloud's resources/codesigning/root.crt)")
    Path trust;

    @Option(
            names = "--crl",
            required = true,
            description = "the revocation list (Nextcloud's resources/codesigning/root.crl)")
    Path crl;

    @Option(
            names = "--ignore-expiry",
            description = "do not check validity dates (what Nextcloud's server does); default: enforce")
    boolean ignoreExpiry;

    @Option(
            names = "--inspect",
            description = "also check the archive against the store's rules and that it holds this app")
    boolean inspect;

    @Option(names = "--at", description = "judge validity dates at this instant (ISO-8601), default now")
    Instant at;

    /** Creates the command (picocli). */
    public VerifyReleaseCommand() {}

    @Override
    public Integer call() throws Exception {
        ReleaseVerifier.Builder b = ReleaseVerifier.builder(TrustMaterial.fromFiles(trust, crl))
                .expiryPolicy(ignoreExpiry ? ExpiryPolicy.IGNORE : ExpiryPolicy.ENFORCE)
                .clock(at == null ? Clock.systemUTC() : Clock.fixed(at, ZoneOffset.UTC));
        if (inspect) {
            b.archiveInspector(ArchiveInspector.defaults());
        }
        ReleaseVerifier verifier = b.build();
        VerificationResult r = verifier.verifyRelease(
                appId,
                Files.readString(certificate, StandardCharsets.US_ASCII),
                Files.readString(signature, StandardCharsets.US_ASCII),
                archive);
        PrintWriter err = err();
        for (String w : r.warnings()) {
            err.println("warning: " + w);
        }
        if (r.isValid()) {
            out().println("valid: " + r.message());
            flush();
            return 0;
        }
        err.println("invalid: " + r.failedCheck().orElseThrow() + ": " + r.message());
        flush();
        return INVALID;
    }
}
