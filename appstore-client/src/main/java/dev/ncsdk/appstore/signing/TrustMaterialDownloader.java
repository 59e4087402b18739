package dev.ncsdk.appstore.signing;

import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.NcException;
import dev.ncsdk.ocs.internal.http.HttpCall;
import dev.ncsdk.ocs.internal.http.HttpResult;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import dev.ncsdk.ocs.internal.http.ResponseErrors;
import dev.ncsdk.ocs.internal.http.Uris;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Downloads Nextcloud's code signing trust material over HTTPS, pins the root by its SHA-256 fingerprint, and
 * caches it in a directory. Defaults: the files of nextcloud/server's {@code master} branch
 * ({@value #DEFAULT_CERTIFICATES_URI} and {@value #DEFAULT_CRL_URI}), the root pinned to
 * {@link TrustMaterial#NEXTCLOUD_ROOT_SHA256}, no cache directory (memory only), cache entries fresh for 24 hours,
 * a 30 s timeout per file and 1 MiB per file.
 *
 * <p>When a download fails and a cached copy exists, the cached copy is used (it is pinned too) and a warning is
 * logged. Material whose root does not match the pin is never cached and never used.
 *
 * <pre>{@code
 * TrustMaterial trust = TrustMaterial.downloader()
 *         .cacheDirectory(Path.of(System.getProperty("user.home"), ".cache", "ncsdk", "codesigning"))
 *         .build()
 *         .load();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TrustMaterialDownloader {
    /** Where nextcloud/server keeps the certificates. */
    public static final String DEFAULT_CERTIFICATES_URI =
            "https://raw.githubusercontent.com/nextcloud/server/master/resources/codesigning/root.crt";
    /** Where nextcloud/server keeps the revocation list. */
    public static final String DEFAULT_CRL_URI =
            "https://raw.githubusercontent.com/nextcloud/server/master/resources/codesigning/root.crl";

    private static final System.Logger LOG = System.getLogger("dev.ncsdk.appstore.signing");
    private static final long MAX_BYTES = Pem.MAX_PEM_CHARS;

    private final URI certificatesUri;
    private final URI crlUri;
    private final String rootSha256;
    private final Path cacheDirectory;
    private final Duration maxAge;
    private final Clock clock;
    private final HttpTransport transport;

    private TrustMaterialDownloader(Builder b) {
        this.certificatesUri = b.certificatesUri;
        this.crlUri = b.crlUri;
        this.rootSha256 = b.rootSha256;
        this.cacheDirectory = b.cacheDirectory;
        this.maxAge = b.maxAge;
        this.clock = b.clock;
        HttpTransport.Builder tb = HttpTransport.builder()
                .credentials(Credentials.none())
                .requestTimeout(b.timeout)
                .maxResponseBytes(MAX_BYTES);
        if (b.httpClient != null) {
            tb.httpClient(b.httpClient);
        }
        this.transport = tb.build();
    }

    static Builder builder() {
        return new Builder();
    }

    /**
     * Returns fresh cached material, or downloads, checks, caches and returns it.
     *
     * @return the pinned trust material
     * @throws SigningException when the root does not match the pin or the files are unreadable
     * @throws NcException when the download fails and no cached copy exists
     */
    public TrustMaterial load() {
        return HttpTransport.await(loadAsync());
    }

    /**
     * Asynchronous twin of {@link #load()}.
     *
     * @return the pinned trust material's future
     */
    public CompletableFuture<TrustMaterial> loadAsync() {
        TrustMaterial cached = readCache(true);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        CompletableFuture<byte[]> certs = fetch(certificatesUri);
        CompletableFuture<byte[]> crl = fetch(crlUri);
        return certs.thenCombine(crl, (c, r) -> {
                    TrustMaterial t =
                            TrustMaterial.of(Pem.certificates(c), Pem.crls(r)).requireRoot(rootSha256);
                    writeCache(c, r);
                    return t;
                })
                .exceptionally(err -> {
                    Throwable cause = unwrap(err);
                    if (cause instanceof SigningException) {
                        throw (SigningException) cause; // a pin mismatch must never fall back silently
                    }
                    TrustMaterial stale = readCache(false);
                    if (stale != null) {
                        LOG.log(
                                System.Logger.Level.WARNING,
                                "downloading the code signing trust material failed ({0}); using the cached copy",
                                cause.getMessage());
                        return stale;
                    }
                    throw cause instanceof RuntimeException
                            ? (RuntimeException) cause
                            : new NcException("downloading the trust material failed", cause);
                });
    }

    private CompletableFuture<byte[]> fetch(URI uri) {
        HttpCall call = HttpCall.builder("GET", uri).maxResponseBytes(MAX_BYTES).build();
        return transport.sendAsync(call).thenApply(r -> {
            if (!r.isSuccess()) {
                throw ResponseErrors.fromHttpStatus(r);
            }
            requireHttps(r);
            return r.body();
        });
    }

    private static void requireHttps(HttpResult r) {
        if (!"https".equalsIgnoreCase(r.uri().getScheme())) {
            throw new SigningException("trust material must come over HTTPS, not " + Uris.redact(r.uri()));
        }
    }

    private TrustMaterial readCache(boolean freshOnly) {
        if (cacheDirectory == null) {
            return null;
        }
        Path c = cacheDirectory.resolve("root.crt");
        Path r = cacheDirectory.resolve("root.crl");
        try {
            if (!Files.isRegularFile(c) || !Files.isRegularFile(r)) {
                return null;
            }
            Instant written = Files.getLastModifiedTime(c).toInstant();
            if (freshOnly && written.plus(maxAge).isBefore(clock.instant())) {
                return null;
            }
            return TrustMaterial.fromFiles(c, r).requireRoot(rootSha256);
        } catch (IOException | SigningException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring the cached trust material in {0}: {1}", cacheDirectory, e);
            return null;
        }
    }

    private void writeCache(byte[] certs, byte[] crl) {
        if (cacheDirectory == null) {
            return;
        }
        try {
            Files.createDirectories(cacheDirectory);
            replace(cacheDirectory.resolve("root.crl"), crl);
            replace(cacheDirectory.resolve("root.crt"), certs);
            Files.setLastModifiedTime(
                    cacheDirectory.resolve("root.crt"), java.nio.file.attribute.FileTime.from(clock.instant()));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot cache the trust material in {0}: {1}", cacheDirectory, e);
        }
    }

    private static void replace(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while (c instanceof java.util.concurrent.CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    @Override
    public String toString() {
        return "TrustMaterialDownloader[" + Uris.redact(certificatesUri) + ", " + Uris.redact(crlUri) + ", cache="
                + cacheDirectory + "]";
    }

    /**
     * Configures a {@link TrustMaterialDownloader}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private URI certificatesUri = URI.create(DEFAULT_CERTIFICATES_URI);
        private URI crlUri = URI.create(DEFAULT_CRL_URI);
        private String rootSha256 = TrustMaterial.NEXTCLOUD_ROOT_SHA256;
        private Path cacheDirectory;
        private Duration maxAge = Duration.ofHours(24);
        private Duration timeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private HttpClient httpClient;

        private Builder() {}

        /**
         * Sets where the certificates (root.crt) are downloaded from.
         *
         * @param uri an {@code https} URI
         * @return this builder
         */
        public Builder certificatesUri(URI uri) {
            this.certificatesUri = https(uri);
            return this;
        }

        /**
         * Sets where the revocation list (root.crl) is downloaded from.
         *
         * @param uri an {@code https} URI
         * @return this builder
         */
        public Builder crlUri(URI uri) {
            this.crlUri = https(uri);
            return this;
        }

        /**
         * Pins another root (a private store's CA).
         *
         * @param sha256 the root's SHA-256 fingerprint, hex with or without colons
         * @return this builder
         */
        public Builder rootSha256(String sha256) {
            String n = TrustMaterial.normalizeFingerprint(sha256);
            if (!n.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("not a SHA-256 fingerprint: " + sha256);
            }
            this.rootSha256 = n;
            return this;
        }

        /**
         * Caches downloads in a directory (files {@code root.crt} and {@code root.crl}).
         *
         * @param dir the directory, created when missing
         * @return this builder
         */
        public Builder cacheDirectory(Path dir) {
            this.cacheDirectory = Objects.requireNonNull(dir, "cacheDirectory");
            return this;
        }

        /**
         * Sets how long a cached copy is used without downloading again (default 24 hours).
         *
         * @param age a positive duration
         * @return this builder
         */
        public Builder maxAge(Duration age) {
            if (age.isNegative() || age.isZero()) {
                throw new IllegalArgumentException("maxAge must be positive");
            }
            this.maxAge = age;
            return this;
        }

        /**
         * Sets the timeout of each download (default 30 s).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Sets the clock that judges the cache's age.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Uses the caller's HTTP client (proxy, TLS).
         *
         * @param client the client
         * @return this builder
         */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "httpClient");
            return this;
        }

        /**
         * Builds the downloader.
         *
         * @return the downloader
         */
        public TrustMaterialDownloader build() {
            return new TrustMaterialDownloader(this);
        }

        private static URI https(URI uri) {
            Objects.requireNonNull(uri, "uri");
            if (!"https".equals(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("trust material must be downloaded over https: " + Uris.redact(uri));
            }
            return uri;
        }
    }
}
