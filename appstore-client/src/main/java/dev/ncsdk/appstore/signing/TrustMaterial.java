package dev.ncsdk.appstore.signing;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What app certificates are checked against: the root certificate(s) (trust anchors, the self-signed ones),
 * intermediate certificates, and revocation lists. Nextcloud ships these as {@code resources/codesigning/root.crt}
 * (the "Nextcloud Code Signing Intermediate Authority" and the self-signed "Nextcloud Root Authority") and
 * {@code resources/codesigning/root.crl} (issued by the intermediate). The SDK ships no copy: load them from a
 * file or stream, from a Nextcloud installation, or {@linkplain #downloader() download} them with the root pinned.
 *
 * <pre>{@code
 * TrustMaterial trust = TrustMaterial.fromNextcloudInstallation(Path.of("/var/www/nextcloud"))
 *         .requireRoot(TrustMaterial.NEXTCLOUD_ROOT_SHA256);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class TrustMaterial {
    /**
     * SHA-256 fingerprint of the "Nextcloud Root Authority" certificate (valid 2016-06-12 to 2041-06-06), as in
     * nextcloud/server {@code resources/codesigning/root.crt}.
     */
    public static final String NEXTCLOUD_ROOT_SHA256 =
            "FB:41:87:11:E0:CD:2C:AE:9B:E3:32:CD:61:A1:53:82:14:F5:54:48:B4:01:70:31:3F:1C:08:B0:92:FF:CB:FD";

    private final List<X509Certificate> roots;
    private final List<X509Certificate> intermediates;
    private final List<X509CRL> crls;

    private TrustMaterial(List<X509Certificate> roots, List<X509Certificate> intermediates, List<X509CRL> crls) {
        if (roots.isEmpty()) {
            throw new SigningException("the trust material holds no root (self-signed) certificate");
        }
        this.roots = List.copyOf(roots);
        this.intermediates = List.copyOf(intermediates);
        this.crls = List.copyOf(crls);
    }

    /**
     * Trust material from certificates and revocation lists. Self-signed certificates become roots (trust
     * anchors); the others are intermediates, trusted only when they chain to a root.
     *
     * @param certificates the roots and intermediates
     * @param crls the revocation lists, possibly none
     * @return the trust material
     * @throws SigningException when no certificate is self-signed
     */
    public static TrustMaterial of(Collection<X509Certificate> certificates, Collection<X509CRL> crls) {
        List<X509Certificate> roots = new ArrayList<>();
        List<X509Certificate> inter = new ArrayList<>();
        for (X509Certificate c : certificates) {
            (isSelfSigned(c) ? roots : inter).add(c);
        }
        return new TrustMaterial(roots, inter, List.copyOf(crls));
    }

    /**
     * Trust material with explicitly chosen anchors: the given certificates are trusted as they are, whether
     * self-signed or not (for a private CA such as the store's test CA).
     *
     * @param anchors certificates trusted as roots
     * @param intermediates other certificates
     * @param crls revocation lists, possibly none
     * @return the trust material
     */
    public static TrustMaterial withAnchors(
            Collection<X509Certificate> anchors, Collection<X509Certificate> intermediates, Collection<X509CRL> crls) {
        return new TrustMaterial(List.copyOf(anchors), List.copyOf(intermediates), List.copyOf(crls));
    }

    /**
     * Trust material from PEM text.
     *
     * @param certificatesPem the certificates (root.crt)
     * @param crlPem the revocation list (root.crl), or {@code null} for none
     * @return the trust material
     */
    public static TrustMaterial fromPem(String certificatesPem, String crlPem) {
        return of(Pem.certificates(certificatesPem), crlPem == null ? List.of() : Pem.crls(crlPem));
    }

    /**
     * Trust material from streams of PEM or DER (at most 1 MiB each). The streams are not closed.
     *
     * @param certificates the certificates (root.crt)
     * @param crl the revocation list (root.crl), or {@code null} for none
     * @return the trust material
     */
    public static TrustMaterial fromStreams(InputStream certificates, InputStream crl) {
        List<X509Certificate> certs = Pem.certificates(Pem.readBounded(certificates));
        List<X509CRL> lists = crl == null ? List.of() : Pem.crls(Pem.readBounded(crl));
        return of(certs, lists);
    }

    /**
     * Trust material from files.
     *
     * @param certificates the certificates file (root.crt)
     * @param crl the revocation list file (root.crl), or {@code null} for none
     * @return the trust material
     */
    public static TrustMaterial fromFiles(Path certificates, Path crl) {
        List<X509Certificate> certs = Pem.certificates(Pem.readFile(certificates));
        List<X509CRL> lists = crl == null ? List.of() : Pem.crls(Pem.readFile(crl));
        return of(certs, lists);
    }

    /**
     * The trust material of a Nextcloud installation: {@code <root>/resources/codesigning/root.crt} and
     * {@code root.crl}.
     *
     * @param nextcloudRoot the installation's directory (where {@code occ} is)
     * @return the trust material
     */
    public static TrustMaterial fromNextcloudInstallation(Path nextcloudRoot) {
        Path dir = nextcloudRoot.resolve("resources").resolve("codesigning");
        return fromFiles(dir.resolve("root.crt"), dir.resolve("root.crl"));
    }

    /**
     * Starts a downloader that fetches the trust material over HTTPS, caches it and pins the root.
     *
     * @return a builder
     */
    public static TrustMaterialDownloader.Builder downloader() {
        return TrustMaterialDownloader.builder();
    }

    /**
     * Checks that one of the roots has the given SHA-256 fingerprint, and keeps only that root.
     *
     * @param sha256 the fingerprint, hex with or without colons, any case
     * @return trust material whose only root is the pinned one
     * @throws SigningException when no root has that fingerprint
     */
    public TrustMaterial requireRoot(String sha256) {
        String want = normalizeFingerprint(sha256);
        for (X509Certificate r : roots) {
            if (normalizeFingerprint(fingerprint(r)).equals(want)) {
                return new TrustMaterial(List.of(r), intermediates, crls);
            }
        }
        throw new SigningException("no root certificate has the pinned SHA-256 fingerprint " + sha256);
    }

    /** @return the trust anchors */
    public List<X509Certificate> roots() {
        return roots;
    }

    /** @return the intermediate certificates */
    public List<X509Certificate> intermediates() {
        return intermediates;
    }

    /** @return the revocation lists */
    public List<X509CRL> crls() {
        return crls;
    }

    /**
     * The SHA-256 fingerprint of a certificate, upper-case hex with colons (as {@code openssl x509 -fingerprint}).
     *
     * @param certificate the certificate
     * @return the fingerprint
     */
    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (CertificateEncodingException e) {
            throw new SigningException("cannot encode the certificate", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    static String normalizeFingerprint(String f) {
        return Objects.requireNonNull(f, "fingerprint").replace(":", "").trim().toLowerCase(Locale.ROOT);
    }

    static boolean isSelfSigned(X509Certificate c) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            return false;
        }
        try {
            c.verify(c.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "TrustMaterial[roots=" + roots.size() + ", intermediates=" + intermediates.size() + ", crls="
                + crls.size() + "]";
    }
}
