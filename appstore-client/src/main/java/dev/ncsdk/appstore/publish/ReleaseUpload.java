package dev.ncsdk.appstore.publish;

import dev.ncsdk.appstore.signing.Signatures;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A release to publish: the {@code https} URL the store downloads the archive from, the archive's signature,
 * the nightly flag, and what the download is checked against before the store is asked (the app certificate
 * or the signer's public key), unless the check is explicitly skipped.
 *
 * <pre>{@code
 * ReleaseUpload upload = ReleaseUpload.builder("https://github.com/me/news/releases/download/v1.2.0/news.tar.gz",
 *                 signer.sign(archive))
 *         .verifyWith(signer.publicKey())
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ReleaseUpload {
    private final URI download;
    private final String signature;
    private final boolean nightly;
    private final PublicKey verificationKey;

    private ReleaseUpload(Builder b) {
        this.download = b.download;
        this.signature = b.signature;
        this.nightly = b.nightly;
        this.verificationKey = b.key;
    }

    /**
     * Starts an upload.
     *
     * @param downloadUrl an {@code https} URL (the store refuses {@code http})
     * @param signatureBase64 the archive's signature, base64 (wrapping is removed before sending)
     * @return a builder
     * @throws IllegalArgumentException when the URL is not {@code https} or carries credentials
     * @throws dev.ncsdk.appstore.signing.SigningException when the signature is not base64
     */
    public static Builder builder(String downloadUrl, String signatureBase64) {
        return new Builder(downloadUrl, signatureBase64);
    }

    /** @return the download URL */
    public URI download() {
        return download;
    }

    /** @return the signature, base64 on one line */
    public String signature() {
        return signature;
    }

    /** @return whether the release is a nightly */
    public boolean nightly() {
        return nightly;
    }

    /** @return the key the download is checked against, or empty when the check is skipped */
    public Optional<PublicKey> verificationKey() {
        return Optional.ofNullable(verificationKey);
    }

    @Override
    public String toString() {
        return "ReleaseUpload[" + download + (nightly ? ", nightly" : "")
                + (verificationKey == null ? ", unchecked" : "") + "]";
    }

    /**
     * Builds a {@link ReleaseUpload}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final URI download;
        private final String signature;
        private boolean nightly;
        private PublicKey key;
        private boolean skip;

        private Builder(String downloadUrl, String signatureBase64) {
            Objects.requireNonNull(downloadUrl, "downloadUrl");
            try {
                this.download = new URI(downloadUrl.trim());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a valid download URL: " + e.getReason(), e);
            }
            if (!"https".equals(String.valueOf(download.getScheme()).toLowerCase(Locale.ROOT))
                    || download.getHost() == null) {
                throw new IllegalArgumentException("the store downloads releases over https only: " + downloadUrl);
            }
            if (download.getRawUserInfo() != null) {
                throw new IllegalArgumentException("the download URL must not carry credentials");
            }
            this.signature = Signatures.encode(Signatures.decode(signatureBase64));
        }

        /**
         * Marks the release as a nightly (the store then deletes the app's previous nightlies).
         *
         * @param nightly whether it is a nightly
         * @return this builder
         */
        public Builder nightly(boolean nightly) {
            this.nightly = nightly;
            return this;
        }

        /**
         * Checks the download against this key before publishing.
         *
         * @param key the signer's public key
         * @return this builder
         */
        public Builder verifyWith(PublicKey key) {
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Checks the download against this certificate's key before publishing.
         *
         * @param certificate the app certificate
         * @return this builder
         */
        public Builder verifyWith(X509Certificate certificate) {
            return verifyWith(certificate.getPublicKey());
        }

        /**
         * Publishes without downloading the URL first. The store will still check; a mismatch then costs a
         * rejected upload (and one of the 100 a day).
         *
         * @return this builder
         */
        public Builder skipDownloadCheck() {
            this.skip = true;
            return this;
        }

        /**
         * Builds the upload.
         *
         * @return the upload
         * @throws IllegalStateException when neither a key nor {@link #skipDownloadCheck()} was given
         */
        public ReleaseUpload build() {
            if (key == null && !skip) {
                throw new IllegalStateException(
                        "give verifyWith(...) to check the download before publishing, or skipDownloadCheck()");
            }
            if (skip) {
                key = null;
            }
            return new ReleaseUpload(this);
        }
    }
}
