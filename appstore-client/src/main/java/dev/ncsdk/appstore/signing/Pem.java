package dev.ncsdk.appstore.signing;

import dev.ncsdk.appstore.internal.LocalFiles;
import dev.ncsdk.ocs.Secret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads the PEM files of code signing: RSA private keys (PKCS#8 {@code PRIVATE KEY}, PKCS#1
 * {@code RSA PRIVATE KEY}, encrypted PKCS#8 {@code ENCRYPTED PRIVATE KEY} and legacy OpenSSL-encrypted PKCS#1),
 * public keys, X.509 certificates (also with {@code \r\n} line ends, as the store's JSON carries them) and
 * revocation lists (PEM or DER).
 *
 * <p>Every method throws {@link SigningException} for malformed input, never a parser's own exception. Inputs
 * over {@value #MAX_PEM_CHARS} characters are refused. The BouncyCastle provider used for decryption is private
 * to this class and never installed globally.
 *
 * @since 0.1.0
 */
public final class Pem {
    /** The largest PEM text accepted, in characters. */
    public static final int MAX_PEM_CHARS = 1024 * 1024;

    static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private Pem() {}

    /**
     * Reads an unencrypted RSA private key (PKCS#8 or PKCS#1).
     *
     * @param pem the PEM text
     * @return the key
     * @throws SigningException when the text holds no readable RSA private key, or an encrypted one
     */
    public static PrivateKey privateKey(String pem) {
        return privateKey(pem, null);
    }

    /**
     * Reads an RSA private key, decrypting it with the password when it is encrypted.
     *
     * @param pem the PEM text
     * @param password the password, or {@code null} for an unencrypted key
     * @return the key
     * @throws SigningException when the text holds no readable RSA private key or the password is wrong or missing
     */
    public static PrivateKey privateKey(String pem, Secret password) {
        for (Object o : objects(pem)) {
            PrivateKeyInfo info = toPrivateKeyInfo(o, password);
            if (info != null) {
                return rsaPrivate(info);
            }
        }
        throw new SigningException("no private key found in the PEM text (expected PRIVATE KEY, RSA PRIVATE KEY or"
                + " ENCRYPTED PRIVATE KEY)");
    }

    /**
     * Reads a private key file; see {@link #privateKey(String, Secret)}.
     *
     * @param file the key file
     * @param password the password, or {@code null}
     * @return the key
     */
    public static PrivateKey privateKey(Path file, Secret password) {
        return privateKey(readText(file), password);
    }

    /**
     * Reads an RSA public key ({@code PUBLIC KEY}), or the public key of the first certificate in the text.
     *
     * @param pem the PEM text
     * @return the key
     */
    public static PublicKey publicKey(String pem) {
        for (Object o : objects(pem)) {
            try {
                if (o instanceof SubjectPublicKeyInfo) {
                    return KeyFactory.getInstance("RSA")
                            .generatePublic(new X509EncodedKeySpec(((SubjectPublicKeyInfo) o).getEncoded()));
                }
                if (o instanceof X509CertificateHolder) {
                    return toCertificate((X509CertificateHolder) o).getPublicKey();
                }
            } catch (GeneralSecurityException | IOException e) {
                throw new SigningException("unreadable public key: " + e.getMessage(), e);
            }
        }
        throw new SigningException("no public key or certificate found in the PEM text");
    }

    /**
     * The public key that belongs to an RSA private key.
     *
     * @param key an RSA private key with its CRT parameters (what every PEM key holds)
     * @return the public key
     */
    public static PublicKey publicKeyOf(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey)) {
            throw new SigningException("cannot derive the public key: not an RSA key with CRT parameters");
        }
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) key;
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(k.getModulus(), k.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new SigningException("cannot derive the public key: " + e.getMessage(), e);
        }
    }

    /**
     * Reads every certificate in the text, in order.
     *
     * @param pem the PEM text; {@code \r\n} line ends are fine
     * @return the certificates, at least one
     * @throws SigningException when no certificate can be read
     */
    public static List<X509Certificate> certificates(String pem) {
        List<X509Certificate> out = new ArrayList<>();
        for (Object o : objects(pem)) {
            if (o instanceof X509CertificateHolder) {
                out.add(toCertificate((X509CertificateHolder) o));
            }
        }
        if (out.isEmpty()) {
            throw new SigningException("no certificate found in the PEM text");
        }
        return List.copyOf(out);
    }

    /**
     * Reads the one certificate of the text.
     *
     * @param pem the PEM text
     * @return the certificate
     * @throws SigningException when the text holds no certificate or more than one
     */
    public static X509Certificate certificate(String pem) {
        List<X509Certificate> all = certificates(pem);
        if (all.size() != 1) {
            throw new SigningException("expected one certificate, found " + all.size());
        }
        return all.get(0);
    }

    /**
     * Reads the one certificate of a file in PEM or DER form: a regular file (never a device or a FIFO) of at most
     * {@value #MAX_PEM_CHARS} bytes.
     *
     * @param file the certificate file
     * @return the certificate
     * @throws SigningException when the file is missing or unreadable ("cannot read x: no such file"), or holds no
     *     certificate, or more than one
     */
    public static X509Certificate certificate(Path file) {
        List<X509Certificate> all = certificates(readFile(file));
        if (all.size() != 1) {
            throw new SigningException(file + " holds " + all.size() + " certificates; expected one");
        }
        return all.get(0);
    }

    /**
     * Reads every revocation list in PEM text.
     *
     * @param pem the PEM text
     * @return the lists, at least one
     */
    public static List<X509CRL> crls(String pem) {
        List<X509CRL> out = new ArrayList<>();
        for (Object o : objects(pem)) {
            if (o instanceof X509CRLHolder) {
                out.add(toCrl((X509CRLHolder) o));
            }
        }
        if (out.isEmpty()) {
            throw new SigningException("no revocation list (X509 CRL) found in the PEM text");
        }
        return List.copyOf(out);
    }

    /**
     * Reads revocation lists in PEM or DER form.
     *
     * @param bytes the file's bytes
     * @return the lists, at least one
     */
    public static List<X509CRL> crls(byte[] bytes) {
        if (looksLikePem(bytes)) {
            return crls(new String(bytes, StandardCharsets.US_ASCII));
        }
        try {
            return List.of((X509CRL) x509().generateCRL(new ByteArrayInputStream(bytes)));
        } catch (CRLException | RuntimeException e) {
            throw new SigningException("unreadable revocation list: " + e.getMessage(), e);
        }
    }

    /**
     * Reads certificates in PEM or DER form.
     *
     * @param bytes the file's bytes
     * @return the certificates, at least one
     */
    public static List<X509Certificate> certificates(byte[] bytes) {
        if (looksLikePem(bytes)) {
            return certificates(new String(bytes, StandardCharsets.US_ASCII));
        }
        try {
            return List.of((X509Certificate) x509().generateCertificate(new ByteArrayInputStream(bytes)));
        } catch (CertificateException | RuntimeException e) {
            throw new SigningException(
                    "unreadable certificate: neither PEM text (no -----BEGIN line) nor a DER certificate ("
                            + describe(e) + ")",
                    e);
        }
    }

    /**
     * Reads a whole stream of at most {@value #MAX_PEM_CHARS} bytes.
     *
     * @param in the stream; not closed
     * @return the bytes
     */
    static byte[] readBounded(InputStream in) {
        try {
            byte[] b = in.readNBytes(MAX_PEM_CHARS + 1);
            if (b.length > MAX_PEM_CHARS) {
                throw new SigningException("input larger than " + MAX_PEM_CHARS + " bytes");
            }
            return b;
        } catch (IOException e) {
            throw new SigningException("cannot read: " + e.getMessage(), e);
        }
    }

    static String readText(Path file) {
        return new String(readFile(file), StandardCharsets.UTF_8);
    }

    /**
     * Reads a regular file of at most {@value #MAX_PEM_CHARS} bytes (never a device or a FIFO).
     *
     * @param file the file
     * @return the bytes
     * @throws SigningException "cannot read x: no such file", "...: not a regular file", "...: more than ..."
     */
    static byte[] readFile(Path file) {
        try {
            return LocalFiles.readBounded(file, MAX_PEM_CHARS);
        } catch (IOException e) {
            throw new SigningException(LocalFiles.describe(e), e);
        }
    }

    private static boolean looksLikePem(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        return head.contains("-----BEGIN ");
    }

    private static List<Object> objects(String pem) {
        if (pem == null) {
            throw new SigningException("no PEM text given");
        }
        if (pem.length() > MAX_PEM_CHARS) {
            throw new SigningException("PEM text longer than " + MAX_PEM_CHARS + " characters");
        }
        if (!pem.contains("-----BEGIN ") && !pem.isBlank()) {
            throw new SigningException(
                    pem.chars().anyMatch(c -> c < 0x09 || c == 0xFFFD)
                            ? "the input is binary (DER?), not PEM text: convert it, e.g. with"
                                    + " openssl x509 -inform DER -in FILE -out FILE.pem (openssl pkey for a key)"
                            : "the input is not PEM text: no -----BEGIN line");
        }
        String text = pem.replace("\r\n", "\n").replace('\r', '\n');
        List<Object> out = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (int i = 0; i < 64; i++) {
                Object o = parser.readObject();
                if (o == null) {
                    break;
                }
                out.add(o);
            }
        } catch (IOException | RuntimeException e) {
            throw new SigningException("malformed PEM: " + describe(e), e);
        }
        return out;
    }

    private static PrivateKeyInfo toPrivateKeyInfo(Object o, Secret password) {
        try {
            if (o instanceof PrivateKeyInfo) {
                return (PrivateKeyInfo) o;
            }
            if (o instanceof PEMKeyPair) {
                return ((PEMKeyPair) o).getPrivateKeyInfo();
            }
            if (o instanceof PKCS8EncryptedPrivateKeyInfo) {
                requirePassword(password);
                return ((PKCS8EncryptedPrivateKeyInfo) o)
                        .decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                                .setProvider(BC)
                                .build(password.reveal().toCharArray()));
            }
            if (o instanceof PEMEncryptedKeyPair) {
                requirePassword(password);
                return ((PEMEncryptedKeyPair) o)
                        .decryptKeyPair(new JcePEMDecryptorProviderBuilder()
                                .setProvider(BC)
                                .build(password.reveal().toCharArray()))
                        .getPrivateKeyInfo();
            }
        } catch (PKCSException | PEMException e) {
            throw new SigningException("cannot decrypt the private key: wrong password or unsupported cipher", e);
        } catch (OperatorCreationException | IOException | RuntimeException e) {
            if (e instanceof SigningException) {
                throw (SigningException) e;
            }
            throw new SigningException("unreadable private key: " + describe(e), e);
        }
        return null;
    }

    private static void requirePassword(Secret password) {
        if (password == null || password.isEmpty()) {
            throw new SigningException("the private key is encrypted: a password is needed");
        }
    }

    private static PrivateKey rsaPrivate(PrivateKeyInfo info) {
        try {
            PrivateKey k = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
            if (!(k instanceof RSAPrivateCrtKey)) {
                throw new SigningException("the private key has no RSA CRT parameters");
            }
            return k;
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            if (e instanceof SigningException) {
                throw (SigningException) e;
            }
            throw new SigningException("not an RSA private key: " + describe(e), e);
        }
    }

    static X509Certificate toCertificate(X509CertificateHolder h) {
        try {
            X509Certificate c = (X509Certificate) x509().generateCertificate(new ByteArrayInputStream(h.getEncoded()));
            if (!(c.getPublicKey() instanceof RSAPublicKey)) {
                throw new SigningException("certificate " + c.getSubjectX500Principal() + " has no RSA key");
            }
            return c;
        } catch (CertificateException | IOException | RuntimeException e) {
            if (e instanceof SigningException) {
                throw (SigningException) e;
            }
            throw new SigningException("unreadable certificate: " + describe(e), e);
        }
    }

    private static X509CRL toCrl(X509CRLHolder h) {
        try {
            return (X509CRL) x509().generateCRL(new ByteArrayInputStream(h.getEncoded()));
        } catch (CRLException | IOException | RuntimeException e) {
            throw new SigningException("unreadable revocation list: " + describe(e), e);
        }
    }

    static CertificateFactory x509() {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return m.length() > 200 ? m.substring(0, 200) : m;
    }
}
