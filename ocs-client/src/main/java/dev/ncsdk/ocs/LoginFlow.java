package dev.ncsdk.ocs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import dev.ncsdk.ocs.internal.http.Uris;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Login flow v2: the user logs in with a browser, the application receives an app password. Get it from
 * {@link OcsClient#loginFlow()}; the client needs no credentials.
 *
 * <pre>{@code
 * LoginFlow.Start start = nc.loginFlow().start();
 * browser.open(start.loginUrl()); // your application shows the page to the user
 * LoginFlow.Result result = nc.loginFlow().await(start, Duration.ofMinutes(5));
 * OcsClient alice = nc.withCredentials(result.credentials());
 * }</pre>
 *
 * <p>The server answers a poll with 404 until the user has logged in, then once with the credentials, then 404
 * again; the token expires after 20 minutes. Polls are never sent faster than {@link #MIN_POLL_INTERVAL}.
 *
 * @since 0.1.0
 */
public final class LoginFlow {
    /** The shortest wait between two polls. */
    public static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(1);
    /** The wait between two polls unless the caller picks another. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

    private static final System.Logger LOG = System.getLogger("dev.ncsdk.ocs");

    private final OcsClient client;

    LoginFlow(OcsClient client) {
        this.client = client;
    }

    /**
     * A started login flow.
     *
     * @param loginUrl the page the user opens in a browser
     * @param pollEndpoint where the client polls
     * @param token the poll token (secret: whoever has it receives the app password)
     * @since 0.1.0
     */
    public record Start(URI loginUrl, URI pollEndpoint, Secret token) {
        /**
         * Creates a start record.
         *
         * @param loginUrl the login page
         * @param pollEndpoint the poll endpoint
         * @param token the poll token
         */
        public Start {
            Objects.requireNonNull(loginUrl, "loginUrl");
            Objects.requireNonNull(pollEndpoint, "pollEndpoint");
            Objects.requireNonNull(token, "token");
        }
    }

    /**
     * The outcome of a completed login.
     *
     * @param server the server's URL as it reports it
     * @param loginName the login name
     * @param appPassword the new app password
     * @since 0.1.0
     */
    public record Result(URI server, String loginName, Secret appPassword) {
        /**
         * Creates a result.
         *
         * @param server the server URL
         * @param loginName the login name
         * @param appPassword the app password
         */
        public Result {
            Objects.requireNonNull(loginName, "loginName");
            Objects.requireNonNull(appPassword, "appPassword");
        }

        /**
         * The credentials to use from now on.
         *
         * @return login name and app password
         */
        public Credentials credentials() {
            return Credentials.appPassword(loginName, appPassword);
        }
    }

    /**
     * Starts a login flow ({@code POST /index.php/login/v2}, anonymous).
     *
     * @return the login URL for the user and the poll data
     */
    public Start start() {
        return HttpTransport.await(startAsync());
    }

    /**
     * Async twin of {@link #start()}.
     *
     * @return the start's future
     */
    public CompletableFuture<Start> startAsync() {
        OcsRequest r = OcsRequest.post("/index.php/login/v2")
                .credentials(Credentials.none())
                .build();
        return client.jsonAsync(r).thenApply(body -> {
            JsonNode poll = body.path("poll");
            String token = poll.path("token").asText("");
            String endpoint = poll.path("endpoint").asText("");
            String login = body.path("login").asText("");
            if (token.isEmpty() || endpoint.isEmpty() || login.isEmpty()) {
                throw invalid("the login flow answer lacks poll.token, poll.endpoint or login");
            }
            return new Start(uri(login), uri(endpoint), Secret.of(token));
        });
    }

    private URI uri(String s) {
        try {
            URI u = URI.create(s);
            String scheme = u.getScheme() == null ? "" : u.getScheme();
            if (!u.isAbsolute() || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                throw invalid("the login flow answer has a URL that is not http(s)");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw invalid("the login flow answer has a malformed URL");
        }
    }

    private NcUnexpectedResponseException invalid(String what) {
        URI at = Uris.resolve(client.baseUri(), "/index.php/login/v2");
        ErrorResponse er = ErrorResponse.builder("POST", at, 200).build();
        return new NcUnexpectedResponseException(what + ": " + er, er);
    }

    /**
     * Polls once.
     *
     * @param start the started flow
     * @return the credentials when the user has logged in, empty while pending
     * @throws NcNotFoundException never: a 404 means pending
     */
    public Optional<Result> poll(Start start) {
        return HttpTransport.await(pollAsync(start));
    }

    /**
     * Async twin of {@link #poll(Start)}.
     *
     * @param start the started flow
     * @return the poll's future
     */
    public CompletableFuture<Optional<Result>> pollAsync(Start start) {
        return pollAsync(start, null);
    }

    private CompletableFuture<Optional<Result>> pollAsync(Start start, Duration timeout) {
        Objects.requireNonNull(start, "start");
        String path;
        try {
            path = pollPath(start.pollEndpoint());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        OcsRequest.Builder rb = OcsRequest.post(path)
                .credentials(Credentials.none())
                .formBody(Map.of("token", start.token().reveal()));
        if (timeout != null) {
            rb.timeout(timeout);
        }
        OcsRequest r = rb.build();
        CompletableFuture<JsonNode> answer = client.jsonAsync(r);
        return answer.handle((body, err) -> {
            if (err != null) {
                Throwable c = err instanceof java.util.concurrent.CompletionException && err.getCause() != null
                        ? err.getCause()
                        : err;
                if (c instanceof NcNotFoundException) {
                    return Optional.<Result>empty(); // pending, expired or unknown token
                }
                throw c instanceof RuntimeException ? (RuntimeException) c : new NcException(c.toString(), c);
            }
            String login = body.path("loginName").asText("");
            String password = body.path("appPassword").asText("");
            if (login.isEmpty() || password.isEmpty()) {
                throw invalid("the login flow poll answer lacks loginName or appPassword");
            }
            String server = body.path("server").asText("");
            URI s = server.isEmpty() ? client.baseUri() : uri(server);
            return Optional.of(new Result(s, login, Secret.of(password)));
        });
    }

    /**
     * The poll endpoint as a path under the client's base URL. The token goes only to the server the client
     * talks to: an endpoint elsewhere (a server that reports another scheme or host behind a proxy) is replaced by
     * the same route under the base URL when it is Nextcloud's poll route, and refused otherwise.
     */
    private String pollPath(URI endpoint) {
        String base = client.baseUri().toString();
        String target = endpoint.toString();
        if (target.startsWith(base + "/")) {
            return target.substring(base.length());
        }
        String p = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        if (p.endsWith("/login/v2/poll") && endpoint.getRawQuery() == null) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "poll endpoint {0} is not under {1}; polling the same route under the base URL",
                    Uris.redact(endpoint),
                    Uris.redact(client.baseUri()));
            return p.contains("/index.php/") ? "/index.php/login/v2/poll" : "/login/v2/poll";
        }
        throw new IllegalArgumentException("the poll endpoint " + Uris.redact(endpoint)
                + " is not under the client's base URL " + Uris.redact(client.baseUri()));
    }

    /**
     * Polls every {@link #DEFAULT_POLL_INTERVAL} until the user has logged in or the time is up.
     *
     * @param start the started flow
     * @param timeout how long to wait
     * @return the credentials
     * @throws NcTimeoutException when the user did not log in in time
     */
    public Result await(Start start, Duration timeout) {
        return HttpTransport.await(awaitAsync(start, Instant.now().plus(timeout), DEFAULT_POLL_INTERVAL));
    }

    /**
     * Polls every {@code interval} (at least {@link #MIN_POLL_INTERVAL}) until the user has logged in or the
     * deadline passes.
     *
     * @param start the started flow
     * @param deadline when to give up
     * @param interval the wait between polls
     * @return the credentials
     * @throws NcTimeoutException when the user did not log in in time
     */
    public Result await(Start start, Instant deadline, Duration interval) {
        return HttpTransport.await(awaitAsync(start, deadline, interval));
    }

    /**
     * Async twin of {@link #await(Start, Instant, Duration)}.
     *
     * @param start the started flow
     * @param deadline when to give up
     * @param interval the wait between polls
     * @return the credentials' future; fails with {@link NcTimeoutException} at the deadline
     */
    public CompletableFuture<Result> awaitAsync(Start start, Instant deadline, Duration interval) {
        Objects.requireNonNull(deadline, "deadline");
        Duration every = interval == null || interval.compareTo(MIN_POLL_INTERVAL) < 0 ? MIN_POLL_INTERVAL : interval;
        return pollUntil(start, deadline, every);
    }

    private CompletableFuture<Result> pollUntil(Start start, Instant deadline, Duration every) {
        // a poll never outlives the deadline by much, whatever the client's request timeout
        Duration left = Duration.between(Instant.now(), deadline);
        Duration timeout = left.compareTo(MIN_POLL_INTERVAL) < 0 ? MIN_POLL_INTERVAL : left;
        if (timeout.compareTo(client.transport().requestTimeout()) > 0) {
            timeout = null;
        }
        return pollAsync(start, timeout).thenCompose(r -> {
            if (r.isPresent()) {
                return CompletableFuture.completedFuture(r.get());
            }
            Instant next = Instant.now().plus(every);
            if (next.isAfter(deadline)) {
                return CompletableFuture.failedFuture(new NcTimeoutException(
                        "the user did not complete the login flow before the deadline", null, true));
            }
            LOG.log(System.Logger.Level.DEBUG, "login flow pending; polling again in {0} ms", every.toMillis());
            return CompletableFuture.supplyAsync(
                            () -> null,
                            CompletableFuture.delayedExecutor(every.toMillis(), TimeUnit.MILLISECONDS, Runnable::run))
                    .thenCompose(x -> pollUntil(start, deadline, every));
        });
    }
}
