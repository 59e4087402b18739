package dev.ncsdk.appstore;

import dev.ncsdk.appstore.cache.CachedResponse;
import dev.ncsdk.appstore.cache.ResponseCache;
import dev.ncsdk.ocs.ClientBuilder;
import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.NcException;
import dev.ncsdk.ocs.NextcloudVersion;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import dev.ncsdk.ocs.internal.SdkAccess;
import dev.ncsdk.ocs.internal.http.BodyListener;
import dev.ncsdk.ocs.internal.http.HttpCall;
import dev.ncsdk.ocs.internal.http.HttpResult;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import dev.ncsdk.ocs.internal.http.PlainHttpPolicy;
import dev.ncsdk.ocs.internal.http.ResponseErrors;
import dev.ncsdk.ocs.internal.http.Uris;
import java.lang.ref.SoftReference;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client of the Nextcloud App Store's REST API (read routes), with an ETag cache that saves the store and
 * survives restarts.
 *
 * <pre>{@code
 * try (AppStoreClient store = AppStoreClient.builder()
 *         .cache(ResponseCache.onDisk(Path.of("/var/cache/ncsdk")))
 *         .build()) {
 *     List<App> apps = store.apps();
 * }
 * }</pre>
 *
 * <p>Defaults ({@link #builder()}): base URL {@value #DEFAULT_BASE_URI}; no credentials (the read routes are
 * public); user agent {@code ncsdk/<version> Java/<version>}; connect timeout 10 s; request timeout 60 s
 * (connection, headers and body); {@link RetryPolicy#defaults()} (reads retry on 429, 503 and connection failures,
 * honouring {@code Retry-After}); an in-memory {@link ResponseCache}; max age 1 hour; answers up to 64 MiB after
 * gzip inflation ({@code apps.json} is over 12 MB); credentials and a subscription key are never sent over plain
 * http to a host that is not loopback ({@link dev.ncsdk.ocs.NcInsecureHttpException}) unless
 * {@link Builder#allowInsecureHttp(boolean)} allows it.
 *
 * <p>Each read: a cached copy younger than the max age is served without a request; otherwise the store is asked
 * with {@code If-None-Match} carrying the stored ETag byte for byte; a 304 reuses the cached body, a 200 replaces
 * it. The cache holds raw answers, and every query parses and filters its own copy, so different queries never
 * affect each other. A failure (429, 5xx, HTML instead of JSON, no connection) throws a typed
 * {@link NcException}; it is never turned into an empty list. With {@link ReadOptions#allowStale()} an expired copy
 * is returned instead, flagged {@link StoreResponse#stale()}.
 *
 * <p>Thread-safe; close it to stop new calls. The HTTP client is created on the first request, so answers served
 * from a fresh cache cost no HTTP set-up.
 *
 * @since 0.1.0
 */
public final class AppStoreClient implements AutoCloseable {
    /** The public store's API base URL. */
    public static final String DEFAULT_BASE_URI = "https://apps.nextcloud.com/api/v1";
    /** How long a cached answer is served without asking the store (Nextcloud server's value). */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);
    /** The default request timeout (Nextcloud server's fetcher uses 60 s too). */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** The default size limit of one answer after gzip inflation. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;
    /** The header that carries a Nextcloud Enterprise subscription key (enterprise-only apps). */
    public static final String SUBSCRIPTION_KEY_HEADER = "X-NC-Subscription-Key";

    private final HttpTransport.Builder transportConfig;
    private volatile HttpTransport transport;
    private volatile boolean closed;
    private final URI baseUri;
    private final ResponseCache cache;
    private final Duration maxAge;
    private final Clock clock;
    private final Secret subscriptionKey;
    private final String keyPrefix;
    private final long maxResponseBytes;
    private final ConcurrentHashMap<String, Memo> memos = new ConcurrentHashMap<>();

    private AppStoreClient(Builder b) {
        SdkAccess.Hooks sdk = SdkAccess.hooks();
        this.transportConfig =
                sdk.transport(b).plainHttpPolicy(b.allowInsecureHttp ? PlainHttpPolicy.WARN : PlainHttpPolicy.REFUSE);
        this.baseUri = sdk.baseUri(b);
        this.cache = b.cache;
        this.maxAge = b.maxAge;
        this.clock = b.clock;
        this.subscriptionKey = b.subscriptionKey;
        this.maxResponseBytes = sdk.maxResponseBytes(b);
        this.keyPrefix =
                baseUri + (subscriptionKey == null ? "" : "#sub-" + fingerprint(subscriptionKey.reveal())) + "/";
    }

    /**
     * Starts a client configuration with the defaults listed in the class description.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The normalised API base URL (no trailing slash).
     *
     * @return the base
     */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * The store's write API (tokens, registration, publishing, deletion) on this client's transport and
     * credentials; build this client with {@code Credentials.token(...)} or {@code Credentials.basic(...)}.
     *
     * @return a publisher sharing this client's HTTP client, timeouts and credentials
     */
    public AppStorePublisher publisher() {
        return new AppStorePublisher(transport(), baseUri);
    }

    /**
     * The transport, shared with the publishing API. Created on first use, so that a run served from a fresh cache
     * never starts the JDK's HTTP client (and its TLS set-up).
     */
    HttpTransport transport() {
        HttpTransport t = transport;
        if (t == null) {
            synchronized (transportConfig) {
                t = transport;
                if (t == null) {
                    t = transportConfig.build();
                    if (closed) {
                        t.close();
                    }
                    transport = t;
                }
            }
        }
        return t;
    }

    /**
     * The response cache.
     *
     * @return the cache
     */
    public ResponseCache cache() {
        return cache;
    }

    /**
     * How long a cached answer is served without a request.
     *
     * @return the max age
     */
    public Duration maxAge() {
        return maxAge;
    }

    // ---- convenience reads -------------------------------------------------------------------------------------

    /**
     * All apps with all their releases ({@code apps.json}).
     *
     * @return the apps
     * @throws NcException when the store cannot be read
     */
    public List<App> apps() {
        return read(StoreRoute.apps(), ReadOptions.defaults()).value();
    }

    /**
     * Async twin of {@link #apps()}.
     *
     * @return the apps' future
     */
    public CompletableFuture<List<App>> appsAsync() {
        return readAsync(StoreRoute.apps(), ReadOptions.defaults()).thenApply(StoreResponse::value);
    }

    /**
     * Some apps with all their releases, read from {@code apps.json} without building models for the others.
     *
     * @param appIds the app ids
     * @return the apps among them that the store lists
     * @throws NcException when the store cannot be read
     */
    public List<App> apps(Collection<String> appIds) {
        return read(StoreRoute.apps(appIds), ReadOptions.defaults()).value();
    }

    /**
     * Async twin of {@link #apps(Collection)}.
     *
     * @param appIds the app ids
     * @return the apps' future
     */
    public CompletableFuture<List<App>> appsAsync(Collection<String> appIds) {
        return readAsync(StoreRoute.apps(appIds), ReadOptions.defaults()).thenApply(StoreResponse::value);
    }

    /**
     * The apps and releases the store considers compatible with a Nextcloud version
     * ({@code platform/X.Y.Z/apps.json}; a four-part version is trimmed to three).
     *
     * @param platform the Nextcloud version
     * @return the apps
     * @throws NcException when the store cannot be read
     */
    public List<App> appsFor(NextcloudVersion platform) {
        return read(StoreRoute.appsFor(platform), ReadOptions.defaults()).value();
    }

    /**
     * Async twin of {@link #appsFor(NextcloudVersion)}.
     *
     * @param platform the Nextcloud version
     * @return the apps' future
     */
    public CompletableFuture<List<App>> appsForAsync(NextcloudVersion platform) {
        return readAsync(StoreRoute.appsFor(platform), ReadOptions.defaults()).thenApply(StoreResponse::value);
    }

    /**
     * ExApps ({@code appapi_apps.json}), whose releases carry deployment methods and API scopes.
     *
     * @return the ExApps
     * @throws NcException when the store cannot be read
     */
    public List<App> exApps() {
        return read(StoreRoute.exApps(), ReadOptions.defaults()).value();
    }

    /**
     * Async twin of {@link #exApps()}.
     *
     * @return the ExApps' future
     */
    public CompletableFuture<List<App>> exAppsAsync() {
        return readAsync(StoreRoute.exApps(), ReadOptions.defaults()).thenApply(StoreResponse::value);
    }

    /**
     * The app categories ({@code categories.json}).
     *
     * @return the categories
     * @throws NcException when the store cannot be read
     */
    public List<Category> categories() {
        return read(StoreRoute.categories(), ReadOptions.defaults()).value();
    }

    /**
     * Async twin of {@link #categories()}.
     *
     * @return the categories' future
     */
    public CompletableFuture<List<Category>> categoriesAsync() {
        return readAsync(StoreRoute.categories(), ReadOptions.defaults()).thenApply(StoreResponse::value);
    }

    /**
     * The Nextcloud releases the store knows ({@code platforms.json}, unsorted).
     *
     * @return the platforms
     * @throws NcException when the store cannot be read
     */
    public List<Platform> platforms() {
        return read(StoreRoute.platforms(), ReadOptions.defaults()).value();
    }

    /**
     * Async twin of {@link #platforms()}.
     *
     * @return the platforms' future
     */
    public CompletableFuture<List<Platform>> platformsAsync() {
        return readAsync(StoreRoute.platforms(), ReadOptions.defaults()).thenApply(StoreResponse::value);
    }

    /**
     * All app ratings ({@code ratings.json}).
     *
     * @return the ratings
     * @throws NcException when the store cannot be read
     */
    public List<Rating> ratings() {
        return read(StoreRoute.ratings(), ReadOptions.defaults()).value();
    }

    /**
     * Async twin of {@link #ratings()}.
     *
     * @return the ratings' future
     */
    public CompletableFuture<List<Rating>> ratingsAsync() {
        return readAsync(StoreRoute.ratings(), ReadOptions.defaults()).thenApply(StoreResponse::value);
    }

    /**
     * The discover feed ({@code discover.json}).
     *
     * @return the entries
     * @throws NcException when the store cannot be read
     */
    public List<DiscoverEntry> discover() {
        return read(StoreRoute.discover(), ReadOptions.defaults()).value();
    }

    /**
     * Async twin of {@link #discover()}.
     *
     * @return the entries' future
     */
    public CompletableFuture<List<DiscoverEntry>> discoverAsync() {
        return readAsync(StoreRoute.discover(), ReadOptions.defaults()).thenApply(StoreResponse::value);
    }

    // ---- the one read path -------------------------------------------------------------------------------------

    /**
     * Reads a route through the cache and says where the answer came from.
     *
     * @param route the route
     * @param options stale fallback and forced revalidation
     * @param <T> the answer's type
     * @return the answer
     * @throws NcException when the store fails and no stale copy was allowed or available
     */
    public <T> StoreResponse<T> read(StoreRoute<T> route, ReadOptions options) {
        return HttpTransport.await(readAsync(route, options));
    }

    /**
     * Async twin of {@link #read}.
     *
     * @param route the route
     * @param options stale fallback and forced revalidation
     * @param <T> the answer's type
     * @return the answer's future
     */
    public <T> CompletableFuture<StoreResponse<T>> readAsync(StoreRoute<T> route, ReadOptions options) {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(options, "options");
        String key = keyPrefix + route.path();
        Optional<CachedResponse> cached;
        try {
            cached = cache.get(key);
        } catch (RuntimeException e) {
            cached = Optional.empty();
        }
        Instant now = clock.instant();
        CachedResponse entry = cached.orElse(null);
        if (entry != null && !options.revalidate() && isFresh(entry, now)) {
            try {
                return CompletableFuture.completedFuture(
                        fromCache(route, key, entry, StoreResponse.Source.CACHE_FRESH, null));
            } catch (StoreFormatException e) {
                entry = null; // an unreadable copy is not served; ask the store
            }
        }
        HttpCall.Builder call = HttpCall.builder("GET", Uris.resolve(baseUri, route.path()))
                .header("Accept", "application/json")
                .idempotent(true)
                .maxResponseBytes(maxResponseBytes);
        if (entry != null && entry.etag().isPresent()) {
            call.header("If-None-Match", entry.etag().get());
        }
        if (subscriptionKey != null) {
            call.header(SUBSCRIPTION_KEY_HEADER, subscriptionKey.reveal());
        }
        CachedResponse stored = entry;
        Streams streams = route.streamable() ? new Streams(route) : null;
        if (streams != null) {
            call.bodyListener(streams::open);
        }
        CompletableFuture<StoreResponse<T>> out = new CompletableFuture<>();
        transport().sendAsync(call.build()).whenComplete((res, err) -> {
            if (err != null) {
                if (streams != null) {
                    streams.abortAll();
                }
                settle(out, () -> fallback(route, key, stored, options, asNcException(err)));
                return;
            }
            AppListStream stream = streams == null ? null : streams.forAnswer(res);
            if (stream == null) {
                settle(out, () -> answer(route, key, stored, options, res, null));
                return;
            }
            // the body was parsed while it arrived; a stream that gave up leaves it to the ordinary parse
            stream.result()
                    .whenComplete((apps, perr) -> settle(out, () -> {
                        @SuppressWarnings("unchecked")
                        T parsed = perr == null ? (T) apps : null;
                        return answer(route, key, stored, options, res, parsed);
                    }));
        });
        return out;
    }

    private static <T> void settle(CompletableFuture<T> out, java.util.function.Supplier<T> value) {
        try {
            out.complete(value.get());
        } catch (RuntimeException e) {
            out.completeExceptionally(e);
        }
    }

    /**
     * The streamed parses of one read: one per answer with status 200 (a retried or redirected call gets several);
     * only the last answer's is used, the others are stopped.
     */
    private static final class Streams {
        private final StoreRoute<?> route;
        private final List<AppListStream> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile AppListStream latest;

        Streams(StoreRoute<?> route) {
            this.route = route;
        }

        BodyListener open(java.net.http.HttpResponse.ResponseInfo info) {
            if (info.statusCode() != 200) {
                return null;
            }
            AppListStream s = route.openStream();
            opened.add(s);
            latest = s;
            return s;
        }

        /** The stream of the answer the transport returned, or null; every other stream is stopped. */
        AppListStream forAnswer(HttpResult res) {
            AppListStream chosen = res.status() == 200 ? latest : null;
            for (AppListStream s : opened) {
                if (s != chosen) {
                    s.abort();
                }
            }
            return chosen;
        }

        void abortAll() {
            for (AppListStream s : opened) {
                s.abort();
            }
        }
    }

    private <T> StoreResponse<T> answer(
            StoreRoute<T> route, String key, CachedResponse stored, ReadOptions options, HttpResult res, T parsed) {
        Instant now = clock.instant();
        if (res.status() == 304 && stored != null) {
            CachedResponse confirmed = stored.withStoredAt(now);
            try {
                cache.touch(key, stored, now);
            } catch (RuntimeException e) {
                // a failing cache never fails a call
            }
            return fromCache(route, key, confirmed, StoreResponse.Source.REVALIDATED, null);
        }
        if (res.status() == 200) {
            T value;
            try {
                value = parsed != null ? parsed : route.parse(res.body());
            } catch (StoreFormatException e) {
                return fallback(
                        route,
                        key,
                        stored,
                        options,
                        ResponseErrors.unexpected(
                                res, "the store's " + route.path() + " is not valid: " + e.getMessage()));
            }
            CachedResponse fresh = new CachedResponse(res.body(), res.etag().orElse(null), now);
            try {
                cache.put(key, fresh);
            } catch (RuntimeException e) {
                // a failing cache never fails a call
            }
            if (route.complete()) {
                memos.put(key, new Memo(fresh, value));
            }
            return new StoreResponse<>(
                    value, StoreResponse.Source.NETWORK, fresh.etag().orElse(null), now, null);
        }
        NcException failure = res.status() == 304
                ? ResponseErrors.unexpected(res, "the store answered 304 to a request without If-None-Match")
                : ResponseErrors.fromHttpStatus(res);
        return fallback(route, key, stored, options, failure);
    }

    private <T> StoreResponse<T> fallback(
            StoreRoute<T> route, String key, CachedResponse stored, ReadOptions options, NcException failure) {
        if (options.allowStale() && stored != null) {
            try {
                return fromCache(route, key, stored, StoreResponse.Source.STALE, failure);
            } catch (StoreFormatException e) {
                failure.addSuppressed(e);
            }
        }
        throw failure;
    }

    @SuppressWarnings("unchecked")
    private <T> StoreResponse<T> fromCache(
            StoreRoute<T> route, String key, CachedResponse entry, StoreResponse.Source source, NcException failure) {
        T value = null;
        if (route.complete()) {
            Memo memo = memos.get(key);
            if (memo != null && memo.matches(entry)) {
                value = (T) memo.value.get();
            }
        }
        if (value == null) {
            value = route.parse(entry.body());
            if (route.complete()) {
                memos.put(key, new Memo(entry, value));
            }
        }
        return new StoreResponse<>(value, source, entry.etag().orElse(null), entry.storedAt(), failure);
    }

    private boolean isFresh(CachedResponse entry, Instant now) {
        Instant age = entry.storedAt().plus(maxAge);
        return now.isBefore(age) && !entry.storedAt().isAfter(now.plusSeconds(300));
    }

    private static NcException asNcException(Throwable err) {
        Throwable c = err;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof NcException) {
            return (NcException) c;
        }
        if (c instanceof RuntimeException) {
            throw (RuntimeException) c;
        }
        return new NcException("unexpected failure reading the store: " + c, c);
    }

    private static String fingerprint(String secret) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** Stops new calls. A caller-supplied {@link HttpClient} is left open. */
    @Override
    public void close() {
        closed = true;
        synchronized (transportConfig) {
            if (transport != null) {
                transport.close();
            }
        }
    }

    @Override
    public String toString() {
        return "AppStoreClient[" + baseUri + ", cache=" + cache + ", maxAge=" + maxAge + "]";
    }

    /** A parsed answer kept for the body it came from, so a 304 or a fresh hit does not parse again. */
    private static final class Memo {
        final String etag;
        final int length;
        final java.lang.ref.WeakReference<byte[]> body;
        final SoftReference<Object> value;

        Memo(CachedResponse entry, Object value) {
            this.etag = entry.etag().orElse(null);
            this.length = entry.body().length;
            this.body = new java.lang.ref.WeakReference<>(entry.body());
            this.value = new SoftReference<>(value);
        }

        boolean matches(CachedResponse entry) {
            if (body.get() == entry.body()) {
                return true;
            }
            return etag != null && etag.equals(entry.etag().orElse(null)) && length == entry.body().length;
        }
    }

    /**
     * Configures an {@link AppStoreClient}; see the class description for the defaults. The transport settings are
     * those of {@link ClientBuilder}, with the store's own defaults: base URL {@value AppStoreClient#DEFAULT_BASE_URI}
     * (a store mirror or a test server may be set; a sub-path is kept), request timeout 60 s and answers up to 64 MiB.
     * Credentials ({@link Credentials#token} or {@link Credentials#basic}) are needed only by the publishing API.
     *
     * @since 0.1.0
     */
    public static final class Builder extends ClientBuilder<Builder> {
        private ResponseCache cache;
        private Duration maxAge = DEFAULT_MAX_AGE;
        private Clock clock = Clock.systemUTC();
        private Secret subscriptionKey;
        private boolean allowInsecureHttp;

        private Builder() {
            super(URI.create(DEFAULT_BASE_URI), DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES);
        }

        /**
         * Sets the response cache ({@link ResponseCache#onDisk}, {@link ResponseCache#inMemory},
         * {@link ResponseCache#none}).
         *
         * @param cache the cache
         * @return this builder
         */
        public Builder cache(ResponseCache cache) {
            this.cache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /**
         * Sets how long a cached answer is served without asking the store; {@link Duration#ZERO} revalidates every
         * time.
         *
         * @param maxAge zero or positive
         * @return this builder
         */
        public Builder maxAge(Duration maxAge) {
            Objects.requireNonNull(maxAge, "maxAge");
            if (maxAge.isNegative()) {
                throw new IllegalArgumentException("maxAge must not be negative");
            }
            this.maxAge = maxAge;
            return this;
        }

        /**
         * Sets the clock that decides freshness (for tests).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sends a Nextcloud Enterprise subscription key ({@value AppStoreClient#SUBSCRIPTION_KEY_HEADER}) so the
         * store lists enterprise-only apps. Cached answers are kept apart from answers without the key.
         *
         * @param key the key
         * @return this builder
         */
        public Builder subscriptionKey(Secret key) {
            this.subscriptionKey = Objects.requireNonNull(key, "subscriptionKey");
            return this;
        }

        /**
         * Allows the client (and its {@link AppStoreClient#publisher() publisher}) to send its credentials and
         * subscription key over plain {@code http} to a host that is not a loopback address, where anyone on the
         * network path can read them. Default {@code false}: such a call fails with
         * {@link dev.ncsdk.ocs.NcInsecureHttpException} before anything is sent. When allowed, one warning is
         * logged. Reads without credentials are never concerned.
         *
         * @param allow whether to accept the risk
         * @return this builder
         */
        public Builder allowInsecureHttp(boolean allow) {
            this.allowInsecureHttp = allow;
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         */
        public AppStoreClient build() {
            if (cache == null) {
                cache = ResponseCache.inMemory();
            }
            return new AppStoreClient(this);
        }
    }
}
