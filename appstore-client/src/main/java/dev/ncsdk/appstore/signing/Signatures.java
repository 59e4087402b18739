package dev.ncsdk.appstore.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * The App Store's signature scheme: RSA PKCS#1 v1.5 with SHA-512 ({@code SHA512withRSA}) over the exact bytes
 * (the app id's ASCII bytes for registration, the whole {@code .tar.gz} for a release), sent in base64.
 *
 * <p>Decoding is lenient about layout and strict about content: line breaks and spaces (the store and
 * {@code openssl base64} wrap at 64 characters) are ignored, any other character outside the base64 alphabet
 * is refused, and the decoded length must equal the key's modulus length.
 *
 * @since 0.1.0
 */
public final class Signatures {
    /** The JCA name of the algorithm. */
    public static final String ALGORITHM = "SHA512withRSA";

    private static final int BUFFER = 64 * 1024;

    private Signatures() {}

    /**
     * Decodes a base64 signature that may be wrapped over several lines.
     *
     * @param base64 the signature text
     * @return the signature bytes
     * @throws SigningException when the text is empty or not base64
     */
    public static byte[] decode(String base64) {
        if (base64 == null) {
            throw new SigningException("no signature given");
        }
        StringBuilder sb = new StringBuilder(base64.length());
        for (int i = 0; i < base64.length(); i++) {
            char c = base64.charAt(i);
            if (c != '\n' && c != '\r' && c != ' ' && c != '\t') {
                sb.append(c);
            }
        }
        if (sb.length() == 0) {
            throw new SigningException("the signature is empty");
        }
        try {
            return Base64.getDecoder().decode(sb.toString());
        } catch (IllegalArgumentException e) {
            throw new SigningException("the signature is not valid base64: " + e.getMessage(), e);
        }
    }

    /**
     * Encodes signature bytes as the store expects them: base64 on one line.
     *
     * @param signature the bytes
     * @return the base64 text
     */
    public static String encode(byte[] signature) {
        return Base64.getEncoder().encodeToString(signature);
    }

    /**
     * Checks a signature over bytes.
     *
     * @param key the RSA public key (an app certificate's)
     * @param data the signed bytes
     * @param signatureBase64 the signature in base64, possibly wrapped
     * @return whether it verifies
     * @throws SigningException when the signature is malformed (not base64, wrong length)
     */
    public static boolean verify(PublicKey key, byte[] data, String signatureBase64) {
        Signature s = verifier(key);
        byte[] sig = checkedDecode(key, signatureBase64);
        try {
            s.update(data);
            return s.verify(sig);
        } catch (SignatureException e) {
            return false;
        }
    }

    /**
     * Checks a signature over the ASCII bytes of an app id (what registration signs).
     *
     * @param key the RSA public key
     * @param appId the app id
     * @param signatureBase64 the signature in base64, possibly wrapped
     * @return whether it verifies
     */
    public static boolean verifyAppId(PublicKey key, String appId, String signatureBase64) {
        return verify(key, appId.getBytes(StandardCharsets.US_ASCII), signatureBase64);
    }

    /**
     * Checks a signature over a stream's bytes, read to its end in 64 KiB blocks (any size, constant memory).
     *
     * @param key the RSA public key
     * @param data the signed bytes; not closed
     * @param signatureBase64 the signature in base64, possibly wrapped
     * @return whether it verifies
     * @throws UncheckedIOException when the stream fails
     */
    public static boolean verify(PublicKey key, InputStream data, String signatureBase64) {
        byte[] sig = checkedDecode(key, signatureBase64);
        Signature s = verifier(key);
        try {
            update(s, data);
            return s.verify(sig);
        } catch (SignatureException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks a signature over a file's bytes.
     *
     * @param key the RSA public key
     * @param file the signed file
     * @param signatureBase64 the signature in base64, possibly wrapped
     * @return whether it verifies
     */
    public static boolean verify(PublicKey key, Path file, String signatureBase64) {
        try (InputStream in = Files.newInputStream(file)) {
            return verify(key, in, signatureBase64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] checkedDecode(PublicKey key, String signatureBase64) {
        byte[] sig = decode(signatureBase64);
        if (key instanceof RSAPublicKey) {
            int expected = (((RSAPublicKey) key).getModulus().bitLength() + 7) / 8;
            if (sig.length != expected) {
                throw new SigningException("the signature has " + sig.length + " bytes; the key's signatures have "
                        + expected + " (truncated or made with another key)");
            }
        }
        return sig;
    }

    static Signature verifier(PublicKey key) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            return s;
        } catch (InvalidKeyException e) {
            throw new SigningException("not a usable RSA public key: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + ALGORITHM, e);
        }
    }

    static void update(Signature s, InputStream in) throws IOException, SignatureException {
        byte[] buf = new byte[BUFFER];
        int n;
        while ((n = in.read(buf)) >= 0) {
            s.update(buf, 0, n);
        }
    }
}
