package dev.ncsdk.appstore.signing;

import dev.ncsdk.ocs.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Makes an app's key pair and the certificate signing request ({@code CN=<app id>}) a developer sends to
 * nextcloud/app-certificate-requests, the equivalent of
 * {@code openssl req -nodes -newkey rsa:4096 -keyout APP_ID.key -out APP_ID.csr -subj "/CN=APP_ID"}.
 *
 * <p>Files go to {@code ~/.nextcloud/certificates/<id>.key} and {@code <id>.csr} unless another directory is
 * set. An existing key or CSR is never overwritten; the key file is readable by its owner only where the file
 * system has POSIX permissions.
 *
 * <pre>{@code
 * AppKeyGenerator.GeneratedKey k = AppKeyGenerator.builder("news").build().generate();
 * String csr = k.csrPem(); // paste into a pull request to nextcloud/app-certificate-requests
 * }</pre>
 *
 * @since 0.1.0
 */
public final class AppKeyGenerator {
    /** The key size the store's docs use. */
    public static final int DEFAULT_KEY_SIZE = 4096;

    private static final Pattern APP_ID = Pattern.compile("[a-z]+[a-z0-9_]*[a-z0-9]");

    private final String appId;
    private final Path directory;
    private final int keySize;
    private final Secret password;

    private AppKeyGenerator(Builder b) {
        this.appId = b.appId;
        this.directory = b.directory != null ? b.directory : defaultDirectory();
        this.keySize = b.keySize;
        this.password = b.password;
    }

    /**
     * Starts a generator for an app id.
     *
     * @param appId the app id ({@code [a-z]+[a-z0-9_]*[a-z0-9]}, at most 32 characters)
     * @return a builder
     */
    public static Builder builder(String appId) {
        return new Builder(appId);
    }

    /**
     * Where the store's docs keep app keys: {@code ~/.nextcloud/certificates}.
     *
     * @return the directory
     */
    public static Path defaultDirectory() {
        return Path.of(System.getProperty("user.home"), ".nextcloud", "certificates");
    }

    /**
     * Generates the key pair and the CSR and writes both files.
     *
     * @return what was written
     * @throws SigningException when a file exists already or cannot be written
     */
    public GeneratedKey generate() {
        Path keyFile = directory.resolve(appId + ".key");
        Path csrFile = directory.resolve(appId + ".csr");
        if (Files.exists(keyFile, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new SigningException("refusing to overwrite the existing key " + keyFile);
        }
        if (Files.exists(csrFile, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new SigningException("refusing to overwrite the existing request " + csrFile);
        }
        KeyPair pair = newKeyPair();
        String csr = csrPem(pair);
        String keyPem = keyPem(pair);
        try {
            Files.createDirectories(directory);
            writeNew(keyFile, keyPem, true);
            writeNew(csrFile, csr, false);
        } catch (FileAlreadyExistsException e) {
            throw new SigningException("refusing to overwrite the existing file " + e.getFile(), e);
        } catch (IOException e) {
            throw new SigningException("cannot write the key files in " + directory + ": " + e.getMessage(), e);
        }
        return new GeneratedKey(appId, keyFile, csrFile, csr);
    }

    private KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(keySize, new SecureRandom());
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make RSA keys", e);
        }
    }

    private String csrPem(KeyPair pair) {
        try {
            PKCS10CertificationRequest req = new JcaPKCS10CertificationRequestBuilder(
                            new X500NameBuilder(BCStyle.INSTANCE)
                                    .addRDN(BCStyle.CN, appId)
                                    .build(),
                            pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
            return pem(req);
        } catch (OperatorCreationException e) {
            throw new SigningException("cannot sign the request: " + e.getMessage(), e);
        }
    }

    private String keyPem(KeyPair pair) {
        try {
            OutputEncryptor enc = null;
            if (password != null) {
                enc = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                        .setProvider(Pem.BC)
                        .setPassword(password.reveal().toCharArray())
                        .build();
            }
            return pem(new JcaPKCS8Generator(pair.getPrivate(), enc).generate());
        } catch (OperatorCreationException | org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new SigningException("cannot encode the key: " + e.getMessage(), e);
        }
    }

    private static String pem(Object o) {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(o);
        } catch (IOException e) {
            throw new SigningException("cannot write PEM: " + e.getMessage(), e);
        }
        return sw.toString();
    }

    private static void writeNew(Path file, String text, boolean secret) throws IOException {
        if (secret && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
                out.write(text.getBytes(StandardCharsets.US_ASCII));
            }
        } else {
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                out.write(text.getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    /**
     * What {@link #generate()} wrote.
     *
     * @param appId the app id (the CSR's CN)
     * @param keyFile the private key file (PKCS#8 PEM, encrypted when a password was set)
     * @param csrFile the certificate signing request file
     * @param csrPem the request's PEM text
     * @since 0.1.0
     */
    public record GeneratedKey(String appId, Path keyFile, Path csrFile, String csrPem) {
        /**
         * Checks the values.
         *
         * @param appId the app id
         * @param keyFile the key file
         * @param csrFile the CSR file
         * @param csrPem the CSR text
         */
        public GeneratedKey {
            Objects.requireNonNull(appId, "appId");
            Objects.requireNonNull(keyFile, "keyFile");
            Objects.requireNonNull(csrFile, "csrFile");
            Objects.requireNonNull(csrPem, "csrPem");
        }
    }

    /**
     * Configures an {@link AppKeyGenerator}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final String appId;
        private Path directory;
        private int keySize = DEFAULT_KEY_SIZE;
        private Secret password;

        private Builder(String appId) {
            Objects.requireNonNull(appId, "appId");
            if (!APP_ID.matcher(appId).matches() || appId.length() > 32) {
                throw new IllegalArgumentException("not a valid app id (lower-case [a-z]+[a-z0-9_]*[a-z0-9],"
                        + " at most 32 characters): " + appId);
            }
            this.appId = appId;
        }

        /**
         * Writes the files into another directory than {@code ~/.nextcloud/certificates}.
         *
         * @param dir the directory, created when missing
         * @return this builder
         */
        public Builder directory(Path dir) {
            this.directory = Objects.requireNonNull(dir, "directory");
            return this;
        }

        /**
         * Sets the RSA key size (default 4096; at least 2048).
         *
         * @param bits the size in bits
         * @return this builder
         */
        public Builder keySize(int bits) {
            if (bits < 2048) {
                throw new IllegalArgumentException("RSA keys shorter than 2048 bits are refused");
            }
            this.keySize = bits;
            return this;
        }

        /**
         * Encrypts the key file (PKCS#8, AES-256-CBC) with a password.
         *
         * @param password the password
         * @return this builder
         */
        public Builder password(Secret password) {
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * Builds the generator.
         *
         * @return the generator
         */
        public AppKeyGenerator build() {
            return new AppKeyGenerator(this);
        }
    }
}
