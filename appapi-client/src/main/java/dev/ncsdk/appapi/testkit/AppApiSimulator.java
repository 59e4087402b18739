package dev.ncsdk.appapi.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ncsdk.appapi.internal.JdkHttpServers;
import dev.ncsdk.ocs.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Nextcloud with AppAPI on loopback, for testing an ExApp (in any language or framework) from JUnit. It
 * plays AppAPI's part in both directions, in the shapes recorded from a real Nextcloud 32 with AppAPI 32
 * (testdata/nextcloud-32):
 *
 * <ul>
 *   <li><b>Towards the ExApp</b> it drives the lifecycle with the exact headers AppAPI sends: {@link #heartbeat()}
 *       ({@code GET /heartbeat}, no AppAPI headers), {@link #init(Duration)} ({@code POST /init}, then it collects the
 *       progress reports), {@link #enable()} and {@link #disable()} ({@code PUT /enabled?enabled=1|0}, reading
 *       {@code {"error": ...}}). As AppAPI does, when the ExApp reports {@code progress: 100} the simulator calls the
 *       ExApp's {@code GET /heartbeat} and {@code PUT /enabled?enabled=1} <em>inside</em> that report, before
 *       answering it: an ExApp whose HTTP server cannot serve while an init worker waits fails {@code init} with a
 *       message that says so, instead of hanging. {@link #asUser(String)} sends user requests as AppAPI's proxy
 *       does; {@link #forged()} sends requests AppAPI never would, to check refusals.
 *   <li><b>Towards Nextcloud</b> it answers the ExApp's own calls: init status, {@code ex-app/state}, log, app
 *       config and user preferences (kept in memory), notifications, the users list, absolute URLs, capabilities
 *       and the current user, over OCS v1 and v2, JSON or XML. It checks the ExApp's AppAPI headers as the server
 *       does (unknown app, wrong secret, empty {@code EX-APP-VERSION}, unknown user, app disabled: HTTP 401 with OCS
 *       997). Unknown routes get the server's OCS "invalid query" answer (998). Every call is recorded
 *       ({@link #calls()}, {@link #awaitCall(String, String, Duration)}); a test may add answers for other routes
 *       ({@link #answer(String, String, int, String)}).
 * </ul>
 *
 * <pre>{@code
 * try (AppApiSimulator nc = AppApiSimulator.builder().appId("hello").appVersion("1.0.0").start()) {
 *     ExApp app = ExApp.builder().environment(nc.environment(0)).onInit(p -> p.report(50)).build();
 *     app.start();
 *     nc.exAppUrl(URI.create("http://127.0.0.1:" + app.port()));
 *
 *     nc.heartbeat();
 *     InitOutcome init = nc.init(Duration.ofSeconds(10));        // progress ... 100, then enabled inside
 *     assertEquals(200, nc.asUser("alice").get("/").status());
 *     assertEquals(401, nc.forged().wrongSecret().get("/").status());
 *     RecordedCall log = nc.awaitCall("POST", "/apps/app_api/api/v1/log", Duration.ofSeconds(5));
 *     nc.disable();
 * }
 * }</pre>
 *
 * <p>Defaults ({@link Builder}): app {@code test_exapp} version {@code 1.0.0}, a random 64-character secret, AppAPI
 * {@code 32.0.0}, Nextcloud {@code 32.0.1}, users {@code admin} (an admin) and {@code alice}, log level 2,
 * language {@code en}, 10 s timeout for each call to the ExApp, 3 s for the heartbeat nested in the progress-100
 * report (AppAPI's own timeout for a plain request to an ExApp). The app starts registered and enabled, as after a
 * restart; {@link #disable()} or {@link #refuseAsDisabled(boolean)} makes the simulator refuse its calls as AppAPI
 * refuses a disabled app's.
 *
 * <p>Thread-safe. The secret never appears in {@code toString()}, messages or log lines (recorded calls and
 * answers redact {@code AUTHORIZATION-APP-API}, {@code Authorization}, {@code harp-shared-key} and cookies). Close it
 * to stop the server and delete the persistent-storage directory it made.
 *
 * @since 0.1.0
 */
public final class AppApiSimulator implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AppApiSimulator.class.getName());
    private static final String USER_AGENT = "Nextcloud Server Crawler";
    private static final String AUTH_FAILED = "AppAPI authentication failed";
    private static final String NOT_LOGGED_IN = Ocs.NOT_LOGGED_IN;
    private static final String INVALID_QUERY = "Invalid query, please check the syntax. API specifications are "
            + "here: http://www.freedesktop.org/wiki/Specifications/open-collaboration-services.\n";
    private static final int MAX_REQUEST_BODY = 16 * 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Routes where an ExApp registers UI parts, commands and providers (AppAPI routes.php, ocs block). */
    private static final List<String> REGISTRATIONS = List.of(
            "/api/v1/ui/top-menu",
            "/api/v1/ui/files-actions-menu",
            "/api/v2/ui/files-actions-menu",
            "/api/v1/ui/initial-state",
            "/api/v1/ui/script",
            "/api/v1/ui/style",
            "/api/v1/ui/settings",
            "/api/v1/occ_command",
            "/api/v1/ai_provider/task_processing",
            "/api/v1/setup_check");

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final String appId;
    private final String appVersion;
    private final Secret secret;
    private final String aaVersion;
    private final String nextcloudVersion;
    private final String language;
    private final int logLevel;
    private final Duration callTimeout;
    private final Duration nestedCallTimeout;
    private final Secret harpSharedKey;
    private final Set<String> users;
    private final String admin;

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI url;

    private final Object lock = new Object();
    private volatile ExAppChannel channel;
    private volatile int exAppPort = 23000;
    private volatile Path exAppSocket;
    private volatile boolean refuseAsDisabled;
    private Path storage;

    // lifecycle state, guarded by lock
    private boolean enabled = true;
    private boolean initRunning;
    private boolean initDone;
    private int initProgress;
    private String initError = "";
    private final List<Integer> reports = new ArrayList<>();
    private ExAppResponse nestedHeartbeat;
    private ExAppResponse nestedEnabled;
    private ExAppCheckFailure nestedFailure;

    // recorded calls, guarded by calls
    private final List<RecordedCall> calls = new ArrayList<>();
    private final List<Custom> customAnswers = new CopyOnWriteArrayList<>();
    private final Stores stores;
    private final Registrations registrations;
    private final SimulatedFiles files = new SimulatedFiles();
    private final ServerCallbacks callbacks;
    private final SimulatedTasks tasks;
    private final TalkSimulation talk;
    private final WebhookSimulation webhooks;

    private AppApiSimulator(Builder b) throws IOException {
        this.appId = b.appId;
        this.appVersion = b.appVersion;
        this.secret = b.secret != null ? b.secret : Secret.of(random(64));
        this.aaVersion = b.aaVersion;
        this.nextcloudVersion = b.nextcloudVersion;
        this.language = b.language;
        this.logLevel = b.logLevel;
        this.callTimeout = b.timeout;
        this.nestedCallTimeout = b.nestedCallTimeout;
        this.harpSharedKey = b.harpSharedKey;
        this.users = Collections.synchronizedSet(new TreeSet<>(b.users));
        this.admin = b.users.isEmpty() ? "" : b.users.get(0);
        this.stores = new Stores(appId);
        this.registrations = new Registrations(appId);
        this.callbacks = new ServerCallbacks(this, registrations, files);
        this.tasks = new SimulatedTasks(appId, registrations, this::trigger, nextcloudVersion, aaVersion);
        this.talk = new TalkSimulation(this);
        this.webhooks = new WebhookSimulation(this);
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "appapi-simulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newCachedThreadPool(tf);
        JdkHttpServers.preferNoDelay();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        this.url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        LOG.log(System.Logger.Level.DEBUG, () -> "AppAPI simulator for " + appId + " listening on " + url);
    }

    /**
     * A builder with the defaults listed in the class description.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------------------------------------- configuration

    /**
     * The simulated Nextcloud's base URL, e.g. {@code http://127.0.0.1:41234} (what {@code NEXTCLOUD_URL} holds).
     *
     * @return the URL, without a trailing slash
     */
    public URI url() {
        return url;
    }

    /**
     * The ExApp id the simulator expects and sends.
     *
     * @return the id
     */
    public String appId() {
        return appId;
    }

    /**
     * The ExApp version AppAPI has registered (sent as {@code EX-APP-VERSION}).
     *
     * @return the version
     */
    public String appVersion() {
        return appVersion;
    }

    /**
     * The app's shared secret ({@code APP_SECRET}), for an ExApp configured without {@link #environment(int)}.
     *
     * @return the secret (its {@code toString()} is redacted)
     */
    public Secret secret() {
        return secret;
    }

    /**
     * The timeout of each call to the ExApp.
     *
     * @return the timeout
     */
    public Duration callTimeout() {
        return callTimeout;
    }

    /**
     * The environment AppAPI gives an ExApp: {@code APP_ID}, {@code APP_SECRET}, {@code APP_VERSION},
     * {@code APP_DISPLAY_NAME}, {@code APP_HOST=127.0.0.1}, {@code APP_PORT}, {@code NEXTCLOUD_URL} (this simulator),
     * {@code AA_VERSION}, {@code APP_PERSISTENT_STORAGE} (a temporary directory deleted by {@link #close()}),
     * {@code COMPUTE_DEVICE=CPU}; with HaRP also {@code HP_SHARED_KEY} (and {@code HP_EXAPP_SOCK} when a socket was
     * given). Also remembers the port as where the ExApp listens when no other place was given.
     *
     * @param port the port the ExApp is to listen on ({@code 0}: let it pick one, then call {@link #exAppUrl(URI)})
     * @return the variables (unmodifiable; {@code toString()} hides the secrets)
     */
    public Map<String, String> environment(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AA_VERSION", aaVersion);
        env.put("APP_SECRET", secret.reveal());
        env.put("APP_ID", appId);
        env.put("APP_DISPLAY_NAME", appId);
        env.put("APP_VERSION", appVersion);
        env.put("APP_HOST", "127.0.0.1");
        env.put("APP_PORT", Integer.toString(port));
        env.put("APP_PERSISTENT_STORAGE", storage().toString());
        env.put("NEXTCLOUD_URL", url.toString());
        env.put("COMPUTE_DEVICE", "CPU");
        if (harpSharedKey != null) {
            env.put("HP_SHARED_KEY", harpSharedKey.reveal());
            if (exAppSocket != null) {
                env.put("HP_EXAPP_SOCK", exAppSocket.toString());
            }
        }
        if (port != 0) {
            exAppPort = port;
            if (channel == null) {
                exAppUrl(URI.create("http://127.0.0.1:" + port));
            }
        }
        return new Environment(env);
    }

    private Path storage() {
        synchronized (lock) {
            if (storage == null) {
                try {
                    storage = Files.createTempDirectory("ncsdk-exapp-" + appId.replaceAll("[^A-Za-z0-9_-]", "_"));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create the ExApp's persistent storage", e);
                }
            }
            return storage;
        }
    }

    /**
     * Reaches the ExApp over TCP at this base URL.
     *
     * @param exAppUrl e.g. {@code http://127.0.0.1:23000}
     * @return this simulator
     */
    public AppApiSimulator exAppUrl(URI exAppUrl) {
        Objects.requireNonNull(exAppUrl, "exAppUrl");
        if (!"http".equalsIgnoreCase(exAppUrl.getScheme()) && !"https".equalsIgnoreCase(exAppUrl.getScheme())) {
            throw new IllegalArgumentException("the ExApp URL must be http(s): " + exAppUrl);
        }
        if (exAppUrl.getPort() > 0) {
            exAppPort = exAppUrl.getPort();
        }
        replaceChannel(new HttpExAppChannel(exAppUrl, callTimeout, executor));
        return this;
    }

    /**
     * Reaches the ExApp over TCP on loopback at this port.
     *
     * @param port the ExApp's port
     * @return this simulator
     */
    public AppApiSimulator exAppPort(int port) {
        return exAppUrl(URI.create("http://127.0.0.1:" + port));
    }

    /**
     * Reaches the ExApp over a Unix domain socket, as HaRP's FRP client does ({@code /tmp/exapp.sock}).
     *
     * @param socket the socket file
     * @return this simulator
     */
    public AppApiSimulator exAppSocket(Path socket) {
        Objects.requireNonNull(socket, "socket");
        exAppSocket = socket;
        replaceChannel(new UnixSocketExAppChannel(socket, executor));
        return this;
    }

    private void replaceChannel(ExAppChannel next) {
        ExAppChannel old = channel;
        channel = next;
        if (old != null) {
            old.close();
        }
    }

    /**
     * Refuses (or accepts again) the ExApp's calls the way AppAPI refuses a disabled app: HTTP 401, OCS 997
     * "AppAPI authentication failed", except {@code GET /ex-app/state} (which answers {@code 0}) and, while an init is
     * running, the status report (testdata/nextcloud-32 captures 124, 125).
     *
     * @param refuse {@code true} to refuse
     * @return this simulator
     */
    public AppApiSimulator refuseAsDisabled(boolean refuse) {
        this.refuseAsDisabled = refuse;
        return this;
    }

    /**
     * Adds a user that exists in the simulated Nextcloud (the ExApp may act as it).
     *
     * @param userId the user id
     * @return this simulator
     */
    public AppApiSimulator addUser(String userId) {
        checkUser(userId);
        users.add(userId);
        return this;
    }

    /**
     * Answers {@code method path} with this status and body instead of the built-in answer (or of 998). The path
     * matches the request path exactly, or the path after {@code /ocs/v1.php} / {@code /ocs/v2.php}; the query is
     * ignored. A later registration for the same route wins. Calls signed with a bad AppAPI header are still refused.
     *
     * @param method the HTTP method, e.g. {@code GET}
     * @param path e.g. {@code /cloud/users} or {@code /index.php/apps/myapp/api}
     * @param status the HTTP status
     * @param body the body; sent as JSON when it starts with <code>{</code> or {@code [}, as text otherwise
     * @return this simulator
     */
    public AppApiSimulator answer(String method, String path, int status, String body) {
        String t = body.stripLeading();
        String type = t.startsWith("{") || t.startsWith("[") ? Ocs.JSON_TYPE : "text/plain; charset=utf-8";
        return answer(method, path, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Answers {@code method path} with these bytes (see {@link #answer(String, String, int, String)}).
     *
     * @param method the HTTP method
     * @param path the path
     * @param status the HTTP status
     * @param contentType the {@code Content-Type}
     * @param body the body
     * @return this simulator
     */
    public AppApiSimulator answer(String method, String path, int status, String contentType, byte[] body) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(contentType, "contentType");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        customAnswers.add(new Custom(method.toUpperCase(Locale.ROOT), path, status, contentType, body.clone(), null));
        return this;
    }

    /**
     * Answers {@code method path} with a successful OCS envelope around {@code dataJson}, in the version and format
     * the caller asked for (v1 or v2, JSON or XML).
     *
     * @param method the HTTP method
     * @param path the path after {@code /ocs/v1.php} or {@code /ocs/v2.php}, e.g. {@code /cloud/groups}
     * @param dataJson the {@code data} part, as JSON text
     * @return this simulator
     */
    public AppApiSimulator answerOcs(String method, String path, String dataJson) {
        JsonNode data;
        try {
            data = Ocs.PHP_JSON.readTree(dataJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("dataJson is not JSON", e);
        }
        customAnswers.add(new Custom(method.toUpperCase(Locale.ROOT), path, 200, Ocs.JSON_TYPE, new byte[0], data));
        return this;
    }

    // ------------------------------------------------------------------------------------------------ lifecycle

    /**
     * {@code GET /heartbeat} as AppAPI sends it (no AppAPI headers, unless HaRP is simulated). AppAPI needs HTTP 200
     * and {@code {"status":"ok"}}.
     *
     * @return the ExApp's answer
     * @throws ExAppCheckFailure when the answer is anything else, or none came
     */
    public ExAppResponse heartbeat() {
        ExAppResponse r = heartbeat("heartbeat", callTimeout);
        String why = heartbeatProblem(r);
        if (why != null) {
            throw new ExAppCheckFailure("heartbeat", why, r, null);
        }
        return r;
    }

    private ExAppResponse heartbeat(String step, Duration timeout) {
        return exchange(step, "GET", "/heartbeat", heartbeatHeaders(), new byte[0], timeout);
    }

    private static String heartbeatProblem(ExAppResponse r) {
        if (r.status() != 200) {
            return "GET /heartbeat answered HTTP " + r.status() + "; AppAPI needs 200 with {\"status\":\"ok\"}";
        }
        try {
            JsonNode j = r.json();
            if (!"ok".equals(j.path("status").asText(null))) {
                return "GET /heartbeat answered " + Headers.cut(r.bodyText()) + "; AppAPI needs {\"status\":\"ok\"}";
            }
        } catch (IllegalStateException e) {
            return "GET /heartbeat answered a body that is not JSON: " + Headers.cut(r.bodyText());
        }
        return null;
    }

    /**
     * Runs the ExApp's initialisation as AppAPI does: marks the app enabled, sends {@code POST /init} (system
     * context, no body), then collects the ExApp's progress reports ({@code PUT .../ex-app/status}) until one says
     * 100 or carries an error. Inside the progress-100 report, before answering it, it calls the ExApp's
     * {@code GET /heartbeat} and {@code PUT /enabled?enabled=1}. An ExApp that answers {@code /init} with 404 or 501
     * is taken as initialised at once (and then enabled), as AppAPI does.
     *
     * @param timeout how long to wait for progress 100 (AppAPI's own watchdog waits 40 minutes)
     * @return the reports and answers
     * @throws ExAppCheckFailure when {@code /init} is refused or not answered, an error is reported, 100 does not
     *     come in time, or the nested heartbeat/enable fails (the message names the likely deadlock)
     */
    public InitOutcome init(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        synchronized (lock) {
            enabled = true;
            initRunning = true;
            initDone = false;
            initProgress = 0;
            initError = "";
            reports.clear();
            nestedHeartbeat = null;
            nestedEnabled = null;
            nestedFailure = null;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        ExAppResponse initResponse;
        try {
            initResponse = exchange("init", "POST", "/init", systemHeaders(false), new byte[0], callTimeout);
        } catch (ExAppCheckFailure f) {
            synchronized (lock) {
                initRunning = false;
            }
            String hint = f.getCause() instanceof HttpTimeoutException
                    ? " AppAPI expects /init to answer at once and the work to run in the background; an ExApp that"
                            + " reports progress from inside its /init handler blocks while AppAPI calls it back."
                    : "";
            throw new ExAppCheckFailure(
                    "init", f.getMessage().substring("init: ".length()) + "." + hint, null, f.getCause());
        }
        if (initResponse.status() == 404 || initResponse.status() == 501) {
            synchronized (lock) {
                reports.add(100);
                initProgress = 100;
            }
            finishAtHundred(callTimeout);
            markInitFinished();
        } else if (!initResponse.isSuccess()) {
            synchronized (lock) {
                initRunning = false;
            }
            throw new ExAppCheckFailure(
                    "init",
                    "POST /init answered HTTP " + initResponse.status() + " (AppAPI records it as an init error)",
                    initResponse,
                    null);
        }
        synchronized (lock) {
            try {
                while (!initDone) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        initRunning = false;
                        throw new ExAppCheckFailure(
                                "init",
                                "progress did not reach 100 within " + timeout
                                        + "; reports so far: " + reports
                                        + (initProgress == 100
                                                ? " (the progress-100 report is still waiting for the nested"
                                                        + " heartbeat/enable calls)"
                                                : ""),
                                initResponse,
                                null);
                    }
                    lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                initRunning = false;
                throw new ExAppCheckFailure("init", "interrupted while waiting for progress reports", null, e);
            }
            initRunning = false;
            if (!initError.isEmpty()) {
                throw new ExAppCheckFailure(
                        "init",
                        "the ExApp reported an init error: \"" + initError + "\" (progress reports: " + reports + ")",
                        initResponse,
                        null);
            }
            if (nestedFailure != null) {
                throw nestedFailure;
            }
            return new InitOutcome(reports, initResponse, nestedHeartbeat, nestedEnabled);
        }
    }

    /** Heartbeat then enable, as AppAPI's enableExApp; records the outcome for init(). */
    private void finishAtHundred(Duration heartbeatTimeout) {
        ExAppResponse hb = null;
        ExAppResponse en = null;
        ExAppCheckFailure failure = null;
        try {
            if (channel == null) {
                throw new ExAppCheckFailure(
                        "init",
                        "the ExApp reported progress 100, but the simulator does not know"
                                + " where the ExApp listens (exAppUrl, exAppPort, exAppSocket or environment(port))",
                        null,
                        null);
            }
            hb = heartbeat("init", heartbeatTimeout);
            String why = heartbeatProblem(hb);
            if (why != null) {
                failure = new ExAppCheckFailure("init", "after progress 100, " + why, hb, null);
            } else {
                en = exchange("init", "PUT", "/enabled?enabled=1", systemHeaders(true), new byte[0], callTimeout);
                String err = enabledError(en);
                if (err != null) {
                    failure = new ExAppCheckFailure(
                            "init", "after progress 100, PUT /enabled?enabled=1 " + err, en, null);
                }
            }
        } catch (ExAppCheckFailure f) {
            String msg = f.getMessage().substring("init: ".length());
            if (f.getCause() instanceof HttpTimeoutException) {
                msg = "the ExApp reported progress 100, and while that report waited for its answer (AppAPI enables"
                        + " the app inside it) the ExApp did not answer: " + msg + ". Its HTTP server must keep"
                        + " serving /heartbeat and /enabled while an init worker waits for Nextcloud; a"
                        + " single-threaded server, or one that reports progress from inside its /init handler,"
                        + " deadlocks with AppAPI";
            }
            failure = new ExAppCheckFailure("init", msg, null, f.getCause());
        }
        synchronized (lock) {
            nestedHeartbeat = hb;
            nestedEnabled = en;
            nestedFailure = failure;
            enabled = failure == null;
        }
    }

    /** The report that ends the initialisation has been answered and recorded: init() may return. */
    private void markInitFinished() {
        synchronized (lock) {
            initDone = true;
            lock.notifyAll();
        }
    }

    private static String enabledError(ExAppResponse r) {
        if (r.status() != 200) {
            return "answered HTTP " + r.status() + "; AppAPI needs 200 with {\"error\":\"\"}";
        }
        String error;
        try {
            error = r.json().path("error").asText("");
        } catch (IllegalStateException e) {
            return "answered a body that is not JSON: " + Headers.cut(r.bodyText());
        }
        return error.isEmpty() ? null : "answered the error \"" + error + "\"";
    }

    /**
     * Enables the app as AppAPI's {@code enableExApp} does: marks it enabled, sends {@code GET /heartbeat}, then
     * {@code PUT /enabled?enabled=1} (system context). A non-empty {@code error} in the answer leaves the app
     * disabled.
     *
     * @return the answer to {@code PUT /enabled?enabled=1}
     * @throws ExAppCheckFailure when the heartbeat fails, or the answer is not 200 with an empty {@code error}
     */
    public ExAppResponse enable() {
        synchronized (lock) {
            enabled = true;
        }
        try {
            ExAppResponse hb = heartbeat("enable", callTimeout);
            String why = heartbeatProblem(hb);
            if (why != null) {
                throw new ExAppCheckFailure("enable", why, hb, null);
            }
            ExAppResponse r =
                    exchange("enable", "PUT", "/enabled?enabled=1", systemHeaders(true), new byte[0], callTimeout);
            String err = enabledError(r);
            if (err != null) {
                throw new ExAppCheckFailure(
                        "enable", "PUT /enabled?enabled=1 " + err + "; AppAPI disables the app", r, null);
            }
            return r;
        } catch (ExAppCheckFailure f) {
            synchronized (lock) {
                enabled = false;
            }
            throw f;
        }
    }

    /**
     * Disables the app as AppAPI does: {@code PUT /enabled?enabled=0} (system context), then marks it disabled
     * (its later calls are refused, except {@code ex-app/state}). The app ends disabled even when the ExApp answers
     * an error, as in AppAPI.
     *
     * @return the answer
     * @throws ExAppCheckFailure when the answer is not 200 with an empty {@code error}, or none came
     */
    public ExAppResponse disable() {
        try {
            ExAppResponse r =
                    exchange("disable", "PUT", "/enabled?enabled=0", systemHeaders(true), new byte[0], callTimeout);
            String err = enabledError(r);
            if (err != null) {
                throw new ExAppCheckFailure(
                        "disable",
                        "PUT /enabled?enabled=0 " + err + " (AppAPI only logs it; the app is disabled)",
                        r,
                        null);
            }
            return r;
        } finally {
            synchronized (lock) {
                enabled = false;
            }
        }
    }

    /**
     * Tells the ExApp that task-processing work is waiting, as Nextcloud 33+ does for a triggerable provider:
     * {@code POST /trigger?providerId=...} in the system context.
     *
     * @param providerId the provider id the ExApp registered
     * @return the ExApp's answer (AppAPI only needs a 2xx)
     * @throws ExAppCheckFailure when no answer came
     */
    public ExAppResponse trigger(String providerId) {
        Objects.requireNonNull(providerId, "providerId");
        String q = java.net.URLEncoder.encode(providerId, StandardCharsets.UTF_8);
        return exchange("request", "POST", "/trigger?providerId=" + q, systemHeaders(true), new byte[0], callTimeout);
    }

    /**
     * Nextcloud's task processing as the ExApp's providers see it: a queue of tasks the test schedules, with input
     * files, served through the server's {@code tasks_provider} routes (see {@link SimulatedTasks}).
     *
     * @return the task queue
     */
    public SimulatedTasks tasks() {
        return tasks;
    }

    /**
     * Reads the ExApp's setup checks as AppAPI 35's background job does: {@code GET /setup_checks} in the system
     * context, with AppAPI's 5 s limit (or the simulator's timeout when shorter).
     *
     * @return the answer: a JSON map {@code {checkId: {status, text, ...}}}
     * @throws ExAppCheckFailure when no answer came
     */
    public ExAppResponse setupChecks() {
        Duration t = callTimeout.compareTo(Duration.ofSeconds(5)) < 0 ? callTimeout : Duration.ofSeconds(5);
        return exchange("request", "GET", "/setup_checks", systemHeaders(true), new byte[0], t);
    }

    /**
     * Whether AppAPI considers the app enabled (after {@link #init(Duration)}, {@link #enable()} or at start; not
     * after {@link #disable()} or a failed enable).
     *
     * @return {@code true} when enabled
     */
    public boolean isEnabled() {
        synchronized (lock) {
            return enabled;
        }
    }

    /**
     * The last init progress the ExApp reported (0 before any).
     *
     * @return 0..100
     */
    public int initProgress() {
        synchronized (lock) {
            return initProgress;
        }
    }

    /**
     * The init error the ExApp reported, if any.
     *
     * @return the error text, or empty
     */
    public Optional<String> initError() {
        synchronized (lock) {
            return initError.isEmpty() ? Optional.empty() : Optional.of(initError);
        }
    }

    // ------------------------------------------------------------------------------------------- user requests

    /**
     * Requests signed for a user, as AppAPI's proxy forwards a logged-in user's request (the user is added to the
     * simulated Nextcloud's users).
     *
     * @param userId the user id (no {@code :})
     * @return the request set
     */
    public ExAppRequests asUser(String userId) {
        checkUser(userId);
        if (!userId.isEmpty()) {
            users.add(userId);
        }
        return new ExAppRequests(this, userId);
    }

    /**
     * Requests in the system context (empty user), as AppAPI sends its own calls.
     *
     * @return the request set
     */
    public ExAppRequests system() {
        return new ExAppRequests(this, "");
    }

    /**
     * Requests AppAPI never sends (wrong secret, wrong app id, missing header, none at all), signed for the first
     * configured user ({@code admin} by default), to check that the ExApp refuses them.
     *
     * @return the forgeries
     */
    public ForgedRequests forged() {
        return new ForgedRequests(new ExAppRequests(this, admin));
    }

    /**
     * Talk and AppAPI's Talk-bot part: registered bots, message delivery to the ExApp, the bot's answers.
     *
     * @return the Talk simulation
     */
    public TalkSimulation talk() {
        return talk;
    }

    /**
     * The server's webhook listeners: registrations and event delivery to the ExApp.
     *
     * @return the webhook simulation
     */
    public WebhookSimulation webhooks() {
        return webhooks;
    }

    String adminUser() {
        return admin;
    }

    /** AppAPI's headers for a request it makes to the ExApp itself ({@code requestToExApp}), as a user or none. */
    List<Map.Entry<String, String>> appApiHeaders(String user, String requestId, String contentType) {
        List<Map.Entry<String, String>> h = new ArrayList<>();
        if (contentType != null) {
            h.add(Map.entry("Content-Type", contentType));
        }
        addAppApiHeaders(h, user, null, null, requestId);
        h.add(Map.entry("Accept-Language", language));
        addHarp(h);
        h.add(Map.entry("User-Agent", USER_AGENT));
        h.add(Map.entry("Accept-Encoding", "gzip"));
        return h;
    }

    private static void checkUser(String userId) {
        Objects.requireNonNull(userId, "userId");
        if (userId.indexOf(':') >= 0 || userId.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("a user id must not contain ':' or control characters");
        }
    }

    // ---------------------------------------------------------------------------------------------- recording

    /**
     * Every call the ExApp made to the simulated Nextcloud, in the order they were answered.
     *
     * @return a snapshot
     */
    public List<RecordedCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /**
     * The calls whose path starts with a prefix, given in full ({@code /ocs/v1.php/apps/app_api/api/v1/log}) or
     * after the OCS root ({@code /apps/app_api/api/v1/log}, matching v1 and v2).
     *
     * @param pathPrefix the prefix
     * @return a snapshot, in order
     */
    public List<RecordedCall> calls(String pathPrefix) {
        return calls(null, pathPrefix);
    }

    /**
     * The calls with this method and path prefix.
     *
     * @param method the HTTP method, or {@code null} for any
     * @param pathPrefix the prefix (see {@link #calls(String)})
     * @return a snapshot, in order
     */
    public List<RecordedCall> calls(String method, String pathPrefix) {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        List<RecordedCall> out = new ArrayList<>();
        for (RecordedCall c : calls()) {
            if ((method == null || method.equalsIgnoreCase(c.method())) && Routes.matches(c.path(), pathPrefix)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The last call with this path prefix.
     *
     * @param pathPrefix the prefix (see {@link #calls(String)})
     * @return the call, or empty
     */
    public Optional<RecordedCall> lastCall(String pathPrefix) {
        List<RecordedCall> c = calls(pathPrefix);
        return c.isEmpty() ? Optional.empty() : Optional.of(c.get(c.size() - 1));
    }

    /**
     * Waits for the first call (already recorded or still to come) with this method and path prefix.
     *
     * @param method the HTTP method, or {@code null} for any
     * @param pathPrefix the prefix (see {@link #calls(String)})
     * @param timeout how long to wait
     * @return the call
     * @throws ExAppCheckFailure when none came in time (the message lists the calls that did come)
     */
    public RecordedCall awaitCall(String method, String pathPrefix, Duration timeout) {
        return awaitCalls(method, pathPrefix, 1, timeout).get(0);
    }

    /**
     * Waits until at least {@code count} calls with this method and path prefix have been recorded (the ExApp may
     * send them from background threads, as a log bridge does).
     *
     * @param method the HTTP method, or {@code null} for any
     * @param pathPrefix the prefix (see {@link #calls(String)})
     * @param count how many, at least 1
     * @param timeout how long to wait
     * @return all matching calls so far, in order (at least {@code count})
     * @throws ExAppCheckFailure when fewer came in time (the message lists the calls that did come)
     */
    public List<RecordedCall> awaitCalls(String method, String pathPrefix, int count, Duration timeout) {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        Objects.requireNonNull(timeout, "timeout");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (calls) {
            while (true) {
                List<RecordedCall> found = new ArrayList<>();
                for (RecordedCall c : calls) {
                    if ((method == null || method.equalsIgnoreCase(c.method()))
                            && Routes.matches(c.path(), pathPrefix)) {
                        found.add(c);
                    }
                }
                if (found.size() >= count) {
                    return List.copyOf(found);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    List<String> seen = new ArrayList<>();
                    calls.forEach(c -> seen.add(c.method() + " " + c.path() + " -> " + c.status()));
                    throw new ExAppCheckFailure(
                            "await",
                            (count == 1 ? "no call " : found.size() + " of " + count + " calls ")
                                    + (method == null ? "" : method + " ") + pathPrefix + " within " + timeout
                                    + "; calls received: " + seen,
                            null,
                            null);
                }
                try {
                    calls.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ExAppCheckFailure("await", "interrupted", null, e);
                }
            }
        }
    }

    /** Forgets the recorded calls. */
    public void clearCalls() {
        synchronized (calls) {
            calls.clear();
        }
    }

    /**
     * The app config values the ExApp stored (set through the OCS route or {@link #putAppConfig}).
     *
     * @return key to value, sorted by key (a snapshot)
     */
    public Map<String, String> appConfig() {
        return stores.appConfig.values();
    }

    /**
     * Stores an app config value as if the ExApp (or an admin) had set it.
     *
     * @param key the key
     * @param value the value
     * @return this simulator
     */
    public AppApiSimulator putAppConfig(String key, String value) {
        stores.appConfig.set(key, value, null);
        return this;
    }

    /**
     * A user's preferences for this app.
     *
     * @param userId the user
     * @return key to value, sorted by key (a snapshot)
     */
    public Map<String, String> preferences(String userId) {
        return stores.preferences(userId).values();
    }

    /**
     * Stores a user preference for this app.
     *
     * @param userId the user
     * @param key the key
     * @param value the value
     * @return this simulator
     */
    public AppApiSimulator putPreference(String userId, String key, String value) {
        stores.preferences(userId).set(key, value, null);
        return this;
    }

    // ------------------------------------------------------------------ files, file actions, occ, proxied pages

    /**
     * Puts a file into a user's files (replacing one at that path, which keeps its file id and gets a new ETag). The
     * ExApp reads it over WebDAV as that user ({@code GET /remote.php/dav/files/<user><path>}, e.g. with
     * {@code nc.asUser(user).files().download(...)}); {@link #fileAction} describes it to the ExApp.
     *
     * <pre>{@code
     * SimulatedFile f = nc.putFile("alice", "/Documents/notes.txt", "hello".getBytes(UTF_8));
     * }</pre>
     *
     * @param userId the owner (added to the simulated users)
     * @param path the path in the user's files, such as {@code /Documents/notes.txt}
     * @param content the bytes
     * @return the file, with its id, ETag and MIME type (guessed from the name)
     * @since 0.1.0
     */
    public SimulatedFile putFile(String userId, String path, byte[] content) {
        checkUser(userId);
        users.add(userId);
        return files.put(userId, path, content, null);
    }

    /**
     * A file put with {@link #putFile}.
     *
     * @param userId the owner
     * @param path the path in the user's files
     * @return the file, or empty
     * @since 0.1.0
     */
    public Optional<SimulatedFile> file(String userId, String path) {
        return files.get(userId, path);
    }

    /**
     * Tells the simulator the ExApp's routes, as AppAPI reads them from {@code info.xml} or {@code --json-info} at
     * registration: from then on {@link #proxy}, {@link #fileAction} and {@link #topMenuPage} forward a request only
     * when the first route matching its path and method allows the user (PUBLIC anyone, USER a logged-in user, ADMIN
     * the first configured user), and answer 404 otherwise, as AppAPI's proxy does. Without it every request is
     * forwarded.
     *
     * <pre>{@code
     * nc.routes(app.manifest());
     * }</pre>
     *
     * @param manifest the ExApp's manifest (e.g. {@code ExApp.manifest()})
     * @return this simulator
     * @since 0.1.0
     */
    public AppApiSimulator routes(dev.ncsdk.appapi.manifest.ExAppManifest manifest) {
        callbacks.routes(Objects.requireNonNull(manifest, "manifest").routes());
        return this;
    }

    /**
     * A browser's request to the ExApp through AppAPI's proxy, {@code /index.php/apps/app_api/proxy/<appid>/<path>}:
     * refused with 404 when the app is disabled, the path holds a {@code ..} segment, or (after {@link #routes}) no
     * declared route allows it; otherwise forwarded to {@code /<path>} signed for the user.
     *
     * <pre>{@code
     * ExAppResponse js = nc.proxy("alice", "GET", "js/main.js");
     * }</pre>
     *
     * @param userId the logged-in user, or {@code null} for an anonymous visitor
     * @param method the HTTP method
     * @param path the path after the app id, with any query
     * @return the ExApp's answer, or the proxy's 404
     * @since 0.1.0
     */
    public ExAppResponse proxy(String userId, String method, String path) {
        return callbacks.proxy(userId, method, path, new byte[0], null);
    }

    /**
     * Like {@link #proxy(String, String, String)}, with a body.
     *
     * @param userId the logged-in user, or {@code null}
     * @param method the HTTP method
     * @param path the path after the app id
     * @param body the body
     * @param contentType its {@code Content-Type}
     * @return the ExApp's answer, or the proxy's 404
     * @since 0.1.0
     */
    public ExAppResponse proxy(String userId, String method, String path, byte[] body, String contentType) {
        return callbacks.proxy(userId, method, path, body, contentType);
    }

    /**
     * A user picks one of the ExApp's file actions on files put with {@link #putFile}, as the Files app's AppAPI
     * plugin sends it (AppAPI {@code src/filesplugin.js}): through the proxy to the action's handler route, for an
     * action registered through the v2 route one POST {@code {"files": [node, ...]}}, for a v1 one a POST of one
     * node per file.
     *
     * <pre>{@code
     * nc.putFile("alice", "/a.txt", bytes);
     * FileActionResult r = nc.fileAction("alice", "hash_file", "/a.txt");
     * }</pre>
     *
     * @param userId the user
     * @param actionName the action's registered name
     * @param paths the files picked, in the user's files
     * @return the answers, and the page the browser opens next, if any
     * @throws ExAppCheckFailure when the ExApp registered no such action, or did not answer
     * @since 0.1.0
     */
    public FileActionResult fileAction(String userId, String actionName, String... paths) {
        return callbacks.fileAction(userId, actionName, false, List.of(paths));
    }

    /**
     * Like {@link #fileAction}, sending the deprecated v1 body (one node object per POST) whatever route the action
     * was registered through, as Nextcloud does for actions registered through AppAPI's v1 route.
     *
     * @param userId the user
     * @param actionName the action's registered name
     * @param paths the files picked
     * @return one answer per file
     * @since 0.1.0
     */
    public FileActionResult fileActionV1(String userId, String actionName, String... paths) {
        return callbacks.fileAction(userId, actionName, true, List.of(paths));
    }

    /**
     * A user opens one of the ExApp's top-menu pages, {@code /index.php/apps/app_api/embedded/<appid>/<name>}: the
     * page Nextcloud builds from the entry, its initial state, scripts and styles, whose files the browser then
     * fetches through the proxy as the user ({@link #proxy}).
     *
     * <pre>{@code
     * EmbeddedPage page = nc.topMenuPage("alice", "main");
     * }</pre>
     *
     * @param userId the user
     * @param name the entry's name
     * @return the page
     * @throws ExAppCheckFailure when there is no such entry, the app is disabled, or the entry is for admins and the
     *     user is not the first configured user (Nextcloud answers 404 then)
     * @since 0.1.0
     */
    public EmbeddedPage topMenuPage(String userId, String name) {
        checkUser(userId);
        users.add(userId);
        return callbacks.topMenuPage(userId, name);
    }

    /**
     * An admin runs one of the ExApp's occ commands: the command line is parsed against the registered definition
     * as Symfony does, then POSTed to the handler route in the system context as {@code {"occ": {"arguments",
     * "options"}}}, and the answer's body is read as a stream, as AppAPI does (AppAPI
     * {@code lib/Service/ExAppOccService.php}).
     *
     * <pre>{@code
     * OccResult r = nc.occ("my_app:count", "alice", "--limit=5");
     * }</pre>
     *
     * @param commandLine the command name, then its arguments and options as typed after {@code occ}
     * @return the exit code and output
     * @since 0.1.0
     */
    public OccResult occ(String... commandLine) {
        return callbacks.occ(List.of(commandLine), line -> {});
    }

    /**
     * Like {@link #occ(String...)}, handing each output line to {@code onLine} as soon as it arrives (while the
     * handler still runs), as the admin's terminal shows it.
     *
     * @param commandLine the command name, then its arguments and options
     * @param onLine receives each line, without its end
     * @return the exit code and output
     * @throws ExAppCheckFailure when the answer did not end within the simulator's timeout
     * @since 0.1.0
     */
    public OccResult occ(List<String> commandLine, java.util.function.Consumer<String> onLine) {
        return callbacks.occ(List.copyOf(commandLine), onLine);
    }

    // ------------------------------------------------------------------------------------ requests to the ExApp

    ExAppResponse exchange(
            String step,
            String method,
            String pathAndQuery,
            List<Map.Entry<String, String>> headers,
            byte[] body,
            Duration timeout) {
        ExAppChannel ch = channel;
        if (ch == null) {
            throw new IllegalStateException("tell the simulator where the ExApp listens first: exAppUrl(..), "
                    + "exAppPort(..), exAppSocket(..) or environment(port)");
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "to ExApp: " + method + " " + pathAndQuery);
        try {
            ExAppResponse r = ch.send(method, pathAndQuery, headers, body, timeout);
            LOG.log(System.Logger.Level.DEBUG, () -> "from ExApp: " + method + " " + pathAndQuery + " -> " + r);
            return r;
        } catch (HttpTimeoutException e) {
            throw new ExAppCheckFailure(
                    step,
                    method + " " + pathAndQuery + " to the ExApp at " + ch.describe() + " got no answer within "
                            + timeout,
                    null,
                    e);
        } catch (IOException e) {
            throw new ExAppCheckFailure(
                    step,
                    "cannot reach the ExApp at " + ch.describe() + " for " + method + " " + pathAndQuery + ": " + e,
                    null,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExAppCheckFailure(step, "interrupted during " + method + " " + pathAndQuery, null, e);
        }
    }

    /** Like {@link #exchange}, handing the answer's body to {@code chunks} as it arrives. */
    ExAppResponse exchangeStreaming(
            String method,
            String pathAndQuery,
            List<Map.Entry<String, String>> headers,
            byte[] body,
            Duration timeout,
            java.util.function.Consumer<byte[]> chunks) {
        ExAppChannel ch = channel;
        if (ch == null) {
            throw new IllegalStateException("tell the simulator where the ExApp listens first: exAppUrl(..), "
                    + "exAppPort(..), exAppSocket(..) or environment(port)");
        }
        try {
            return ch.sendStreaming(method, pathAndQuery, headers, body, timeout, chunks);
        } catch (HttpTimeoutException e) {
            throw new ExAppCheckFailure(
                    "request",
                    method + " " + pathAndQuery + " to the ExApp at " + ch.describe() + " did not end within "
                            + timeout,
                    null,
                    e);
        } catch (IOException e) {
            throw new ExAppCheckFailure(
                    "request",
                    "cannot reach the ExApp at " + ch.describe() + " for " + method + " " + pathAndQuery + ": " + e,
                    null,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExAppCheckFailure("request", "interrupted during " + method + " " + pathAndQuery, null, e);
        }
    }

    private List<Map.Entry<String, String>> heartbeatHeaders() {
        List<Map.Entry<String, String>> h = new ArrayList<>();
        h.add(Map.entry("Accept", "application/json"));
        h.add(Map.entry("Content-Type", "application/json"));
        if (harpSharedKey != null) {
            addAppApiHeaders(h, "", null, null, "CLI");
            addHarp(h);
        }
        h.add(Map.entry("User-Agent", USER_AGENT));
        h.add(Map.entry("Accept-Encoding", "gzip"));
        return h;
    }

    List<Map.Entry<String, String>> systemHeaders(boolean acceptLanguage) {
        List<Map.Entry<String, String>> h = new ArrayList<>();
        addAppApiHeaders(h, "", null, null, "CLI");
        if (acceptLanguage) {
            h.add(Map.entry("Accept-Language", language));
        }
        addHarp(h);
        h.add(Map.entry("User-Agent", USER_AGENT));
        h.add(Map.entry("Accept-Encoding", "gzip"));
        return h;
    }

    List<Map.Entry<String, String>> userHeaders(
            String user, String contentType, String appIdOverride, String authOverride, String requestId) {
        List<Map.Entry<String, String>> h = new ArrayList<>();
        if (contentType != null) {
            h.add(Map.entry("Content-Type", contentType));
        }
        h.add(Map.entry("x-origin-ip", "127.0.0.1"));
        addAppApiHeaders(h, user, appIdOverride, authOverride, requestId == null ? random(20) : requestId);
        h.add(Map.entry("Accept-Language", language));
        addHarp(h);
        h.add(Map.entry("Accept-Encoding", "gzip"));
        return h;
    }

    private void addAppApiHeaders(
            List<Map.Entry<String, String>> h,
            String user,
            String appIdOverride,
            String authOverride,
            String requestId) {
        h.add(Map.entry("AA-VERSION", harpSharedKey != null ? "32" : aaVersion));
        h.add(Map.entry("EX-APP-ID", appIdOverride != null ? appIdOverride : appId));
        h.add(Map.entry("EX-APP-VERSION", appVersion));
        String auth = authOverride != null
                ? authOverride
                : Base64.getEncoder().encodeToString((user + ":" + secret.reveal()).getBytes(StandardCharsets.UTF_8));
        h.add(Map.entry("AUTHORIZATION-APP-API", auth));
        h.add(Map.entry("AA-REQUEST-ID", requestId));
    }

    private void addHarp(List<Map.Entry<String, String>> h) {
        if (harpSharedKey != null) {
            h.add(Map.entry("harp-shared-key", harpSharedKey.reveal()));
            h.add(Map.entry("ex-app-host", "127.0.0.1"));
            h.add(Map.entry("ex-app-port", Integer.toString(exAppPort)));
        }
    }

    static String random(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
        }
        return b.toString();
    }

    // ------------------------------------------------------------------------------ the ExApp's calls to Nextcloud

    private void handle(HttpExchange ex) {
        Runnable after = null;
        try (ex) {
            Instant received = Instant.now();
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            URI uri = ex.getRequestURI();
            String path = uri.getPath() == null ? "/" : uri.getPath();
            String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
            Map<String, List<String>> headers = Headers.copyLowerCase(ex.getRequestHeaders());
            byte[] body = ex.getRequestBody().readNBytes(MAX_REQUEST_BODY + 1);
            Handled h;
            if (body.length > MAX_REQUEST_BODY) {
                body = new byte[0];
                h = new Handled(
                        new Ocs.Answer(
                                413,
                                "text/plain; charset=utf-8",
                                "request body too large".getBytes(StandardCharsets.UTF_8)),
                        null);
            } else {
                h = route(new Call(method, path, query, headers, body));
            }
            RecordedCall call =
                    new RecordedCall(received, method, path, query, headers, body, h.user, h.answer.status());
            synchronized (calls) {
                calls.add(call);
                calls.notifyAll();
            }
            after = h.afterRecorded();
            LOG.log(System.Logger.Level.DEBUG, () -> "from ExApp: " + call);
            ex.getResponseHeaders().set("Content-Type", h.answer.contentType());
            ex.getResponseHeaders().set("X-Request-Id", random(20));
            ex.getResponseHeaders().set("Cache-Control", "no-cache, no-store, must-revalidate");
            byte[] out = h.answer.body();
            ex.sendResponseHeaders(h.answer.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                ex.getResponseBody().write(out);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "the ExApp went away before its answer: " + e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "AppAPI simulator could not answer a call: " + e);
        } finally {
            if (after != null) {
                after.run(); // once the answer is out (init() returns after the ExApp got it)
            }
        }
    }

    /** One call from the ExApp. */
    record Call(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> v = headers.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }
    }

    /** An answer, the user the call was authenticated as, and what to do once it is recorded and answered. */
    private record Handled(Ocs.Answer answer, String user, Runnable afterRecorded) {
        Handled(Ocs.Answer answer, String user) {
            this(answer, user, null);
        }
    }

    /** A registered answer. */
    private record Custom(String method, String path, int status, String contentType, byte[] body, JsonNode data) {}

    /** The outcome of checking AppAPI headers: none sent, valid (with the user), or refused. */
    private record Auth(boolean present, String user) {
        boolean ok() {
            return user != null;
        }
    }

    private Auth authenticate(Call c, String rel) {
        String header = c.header("authorization-app-api");
        if (header == null) {
            return new Auth(false, null);
        }
        Auth refused = new Auth(true, null);
        if (!appId.equals(c.header("ex-app-id"))) {
            return refused;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return refused;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || !secret.matches(decoded.substring(colon + 1))) {
            return refused;
        }
        String user = decoded.substring(0, colon);
        boolean exempt = rel.equals("/apps/app_api/ex-app/state");
        synchronized (lock) {
            exempt |= initRunning
                    && (rel.equals("/apps/app_api/ex-app/status") || rel.startsWith("/apps/app_api/apps/status/"));
            if (!exempt && (refuseAsDisabled || !enabled)) {
                return refused;
            }
        }
        String version = c.header("ex-app-version");
        if (version == null || version.isEmpty()) {
            return refused;
        }
        if (!user.isEmpty() && !users.contains(user)) {
            return refused;
        }
        return new Auth(true, user);
    }

    private static boolean wantsJson(Call c) {
        String format = Params.query(c.query).path("format").asText("");
        if (!format.isEmpty()) {
            return format.equalsIgnoreCase("json");
        }
        String accept = c.header("accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json");
    }

    private Handled route(Call c) {
        int v = Routes.ocsVersion(c.path());
        String rel = Routes.ocsRelative(c.path());
        boolean json = wantsJson(c);
        int ver = v == 0 ? 2 : v;
        Auth auth = authenticate(c, rel);
        for (int i = customAnswers.size() - 1; i >= 0; i--) {
            Custom a = customAnswers.get(i);
            if (a.method().equals(c.method())
                    && (a.path().equals(c.path()) || (v != 0 && a.path().equals(rel)))) {
                if (auth.present() && !auth.ok()) {
                    return new Handled(Ocs.failure(ver, json, 997, AUTH_FAILED), null);
                }
                Ocs.Answer answer = a.data() != null
                        ? Ocs.ok(ver, json || v == 0, a.data())
                        : new Ocs.Answer(a.status(), a.contentType(), a.body());
                return new Handled(answer, auth.user());
            }
        }
        if (v == 0 && c.path().startsWith(SimulatedFiles.DAV_FILES)) {
            return new Handled(files.handle(c.method(), c.path(), auth.present(), auth.user()), auth.user());
        }
        if (v == 0) {
            if (c.method().equals("GET") && c.path().equals("/status.php")) {
                return new Handled(Ocs.Answer.json(200, statusPhp()), null);
            }
            return new Handled(Ocs.failure(2, true, 998, INVALID_QUERY), auth.user());
        }
        if (rel.startsWith("/apps/app_api/")) {
            if (!auth.ok()) {
                return new Handled(Ocs.failure(v, json, 997, AUTH_FAILED), null);
            }
            if (c.method().equals("PUT")
                    && (rel.equals("/apps/app_api/ex-app/status")
                            || rel.equals("/apps/app_api/apps/status/" + appId))) {
                return status(c, v, json, auth.user());
            }
            return new Handled(appApi(c, v, json, rel, auth.user()), auth.user());
        }
        if (rel.startsWith("/taskprocessing/")) {
            return new Handled(tasks.handle(c, v, json, auth.present(), auth.user()), auth.user());
        }
        if (rel.equals("/cloud/capabilities") && c.method().equals("GET")) {
            return new Handled(
                    Ocs.ok(v, json, capabilities(auth.ok() && !auth.user().isEmpty())), auth.user());
        }
        if (rel.equals("/cloud/user") && c.method().equals("GET")) {
            if (c.header("ocs-apirequest") == null || c.header("ocs-apirequest").isEmpty()) {
                return new Handled(Ocs.Answer.json(412, message("CSRF check failed")), auth.user());
            }
            if (!auth.ok() || auth.user().isEmpty()) {
                return new Handled(Ocs.failure(v, json, 997, NOT_LOGGED_IN), auth.user());
            }
            return new Handled(Ocs.ok(v, json, currentUser(auth.user())), auth.user());
        }
        Ocs.Answer talkOrHook = talk.botApi(c, rel, v); // Talk's bot routes are public: signed, not logged in
        if (talkOrHook == null) {
            talkOrHook = webhooks.handle(c, rel, v, json, auth.ok() ? auth.user() : null);
        }
        if (talkOrHook != null) {
            return new Handled(talkOrHook, auth.user());
        }
        return new Handled(Ocs.failure(v, json, 998, INVALID_QUERY), auth.user());
    }

    private Ocs.Answer appApi(Call c, int v, boolean json, String rel, String user) {
        String m = c.method();
        String api = "/apps/app_api/api/v1";
        if (m.equals("GET") && rel.equals("/apps/app_api/ex-app/state")) {
            boolean on;
            synchronized (lock) {
                on = enabled && !refuseAsDisabled;
            }
            return Ocs.ok(v, json, JsonNodeFactory.instance.numberNode(on ? 1 : 0));
        }
        ObjectNode p = Params.of(c);
        if (m.equals("POST") && rel.equals(api + "/log")) {
            Integer level = Params.integer(p.get("level"));
            if (level == null || level < 0 || level > 4) {
                return Ocs.failure(v, json, 400, "Invalid log level");
            }
            String message = p.path("message").asText("");
            LOG.log(
                    System.Logger.Level.DEBUG,
                    () -> "ExApp " + appId + " logged at level " + level + ": " + Headers.cut(message));
            return Ocs.ok(v, json, Ocs.emptyData());
        }
        if (m.equals("GET") && rel.equals(api + "/users")) {
            List<String> list;
            synchronized (users) {
                list = List.copyOf(users);
            }
            return Ocs.ok(v, json, Ocs.PHP_JSON.valueToTree(list));
        }
        if (m.equals("GET") && rel.equals(api + "/info/nextcloud_url/absolute")) {
            String u = p.path("url").asText("");
            while (u.startsWith("/")) {
                u = u.substring(1);
            }
            ObjectNode d = JsonNodeFactory.instance.objectNode();
            d.put("absolute_url", url + "/" + u);
            return Ocs.ok(v, json, d);
        }
        if (rel.startsWith(api + "/ex-app/config")) {
            return stores.config(m, rel.substring((api + "/ex-app/config").length()), p, v, json, null);
        }
        if (rel.startsWith(api + "/ex-app/preference")) {
            if (user.isEmpty()) {
                // AppAPI reads the user from the session: with the system context PHP fails (HTTP 500)
                return Ocs.failure(v, json, 996, "Internal Server Error");
            }
            return stores.config(m, rel.substring((api + "/ex-app/preference").length()), p, v, json, user);
        }
        if (rel.equals(api + "/talk_bot")) {
            return talk.registration(m, p, v, json);
        }
        String registration = REGISTRATIONS.stream()
                .filter(r -> rel.equals("/apps/app_api" + r))
                .findFirst()
                .orElse(null);
        if (registration != null) {
            return registrations.handle(m, registration, p, v, json);
        }
        if (m.equals("POST") && rel.equals(api + "/notification")) {
            if (user.isEmpty()) {
                return Ocs.failure(v, json, 996, "Internal Server Error");
            }
            JsonNode params = p.path("params");
            ObjectNode d = JsonNodeFactory.instance.objectNode();
            d.put("app", appId);
            d.put("user", user);
            d.put(
                    "datetime",
                    java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)
                            .withNano(0)
                            .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                            .replace("Z", "+00:00"));
            d.put("object_type", params.path("object").asText(""));
            d.put("object_id", params.path("object_id").asText(""));
            d.put("subject", "");
            d.put("message", "");
            d.put("link", "");
            d.put("icon", "");
            return Ocs.ok(v, json, d);
        }
        return Ocs.failure(v, json, 998, INVALID_QUERY);
    }

    private Handled status(Call c, int v, boolean json, String user) {
        ObjectNode p = Params.of(c);
        Integer progress = Params.integer(p.get("progress"));
        String error = p.path("error").isNull() ? "" : p.path("error").asText("");
        if (progress == null) {
            return new Handled(Ocs.failure(v, json, 400, "Missing parameter progress"), user);
        }
        if (progress < 0 || progress > 100) {
            return new Handled(Ocs.failure(v, json, 996, "Invalid ExApp status progress value"), user);
        }
        boolean runNested = false;
        boolean ends = false;
        synchronized (lock) {
            if (!error.isEmpty()) {
                reports.add(progress);
                initError = error;
                ends = initRunning;
            } else if (initProgress == 100 && progress != 0) {
                LOG.log(System.Logger.Level.DEBUG, () -> "progress " + progress + " after 100: ignored, as AppAPI");
            } else {
                reports.add(progress);
                initProgress = progress;
                if (progress == 100) {
                    runNested = true;
                }
            }
        }
        if (runNested) {
            finishAtHundred(nestedCallTimeout);
            ends = true;
        }
        return new Handled(Ocs.ok(v, json, Ocs.emptyData()), user, ends ? this::markInitFinished : null);
    }

    private JsonNode capabilities(boolean loggedIn) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.set("version", versionNode());
        ObjectNode caps = d.putObject("capabilities");
        ObjectNode core = caps.putObject("core");
        core.put("pollinterval", 60);
        core.put("webdav-root", "remote.php/webdav");
        ObjectNode aa = caps.putObject("app_api");
        if (loggedIn) {
            aa.put("loglevel", logLevel); // AppAPI's Capabilities: only for a logged-in user (capture 01 vs 114)
        }
        aa.put("version", aaVersion);
        talk.capabilities(caps);
        return d;
    }

    private ObjectNode versionNode() {
        String[] parts = nextcloudVersion.split("\\.");
        ObjectNode ver = JsonNodeFactory.instance.objectNode();
        ver.put("major", parts.length > 0 ? Params.intOr(parts[0], 0) : 0);
        ver.put("minor", parts.length > 1 ? Params.intOr(parts[1], 0) : 0);
        ver.put("micro", parts.length > 2 ? Params.intOr(parts[2], 0) : 0);
        ver.put("string", nextcloudVersion);
        ver.put("edition", "");
        ver.put("extendedSupport", false);
        return ver;
    }

    private JsonNode statusPhp() {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("installed", true);
        d.put("maintenance", false);
        d.put("needsDbUpgrade", false);
        d.put("version", nextcloudVersion + ".0");
        d.put("versionstring", nextcloudVersion);
        d.put("edition", "");
        d.put("productname", "Nextcloud");
        d.put("extendedSupport", false);
        return d;
    }

    private JsonNode currentUser(String user) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("enabled", true);
        d.put("id", user);
        d.put("backend", "Database");
        d.putNull("email");
        d.put("displayname", user);
        d.put("display-name", user);
        d.putArray("groups").add(user.equals(admin) ? "admin" : "users");
        d.put("language", language);
        d.put("locale", "");
        return d;
    }

    private static JsonNode message(String text) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("message", text);
        return d;
    }

    // ------------------------------------------------------------------------------------------------- closing

    /** Stops the server, forgets the ExApp's address and deletes the persistent-storage directory it made. */
    @Override
    public void close() {
        server.stop(0);
        ExAppChannel ch = channel;
        if (ch != null) {
            ch.close();
        }
        executor.shutdownNow();
        Path dir;
        synchronized (lock) {
            dir = storage;
            storage = null;
        }
        if (dir != null) {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not delete " + dir + ": " + e);
        }
    }

    /** The URL and the app; never the secret. */
    @Override
    public String toString() {
        return "AppApiSimulator[" + url + ", app " + appId + " " + appVersion + ", secret ****"
                + (harpSharedKey == null ? "" : ", HaRP") + "]";
    }

    /** The environment map: unmodifiable, secrets hidden from {@code toString()}. */
    private static final class Environment extends AbstractMap<String, String> {
        private final Map<String, String> env;

        Environment(Map<String, String> env) {
            this.env = Collections.unmodifiableMap(env);
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return env.entrySet();
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("{");
            env.forEach((k, val) -> {
                if (b.length() > 1) {
                    b.append(", ");
                }
                b.append(k).append('=').append(k.equals("APP_SECRET") || k.equals("HP_SHARED_KEY") ? "****" : val);
            });
            return b.append('}').toString();
        }
    }

    /**
     * Configures an {@link AppApiSimulator}.
     *
     * <pre>{@code
     * AppApiSimulator nc = AppApiSimulator.builder()
     *         .appId("hello").appVersion("1.0.0").secret("s3cr3t")
     *         .users("admin", "alice", "bob")
     *         .timeout(Duration.ofSeconds(5))
     *         .start();
     * }</pre>
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private String appId = "test_exapp";
        private String appVersion = "1.0.0";
        private Secret secret;
        private String aaVersion = "32.0.0";
        private String nextcloudVersion = "32.0.1";
        private String language = "en";
        private int logLevel = 2;
        private Duration timeout = Duration.ofSeconds(10);
        private Duration nestedCallTimeout = Duration.ofSeconds(3);
        private Secret harpSharedKey;
        private List<String> users = List.of("admin", "alice");

        private Builder() {}

        /**
         * The ExApp id (default {@code test_exapp}).
         *
         * @param id the id
         * @return this builder
         */
        public Builder appId(String id) {
            Objects.requireNonNull(id, "id");
            if (id.isBlank() || id.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
                throw new IllegalArgumentException("an app id is non-empty printable ASCII without spaces");
            }
            this.appId = id;
            return this;
        }

        /**
         * The version AppAPI has registered (default {@code 1.0.0}).
         *
         * @param version the version
         * @return this builder
         */
        public Builder appVersion(String version) {
            Objects.requireNonNull(version, "version");
            if (version.isBlank()) {
                throw new IllegalArgumentException("AppAPI never registers an empty version");
            }
            this.appVersion = version;
            return this;
        }

        /**
         * The shared secret (default: 64 random characters).
         *
         * @param secret the secret
         * @return this builder
         */
        public Builder secret(String secret) {
            return secret(Secret.of(secret));
        }

        /**
         * The shared secret.
         *
         * @param secret the secret
         * @return this builder
         */
        public Builder secret(Secret secret) {
            Objects.requireNonNull(secret, "secret");
            if (secret.isEmpty()) {
                throw new IllegalArgumentException("the secret must not be empty");
            }
            this.secret = secret;
            return this;
        }

        /**
         * The AppAPI version sent as {@code AA-VERSION} and in capabilities (default {@code 32.0.0}).
         *
         * @param version the version
         * @return this builder
         */
        public Builder aaVersion(String version) {
            this.aaVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * The Nextcloud version in capabilities and {@code status.php} (default {@code 32.0.1}).
         *
         * @param version e.g. {@code 33.0.0}
         * @return this builder
         */
        public Builder nextcloudVersion(String version) {
            this.nextcloudVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * The users of the simulated Nextcloud; the first is the admin and the user forgeries are made for
         * (default {@code admin}, {@code alice}). Users passed to {@link AppApiSimulator#asUser(String)} are
         * added.
         *
         * @param userIds the user ids
         * @return this builder
         */
        public Builder users(String... userIds) {
            List<String> list = List.of(userIds);
            list.forEach(AppApiSimulator::checkUser);
            this.users = list;
            return this;
        }

        /**
         * The {@code Accept-Language} AppAPI sends (default {@code en}).
         *
         * @param language a language tag
         * @return this builder
         */
        public Builder language(String language) {
            this.language = Objects.requireNonNull(language, "language");
            return this;
        }

        /**
         * The server log level in {@code capabilities.app_api.loglevel} (default 2, warning).
         *
         * @param level 0..4
         * @return this builder
         */
        public Builder logLevel(int level) {
            if (level < 0 || level > 4) {
                throw new IllegalArgumentException("a Nextcloud log level is 0..4");
            }
            this.logLevel = level;
            return this;
        }

        /**
         * The timeout of each call to the ExApp (default 10 s).
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout);
            return this;
        }

        /**
         * The timeout of the heartbeat sent inside the ExApp's progress-100 report (default 3 s, AppAPI's own
         * timeout for a plain request to an ExApp). Keep it below {@link #timeout(Duration)}, so that a deadlocked
         * ExApp is reported as such rather than as an unanswered {@code /init}.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder nestedCallTimeout(Duration timeout) {
            this.nestedCallTimeout = positive(timeout);
            return this;
        }

        /**
         * Simulates HaRP: every request to the ExApp also carries {@code harp-shared-key}, {@code ex-app-host} and
         * {@code ex-app-port}, the heartbeat carries the AppAPI headers, {@code AA-VERSION} is {@code 32}, and the
         * environment holds {@code HP_SHARED_KEY}.
         *
         * @param sharedKey HaRP's shared key
         * @return this builder
         */
        public Builder harp(String sharedKey) {
            Objects.requireNonNull(sharedKey, "sharedKey");
            this.harpSharedKey = Secret.of(sharedKey);
            return this;
        }

        private static Duration positive(Duration d) {
            Objects.requireNonNull(d, "timeout");
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("a timeout must be positive");
            }
            return d;
        }

        /**
         * Starts the simulated Nextcloud on a free loopback port.
         *
         * @return the running simulator
         * @throws UncheckedIOException when no port can be bound
         */
        public AppApiSimulator start() {
            try {
                return new AppApiSimulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the AppAPI simulator", e);
            }
        }
    }
}
