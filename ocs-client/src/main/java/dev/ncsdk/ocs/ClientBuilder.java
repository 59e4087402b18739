package dev.ncsdk.ocs;

import dev.ncsdk.ocs.internal.http.HttpTransport;
import dev.ncsdk.ocs.internal.http.Uris;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings every ncsdk client builder shares: the server's base URL, the credentials and the HTTP transport
 * (user agent, timeouts, the caller's {@link HttpClient}, retries, response size limit). {@code
 * OcsClient.Builder}, {@code AppStoreClient.Builder}, {@code AppStorePublisher.Builder} and {@code
 * AppApiAdminClient.Builder} extend it and add their own settings.
 *
 * <p>Defaults, unless a client's builder documents others:
 *
 * <ul>
 *   <li>base URL: none (required), or the client's default such as the public App Store;
 *   <li>credentials: {@link Credentials#none()};
 *   <li>user agent: {@code ncsdk/<version> Java/<version>};
 *   <li>connect timeout: 10 s (ignored when an {@link HttpClient} is given: its own applies);
 *   <li>request timeout: 30 s for the whole call (the App Store client: 60 s). It is a deadline: connection,
 *       headers and body of every attempt, every redirect and the back-off waits between retries all fit in it;
 *       there is no separate per-attempt timeout (an attempt gets the time that is left), so a server that never
 *       answers ends the call with {@link NcTimeoutException} once, at the deadline;
 *   <li>HTTP client: one created by the client, not following redirects itself;
 *   <li>retry policy: {@link RetryPolicy#defaults()} (idempotent calls only, honouring {@code Retry-After});
 *   <li>response size limit: 32 MiB after gzip inflation (the App Store client: 64 MiB);
 *   <li>redirects: at most 5 followed; credentials and headers that carry one never follow to another origin; a
 *       redirect that would re-send a body to another origin, or go from https down to http, is refused with
 *       {@link NcRedirectException};
 *   <li>plain http: credentials sent over http to a host that is not loopback are logged as one warning per
 *       client (the App Store clients refuse them unless {@code allowInsecureHttp(true)}).
 * </ul>
 *
 * <p>Every setter checks its argument at once and throws {@link NullPointerException} or {@link
 * IllegalArgumentException}, so that a bad value fails where it is set. Builders are not thread-safe. Only the
 * SDK's own modules extend this class.
 *
 * @param <B> the concrete builder, returned by every setter for chaining
 * @since 0.1.0
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
    private final Duration defaultRequestTimeout;
    private final long defaultMaxResponseBytes;

    // null (0 for the size) = not set on this builder: the default applies, or the setting of a shared transport
    private URI baseUri;
    private Credentials credentials;
    private String userAgent;
    private Duration connectTimeout;
    private Duration requestTimeout;
    private HttpClient httpClient;
    private RetryPolicy retryPolicy;
    private long maxResponseBytes;

    /** Starts a builder with the common defaults and no base URL. */
    protected ClientBuilder() {
        this(null, HttpTransport.DEFAULT_REQUEST_TIMEOUT, HttpTransport.DEFAULT_MAX_RESPONSE_BYTES);
    }

    /**
     * Starts a builder with a client's own defaults.
     *
     * @param defaultBaseUri the base URI used when none is set, or {@code null} to require one
     * @param defaultRequestTimeout the whole-call timeout used when none is set
     * @param defaultMaxResponseBytes the response size limit used when none is set
     */
    protected ClientBuilder(URI defaultBaseUri, Duration defaultRequestTimeout, long defaultMaxResponseBytes) {
        this.baseUri = defaultBaseUri == null ? null : Uris.base(defaultBaseUri);
        this.defaultRequestTimeout = positive(defaultRequestTimeout, "defaultRequestTimeout");
        this.defaultMaxResponseBytes = positive(defaultMaxResponseBytes, "defaultMaxResponseBytes");
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * Sets the base URI, with or without a sub-path ({@code https://host/nextcloud}); a trailing slash is dropped.
     *
     * @param uri the URI; {@code http} or {@code https}, no credentials, query or fragment
     * @return this builder
     * @throws IllegalArgumentException when the URI cannot serve as a base
     */
    public B baseUri(URI uri) {
        this.baseUri = Uris.base(Objects.requireNonNull(uri, "uri"));
        return self();
    }

    /**
     * Sets the credentials sent with every call (default {@link Credentials#none()}).
     *
     * @param credentials the credentials
     * @return this builder
     */
    public B credentials(Credentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        return self();
    }

    /**
     * Sets the user agent (default {@code ncsdk/<version> Java/<version>}).
     *
     * @param userAgent a non-blank single line
     * @return this builder
     * @throws IllegalArgumentException when it is blank or spans lines
     */
    public B userAgent(String userAgent) {
        Objects.requireNonNull(userAgent, "userAgent");
        if (userAgent.isBlank() || userAgent.indexOf('\n') >= 0 || userAgent.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("user agent must be a non-blank single line");
        }
        this.userAgent = userAgent;
        return self();
    }

    /**
     * Sets the connect timeout (default 10 s). Ignored when an {@link HttpClient} is given: its own applies.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public B connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "connectTimeout");
        return self();
    }

    /**
     * Sets the whole-call timeout (default 30 s unless the client's builder says otherwise): a deadline for the
     * connection, headers and body of every attempt, every redirect and the back-off waits between retries. There
     * is no separate per-attempt timeout; a retry whose wait would leave no time for another attempt is not made. A
     * single call may set its own.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public B requestTimeout(Duration timeout) {
        this.requestTimeout = positive(timeout, "requestTimeout");
        return self();
    }

    /**
     * Uses the caller's HTTP client (proxy, TLS, executor) instead of creating one. It should not follow redirects
     * itself, so that credentials never follow a redirect to another origin; closing the SDK's client leaves it
     * usable.
     *
     * @param client the client
     * @return this builder
     */
    public B httpClient(HttpClient client) {
        this.httpClient = Objects.requireNonNull(client, "httpClient");
        return self();
    }

    /**
     * Sets how idempotent calls are retried on connection failures, 429 and 503 (default {@link
     * RetryPolicy#defaults()}). Calls that may have reached the server and are not idempotent are never retried.
     *
     * @param policy the policy
     * @return this builder
     */
    public B retryPolicy(RetryPolicy policy) {
        this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
        return self();
    }

    /**
     * Sets the largest response accepted, after gzip inflation (default 32 MiB unless the client's builder says
     * otherwise).
     *
     * @param bytes a positive size
     * @return this builder
     * @throws IllegalArgumentException when it is not positive
     */
    public B maxResponseBytes(long bytes) {
        this.maxResponseBytes = positive(bytes, "maxResponseBytes");
        return self();
    }

    /** The base URL set, or the default one; {@code null} when neither. */
    final URI configuredBaseUri() {
        return baseUri;
    }

    /** Whether credentials were set. */
    final boolean hasCredentials() {
        return credentials != null;
    }

    /** The response size limit in effect. */
    final long effectiveMaxResponseBytes() {
        return maxResponseBytes > 0 ? maxResponseBytes : defaultMaxResponseBytes;
    }

    /** A transport configuration with every setting of this builder, defaults where none was set. */
    final HttpTransport.Builder transport() {
        HttpTransport.Builder t =
                HttpTransport.builder().requestTimeout(defaultRequestTimeout).maxResponseBytes(defaultMaxResponseBytes);
        return applyTo(t);
    }

    /** A transport configuration with the settings of {@code shared}, overridden by those set on this builder. */
    final HttpTransport.Builder transportOver(HttpTransport shared) {
        return applyTo(shared.toBuilder());
    }

    /** Whether any transport setting was made on this builder (credentials aside). */
    final boolean hasTransportSettings() {
        return userAgent != null
                || connectTimeout != null
                || requestTimeout != null
                || httpClient != null
                || retryPolicy != null
                || maxResponseBytes > 0;
    }

    private HttpTransport.Builder applyTo(HttpTransport.Builder t) {
        if (credentials != null) {
            t.credentials(credentials);
        }
        if (userAgent != null) {
            t.userAgent(userAgent);
        }
        if (connectTimeout != null) {
            t.connectTimeout(connectTimeout);
        }
        if (requestTimeout != null) {
            t.requestTimeout(requestTimeout);
        }
        if (httpClient != null) {
            t.httpClient(httpClient);
        }
        if (retryPolicy != null) {
            t.retryPolicy(retryPolicy);
        }
        if (maxResponseBytes > 0) {
            t.maxResponseBytes(maxResponseBytes);
        }
        return t;
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }

    private static long positive(long n, String name) {
        if (n <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return n;
    }
}
