package dev.ncsdk.appstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ncsdk.appstore.archive.ArchiveInspector;
import dev.ncsdk.appstore.archive.ArchiveReport;
import dev.ncsdk.appstore.publish.AppStoreRejectedException;
import dev.ncsdk.appstore.publish.DownloadCheck;
import dev.ncsdk.appstore.publish.DownloadCheckException;
import dev.ncsdk.appstore.publish.PublishOutcome;
import dev.ncsdk.appstore.publish.RegistrationOutcome;
import dev.ncsdk.appstore.publish.ReleaseUpload;
import dev.ncsdk.appstore.signing.Pem;
import dev.ncsdk.appstore.signing.ReleaseVerifier;
import dev.ncsdk.appstore.signing.Signatures;
import dev.ncsdk.appstore.signing.SigningException;
import dev.ncsdk.ocs.ClientBuilder;
import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.ErrorResponse;
import dev.ncsdk.ocs.NcResponseException;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import dev.ncsdk.ocs.internal.SdkAccess;
import dev.ncsdk.ocs.internal.http.HttpCall;
import dev.ncsdk.ocs.internal.http.HttpResult;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import dev.ncsdk.ocs.internal.http.PlainHttpPolicy;
import dev.ncsdk.ocs.internal.http.ResponseErrors;
import dev.ncsdk.ocs.internal.http.Uris;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The App Store's authenticated write API: API tokens, app registration (and certificate change), publishing
 * releases, and deleting releases and apps. Every method has an asynchronous twin.
 *
 * <p>Before a release is published, its download URL is fetched and the bytes are checked against the
 * signature and inspected as the store would ({@link ReleaseUpload.Builder#verifyWith}), so a rebuilt or
 * re-uploaded archive fails here with a clear message instead of as "invalid signature" from the store.
 *
 * <p>Registration and publishing are never retried once the request may have reached the store (the store
 * allows 100 of each a day); deletes are not retried either. Failures map to the SDK's exceptions: 400 to
 * {@link AppStoreRejectedException} with every message the store sent, 401 to
 * {@link dev.ncsdk.ocs.NcUnauthorizedException}, 403 to {@link dev.ncsdk.ocs.NcForbiddenException}, 404 to
 * {@link dev.ncsdk.ocs.NcNotFoundException}, 429 (JSON or the HTML page of the proxy) to
 * {@link dev.ncsdk.ocs.NcRateLimitedException} with {@code Retry-After}, 5xx to
 * {@link dev.ncsdk.ocs.NcServerException}.
 *
 * <pre>{@code
 * try (AppStorePublisher store = AppStorePublisher.builder()
 *         .credentials(Credentials.token(Secret.fromEnv("APPSTORE_TOKEN")))
 *         .build()) {
 *     PublishOutcome outcome = store.publish(ReleaseUpload.builder(url, signer.sign(archive))
 *             .verifyWith(signer.publicKey())
 *             .build());
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class AppStorePublisher implements AutoCloseable {
    /** The store's API base URL. */
    public static final String DEFAULT_BASE_URI = "https://apps.nextcloud.com/api/v1";
    /** Default timeout of the download check: 120 s, what Nextcloud's installer allows. */
    public static final Duration DEFAULT_DOWNLOAD_TIMEOUT = Duration.ofSeconds(120);
    /** Default timeout of a publish call: the store downloads and checks the archive first (60 s) before answering. */
    public static final Duration DEFAULT_PUBLISH_TIMEOUT = Duration.ofSeconds(180);

    private static final System.Logger LOG = System.getLogger("dev.ncsdk.appstore.publish");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern APP_ID = Pattern.compile("[a-z0-9_]+");
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z.+-]+");

    private final HttpTransport transport;
    private final URI base;
    private final boolean ownsTransport;
    private final Duration downloadTimeout;
    private final Duration publishTimeout;
    private final ArchiveInspector inspector;

    /**
     * A publisher sharing a transport (used by {@code AppStoreClient.publisher()}).
     *
     * @param transport the transport, with the caller's credentials
     * @param baseUri the store's API base, e.g. {@code https://apps.nextcloud.com/api/v1}
     */
    AppStorePublisher(HttpTransport transport, URI baseUri) {
        this(
                transport,
                Uris.base(baseUri),
                false,
                DEFAULT_DOWNLOAD_TIMEOUT,
                DEFAULT_PUBLISH_TIMEOUT,
                ArchiveInspector.defaults());
    }

    private AppStorePublisher(
            HttpTransport transport,
            URI base,
            boolean ownsTransport,
            Duration downloadTimeout,
            Duration publishTimeout,
            ArchiveInspector inspector) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.base = base;
        this.ownsTransport = ownsTransport;
        this.downloadTimeout = downloadTimeout;
        this.publishTimeout = publishTimeout;
        this.inspector = inspector;
    }

    /**
     * Starts a configuration. Defaults: base URL {@value #DEFAULT_BASE_URI}, no credentials (every write needs
     * some), the SDK's user agent, 10 s connect and 30 s request timeouts, 180 s for publishing, 120 s for the
     * download check, {@link RetryPolicy#defaults()} (which never repeats a write), credentials never sent over
     * plain http to a host that is not loopback ({@link Builder#allowInsecureHttp(boolean)}).
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the store's API base URI */
    public URI baseUri() {
        return base;
    }

    // ---------------------------------------------------------------- tokens

    /**
     * Returns the caller's API token, creating it when none exists ({@code POST /token}; needs Basic credentials).
     *
     * @return the token
     */
    public Secret apiToken() {
        return HttpTransport.await(apiTokenAsync());
    }

    /**
     * Asynchronous twin of {@link #apiToken()}.
     *
     * @return the token's future
     */
    public CompletableFuture<Secret> apiTokenAsync() {
        return token("/token");
    }

    /**
     * Replaces the caller's API token with a new one ({@code POST /token/new}); the old token stops working.
     *
     * @return the new token
     */
    public Secret regenerateApiToken() {
        return HttpTransport.await(regenerateApiTokenAsync());
    }

    /**
     * Asynchronous twin of {@link #regenerateApiToken()}.
     *
     * @return the new token's future
     */
    public CompletableFuture<Secret> regenerateApiTokenAsync() {
        return token("/token/new");
    }

    private CompletableFuture<Secret> token(String path) {
        HttpCall call = HttpCall.builder("POST", Uris.resolve(base, path))
                .body(new byte[0], "application/json")
                .idempotent(false)
                .build();
        return transport.sendAsync(call).thenApply(r -> {
            expect(r, 200, 201);
            JsonNode n = readJson(r);
            JsonNode t = n.get("token");
            if (t == null || !t.isTextual() || t.asText().isEmpty()) {
                throw ResponseErrors.unexpected(r, "the token answer has no token");
            }
            return Secret.of(t.asText());
        });
    }

    // ---------------------------------------------------------------- registration

    /**
     * Registers an app, or registers a new certificate for it ({@code POST /apps}). The app id is the
     * certificate's common name.
     *
     * <p><b>Warning:</b> when the app exists and the certificate changes, the store deletes <em>every release</em>
     * of the app, because their signatures no longer match; upload re-signed releases right after. A warning is
     * logged for each call.
     *
     * @param certificatePem the app certificate issued by Nextcloud (never the private key)
     * @param appIdSignature the signature over the app id's ASCII bytes ({@code AppSigner.signAppId})
     * @return whether the app was created or updated
     */
    public RegistrationOutcome register(String certificatePem, String appIdSignature) {
        return HttpTransport.await(registerAsync(certificatePem, appIdSignature));
    }

    /**
     * Asynchronous twin of {@link #register(String, String)}.
     *
     * @param certificatePem the app certificate
     * @param appIdSignature the signature over the app id
     * @return the outcome's future
     */
    public CompletableFuture<RegistrationOutcome> registerAsync(String certificatePem, String appIdSignature) {
        Objects.requireNonNull(certificatePem, "certificatePem");
        if (certificatePem.contains("PRIVATE KEY")) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("that is a private key: register the certificate, never the key"));
        }
        X509Certificate cert;
        String appId;
        byte[] body;
        try {
            cert = Pem.certificate(certificatePem);
            appId = ReleaseVerifier.commonName(cert);
            if (!Signatures.verifyAppId(cert.getPublicKey(), appId, appIdSignature)) {
                throw new SigningException(
                        "the signature does not verify over the app id " + appId + " with the certificate's key");
            }
            ObjectNode n = JSON.createObjectNode();
            n.put("certificate", certificatePem.strip());
            n.put("signature", Signatures.encode(Signatures.decode(appIdSignature)));
            body = JSON.writeValueAsBytes(n);
        } catch (SigningException | IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        LOG.log(
                System.Logger.Level.WARNING,
                "registering a certificate for app {0} (serial {1}): if the app exists and its certificate changes,"
                        + " the store deletes every release of it",
                appId,
                cert.getSerialNumber());
        HttpCall call = HttpCall.builder("POST", Uris.resolve(base, "/apps"))
                .jsonBody(body)
                .idempotent(false)
                .build();
        return transport.sendAsync(call).thenApply(r -> {
            expect(r, 201, 204, 200);
            return r.status() == 201 ? RegistrationOutcome.CREATED : RegistrationOutcome.UPDATED;
        });
    }

    // ---------------------------------------------------------------- publishing

    /**
     * Downloads the upload's URL, checks it (unless the upload skips the check), then publishes the release
     * ({@code POST /apps/releases}).
     *
     * @param upload the release
     * @return whether it was created or updated
     * @throws DownloadCheckException when the URL does not serve what was signed, or an archive the store rejects
     */
    public PublishOutcome publish(ReleaseUpload upload) {
        return HttpTransport.await(publishAsync(upload));
    }

    /**
     * Asynchronous twin of {@link #publish(ReleaseUpload)}.
     *
     * @param upload the release
     * @return the outcome's future
     */
    public CompletableFuture<PublishOutcome> publishAsync(ReleaseUpload upload) {
        Objects.requireNonNull(upload, "upload");
        CompletableFuture<?> check = upload.verificationKey()
                .<CompletableFuture<?>>map(k -> checkDownloadAsync(upload.download(), upload.signature(), k))
                .orElseGet(() -> CompletableFuture.completedFuture(null));
        return check.thenCompose(x -> post(upload));
    }

    private CompletableFuture<PublishOutcome> post(ReleaseUpload upload) {
        byte[] body;
        try {
            ObjectNode n = JSON.createObjectNode();
            n.put("download", upload.download().toString());
            n.put("signature", upload.signature());
            n.put("nightly", upload.nightly());
            body = JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpCall call = HttpCall.builder("POST", Uris.resolve(base, "/apps/releases"))
                .jsonBody(body)
                .idempotent(false)
                .timeout(publishTimeout)
                .build();
        return transport.sendAsync(call).thenApply(r -> {
            expect(r, 200, 201);
            PublishOutcome o = r.status() == 201 ? PublishOutcome.CREATED : PublishOutcome.UPDATED;
            LOG.log(System.Logger.Level.INFO, "published {0}: {1}", Uris.redact(upload.download()), o);
            return o;
        });
    }

    /**
     * Downloads a release URL (without the store's credentials) and checks that its bytes verify against the
     * signature and pass {@link ArchiveInspector}.
     *
     * @param download the {@code https} URL
     * @param signatureBase64 the signature
     * @param key the signer's or certificate's public key
     * @return what was downloaded
     * @throws DownloadCheckException when the bytes do not verify or the archive breaks a store rule
     */
    public DownloadCheck checkDownload(URI download, String signatureBase64, PublicKey key) {
        return HttpTransport.await(checkDownloadAsync(download, signatureBase64, key));
    }

    /**
     * Asynchronous twin of {@link #checkDownload}.
     *
     * @param download the {@code https} URL
     * @param signatureBase64 the signature
     * @param key the public key
     * @return what was downloaded, as a future
     */
    public CompletableFuture<DownloadCheck> checkDownloadAsync(URI download, String signatureBase64, PublicKey key) {
        return fetchArchiveAsync(download).thenApply(f -> {
            byte[] bytes = f.bytes;
            ArchiveReport report = inspector.inspect(new ByteArrayInputStream(bytes));
            DownloadCheck check = new DownloadCheck(download, f.servedFrom, bytes.length, sha256(bytes), report);
            boolean ok;
            try {
                ok = Signatures.verify(key, bytes, signatureBase64);
            } catch (SigningException e) {
                throw new DownloadCheckException("the signature cannot be checked: " + e.getMessage(), check);
            }
            if (!ok) {
                throw new DownloadCheckException(
                        "the archive at " + Uris.redact(download) + " (" + bytes.length + " bytes, sha256 "
                                + check.sha256() + ") does not verify against the signature: the bytes served are"
                                + " not the bytes signed (rebuilt or re-uploaded after signing?)",
                        check);
            }
            if (!report.isValid()) {
                throw new DownloadCheckException(
                        "the archive at " + Uris.redact(download) + " would be rejected by the store:\n"
                                + report.describeProblems(),
                        check);
            }
            return check;
        });
    }

    /**
     * Downloads a release URL as the store would: {@code https} only, without credentials, redirects followed
     * (never to {@code http}), at most the inspector's archive size.
     *
     * @param download the URL
     * @return the archive's bytes
     */
    public byte[] downloadArchive(URI download) {
        return HttpTransport.await(fetchArchiveAsync(download)).bytes;
    }

    private static final class Fetched {
        final byte[] bytes;
        final URI servedFrom;

        Fetched(byte[] bytes, URI servedFrom) {
            this.bytes = bytes;
            this.servedFrom = servedFrom;
        }
    }

    private CompletableFuture<Fetched> fetchArchiveAsync(URI download) {
        Objects.requireNonNull(download, "download");
        if (!"https".equals(String.valueOf(download.getScheme()).toLowerCase(Locale.ROOT))) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("release downloads must be https: " + Uris.redact(download)));
        }
        HttpCall call = HttpCall.builder("GET", download)
                .credentials(Credentials.none())
                .timeout(downloadTimeout)
                .maxResponseBytes(ArchiveInspector.DEFAULT_MAX_ARCHIVE_BYTES + 1)
                .build();
        return transport.sendAsync(call).thenApply(r -> {
            if (!r.isSuccess()) {
                throw ResponseErrors.fromHttpStatus(r);
            }
            return new Fetched(r.body(), r.uri());
        });
    }

    // ---------------------------------------------------------------- deletion

    /**
     * Deletes a release ({@code DELETE /apps/{id}/releases/{version}}); owners and co-maintainers only.
     *
     * @param appId the app id
     * @param version the release version
     * @throws dev.ncsdk.ocs.NcNotFoundException when no such release exists
     */
    public void deleteRelease(String appId, String version) {
        HttpTransport.await(deleteReleaseAsync(appId, version));
    }

    /**
     * Asynchronous twin of {@link #deleteRelease}.
     *
     * @param appId the app id
     * @param version the release version
     * @return a future that completes when deleted
     */
    public CompletableFuture<Void> deleteReleaseAsync(String appId, String version) {
        return delete("/apps/" + appId(appId) + "/releases/" + version(version));
    }

    /**
     * Deletes a nightly release ({@code DELETE /apps/{id}/releases/nightly/{version}}).
     *
     * @param appId the app id
     * @param version the nightly's version
     */
    public void deleteNightlyRelease(String appId, String version) {
        HttpTransport.await(deleteNightlyReleaseAsync(appId, version));
    }

    /**
     * Asynchronous twin of {@link #deleteNightlyRelease}.
     *
     * @param appId the app id
     * @param version the nightly's version
     * @return a future that completes when deleted
     */
    public CompletableFuture<Void> deleteNightlyReleaseAsync(String appId, String version) {
        return delete("/apps/" + appId(appId) + "/releases/nightly/" + version(version));
    }

    /**
     * Deletes an app and every release of it ({@code DELETE /apps/{id}}); the owner only.
     *
     * @param appId the app id
     */
    public void deleteApp(String appId) {
        HttpTransport.await(deleteAppAsync(appId));
    }

    /**
     * Asynchronous twin of {@link #deleteApp}.
     *
     * @param appId the app id
     * @return a future that completes when deleted
     */
    public CompletableFuture<Void> deleteAppAsync(String appId) {
        return delete("/apps/" + appId(appId));
    }

    private CompletableFuture<Void> delete(String path) {
        HttpCall call = HttpCall.builder("DELETE", Uris.resolve(base, path))
                .idempotent(false)
                .build();
        return transport.sendAsync(call).thenApply(r -> {
            expect(r, 204, 200);
            return null;
        });
    }

    private static String appId(String id) {
        Objects.requireNonNull(id, "appId");
        if (!APP_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not an app id: " + id);
        }
        return id;
    }

    private static String version(String v) {
        Objects.requireNonNull(v, "version");
        if (!VERSION.matcher(v).matches()) {
            throw new IllegalArgumentException("not a version: " + v);
        }
        return Uris.pathSegment(v);
    }

    // ---------------------------------------------------------------- errors

    private static void expect(HttpResult r, int... ok) {
        for (int s : ok) {
            if (r.status() == s) {
                return;
            }
        }
        throw storeError(r);
    }

    /**
     * The exception for a failed store answer, whatever the error body's shape.
     *
     * @param r the answer
     * @return the exception
     */
    static NcResponseException storeError(HttpResult r) {
        List<String> messages = new ArrayList<>(ResponseErrors.messagesOf(r));
        if (messages.isEmpty() && ResponseErrors.looksLikeHtml(r)) {
            String title = htmlTitle(r.bodyText());
            messages.add(title != null ? title : "HTTP " + r.status() + " (an HTML page)");
        } else if (messages.isEmpty()
                && r.body().length > 0
                && r.mediaType().map(m -> m.startsWith("text/")).orElse(false)) {
            String t = r.bodyText().strip();
            messages.add(t.length() > 300 ? t.substring(0, 300) : t);
        }
        ErrorResponse er = ResponseErrors.describe(r).messages(messages).build();
        String message = "the App Store answered " + r.status() + " to " + r.method() + " " + Uris.redact(r.uri())
                + (messages.isEmpty() ? "" : ": " + String.join("; ", messages));
        if (r.status() == 400) {
            return new AppStoreRejectedException(message, er);
        }
        return ResponseErrors.forStatus(r.status(), message, er);
    }

    private static String htmlTitle(String html) {
        Matcher m = Pattern.compile("(?is)<title>(.*?)</title>")
                .matcher(html.length() > 8192 ? html.substring(0, 8192) : html);
        if (m.find()) {
            String t = m.group(1).strip().replaceAll("\\s+", " ");
            return t.isEmpty() ? null : t;
        }
        return null;
    }

    private static JsonNode readJson(HttpResult r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw ResponseErrors.unexpected(r, "the store's answer is not JSON");
        }
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the transport when this publisher created it; a shared transport is left open. */
    @Override
    public void close() {
        if (ownsTransport) {
            transport.close();
        }
    }

    @Override
    public String toString() {
        return "AppStorePublisher[" + base + ", " + transport.credentials() + "]";
    }

    /**
     * Configures an {@link AppStorePublisher}. The transport settings are those of {@link ClientBuilder}, with base
     * URL {@value AppStorePublisher#DEFAULT_BASE_URI} by default (a sub-path is kept). The credentials are
     * {@code Credentials.token(...)} (the only choice for accounts created through GitHub) or {@code
     * Credentials.basic(login, password)}. The request timeout (default 30 s) applies to token, registration and
     * delete calls; publishing and the download check have their own timeouts. Whatever the retry policy, writes
     * are never repeated after they may have reached the store.
     *
     * @since 0.1.0
     */
    public static final class Builder extends ClientBuilder<Builder> {
        private Duration downloadTimeout = DEFAULT_DOWNLOAD_TIMEOUT;
        private Duration publishTimeout = DEFAULT_PUBLISH_TIMEOUT;
        private ArchiveInspector inspector = ArchiveInspector.defaults();
        private boolean allowInsecureHttp;

        private Builder() {
            super(
                    URI.create(DEFAULT_BASE_URI),
                    HttpTransport.DEFAULT_REQUEST_TIMEOUT,
                    HttpTransport.DEFAULT_MAX_RESPONSE_BYTES);
        }

        /**
         * Sets the timeout of a publish call (default 180 s: the store downloads and checks the archive first).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder publishTimeout(Duration timeout) {
            this.publishTimeout = positive(timeout);
            return this;
        }

        /**
         * Sets the timeout of the download check (default 120 s).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder downloadTimeout(Duration timeout) {
            this.downloadTimeout = positive(timeout);
            return this;
        }

        /**
         * Uses an inspector with other limits for the download check.
         *
         * @param inspector the inspector
         * @return this builder
         */
        public Builder archiveInspector(ArchiveInspector inspector) {
            this.inspector = Objects.requireNonNull(inspector, "inspector");
            return this;
        }

        /**
         * Allows the publisher to send its token or password over plain {@code http} to a host that is not a
         * loopback address, where anyone on the network path can read them. Default {@code false}: such a call
         * fails with {@link dev.ncsdk.ocs.NcInsecureHttpException} before anything is sent. When allowed, one
         * warning is logged.
         *
         * @param allow whether to accept the risk
         * @return this builder
         */
        public Builder allowInsecureHttp(boolean allow) {
            this.allowInsecureHttp = allow;
            return this;
        }

        /**
         * Builds the publisher and its transport.
         *
         * @return the publisher
         */
        public AppStorePublisher build() {
            SdkAccess.Hooks sdk = SdkAccess.hooks();
            HttpTransport transport = sdk.transport(this)
                    .plainHttpPolicy(allowInsecureHttp ? PlainHttpPolicy.WARN : PlainHttpPolicy.REFUSE)
                    .build();
            return new AppStorePublisher(
                    transport, sdk.baseUri(this), true, downloadTimeout, publishTimeout, inspector);
        }

        private static Duration positive(Duration d) {
            Objects.requireNonNull(d, "timeout");
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
            return d;
        }
    }
}
