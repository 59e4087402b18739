package dev.ncsdk.ocs.internal.http;

import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.ErrorResponse;
import dev.ncsdk.ocs.NcException;
import dev.ncsdk.ocs.NcInsecureHttpException;
import dev.ncsdk.ocs.NcRedirectException;
import dev.ncsdk.ocs.NcTimeoutException;
import dev.ncsdk.ocs.NcTransportException;
import dev.ncsdk.ocs.NcUnexpectedResponseException;
import dev.ncsdk.ocs.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;

/**
 * The SDK's one HTTP layer. Sends {@link HttpCall}s with pre-emptive credentials, a user agent, gzip, a timeout
 * on every call, bounded response bodies, safe redirects and retries by a {@link RetryPolicy}. Answers of any
 * status come back as {@link HttpResult}; only failures to get an answer throw ({@link NcTransportException},
 * {@link NcTimeoutException} when the call's deadline passes, {@link NcUnexpectedResponseException} for a body
 * over the limit, {@link NcRedirectException} for a redirect it refuses to follow).
 *
 * <p>Thread-safe. Derived transports ({@link #withCredentials}) share the {@link HttpClient}.
 */
public final class HttpTransport implements AutoCloseable {
    /** The SDK's version, for the default user agent. */
    public static final String SDK_VERSION = readVersion();

    /** Default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default whole-call timeout: a deadline for every attempt, redirect and back-off wait of a call. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Default response size limit, after decompression. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L * 1024 * 1024;
    /** Default user agent. */
    public static final String DEFAULT_USER_AGENT =
            "ncsdk/" + SDK_VERSION + " Java/" + System.getProperty("java.version");

    private static final System.Logger LOG = System.getLogger("dev.ncsdk.http");
    private static final int MAX_REDIRECTS = 5;
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient client;
    private final Duration requestTimeout;
    private final String userAgent;
    private final RetryPolicy retryPolicy;
    private final Credentials credentials;
    private final long maxResponseBytes;
    private final PlainHttpPolicy plainHttp;
    private final AtomicBoolean plainHttpWarned; // shared with the transports derived from this one
    private final AtomicBoolean closed = new AtomicBoolean();
    private final HttpTransport parent; // a derived transport's: the one it was taken from, or null
    private final OwnedClient owned; // a root's client when an SDK transport created it, or null

    private HttpTransport(Builder b, HttpClient client, HttpTransport parent, OwnedClient owned) {
        this.client = client;
        this.requestTimeout = b.requestTimeout;
        this.userAgent = b.userAgent;
        this.retryPolicy = b.retryPolicy;
        this.credentials = b.credentials;
        this.maxResponseBytes = b.maxResponseBytes;
        this.plainHttp = b.plainHttp;
        this.plainHttpWarned = parent != null ? parent.plainHttpWarned : new AtomicBoolean();
        this.parent = parent;
        this.owned = owned;
    }

    /**
     * Starts a transport configuration with the defaults: 10 s connect timeout, 30 s request timeout (a deadline for
     * the whole call), user agent {@code ncsdk/<version> Java/<version>}, {@link RetryPolicy#defaults()}, no
     * credentials, 32 MiB bodies, {@link PlainHttpPolicy#WARN} for credentials over plain http.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A transport that shares this one's HTTP client and settings but authenticates differently. Closing it leaves
     * this transport open; closing this transport closes it too.
     *
     * @param other the credentials
     * @return the derived transport
     */
    public HttpTransport withCredentials(Credentials other) {
        return new HttpTransport(toBuilder().credentials(other), client, this, null);
    }

    /**
     * A transport with this one's settings and HTTP client and a life of its own: closing the view leaves this
     * transport open, closing this transport closes the view too. For a client that borrows another client's
     * transport.
     *
     * @return the view
     */
    public HttpTransport view() {
        return new HttpTransport(toBuilder(), client, this, null);
    }

    /**
     * A builder with this transport's settings and HTTP client.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.requestTimeout = requestTimeout;
        b.userAgent = userAgent;
        b.retryPolicy = retryPolicy;
        b.credentials = credentials;
        b.maxResponseBytes = maxResponseBytes;
        b.plainHttp = plainHttp;
        b.httpClient = client;
        return b;
    }

    /** @return the HTTP client in use */
    public HttpClient httpClient() {
        return client;
    }

