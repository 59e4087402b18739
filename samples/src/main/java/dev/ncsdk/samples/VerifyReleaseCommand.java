package dev.ncsdk.samples;

import dev.ncsdk.appstore.archive.ArchiveInspector;
import dev.ncsdk.appstore.signing.ExpiryPolicy;
import dev.ncsdk.appstore.signing.Pem;
import dev.ncsdk.appstore.signing.ReleaseVerifier;
import dev.ncsdk.appstore.signing.SigningException;
import dev.ncsdk.appstore.signing.TrustMaterial;
import dev.ncsdk.appstore.signing.VerificationCheck;
import dev.ncsdk.appstore.signing.VerificationResult;
import dev.ncsdk.ocs.NcException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Verifies a release as Nextcloud does before installing it: revocation list, revocation, chain, expiry, common
 * name and the signature over the archive. Exit codes as {@link Failures} defines them: 0 when valid, 1 and the
 * failed check when not (also when the certificate or signature file holds no certificate or signature), 2 when an
 * input file cannot be read (missing, not a regular file, unreadable trust files) or an argument is bad. The archive
 * must be a regular file of at most 30 MiB; the certificate may be PEM or DER.
 */
@Command(
        name = "verify-release",
        mixinStandardHelpOptions = true,
        description = "Verify a release archive against its signature, app certificate and Nextcloud's trust files.",
        footer = "%nExample: ncsdk-samples verify-release --app news --archive news.tar.gz --signature news.sig"
                + " --certificate news.crt --trust root.crt --crl root.crl")
public final class VerifyReleaseCommand extends SampleCommand {
    /** Exit code of a release that fails verification. */
    public static final int INVALID = Failures.FAILED;

    @Option(names = "--app", paramLabel = "ID", required = true, description = "The app id.")
    String appId;

    @Option(names = "--archive", paramLabel = "FILE", required = true, description = "The downloaded .tar.gz.")
    Path archive;

    @Option(
            names = "--signature",
            paramLabel = "FILE",
            required = true,
            description = "File holding the base64 signature.")
    Path signature;

    @Option(
            names = "--certificate",
            paramLabel = "FILE",
            required = true,
            description = "The app certificate (PEM or DER).")
    Path certificate;

    @Option(
            names = "--trust",
            paramLabel = "FILE",
            required = true,
            description = "Root and intermediate certificates (Nextcloud's resources/codesigning/root.crt).")
    Path trust;

    @Option(
            names = "--crl",
            paramLabel = "FILE",
            required = true,
            description = "The revocation list (Nextcloud's resources/codesigning/root.crl).")
    Path crl;

    @Option(
            names = "--ignore-expiry",
            description = "Do not check validity dates (what Nextcloud's server does); default: enforce.")
    boolean ignoreExpiry;

    @Option(
            names = "--inspect",
            description = "Also check the archive against the store's rules and that it holds this app.")
    boolean inspect;

    @Option(
            names = "--at",
            paramLabel = "INSTANT",
            description = "Judge validity dates at this instant (ISO-8601, 2026-01-01T00:00:00Z); default: now.")
    Instant at;

    /** Creates the command (picocli). */
    public VerifyReleaseCommand() {}

    /** The largest signature file read: a base64 signature of a 16384-bit key is under 3 KiB. */
    private static final int MAX_SIGNATURE_BYTES = 64 * 1024;

    @Override
    String problemExit() {
        return "the release is invalid (the failed check is named)";
    }

    @Override
    public Integer call() {
        Inputs.appId("--app", appId);
        Inputs.readableFile("--archive", archive);
        Inputs.readableFile("--signature", signature);
        Inputs.readableFile("--certificate", certificate);
        Inputs.readableFile("--trust", trust);
        Inputs.readableFile("--crl", crl);
        TrustMaterial material;
        try {
            material = TrustMaterial.fromFiles(trust, crl);
        } catch (NcException | IllegalArgumentException e) {
            throw Failures.unreadable("cannot read the trust files: " + Failures.clean(e.getMessage()), e);
        }
        ReleaseVerifier.Builder b = ReleaseVerifier.builder(material)
                .expiryPolicy(ignoreExpiry ? ExpiryPolicy.IGNORE : ExpiryPolicy.ENFORCE)
                .clock(at == null ? Clock.systemUTC() : Clock.fixed(at, ZoneOffset.UTC));
        if (inspect) {
            b.archiveInspector(ArchiveInspector.defaults());
        }
        ReleaseVerifier verifier = b.build();
        PrintWriter err = err();
        X509Certificate cert;
        try {
            cert = Pem.certificate(certificate);
        } catch (SigningException e) {
            throw invalid(VerificationCheck.CERTIFICATE_UNREADABLE, e.getMessage());
        }
        String sig;
        try {
            sig = readSignature(signature);
        } catch (IOException e) {
            throw invalid(VerificationCheck.SIGNATURE_MALFORMED, e.getMessage());
        }
        VerificationResult r = verifier.verifyRelease(appId, cert, sig, archive);
        for (String w : r.warnings()) {
            err.println("warning: " + w);
        }
        if (r.isValid()) {
            out().println("valid: " + r.message());
            flush();
            return 0;
        }
        throw invalid(r.failedCheck().orElseThrow(), r.message());
    }

    private Failures.Failure invalid(VerificationCheck check, String message) {
        flush();
        return Failures.problem("invalid release " + archive + ": " + check + ": " + Failures.clean(message));
    }

    /** The signature file: a regular file of at most 64 KiB, read as bytes (a binary file is then malformed). */
    private static String readSignature(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (a.size() > MAX_SIGNATURE_BYTES) {
            throw new IOException(file + ": " + a.size() + " bytes is too large for a signature");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_SIGNATURE_BYTES + 1);
            if (bytes.length > MAX_SIGNATURE_BYTES) {
                throw new IOException(file + ": too large for a signature");
            }
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
