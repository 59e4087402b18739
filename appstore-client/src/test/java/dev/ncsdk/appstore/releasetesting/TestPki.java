package dev.ncsdk.appstore.releasetesting;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v1CertificateBuilder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v1CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private code signing PKI shaped like Nextcloud's: a self-signed root, an intermediate (CA, path length 0)
 * that issues X.509 v1 app certificates with subject {@code CN=<app id>} only, and a CRL issued by the
 * intermediate.
 */
public final class TestPki {
    public static final Instant NOT_BEFORE = Instant.parse("2020-01-01T00:00:00Z");
    public static final Instant NOT_AFTER = Instant.parse("2040-01-01T00:00:00Z");

    public final KeyPair rootKey = keyPair();
    public final KeyPair intermediateKey = keyPair();
    public final X509Certificate root;
    public final X509Certificate intermediate;
    private long serial = 0x1000;

    public TestPki() {
        X500Name rootName = new X500Name("C=DE, O=Test, CN=Test Root Authority");
        root = v3(rootName, rootName, rootKey, rootKey.getPrivate(), 1, NOT_AFTER);
        intermediate = v3(
                rootName,
                new X500Name("C=DE, O=Test, CN=Test Code Signing Intermediate Authority"),
                intermediateKey,
                rootKey.getPrivate(),
                0,
                NOT_AFTER);
    }

    public static KeyPair keyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An app certificate issued by the intermediate. */
    public X509Certificate appCertificate(String cn, KeyPair key) {
        return appCertificate(cn, key, NOT_BEFORE, NOT_AFTER);
    }

    public X509Certificate appCertificate(String cn, KeyPair key, Instant from, Instant to) {
        try {
            X509v1CertificateBuilder b = new JcaX509v1CertificateBuilder(
                    X500Name.getInstance(intermediate.getSubjectX500Principal().getEncoded()),
                    BigInteger.valueOf(++serial),
                    Date.from(from),
                    Date.from(to),
                    new X500Name("CN=" + cn),
                    key.getPublic());
            return new JcaX509CertificateConverter().getCertificate(b.build(signer(intermediateKey.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CRL issued by the intermediate (signed with the given key) revoking the given serials. */
    public X509CRL crl(PrivateKey signingKey, BigInteger... revoked) {
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(
                    X500Name.getInstance(intermediate.getSubjectX500Principal().getEncoded()), Date.from(NOT_BEFORE));
            b.setNextUpdate(Date.from(NOT_AFTER));
            for (BigInteger s : revoked) {
                b.addCRLEntry(s, Date.from(Instant.parse("2021-06-01T00:00:00Z")), CRLReason.keyCompromise);
            }
            X509CRLHolder h = b.build(signer(signingKey));
            return new JcaX509CRLConverter().getCRL(h);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public X509CRL crl(BigInteger... revoked) {
        return crl(intermediateKey.getPrivate(), revoked);
    }

    private static X509Certificate v3(
            X500Name issuer, X500Name subject, KeyPair key, PrivateKey signWith, int pathLen, Instant to) {
        try {
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                    issuer,
                    BigInteger.valueOf(System.nanoTime()),
                    Date.from(NOT_BEFORE),
                    Date.from(to),
                    subject,
                    key.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLen));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new JcaX509CertificateConverter().getCertificate(b.build(signer(signWith)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ContentSigner signer(PrivateKey k) throws Exception {
        return new JcaContentSignerBuilder("SHA256withRSA").build(k);
    }

    public static String pem(Object o) {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return sw.toString();
    }
}