    /** @return the credentials sent by default */
    public Credentials credentials() {
        return credentials;
    }

    /** @return the whole-call timeout (a deadline across attempts, redirects and back-off waits) */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** @return the user agent */
    public String userAgent() {
        return userAgent;
    }

    /** @return the retry policy */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** @return the default response size limit */
    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    /** @return what happens to credentials sent over plain http to a host that is not loopback */
    public PlainHttpPolicy plainHttpPolicy() {
        return plainHttp;
    }

    /**
     * Sends a call and waits for the answer, retrying as the policy allows.
     *
     * @param call the call
     * @return the answer, whatever its status
     * @throws NcTransportException when no answer arrived
     * @throws NcTimeoutException when the call's deadline passed first
     * @throws NcRedirectException when a redirect is refused (loop, downgrade, body to another origin)
     */
    public HttpResult send(HttpCall call) {
        return await(sendAsync(call));
    }

    /**
     * Sends a call without blocking. The future fails with the same exceptions {@link #send} throws.
     *
     * <p>The call's timeout (its own, or the transport's request timeout) is a deadline for the whole call: every
     * attempt, every redirect and every back-off wait between attempts fit in it. An attempt gets the time that is
     * left; a retry whose wait would leave too little time is not made, and the last failure is reported.
     *
     * @param call the call
     * @return the answer's future
     */
    public CompletableFuture<HttpResult> sendAsync(HttpCall call) {
        if (isClosed()) {
            return CompletableFuture.failedFuture(new IllegalStateException("client is closed"));
        }
        Duration budget = call.timeout() != null ? call.timeout() : requestTimeout;
        if (budget.isZero() || budget.isNegative()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("the call's timeout must be positive"));
        }
        Deadline deadline = new Deadline(System.nanoTime(), budget);
        OwnedClient root = rootOwned();
        if (root == null) {
            return attempt(call, 1, Duration.ZERO, deadline);
        }
        root.started();
        CompletableFuture<HttpResult> result = attempt(call, 1, Duration.ZERO, deadline);
        result.whenComplete((r, e) -> root.finished());
        return result;
    }

    /**
     * Waits for a future of this SDK, unwrapping its failure and keeping the interrupt flag.
     *
     * @param future the future
     * @param <T> the result type
     * @return the result
     */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new NcTransportException("interrupted while waiting for the answer", e, true);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        Throwable c = unwrap(t);
        if (c instanceof RuntimeException) {
            return (RuntimeException) c;
        }
        if (c instanceof Error) {
            throw (Error) c;
        }
        return new NcException("unexpected failure: " + c, c);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /**
     * The end of a call: its timeout counted from when it was sent, shared by its attempts, redirects and waits.
     */
    private static final class Deadline {
        final long start;
        final Duration budget;
        int attempt = 1; // the attempt under way

        Deadline(long start, Duration budget) {
            this.start = start;
            this.budget = budget;
        }

        long remainingNanos() {
            return budget.toNanos() - (System.nanoTime() - start);
        }

        /** The least time worth starting another attempt with: a tenth of the budget, at most 100 ms. */
        long minAttemptNanos() {
            return Math.min(TimeUnit.MILLISECONDS.toNanos(100), budget.toNanos() / 10);
        }

        String describe() {
            return "the call's timeout of " + budget.toMillis() + " ms"
                    + (attempt > 1 ? " (" + attempt + " attempts)" : "");
        }
    }

    private CompletableFuture<HttpResult> attempt(HttpCall call, int attemptNo, Duration waited, Deadline deadline) {
        deadline.attempt = attemptNo;
        return sendFollowingRedirects(call, 0, deadline)
                .handle((res, err) -> {
                    Throwable cause = err == null ? null : unwrap(err);
                    if (attemptNo < retryPolicy.maxAttempts()) {
                        boolean retry;
                        Duration retryAfter = null;
                        if (cause != null) {
                            retry = cause instanceof NcTransportException
                                    && (call.idempotent() || !((NcTransportException) cause).mayHaveReachedServer());
                        } else {
                            retry = call.idempotent() && (res.status() == 429 || res.status() == 503);
                            retryAfter = res.retryAfter().orElse(null);
                        }
                        if (retry) {
                            Duration d = retryPolicy.delayBefore(attemptNo, retryAfter);
                            boolean inBudget = d != null
                                    && waited.plus(d).compareTo(retryPolicy.maxTotalDelay()) <= 0
                                    && deadline.remainingNanos() - d.toNanos() >= deadline.minAttemptNanos();
                            if (inBudget) {
                                LOG.log(
                                        System.Logger.Level.DEBUG,
                                        "retrying {0} {1} in {2} ms after {3}",
                                        call.method(),
                                        Uris.redact(call.uri()),
                                        d.toMillis(),
                                        cause != null ? cause.getClass().getSimpleName() : "HTTP " + res.status());
                                // the wait's end runs on the delay thread itself, never on the common pool: an
                                // application that blocks the common pool's workers (a 2-core machine has one)
                                // would otherwise stall every retry (Java 25 runs default async tasks there)
                                return CompletableFuture.supplyAsync(
                                                () -> null,
                                                CompletableFuture.delayedExecutor(
                                                        d.toMillis(), TimeUnit.MILLISECONDS, Runnable::run))
                                        .thenCompose(x -> attempt(call, attemptNo + 1, waited.plus(d), deadline));
                            }
                            LOG.log(
                                    System.Logger.Level.DEBUG,
                                    "not retrying {0} {1}: the wait does not fit the retry budget or {2}",
                                    call.method(),
                                    Uris.redact(call.uri()),
                                    deadline.describe());
                        }
                    }
                    return cause != null
                            ? CompletableFuture.<HttpResult>failedFuture(cause)
                            : CompletableFuture.completedFuture(res);
                })
                .thenCompose(f -> f);
    }

    private CompletableFuture<HttpResult> sendFollowingRedirects(HttpCall call, int redirects, Deadline deadline) {
        return sendOnce(call, deadline).thenCompose(res -> {
            if (!call.followRedirects() || !isRedirect(res.status())) {
                return CompletableFuture.completedFuture(res);
            }
            String location = res.header("Location").orElse(null);
            if (location == null) {
                return CompletableFuture.completedFuture(res); // nothing to follow: the caller sees the status
            }
            URI next;
            try {
                next = call.uri().resolve(location.trim());
            } catch (IllegalArgumentException e) {
                throw redirectRefused(res, null, "cannot follow the redirect: its Location is not a valid URI");
            }
            String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
            if ((!scheme.equals("http") && !scheme.equals("https")) || next.getHost() == null) {
                throw redirectRefused(
                        res, next, "refused to follow the redirect to " + Uris.redact(next) + ": not an http(s) URL");
            }
            if (redirects >= MAX_REDIRECTS) {
                throw redirectRefused(
                        res,
                        next,
                        "too many redirects: gave up after following " + redirects + ", the last one to "
                                + Uris.redact(next));
            }
            if ("https".equalsIgnoreCase(call.uri().getScheme()) && !scheme.equals("https")) {
                throw redirectRefused(
                        res, next, "refused the redirect from https down to http, to " + Uris.redact(next));
            }
            HttpCall.Builder b = call.toBuilder().uriOverride(next);
            if (res.status() == 303 || ((res.status() == 301 || res.status() == 302) && "POST".equals(call.method()))) {
                b = HttpCall.builder("GET", next);
                for (String[] h : call.headers()) {
                    b.header(h[0], h[1]);
                }
                b.timeout(call.timeout())
                        .maxResponseBytes(call.maxResponseBytes())
                        .credentials(call.credentials());
            }
            HttpCall redirected = b.build();
            if (!Uris.sameOrigin(call.uri(), next)) {
                if (redirected.body() != null) {
                    // the body may hold what the credentials protect (a password, a signed release): never re-send it
                    throw redirectRefused(
                            res,
                            next,
                            "refused to follow the redirect to " + Uris.redact(next) + ": it would re-send the "
                                    + call.method() + " body to another origin");
                }
                // credentials, and headers that carry one (a subscription key), never travel to another origin
                redirected = redirected.toBuilder()
                        .credentials(Credentials.none())
                        .removeHeaders(SensitiveHeaders::isSensitive)
                        .build();
            }
            return sendFollowingRedirects(redirected, redirects + 1, deadline);
        });
    }

    private static NcRedirectException redirectRefused(HttpResult res, URI location, String what) {
        ErrorResponse er = ResponseErrors.describe(res).build();
        return new NcRedirectException(
                res.method() + " " + Uris.redact(res.uri()) + " -> HTTP " + res.status() + ": " + what, er, location);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private CompletableFuture<HttpResult> sendOnce(HttpCall call, Deadline deadline) {
        long remaining = deadline.remainingNanos();
        if (remaining <= 0) {
            return CompletableFuture.failedFuture(new NcTimeoutException(
                    call.method() + " " + Uris.redact(call.uri()) + ": no complete answer within "
                            + deadline.describe(),
                    null,
                    false));
        }
        Duration timeout = Duration.ofNanos(Math.max(remaining, TimeUnit.MILLISECONDS.toNanos(1)));
        long limit = call.maxResponseBytes() > 0 ? call.maxResponseBytes() : maxResponseBytes;
        HttpRequest request;
        try {
            request = toRequest(call, timeout);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        long start = System.nanoTime();
        LOG.log(System.Logger.Level.DEBUG, "-> {0} {1}", call.method(), Uris.redact(call.uri()));
        // on an SDK thread, not sendAsync: see SendThreads (Java 25 completes sendAsync on the common pool)
        CompletableFuture<HttpResponse<byte[]>> inFlight =
                SendThreads.send(client, request, BoundedBody.handler(limit, call.bodyListener()));
        // the request timeout of java.net.http ends when headers arrive; this bounds the body too
        // A dependent future times out, so that cancelling the still-pending original aborts the exchange
        // (orTimeout on the original would complete it and leave the connection reading in the background).
        CompletableFuture<HttpResponse<byte[]>> bounded =
                inFlight.thenApply(r -> r).orTimeout(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
        return bounded.handle((resp, err) -> {
            if (err != null) {
                inFlight.cancel(true);
                Throwable cause = unwrap(err);
                if (cause instanceof BoundedBody.CorruptGzipException) {
                    HttpResponse.ResponseInfo info = ((BoundedBody.CorruptGzipException) cause).info;
                    HttpResult raw = new HttpResult(call.method(), call.uri(), info.statusCode(), info.headers(), null);
                    throw new CompletionException(ResponseErrors.unexpected(raw, "the gzip body is corrupt"));
                }
                throw new CompletionException(mapFailure(call, cause, deadline));
            }
            byte[] body = resp.body(); // inflated already when it was gzip
            HttpResult result = new HttpResult(call.method(), resp.uri(), resp.statusCode(), resp.headers(), body);
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "<- {0} {1} {2} ({3} bytes, {4} ms)",
                    resp.statusCode(),
                    call.method(),
                    Uris.redact(call.uri()),
                    body.length,
                    (System.nanoTime() - start) / 1_000_000);
            return result;
        });
    }

    private HttpRequest toRequest(HttpCall call, Duration timeout) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(call.uri()).timeout(timeout);
        if ("http".equalsIgnoreCase(call.uri().getScheme())) {
            rb.version(HttpClient.Version.HTTP_1_1); // the JDK's h2c upgrade breaks some proxies
        }
        rb.header("User-Agent", userAgent);
        rb.header("Accept-Encoding", "gzip");
        boolean hasContentType = false;
        for (String[] h : call.headers()) {
            String lower = h[0].toLowerCase(Locale.ROOT);
            if (RESTRICTED.contains(lower)) {
                continue;
            }
            if (lower.equals("user-agent") || lower.equals("accept-encoding")) {
                rb.setHeader(h[0], h[1]);
            } else {
                rb.header(h[0], h[1]);
            }
            hasContentType |= lower.equals("content-type");
        }
        Credentials creds = call.credentials() != null ? call.credentials() : credentials;
        Map<String, String> credentialHeaders = creds.headers();
        boolean carriesCredentials = !credentialHeaders.isEmpty();
        for (String[] h : call.headers()) {
            carriesCredentials |= SensitiveHeaders.isSensitive(h[0]);
        }
        if (carriesCredentials) {
            checkPlainHttp(call);
        }
        for (Map.Entry<String, String> e : credentialHeaders.entrySet()) {
            rb.setHeader(e.getKey(), e.getValue());
        }
        if (call.body() != null) {
            if (!hasContentType && call.contentType() != null) {
                rb.header("Content-Type", call.contentType());
            }
            rb.method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()));
        } else {
            rb.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        return rb.build();
    }

    /** Applies the plain-http policy to a call that carries credentials. */
    private void checkPlainHttp(HttpCall call) {
        URI u = call.uri();
        if (!"http".equalsIgnoreCase(u.getScheme()) || Uris.isLoopback(u) || plainHttp == PlainHttpPolicy.ALLOW) {
            return;
        }
        if (plainHttp == PlainHttpPolicy.REFUSE) {
            throw new NcInsecureHttpException("refused to send credentials over plain http to " + Uris.redact(u)
                    + ": anyone on the network path could read them; use https, or allowInsecureHttp(true) to"
                    + " accept the risk");
        }
        if (plainHttpWarned.compareAndSet(false, true)) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "credentials are sent over plain http to {0}, which is not a loopback address: anyone on the"
                            + " network path can read them; use https unless the network is private",
                    u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : ""));
        }
    }

    private static RuntimeException mapFailure(HttpCall call, Throwable t, Deadline deadline) {
        String what = call.method() + " " + Uris.redact(call.uri());
        if (t instanceof NcException) {
            return (NcException) t;
        }
        if (t instanceof BoundedBody.TooLargeException) {
            BoundedBody.TooLargeException e = (BoundedBody.TooLargeException) t;
            ErrorResponse er = ErrorResponse.builder(call.method(), call.uri(), e.info.statusCode())
                    .requestId(e.info.headers().firstValue("X-Request-Id").orElse(null))
                    .build();
            return new NcUnexpectedResponseException(
                    what + ": the response body exceeds the limit of " + e.limit + " bytes", er);
        }
        if (t instanceof HttpConnectTimeoutException) {
            return new NcTimeoutException(what + ": connecting timed out", t, false);
        }
        if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
            return new NcTimeoutException(what + ": no complete answer within " + deadline.describe(), t, true);
        }
        if (t instanceof ConnectException || t instanceof UnresolvedAddressException) {
            String detail = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            return new NcTransportException(what + ": cannot connect (" + detail + ")", t, false);
        }
        if (t instanceof SSLHandshakeException) {
            return new NcTransportException(what + ": TLS handshake failed (" + t.getMessage() + ")", t, false);
        }
        if (t instanceof CancellationException) {
            return new NcTransportException(what + ": cancelled", t, true);
        }
        if (t instanceof IOException) {
            String detail = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            return new NcTransportException(what + ": " + detail, t, true);
        }
        if (t instanceof RuntimeException) {
            return (RuntimeException) t;
        }
        return new NcTransportException(what + ": " + t, t, true);
    }

    /** @return whether this transport, or one it was derived from, is closed */
    public boolean isClosed() {
        return closed.get() || (parent != null && parent.isClosed());
    }

    private OwnedClient rootOwned() {
        HttpTransport t = this;
        while (t.parent != null) {
            t = t.parent;
        }
        return t.owned;
    }

    /**
     * Stops new calls on this transport and those derived from it. An HTTP client that an SDK transport created is
     * shut down when the last transport built on it (this one, and any built on it again, as
     * {@code OcsClient.toBuilder()} does) is closed and the calls in flight have ended: its pooled connections close
     * and its selector thread ends (a thread left waiting in the kernel would hold up the JVM's exit by about
     * 0.3 s). A caller's own client is left alone.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && owned != null) {
            owned.leave(); // once per transport, however often it is closed
        }
    }

    @Override
    public String toString() {
        return "HttpTransport[userAgent=" + userAgent + ", requestTimeout=" + requestTimeout + ", credentials="
                + credentials + ", retry=" + retryPolicy + "]";
    }

    private static String readVersion() {
        try (InputStream in = HttpTransport.class.getResourceAsStream("ncsdk.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "dev");
            }
        } catch (IOException ignored) {
            // fall through
        }
        return "dev";
    }

    /**
     * The HTTP clients SDK transports created, with their users: a transport built on such a client (as
     * {@code OcsClient.toBuilder()} does) shares it rather than borrowing a caller's client, and the client is shut
     * down when the last transport using it is closed. Weak keys: a client nobody uses any more just goes away.
     */
    private static final Map<HttpClient, OwnedClient> CREATED = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * A client SDK transports created: shut down when every root transport using it is closed and no call is in
     * flight.
     */
    private static final class OwnedClient {
        private final WeakReference<HttpClient> client;
        private final AtomicInteger inFlight = new AtomicInteger();
        private int users = 1; // guarded by this
        private boolean closing; // guarded by this
        private boolean released; // guarded by this

        OwnedClient(HttpClient client) {
            this.client = new WeakReference<>(client);
        }

        /** @return whether another transport may use the client (false once it is being shut down) */
        synchronized boolean join() {
            if (closing || released) {
                return false;
            }
            users++;
            return true;
        }

        void started() {
            inFlight.incrementAndGet();
        }

        void finished() {
            if (inFlight.decrementAndGet() == 0) {
                releaseIfUnused();
            }
        }

        void leave() {
            synchronized (this) {
                if (--users > 0) {
                    return;
                }
                closing = true;
            }
            releaseIfUnused();
        }

        private void releaseIfUnused() {
            synchronized (this) {
                if (!closing || released || inFlight.get() > 0) {
                    return;
                }
                released = true;
            }
            HttpClient c = client.get();
            if (c != null) {
                CREATED.remove(c);
                HttpClients.shutdown(c);
            }
        }
    }

    /** Configures an {@link HttpTransport}. */
    public static final class Builder {
        private HttpClient httpClient;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private String userAgent = DEFAULT_USER_AGENT;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Credentials credentials = Credentials.none();
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private PlainHttpPolicy plainHttp = PlainHttpPolicy.WARN;

        private Builder() {}

        /**
         * Sets what happens when a call would carry credentials over plain http to a host that is not loopback
         * (default {@link PlainHttpPolicy#WARN}: one warning per client).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder plainHttpPolicy(PlainHttpPolicy policy) {
            this.plainHttp = Objects.requireNonNull(policy, "plainHttpPolicy");
            return this;
        }

        /**
         * Uses the caller's HTTP client (proxy, TLS, executor). Its own connect timeout applies; it should not
         * follow redirects itself, so that credentials never follow to another origin.
         *
         * @param client the client
         * @return this builder
         */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "httpClient");
            return this;
        }

        /**
         * Sets the connect timeout of the client the transport creates.
         *
         * @param d a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive(d, "connectTimeout");
            return this;
        }

        /**
         * Sets the whole-call timeout: a deadline for the connection, headers and body of every attempt, every
         * redirect, and the back-off waits between attempts. There is no separate per-attempt timeout: an attempt
         * gets the time that is left.
         *
         * @param d a positive duration
         * @return this builder
         */
        public Builder requestTimeout(Duration d) {
            this.requestTimeout = positive(d, "requestTimeout");
            return this;
        }

        /**
         * Sets the user agent.
         *
         * @param ua the user agent
         * @return this builder
         */
        public Builder userAgent(String ua) {
            Objects.requireNonNull(ua, "userAgent");
            if (ua.isBlank() || ua.indexOf('\n') >= 0 || ua.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("user agent must be a non-blank single line");
            }
            this.userAgent = ua;
            return this;
        }

        /**
         * Sets the retry policy.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /**
         * Sets the credentials sent with every call.
         *
         * @param c the credentials
         * @return this builder
         */
        public Builder credentials(Credentials c) {
            this.credentials = Objects.requireNonNull(c, "credentials");
            return this;
        }

        /**
         * Sets the default response size limit.
         *
         * @param max bytes after decompression
         * @return this builder
         */
        public Builder maxResponseBytes(long max) {
            if (max <= 0) {
                throw new IllegalArgumentException("maxResponseBytes must be positive");
            }
            this.maxResponseBytes = max;
            return this;
        }

        /** @return the configured connect timeout */
        public Duration connectTimeout() {
            return connectTimeout;
        }

        /**
         * Builds the transport, creating an HTTP client unless one was given. A created client uses the JVM's default
         * TLS context and protocols, set up when the first https connection is made.
         *
         * @return the transport
         */
        public HttpTransport build() {
            // TLS is set up on the first https connection, not here: see DeferredTls
            HttpClient c = httpClient != null
                    ? httpClient
                    : HttpClient.newBuilder()
                            .connectTimeout(connectTimeout)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .sslContext(DeferredTls.context())
                            .sslParameters(DeferredTls.parameters())
                            .build();
            OwnedClient own;
            if (httpClient == null) {
                own = new OwnedClient(c);
                CREATED.put(c, own);
            } else {
                own = CREATED.get(c); // a client another SDK transport created: shared, not borrowed
                if (own != null && !own.join()) {
                    own = null;
                }
            }
            return new HttpTransport(this, c, null, own);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
