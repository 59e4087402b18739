package dev.ncsdk.appstore.signing;

import dev.ncsdk.appstore.internal.LocalFiles;
import dev.ncsdk.ocs.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Signs for the App Store with an app's RSA private key: the app id (for {@code POST /api/v1/apps}) and release
 * archives (for {@code POST /api/v1/apps/releases}), with {@code SHA512withRSA}, base64 on one line. PKCS#1 v1.5
 * is deterministic: the same key and bytes always give the same signature, the one
 * {@code openssl dgst -sha512 -sign KEY FILE | openssl base64 -A} prints.
 *
 * <pre>{@code
 * AppSigner signer = AppSigner.fromFile(Path.of(System.getProperty("user.home"), ".nextcloud/certificates/news.key"));
 * String releaseSignature = signer.sign(Path.of("build/news.tar.gz"));
 * String registrationSignature = signer.signAppId("news");
 * }</pre>
 *
 * <p>Thread-safe; {@link #toString()} never shows the key.
 *
 * @since 0.1.0
 */
public final class AppSigner {
    /**
     * The largest file {@link #sign(Path)} reads by default: 30 MiB, the largest release archive the store
     * accepts.
     */
    public static final long DEFAULT_MAX_FILE_BYTES = 30L * 1024 * 1024;

    private static final int BUFFER = 64 * 1024;

    private final PrivateKey key;
    private final long maxFileBytes;

    private AppSigner(PrivateKey key) {
        this(key, DEFAULT_MAX_FILE_BYTES);
    }

    private AppSigner(PrivateKey key, long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
        this.key = Objects.requireNonNull(key, "key");
        if (!"RSA".equalsIgnoreCase(key.getAlgorithm())) {
            throw new SigningException("the App Store needs an RSA key, got " + key.getAlgorithm());
        }
    }

    /**
     * A signer for a key already loaded.
     *
     * @param key an RSA private key
     * @return the signer
     */
    public static AppSigner of(PrivateKey key) {
        return new AppSigner(key);
    }

    /**
     * A signer for an unencrypted PEM key (PKCS#8 or PKCS#1).
     *
     * @param pem the key's PEM text
     * @return the signer
     */
    public static AppSigner fromPem(String pem) {
        return new AppSigner(Pem.privateKey(pem));
    }

    /**
     * A signer for a PEM key, encrypted or not.
     *
     * @param pem the key's PEM text
     * @param password the password of an encrypted key, or {@code null}
     * @return the signer
     */
    public static AppSigner fromPem(String pem, Secret password) {
        return new AppSigner(Pem.privateKey(pem, password));
    }

    /**
     * A signer for an unencrypted PEM key file.
     *
     * @param keyFile the {@code .key} file
     * @return the signer
     */
    public static AppSigner fromFile(Path keyFile) {
        return fromFile(keyFile, null);
    }

    /**
     * A signer for a PEM key file, encrypted or not.
     *
     * @param keyFile the {@code .key} file
     * @param password the password of an encrypted key, or {@code null}
     * @return the signer
     */
    public static AppSigner fromFile(Path keyFile, Secret password) {
        return new AppSigner(Pem.privateKey(keyFile, password));
    }

    /**
     * The default place of an app's key, as the store's developer docs and krankerl assume it:
     * {@code ~/.nextcloud/certificates/<appId>.key}.
     *
     * @param appId the app id
     * @return the path
     */
    public static Path defaultKeyFile(String appId) {
        return AppKeyGenerator.defaultDirectory().resolve(appId + ".key");
    }

    /**
     * Signs the ASCII bytes of an app id, as registration requires.
     *
     * @param appId the app id
     * @return the signature, base64 on one line
     */
    public String signAppId(String appId) {
        Objects.requireNonNull(appId, "appId");
        return sign(appId.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Signs bytes.
     *
     * @param data the bytes
     * @return the signature, base64 on one line
     */
    public String sign(byte[] data) {
        Signature s = signer();
        try {
            s.update(data);
            return Signatures.encode(s.sign());
        } catch (SignatureException e) {
            throw new SigningException("signing failed: " + e.getMessage(), e);
        }
    }

    /**
     * Signs a stream's bytes to its end, in 64 KiB blocks (any size, constant memory).
     *
     * @param data the bytes; not closed
     * @return the signature, base64 on one line
     * @throws UncheckedIOException when the stream fails
     */
    public String sign(InputStream data) {
        Signature s = signer();
        byte[] buf = new byte[BUFFER];
        try {
            int n;
            while ((n = data.read(buf)) >= 0) {
                s.update(buf, 0, n);
            }
            return Signatures.encode(s.sign());
        } catch (SignatureException e) {
            throw new SigningException("signing failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same key with another limit on the files {@link #sign(Path)} reads.
     *
     * @param bytes the largest file, positive (default {@link #DEFAULT_MAX_FILE_BYTES}, 30 MiB)
     * @return a signer
     */
    public AppSigner withMaxFileBytes(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive");
        }
        return new AppSigner(key, bytes);
    }

    /**
     * The largest file {@link #sign(Path)} reads.
     *
     * @return bytes
     */
    public long maxFileBytes() {
        return maxFileBytes;
    }

    /**
     * Signs a file (a release archive): a regular file of at most {@link #maxFileBytes()} (30 MiB by default). A
     * device ({@code /dev/zero}), FIFO or directory is refused before it is read.
     *
     * @param file the file
     * @return the signature, base64 on one line
     * @throws UncheckedIOException when the file is missing, unreadable, not a regular file or too large; its
     *     message says which ("cannot read x: no such file")
     */
    public String sign(Path file) {
        try (InputStream in = LocalFiles.openBounded(file, maxFileBytes)) {
            return sign(in);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException(LocalFiles.describe(e.getCause()), e.getCause());
        } catch (IOException e) {
            String m = e instanceof LocalFiles.Refused
                    ? e.getMessage()
                    : "cannot read " + file + ": " + LocalFiles.describe(e);
            throw new UncheckedIOException(m, e);
        }
    }

    /**
     * The public key that belongs to this signer's key.
     *
     * @return the public key
     */
    public PublicKey publicKey() {
        return Pem.publicKeyOf(key);
    }

    /**
     * Whether a certificate was issued for this signer's key (its public key is this key's).
     *
     * @param certificate the certificate
     * @return whether the keys match
     */
    public boolean matches(X509Certificate certificate) {
        return certificate.getPublicKey().equals(publicKey());
    }

    private Signature signer() {
        try {
            Signature s = Signature.getInstance(Signatures.ALGORITHM);
            s.initSign(key);
            return s;
        } catch (InvalidKeyException e) {
            throw new SigningException("the key cannot sign: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + Signatures.ALGORITHM, e);
        }
    }

    @Override
    public String toString() {
        return "AppSigner[RSA key, not shown]";
    }
}
