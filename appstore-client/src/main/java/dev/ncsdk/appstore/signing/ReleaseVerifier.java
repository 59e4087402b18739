package dev.ncsdk.appstore.signing;

import dev.ncsdk.appstore.archive.ArchiveInspector;
import dev.ncsdk.appstore.archive.ArchiveReport;
import dev.ncsdk.appstore.internal.LocalFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Verifies App Store releases as Nextcloud does before it installs an app, and stricter where it should be.
 * The checks run in this order and the first failure is reported ({@link VerificationCheck}):
 *
 * <ol>
 *   <li>each revocation list's signature verifies against the trusted certificate that issued it;
 *   <li>the app certificate's serial is not on its issuer's list;
 *   <li>the certificate chains, signature by signature, through intermediates to a trusted root, and a list from
 *       its issuer is present (unless {@link Builder#requireRevocationList(boolean)} says otherwise);
 *   <li>validity dates of every certificate in the chain, at the verifier's clock ({@link ExpiryPolicy});
 *   <li>the certificate's one common name equals the app id exactly (case-sensitive, no trimming);
 *   <li>the {@code SHA512withRSA} signature (base64, wrapping allowed) verifies over the exact bytes;
 *   <li>optionally ({@link Builder#archiveInspector}), the archive file passes the store's rules and holds the
 *       app id's folder and info.xml.
 * </ol>
 *
 * <pre>{@code
 * ReleaseVerifier verifier = ReleaseVerifier.builder(TrustMaterial.fromNextcloudInstallation(ncRoot)).build();
 * VerificationResult r = verifier.verifyRelease("news", release.certificate(), release.signature(), archive);
 * if (!r.isValid()) {
 *     throw new IllegalStateException(r.failedCheck().orElseThrow() + ": " + r.message());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe. Defaults: {@link ExpiryPolicy#ENFORCE}, the system UTC clock, a revocation list
 * from the app certificate's issuer required, a warning when the certificate expires within 30 days.
 *
 * @since 0.1.0
 */
public final class ReleaseVerifier {
    private static final int MAX_CHAIN = 8;

    private final TrustMaterial trust;
    private final ExpiryPolicy expiryPolicy;
    private final Clock clock;
    private final boolean requireRevocationList;
    private final Duration expiryWarning;
    private final ArchiveInspector inspector;
    private final long maxArchiveBytes;

    private ReleaseVerifier(Builder b) {
        this.maxArchiveBytes = b.maxArchiveBytes;
        this.trust = b.trust;
        this.expiryPolicy = b.expiryPolicy;
        this.clock = b.clock;
        this.requireRevocationList = b.requireRevocationList;
        this.expiryWarning = b.expiryWarning;
        this.inspector = b.inspector;
    }

    /**
     * Starts a verifier for some trust material.
     *
     * @param trust the roots, intermediates and revocation lists
     * @return a builder
     */
    public static Builder builder(TrustMaterial trust) {
        return new Builder(trust);
    }

    /** @return the trust material in use */
    public TrustMaterial trust() {
        return trust;
    }

    /**
     * Checks an app certificate (steps 1 to 5) without a signature.
     *
     * @param appId the app id the certificate must be issued to
     * @param certificatePem the certificate's PEM text, as the store's {@code certificate} field holds it
     * @return the result
     */
    public VerificationResult verifyCertificate(String appId, String certificatePem) {
        X509Certificate cert;
        try {
            cert = Pem.certificate(certificatePem);
        } catch (SigningException e) {
            return VerificationResult.failed(
                    appId, VerificationCheck.CERTIFICATE_UNREADABLE, e.getMessage(), null, List.of());
        }
        return verifyCertificate(appId, cert);
    }

    /**
     * Checks an app certificate (steps 1 to 5) without a signature.
     *
     * @param appId the app id the certificate must be issued to
     * @param certificate the certificate
     * @return the result
     */
    public VerificationResult verifyCertificate(String appId, X509Certificate certificate) {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(certificate, "certificate");
        List<String> warnings = new ArrayList<>();
        VerificationResult failure = checkCertificate(appId, certificate, warnings);
        if (failure != null) {
            return failure;
        }
        return VerificationResult.valid(
                appId,
                certificate,
                warnings,
                "certificate serial " + certificate.getSerialNumber() + " is trusted for " + appId);
    }

    /**
     * Checks a registration: the certificate, and the signature over the app id's ASCII bytes.
     *
     * @param appId the app id
     * @param certificatePem the certificate's PEM text
     * @param signatureBase64 the signature over the app id
     * @return the result
     */
    public VerificationResult verifyAppIdSignature(String appId, String certificatePem, String signatureBase64) {
        return verifySigned(
                appId,
                certificatePem,
                signatureBase64,
                new java.io.ByteArrayInputStream(appId.getBytes(StandardCharsets.US_ASCII)),
                "app id");
    }

    /**
     * Runs every check on a release: its certificate and its signature over the archive file's exact bytes,
     * then, when the verifier has an {@link Builder#archiveInspector archive inspector}, the archive's store rules
     * and that its app folder and info.xml id are the app id.
     *
     * @param appId the app id
     * @param certificatePem the app certificate's PEM text (the store's {@code certificate} field)
     * @param signatureBase64 the release signature (the store's {@code signature} field; wrapping allowed)
     * @param archive the downloaded {@code .tar.gz}
     * @return the result
     */
    public VerificationResult verifyRelease(String appId, String certificatePem, String signatureBase64, Path archive) {
        Objects.requireNonNull(appId, "appId");
        X509Certificate cert;
        try {
            cert = Pem.certificate(certificatePem);
        } catch (SigningException e) {
            return VerificationResult.failed(
                    appId, VerificationCheck.CERTIFICATE_UNREADABLE, e.getMessage(), null, List.of());
        }
        return verifyRelease(appId, cert, signatureBase64, archive);
    }

    /**
     * Runs every check on a release whose app certificate is already parsed (from PEM or DER, e.g. with
     * {@link Pem#certificates(byte[])}); otherwise as {@link #verifyRelease(String, String, String, Path)}. The
     * archive must be a regular file of at most {@link Builder#maxArchiveBytes} (30 MiB by default): a device, a
     * FIFO, a directory or a larger file fails {@link VerificationCheck#ARCHIVE_UNREADABLE} before it is read.
     *
     * @param appId the app id
     * @param certificate the app certificate
     * @param signatureBase64 the release signature (wrapping allowed)
     * @param archive the downloaded {@code .tar.gz}
     * @return the result
     */
    public VerificationResult verifyRelease(
            String appId, X509Certificate certificate, String signatureBase64, Path archive) {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(certificate, "certificate");
        VerificationResult signed;
        try (InputStream in = LocalFiles.openBounded(archive, maxArchiveBytes)) {
            signed = verifySigned(appId, certificate, signatureBase64, in, "archive " + archive.getFileName());
        } catch (IOException e) {
            return VerificationResult.failed(
                    appId,
                    VerificationCheck.ARCHIVE_UNREADABLE,
                    e instanceof LocalFiles.Refused
                            ? e.getMessage()
                            : "cannot read " + archive + ": " + LocalFiles.describe(e),
                    null,
                    List.of());
        }
        if (!signed.isValid() || inspector == null) {
            return signed;
        }
        X509Certificate cert = signed.certificate().orElseThrow();
        ArchiveReport report;
        try {
            report = inspector.inspect(archive);
        } catch (RuntimeException e) {
            return VerificationResult.failed(
                    appId, VerificationCheck.ARCHIVE_UNREADABLE, e.getMessage(), cert, signed.warnings());
        }
        if (!report.isValid()) {
            return VerificationResult.failed(
                    appId,
                    VerificationCheck.ARCHIVE_INVALID,
                    "the archive breaks " + report.problems().size() + " store rule(s):\n" + report.describeProblems(),
                    cert,
                    signed.warnings());
        }
        if (!appId.equals(report.appFolder()) || !appId.equals(report.appInfo().id())) {
            return VerificationResult.failed(
                    appId,
                    VerificationCheck.ARCHIVE_INVALID,
                    "the archive holds app " + report.appFolder() + " (info.xml id "
                            + report.appInfo().id() + "), not " + appId,
                    cert,
                    signed.warnings());
        }
        return signed;
    }

    /**
     * Runs every check on a release read from the store's API: the app's certificate, the release's signature
     * and the downloaded archive, as {@link #verifyRelease(String, String, String, Path)} does.
     *
     * @param app the app, as {@code AppStoreClient} read it (its {@code certificate} is used)
     * @param release one of that app's releases (its {@code signature} is used)
     * @param archive the downloaded {@code .tar.gz} of that release
     * @return the result
     * @throws IllegalArgumentException when the release is not one of the app's
     */
    public VerificationResult verifyRelease(
            dev.ncsdk.appstore.App app, dev.ncsdk.appstore.AppRelease release, Path archive) {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(release, "release");
        if (!app.releases().contains(release)) {
            throw new IllegalArgumentException(
                    "release " + release.version() + " is not one of app " + app.id() + "'s releases");
        }
        return verifyRelease(app.id(), app.certificate(), release.signature(), archive);
    }

    /**
     * Runs every check on a release whose archive is a stream (read to its end, not closed). The archive
     * inspector, if any, is not applied: a stream cannot be read twice.
     *
     * @param appId the app id
     * @param certificatePem the app certificate's PEM text
     * @param signatureBase64 the release signature
     * @param archive the archive's bytes
     * @return the result
     */
    public VerificationResult verifyRelease(
            String appId, String certificatePem, String signatureBase64, InputStream archive) {
        return verifySigned(appId, certificatePem, signatureBase64, archive, "archive");
    }

    private VerificationResult verifySigned(
            String appId, String certificatePem, String signatureBase64, InputStream data, String what) {
        Objects.requireNonNull(appId, "appId");
        X509Certificate cert;
        try {
            cert = Pem.certificate(certificatePem);
        } catch (SigningException e) {
            return VerificationResult.failed(
                    appId, VerificationCheck.CERTIFICATE_UNREADABLE, e.getMessage(), null, List.of());
        }
        return verifySigned(appId, cert, signatureBase64, data, what);
    }

    private VerificationResult verifySigned(
            String appId, X509Certificate cert, String signatureBase64, InputStream data, String what) {
        List<String> warnings = new ArrayList<>();
        VerificationResult failure = checkCertificate(appId, cert, warnings);
        if (failure != null) {
            return failure;
        }
        byte[] sig;
        try {
            sig = Signatures.checkedDecode(cert.getPublicKey(), signatureBase64);
        } catch (SigningException e) {
            return VerificationResult.failed(
                    appId, VerificationCheck.SIGNATURE_MALFORMED, e.getMessage(), cert, warnings);
        }
        boolean ok;
        try {
            Signature s = Signatures.verifier(cert.getPublicKey());
            Signatures.update(s, data);
            ok = s.verify(sig);
        } catch (SignatureException e) {
            ok = false;
        } catch (IOException | UncheckedIOException e) {
            return VerificationResult.failed(
                    appId,
                    VerificationCheck.ARCHIVE_UNREADABLE,
                    "cannot read the " + what + ": " + e.getMessage(),
                    cert,
                    warnings);
        }
        if (!ok) {
            return VerificationResult.failed(
                    appId,
                    VerificationCheck.SIGNATURE_MISMATCH,
                    "the signature does not verify over the " + what + " with the key of certificate serial "
                            + cert.getSerialNumber() + " (the bytes changed, or another key signed them)",
                    cert,
                    warnings);
        }
        return VerificationResult.valid(
                appId,
                cert,
                warnings,
                "the " + what + " is signed by " + appId + " (certificate serial " + cert.getSerialNumber() + ")");
    }

    private VerificationResult checkCertificate(String appId, X509Certificate cert, List<String> warnings) {
        // 1. every revocation list must be signed by a trusted certificate named as its issuer
        List<X509Certificate> all = new ArrayList<>(trust.intermediates());
        all.addAll(trust.roots());
        for (X509CRL crl : trust.crls()) {
            if (!crlVerifies(crl, all)) {
                return VerificationResult.failed(
                        appId,
                        VerificationCheck.CRL_SIGNATURE,
                        "the revocation list issued by " + crl.getIssuerX500Principal()
                                + " is not signed by a trusted certificate of that name",
                        cert,
                        warnings);
            }
            if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(clock.instant())) {
                warnings.add("the revocation list of " + crl.getIssuerX500Principal() + " was due for an update on "
                        + crl.getNextUpdate().toInstant());
            }
        }
        // 2. revocation of the app certificate by its issuer's list
        List<X509CRL> issuerLists = new ArrayList<>();
        for (X509CRL crl : trust.crls()) {
            if (crl.getIssuerX500Principal().equals(cert.getIssuerX500Principal())) {
                issuerLists.add(crl);
            }
        }
        for (X509CRL crl : issuerLists) {
            X509CRLEntry entry = crl.getRevokedCertificate(cert.getSerialNumber());
            if (entry != null) {
                return VerificationResult.failed(
                        appId,
                        VerificationCheck.REVOKED,
                        "certificate serial " + cert.getSerialNumber() + " (0x"
                                + cert.getSerialNumber().toString(16) + ") was revoked on "
                                + entry.getRevocationDate().toInstant(),
                        cert,
                        warnings);
            }
        }
        // 3. the chain, signature by signature
        List<X509Certificate> chain = new ArrayList<>();
        String chainProblem = buildChain(cert, chain);
        if (chainProblem != null) {
            return VerificationResult.failed(appId, VerificationCheck.CHAIN, chainProblem, cert, warnings);
        }
        for (X509Certificate ca : chain.subList(1, chain.size())) {
            if (trust.roots().contains(ca)) {
                continue;
            }
            for (X509CRL crl : trust.crls()) {
                X509CRLEntry entry = crl.getIssuerX500Principal().equals(ca.getIssuerX500Principal())
                        ? crl.getRevokedCertificate(ca.getSerialNumber())
                        : null;
                if (entry != null) {
                    return VerificationResult.failed(
                            appId,
                            VerificationCheck.REVOKED,
                            "the issuing certificate " + ca.getSubjectX500Principal() + " was revoked on "
                                    + entry.getRevocationDate().toInstant(),
                            cert,
                            warnings);
                }
            }
        }
        if (issuerLists.isEmpty() && requireRevocationList) {
            return VerificationResult.failed(
                    appId,
                    VerificationCheck.REVOCATION_UNKNOWN,
                    "no revocation list from " + cert.getIssuerX500Principal() + " is available",
                    cert,
                    warnings);
        }
        // 4. validity dates
        Instant now = clock.instant();
        for (X509Certificate c : chain) {
            try {
                c.checkValidity(Date.from(now));
            } catch (CertificateExpiredException e) {
                String m = "certificate " + c.getSubjectX500Principal() + " expired on "
                        + c.getNotAfter().toInstant();
                if (expiryPolicy == ExpiryPolicy.ENFORCE) {
                    return VerificationResult.failed(appId, VerificationCheck.EXPIRED, m, cert, warnings);
                }
                warnings.add(m + " (ignored by policy)");
            } catch (CertificateNotYetValidException e) {
                String m = "certificate " + c.getSubjectX500Principal() + " is valid only from "
                        + c.getNotBefore().toInstant();
                if (expiryPolicy == ExpiryPolicy.ENFORCE) {
                    return VerificationResult.failed(appId, VerificationCheck.NOT_YET_VALID, m, cert, warnings);
                }
                warnings.add(m + " (ignored by policy)");
            }
        }
        Instant notAfter = cert.getNotAfter().toInstant();
        if (notAfter.isAfter(now) && notAfter.isBefore(now.plus(expiryWarning))) {
            warnings.add("the certificate of " + appId + " expires on " + notAfter);
        }
        // 5. the common name
        String cn;
        try {
            cn = commonName(cert);
        } catch (SigningException e) {
            return VerificationResult.failed(appId, VerificationCheck.COMMON_NAME, e.getMessage(), cert, warnings);
        }
        if (!cn.equals(appId)) {
            return VerificationResult.failed(
                    appId,
                    VerificationCheck.COMMON_NAME,
                    "the certificate is issued to CN=" + cn + ", not to the app id " + appId,
                    cert,
                    warnings);
        }
        return null;
    }

    private String buildChain(X509Certificate leaf, List<X509Certificate> chain) {
        X509Certificate current = leaf;
        chain.add(leaf);
        for (int depth = 0; depth < MAX_CHAIN; depth++) {
            if (trust.roots().contains(current)) {
                return null;
            }
            X509Certificate issuer = findIssuer(current, depth);
            if (issuer == null) {
                return "certificate " + current.getSubjectX500Principal() + " is not issued by a trusted certificate"
                        + " (issuer " + current.getIssuerX500Principal() + ")";
            }
            chain.add(issuer);
            if (trust.roots().contains(issuer)) {
                return null;
            }
            current = issuer;
        }
        return "the certificate chain is longer than " + MAX_CHAIN;
    }

    private X509Certificate findIssuer(X509Certificate cert, int depthBelowIssuer) {
        List<X509Certificate> candidates = new ArrayList<>(trust.roots());
        candidates.addAll(trust.intermediates());
        for (X509Certificate c : candidates) {
            if (!c.getSubjectX500Principal().equals(cert.getIssuerX500Principal()) || c.equals(cert)) {
                continue;
            }
            boolean anchor = trust.roots().contains(c);
            if (!anchor && !isCa(c, depthBelowIssuer)) {
                continue;
            }
            try {
                cert.verify(c.getPublicKey());
                return c;
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this one
            }
        }
        return null;
    }

    private static boolean isCa(X509Certificate c, int intermediatesBelow) {
        int pathLen = c.getBasicConstraints();
        if (pathLen < 0) {
            return false;
        }
        boolean[] usage = c.getKeyUsage();
        if (usage != null && usage.length > 5 && !usage[5]) {
            return false; // keyCertSign not allowed
        }
        return pathLen >= intermediatesBelow;
    }

    private static boolean crlVerifies(X509CRL crl, List<X509Certificate> trusted) {
        for (X509Certificate c : trusted) {
            if (!c.getSubjectX500Principal().equals(crl.getIssuerX500Principal())) {
                continue;
            }
            try {
                crl.verify(c.getPublicKey());
                return true;
            } catch (GeneralSecurityException | RuntimeException e) {
                // try the next one of that name
            }
        }
        return false;
    }

    /**
     * The one common name of a certificate's subject, exactly as encoded.
     *
     * @param cert the certificate
     * @return the common name
     * @throws SigningException when the subject has no common name or more than one
     */
    public static String commonName(X509Certificate cert) {
        X500Name subject;
        try {
            subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        } catch (RuntimeException e) {
            throw new SigningException("the certificate's subject is unreadable", e);
        }
        RDN[] rdns = subject.getRDNs(BCStyle.CN);
        if (rdns.length == 0) {
            throw new SigningException("the certificate has no common name (CN)");
        }
        if (rdns.length > 1 || rdns[0].isMultiValued()) {
            throw new SigningException("the certificate has more than one common name (CN)");
        }
        return IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    /**
     * Configures a {@link ReleaseVerifier}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final TrustMaterial trust;
        private ExpiryPolicy expiryPolicy = ExpiryPolicy.ENFORCE;
        private Clock clock = Clock.systemUTC();
        private boolean requireRevocationList = true;
        private Duration expiryWarning = Duration.ofDays(30);
        private ArchiveInspector inspector;
        private long maxArchiveBytes = ArchiveInspector.DEFAULT_MAX_ARCHIVE_BYTES;

        private Builder(TrustMaterial trust) {
            this.trust = Objects.requireNonNull(trust, "trust");
        }

        /**
         * Sets the largest archive file {@link #verifyRelease(String, String, String, Path)} reads (default 30 MiB,
         * the store's limit). A larger file, or one that is not a regular file, fails
         * {@link VerificationCheck#ARCHIVE_UNREADABLE} before it is read.
         *
         * @param bytes a positive size
         * @return this builder
         */
        public Builder maxArchiveBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxArchiveBytes must be positive");
            }
            this.maxArchiveBytes = bytes;
            return this;
        }

        /**
         * Chooses whether validity dates are checked (default {@link ExpiryPolicy#ENFORCE}).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder expiryPolicy(ExpiryPolicy policy) {
            this.expiryPolicy = Objects.requireNonNull(policy, "expiryPolicy");
            return this;
        }

        /**
         * Sets the clock that validity dates are judged by (default system UTC).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Whether a revocation list from the app certificate's issuer must be present (default yes). Turn off only
         * for a private CA that publishes none.
         *
         * @param required whether it is required
         * @return this builder
         */
        public Builder requireRevocationList(boolean required) {
            this.requireRevocationList = required;
            return this;
        }

        /**
         * Sets how long before expiry a valid result carries a warning (default 30 days).
         *
         * @param window the window; zero for none
         * @return this builder
         */
        public Builder expiryWarning(Duration window) {
            this.expiryWarning = Objects.requireNonNull(window, "expiryWarning");
            return this;
        }

        /**
         * Also inspects archive files after their signature verified ({@link #verifyRelease(String, String,
         * String, Path)}): the store's archive rules, and the app folder and info.xml id equal to the app id.
         * Default: no inspection.
         *
         * @param inspector the inspector, e.g. {@link ArchiveInspector#defaults()}
         * @return this builder
         */
        public Builder archiveInspector(ArchiveInspector inspector) {
            this.inspector = Objects.requireNonNull(inspector, "inspector");
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         */
        public ReleaseVerifier build() {
            return new ReleaseVerifier(this);
        }
    }
}
