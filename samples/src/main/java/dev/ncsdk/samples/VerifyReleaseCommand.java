package dev.ncsdk.samples;

import dev.ncsdk.appstore.archive.ArchiveInspector;
import dev.ncsdk.appstore.signing.ExpiryPolicy;
import dev.ncsdk.appstore.signing.Pem;
import dev.ncsdk.appstore.signing.ReleaseVerifier;
import dev.ncsdk.appstore.signing.SigningException;
import dev.ncsdk.appstore.signing.TrustMaterial;
import dev.ncsdk.appstore.signing.VerificationCheck;
import dev.ncsdk.appstore.signing.VerificationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * name and the signature over the archive. Exit code 0 when valid, 2 and the failed check otherwise (also when the
 * release's own files, archive, signature or certificate, cannot be read), 1 when the verification cannot run (the
 * trust files cannot be read). The archive must be a regular file of at most 30 MiB; the certificate may be PEM or
 * DER.
 */
@Command(
        name = "verify-release",
        mixinStandardHelpOptions = true,
        description = "Verify a release archive against its signature, app certificate and Nextcloud's trust files."
                + " Exit 0 when valid, 2 (and the failed check) when not, 1 when the trust files cannot be read.")
public final class VerifyReleaseCommand extends SampleCommand {
    /** Exit code of a release that fails verification. */
    public static final int INVALID = 2;

    @Option(names = "--app", required = true, description = "the app id")
    String appId;

    @Option(names = "--archive", required = true, description = "the downloaded .tar.gz")
    Path archive;

    @Option(names = "--signature", required = true, description = "file holding the base64 signature")
    Path signature;

    @Option(names = "--certificate", required = true, description = "the app certificate (PEM or DER)")
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

    /** The largest signature file read: a base64 signature of a 16384-bit key is under 3 KiB. */
    private static final int MAX_SIGNATURE_BYTES = 64 * 1024;

    @Override
    public Integer call() {
        ReleaseVerifier.Builder b = ReleaseVerifier.builder(TrustMaterial.fromFiles(trust, crl))
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
            return invalid(VerificationCheck.CERTIFICATE_UNREADABLE, e.getMessage());
        }
        String sig;
        try {
            sig = readSignature(signature);
        } catch (IOException e) {
            return invalid(VerificationCheck.SIGNATURE_MALFORMED, e.getMessage());
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
        return invalid(r.failedCheck().orElseThrow(), r.message());
    }

    private int invalid(VerificationCheck check, String message) {
        err().println("invalid: " + check + ": " + message);
        flush();
        return INVALID;
    }

    /** The signature file: a regular file of at most 64 KiB, read as bytes (a binary file is then malformed). */
    private static String readSignature(Path file) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new IOException("cannot read " + file + ": no such file", e);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e, e);
        }
        if (!a.isRegularFile()) {
            throw new IOException("cannot read " + file + ": not a regular file");
        }
        if (a.size() > MAX_SIGNATURE_BYTES) {
            throw new IOException("cannot read " + file + ": " + a.size() + " bytes is too large for a signature");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_SIGNATURE_BYTES + 1);
            if (bytes.length > MAX_SIGNATURE_BYTES) {
                throw new IOException("cannot read " + file + ": too large for a signature");
            }
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
