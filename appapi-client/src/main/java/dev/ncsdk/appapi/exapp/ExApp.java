package dev.ncsdk.appapi.exapp;

import com.sun.net.httpserver.HttpServer;
import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.appapi.app.ui.OccCommand;
import dev.ncsdk.appapi.app.ui.OccInvocation;
import dev.ncsdk.appapi.internal.JdkHttpServers;
import dev.ncsdk.appapi.manifest.AccessLevel;
import dev.ncsdk.appapi.manifest.DockerImage;
import dev.ncsdk.appapi.manifest.EnvironmentVariable;
import dev.ncsdk.appapi.manifest.ExAppManifest;
import dev.ncsdk.appapi.manifest.JsonInfo;
import dev.ncsdk.ocs.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An External App (ExApp) in Java: the HTTP server AppAPI talks to, with authentication, the lifecycle endpoints
 * and the app's own routes, configured from the environment AppAPI gives the container.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     ExApp.builder()
 *             .onInit(progress -> downloadModel(progress))           // POST /init runs this in the background
 *             .onEnabled(nc -> registerMenu(nc))                      // PUT /enabled?enabled=1
 *             .route(HttpMethod.GET, "/items/{id}", AccessLevel.USER,
 *                     req -> Response.json(Map.of("id", req.pathParam("id"), "user", req.user())))
 *             .build()
 *             .runUntilStopped();                                    // until SIGTERM, then a graceful stop
 * }
 * }</pre>
 *
 * <p>What it serves:
 *
 * <ul>
 *   <li>{@code GET /heartbeat}: {@code {"status":"ok"}} at once, without authentication (AppAPI sends none).
 *   <li>{@code POST /init}: answered at once; the {@link InitTask} runs in the background and its progress goes to
 *       Nextcloud; 100 is reported when it returns (also when there is no task), its message when it throws.
 *   <li>{@code PUT /enabled?enabled=1|0}: the {@link EnabledHandler}s; {@code {"error": ""}} or the failure's text.
 *   <li>{@code POST /trigger} and {@code GET /setup_checks} when their handlers are set (404 otherwise).
 *   <li>the routes, in declaration order; 404 or 405 (with {@code Allow}) in JSON otherwise.
 * </ul>
 *
 * <p>Every request but the heartbeat is authenticated with {@link ExAppAuthenticator}; failures are 401 in JSON.
 * Answers are JSON; a handler's exception is a 500 with {@code {"error": ...}} and a log line, a body over the
 * limit a 413, a handler over the time limit a 503. Nextcloud's calls (heartbeat, {@code /enabled}) are served by
 * a pool of workers while the init task waits for its own "progress 100" call, inside which AppAPI makes them.
 *
 * <p>Thread-safe once built. Logs through {@code System.Logger} {@code dev.ncsdk.appapi.exapp}, never a secret.
 *
 * @since 0.1.0
 */
public final class ExApp implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.ncsdk.appapi.exapp");
    private static final Set<String> RESERVED = Set.of("/heartbeat", "/init", "/enabled", "/trigger", "/setup_checks");

    private final Builder settings;
    private final Router router;
    private final InitRunner init;
    private final List<OccCommand> occCommands;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile ExAppConfig config;
    private volatile NextcloudApp nextcloud;
    private boolean ownsNextcloud;
    private HttpServer server;
    private ThreadPoolExecutor workers;
    private ScheduledExecutorService watchdog;
    private FrontDoor front;
    private Dispatcher dispatcher;
    private InetSocketAddress address;
    private boolean started;
    private boolean stopping;

    private ExApp(Builder b) {
        this.settings = b;
        List<Router.Route> all = new ArrayList<>();
        all.add(internal(HttpMethod.POST, "/init", req -> {
            init().start();
            return Response.json(Map.of());
        }));
        all.add(internal(HttpMethod.PUT, "/enabled", this::enabled));
        if (b.trigger != null) {
            TriggerHandler t = b.trigger;
            all.add(internal(HttpMethod.POST, "/trigger", req -> {
                String provider = req.queryParam("providerId").orElse("");
                t.trigger(provider, nextcloud());
                return Response.json(Map.of());
            }));
        }
        if (b.setupChecks != null) {
            SetupChecksHandler s = b.setupChecks;
            all.add(internal(HttpMethod.GET, "/setup_checks", req -> setupChecks(s)));
        }
        all.addAll(b.routes);
        this.occCommands = List.copyOf(b.occCommands);
        this.router = new Router(all);
        this.init = new InitRunner(b.init, this::nextcloud);
    }

    private static Router.Route internal(HttpMethod m, String path, Handler h) {
        return new Router.Route(m, RoutePattern.parse(path), null, RouteOptions.none(), h);
    }

    private InitRunner init() {
        return init;
    }

    /** Whether the init task runs (for tests). */
    boolean initRunning() {
        return init.running();
    }

    /**
     * Starts a configuration, read from {@code System.getenv()} unless {@link Builder#environment} gives another
     * source; each value can be overridden in code.
     *
     * <pre>{@code
     * ExApp app = ExApp.builder().route(HttpMethod.GET, "/", AccessLevel.USER, req -> Response.text("hi")).build();
     * }</pre>
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The resolved configuration: the builder's overrides, else the environment.
     *
     * <pre>{@code
     * Path data = app.config().persistentStorage();
     * }</pre>
     *
     * @return the configuration
     * @throws ExAppConfigException naming the first variable that is missing or malformed
     */
    public ExAppConfig config() {
        ExAppConfig c = config;
        if (c == null) {
            synchronized (this) {
                if (config == null) {
                    config = ExAppConfig.resolve(
                            settings.env, settings.overrides, settings.secret, settings.harpSharedKey);
                }
                c = config;
            }
        }
        return c;
    }

    /**
     * Binds TCP {@code APP_HOST:APP_PORT} (and, behind HaRP, the Unix socket {@code HP_EXAPP_SOCK}) and starts
     * serving. Returns once the sockets listen.
     *
     * <pre>{@code
     * ExApp app = ExApp.builder()...build().start();
     * System.getLogger("app").log(System.Logger.Level.INFO, "listening on " + app.port());
     * }</pre>
     *
     * @return this ExApp
     * @throws ExAppConfigException when the configuration is incomplete
     * @throws UncheckedIOException when a socket cannot be bound
     * @throws IllegalStateException when already started
     */
    public synchronized ExApp start() {
        if (started) {
            throw new IllegalStateException("the ExApp is already started");
        }
        ExAppConfig c = config();
        ExAppAuthenticator auth = ExAppAuthenticator.of(c.appId(), c.secret());
        AtomicInteger n = new AtomicInteger();
        workers = new ThreadPoolExecutor(
                settings.workers, settings.workers, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "exapp-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        workers.allowCoreThreadTimeOut(true);
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "exapp-watchdog");
            t.setDaemon(true);
            return t;
        });
        // every routed request schedules its timeout and cancels it when done: drop cancelled ones at once, or each
        // keeps its exchange reachable for the whole handler timeout
        timers.setRemoveOnCancelPolicy(true);
        watchdog = timers;
        dispatcher =
                new Dispatcher(auth, router, settings.maxBodyBytes, settings.handlerTimeout, watchdog, this::nextcloud);
        try {
            InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            JdkHttpServers.preferNoDelay();
            server = HttpServer.create(loopback, 128);
            server.createContext("/", dispatcher);
            server.setExecutor(workers);
            server.start();
            front = new FrontDoor(server.getAddress(), settings.maxHeaderBytes, settings.maxConnections);
            address = front.bindTcp(new InetSocketAddress(c.host(), c.port()));
            if (c.harp()) {
                front.bindUnix(c.unixSocket());
            }
        } catch (IOException e) {
            shutdownNow();
            throw new UncheckedIOException(
                    "cannot listen on " + c.host() + ":" + c.port() + (c.harp() ? " and " + c.unixSocket() : "") + ": "
                            + e.getMessage(),
                    e);
        }
        started = true;
        LOG.log(
                Level.INFO,
                "ExApp {0} {1} listening on {2}{3}",
                c.appId(),
                c.appVersion(),
                address,
                c.harp() ? " and " + c.unixSocket() : "");
        return this;
    }

    /**
     * The TCP port the ExApp listens on (the chosen one when {@code APP_PORT} is 0).
     *
     * <pre>{@code
     * URI base = URI.create("http://127.0.0.1:" + app.port());
     * }</pre>
     *
     * @return the port
     * @throws IllegalStateException before {@link #start()}
     */
    public synchronized int port() {
        if (address == null) {
            throw new IllegalStateException("the ExApp is not started");
        }
        return address.getPort();
    }

    /**
     * Nextcloud as the ExApp, in the system context: the one client the runtime uses for status reports and hands
     * to the lifecycle handlers (a request's own view is {@link Request#nextcloud()}). Made on first use from the
     * configuration unless {@link Builder#nextcloud(NextcloudApp)} gave one.
     *
     * <pre>{@code
     * app.nextcloud().setInitProgress(100);
     * }</pre>
     *
     * @return the client; closed by {@link #stop} when the runtime made it
     */
    public NextcloudApp nextcloud() {
        NextcloudApp nc = nextcloud;
        if (nc == null) {
            synchronized (this) {
                if (nextcloud == null) {
                    if (settings.nextcloud != null) {
                        nextcloud = settings.nextcloud;
                    } else {
                        ExAppConfig c = config();
                        nextcloud = NextcloudApp.builder()
                                .baseUri(c.nextcloudUrl())
                                .appId(c.appId())
                                .appVersion(c.appVersion())
                                .secret(c.secret())
                                .build();
                        ownsNextcloud = true;
                    }
                }
                nc = nextcloud;
            }
        }
        return nc;
    }

    /**
     * The manifest of this ExApp: id, display name and version from the configuration, and one route entry per
     * declared route pattern and access level (routes declared without an access level are left out: AppAPI
     * calls them directly, its proxy does not reach them). Paste {@link ExAppManifest#toExternalAppXml()} into
     * {@code appinfo/info.xml}.
     *
     * <pre>{@code
     * String xml = app.manifest().toExternalAppXml();
     * }</pre>
     *
     * @return the manifest, not validated
     * @throws ExAppConfigException when the app id or version is not configured
     */
    public ExAppManifest manifest() {
        String id = pick("APP_ID");
        String version = pick("APP_VERSION");
        String name = settings.name != null ? settings.name : pickOr("APP_DISPLAY_NAME", id);
        return new ExAppManifest(id, name, version, settings.docker, router.manifestRoutes(), settings.envVars);
    }

    /**
     * The {@code --json-info} document for {@code occ app_api:app:register <id> <daemon> --json-info '...'}, with
     * the configured secret and the port (the bound one once started).
     *
     * <pre>{@code
     * String json = app.jsonInfo().toJson();   // holds the secret: pass it to occ, never log it
     * }</pre>
     *
     * @return the document for AppAPI's default daemon
     * @throws ExAppConfigException when the configuration is incomplete
     */
    public JsonInfo jsonInfo() {
        return jsonInfo(null);
    }

    /**
     * The {@code --json-info} document naming a manual-install daemon.
     *
     * <pre>{@code
     * String json = app.jsonInfo("manual_install").toJson();
     * }</pre>
     *
     * @param daemonConfigName the daemon, or {@code null} for AppAPI's default
     * @return the document
     * @throws ExAppConfigException when the configuration is incomplete
     */
    public JsonInfo jsonInfo(String daemonConfigName) {
        ExAppConfig c = config();
        int port;
        synchronized (this) {
            port = address != null ? address.getPort() : c.port();
        }
        return manifest().jsonInfo(c.secret(), port, daemonConfigName);
    }

    private String pick(String variable) {
        String v = pickOr(variable, null);
        if (v == null) {
            throw new ExAppConfigException(variable, variable + " is required (AppAPI sets it in the environment)");
        }
        return v;
    }

    private String pickOr(String variable, String fallback) {
        String v = settings.overrides.containsKey(variable)
                ? settings.overrides.get(variable)
                : settings.env.get(variable);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /**
     * Stops: no new connections, running requests finish within {@code grace}, then the sockets close, the Unix
     * socket file is removed and a Nextcloud client the runtime made is closed. Idempotent.
     *
     * <pre>{@code
     * app.stop(Duration.ofSeconds(10));
     * }</pre>
     *
     * @param grace how long running requests may take to finish
     */
    public void stop(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        synchronized (this) {
            if (!started || stopping) {
                if (!started) {
                    stopped.countDown();
                }
                return;
            }
            stopping = true;
        }
        long deadline = System.nanoTime() + grace.toNanos();
        front.closeListeners();
        runStopHandler(grace);
        while (dispatcher.inFlight() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (dispatcher.inFlight() > 0) {
            LOG.log(
                    Level.WARNING,
                    "{0} request(s) still running after the grace period; closing",
                    dispatcher.inFlight());
        }
        shutdownNow();
        LOG.log(Level.INFO, "ExApp stopped");
        stopped.countDown();
    }

    /** Lets the stop handler (a task worker, say) finish its work within the grace, before the client closes. */
    private void runStopHandler(Duration grace) {
        if (settings.onStop != null) {
            try {
                settings.onStop.stopping(grace);
            } catch (Exception | Error e) {
                LOG.log(Level.WARNING, "the stop handler failed", e);
            }
        }
    }

    private synchronized void shutdownNow() {
        init.shutdown();
        if (front != null) {
            front.closeListeners();
        }
        if (server != null) {
            server.stop(0); // answers already written still reach the clients: the relays drain, then close
        }
        if (front != null) {
            front.awaitDrained(Duration.ofSeconds(2));
            front.close();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
        if (ownsNextcloud && nextcloud != null) {
            nextcloud.close();
        }
    }

    /** Stops with the configured grace period ({@link Builder#stopGrace}). */
    @Override
    public void close() {
        stop(settings.stopGrace);
    }

    /**
     * Starts (unless started) and blocks until the ExApp stops; on SIGTERM (the JVM's shutdown) it stops
     * gracefully: no new connections, running requests finish within {@link Builder#stopGrace}, then the JVM exits.
     *
     * <pre>{@code
     * public static void main(String[] args) {
     *     ExApp.builder().route(HttpMethod.GET, "/", AccessLevel.USER, req -> Response.text("hi")).build()
     *             .runUntilStopped();
     * }
     * }</pre>
     */
    public void runUntilStopped() {
        synchronized (this) {
            if (!started) {
                start();
            }
        }
        Thread hook = new Thread(() -> stop(settings.stopGrace), "exapp-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(settings.stopGrace);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or ran
        }
    }

    private Response enabled(Request req) {
        String flag = req.queryParam("enabled").orElse("");
        boolean on;
        if (flag.equals("1") || flag.equalsIgnoreCase("true")) {
            on = true;
        } else if (flag.equals("0") || flag.equalsIgnoreCase("false")) {
            on = false;
        } else {
            return Response.json(400, Map.of("error", "enabled must be 1 or 0"));
        }
        EnabledHandler h = on ? settings.onEnabled : settings.onDisabled;
        String error = "";
        if (on && settings.setupChecks != null) {
            registerSetupChecks();
        }
        if (h != null || (on && !occCommands.isEmpty())) {
            try {
                if (on) {
                    registerOccCommands();
                }
                if (h != null) {
                    h.handle(nextcloud());
                }
            } catch (Exception | Error e) {
                LOG.log(Level.ERROR, (on ? "enabling" : "disabling") + " failed", e);
                error = e.getMessage() == null || e.getMessage().isBlank()
                        ? e.getClass().getSimpleName()
                        : e.getMessage();
            }
        }
        LOG.log(Level.INFO, "ExApp {0}{1}", on ? "enabled" : "disabled", error.isEmpty() ? "" : ": " + error);
        return Response.json(Map.of("error", error));
    }

    /**
     * Opts in to Nextcloud's setup checks when AppAPI has them (35+): without it AppAPI never reads
     * {@code /setup_checks}. An older or unknown AppAPI is skipped, and a failure only logged: the checks are
     * advice to the admin, not a reason to keep the app disabled.
     */
    private void registerSetupChecks() {
        try {
            NextcloudApp nc = nextcloud();
            boolean supported = dev.ncsdk.appapi.app.ui.ServerFeatures.of(nc)
                    .appApiVersion()
                    .map(v -> v.atLeast(dev.ncsdk.appapi.AppApiFeature.SETUP_CHECKS.since()))
                    .orElse(false);
            if (supported) {
                nc.registerSetupChecks();
            } else {
                LOG.log(Level.DEBUG, "setup checks not registered: AppAPI is older than 35 or did not say");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not register the setup checks with Nextcloud: {0}", e.getMessage());
        }
    }

    /** Registers the declared occ commands: AppAPI keeps them, and drops them itself when the app is removed. */
    private void registerOccCommands() {
        for (OccCommand c : occCommands) {
            nextcloud().occ().register(c);
        }
    }

    /**
     * The {@code occ} commands declared with {@link Builder#occCommand}, which the runtime registers with Nextcloud
     * each time it is enabled.
     *
     * <pre>{@code
     * app.occCommands().forEach(c -> log.log(Level.INFO, "occ " + c.name()));
     * }</pre>
     *
     * @return the commands, in declaration order
     * @since 0.1.0
     */
    public List<OccCommand> occCommands() {
        return occCommands;
    }

    private static Handler occRoute(OccCommand command, OccHandler handler) {
        return req -> {
            OccInvocation invocation;
            try {
                invocation = OccInvocation.parse(req.body());
            } catch (IllegalArgumentException e) {
                throw new ExAppHttpException(400, e.getMessage());
            }
            NextcloudApp nc = req.nextcloud();
            return Response.stream("text/plain; charset=utf-8", body -> {
                OccOutput out = new OccOutput(body);
                try {
                    handler.execute(invocation, out, nc);
                } catch (Exception | Error e) {
                    if (!out.written()) {
                        throw e; // nothing sent: the error status makes AppAPI fail the command
                    }
                    LOG.log(Level.ERROR, "occ " + command.name() + " failed after its first output", e);
                    String why = e instanceof ExAppHttpException
                            ? e.getMessage()
                            : "internal error in the ExApp (see its log)";
                    try {
                        out.println(command.name() + ": failed: " + why);
                    } catch (UncheckedIOException gone) {
                        // the admin's terminal is gone too
                    }
                }
            });
        };
    }

    private Response setupChecks(SetupChecksHandler s) throws Exception {
        Map<String, SetupCheck> checks = s.check(nextcloud());
        Map<String, Object> out = new LinkedHashMap<>();
        if (checks != null) {
            checks.forEach((id, c) -> {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("status", c.status().wireValue());
                j.put("text", c.text());
                if (c.linkUrl() != null) {
                    j.put("link_url", c.linkUrl());
                }
                if (c.linkLabel() != null) {
                    j.put("link_label", c.linkLabel());
                }
                out.put(id, j);
            });
        }
        return Response.json(out);
    }

    /** The app id and the listening address; no secret. */
    @Override
    public synchronized String toString() {
        return "ExApp[" + (config == null ? "not configured" : config.appId())
                + (address == null ? "" : " on " + address) + "]";
    }

    /**
     * Configures an {@link ExApp}. Defaults: configuration from {@code System.getenv()}; 16 worker threads; request
     * bodies up to 10 MiB (413 beyond); request heads up to 64 KiB (431 beyond); 60 s per handler (503 beyond,
     * AppAPI itself waits 60 s for {@code /enabled}); 10 s grace on stop; 1024 open connections.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private Map<String, String> env = System.getenv();
        private final Map<String, String> overrides = new HashMap<>();
        private Secret secret;
        private Secret harpSharedKey;
        private NextcloudApp nextcloud;
        private InitTask init;
        private EnabledHandler onEnabled;
        private EnabledHandler onDisabled;
        private TriggerHandler trigger;
        private StopHandler onStop;
        private SetupChecksHandler setupChecks;
        private final List<Router.Route> routes = new ArrayList<>();
        private final List<OccCommand> occCommands = new ArrayList<>();
        private String name;
        private DockerImage docker;
        private final List<EnvironmentVariable> envVars = new ArrayList<>();
        private int workers = 16;
        private long maxBodyBytes = 10L * 1024 * 1024;
        private int maxHeaderBytes = 64 * 1024;
        private int maxConnections = 1024;
        private Duration handlerTimeout = Duration.ofSeconds(60);
        private Duration stopGrace = Duration.ofSeconds(10);

        private Builder() {}

        /**
         * Reads the configuration from these variables instead of {@code System.getenv()}.
         *
         * @param env the variables ({@code APP_ID}, {@code APP_SECRET}, ...)
         * @return this builder
         */
        public Builder environment(Map<String, String> env) {
            this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
            return this;
        }

        /**
         * Overrides {@code APP_ID}.
         *
         * @param appId the app id
         * @return this builder
         */
        public Builder appId(String appId) {
            return set("APP_ID", appId);
        }

        /**
         * Overrides {@code APP_VERSION}.
         *
         * @param version the version
         * @return this builder
         */
        public Builder appVersion(String version) {
            return set("APP_VERSION", version);
        }

        /**
         * Overrides {@code APP_SECRET}.
         *
         * @param secret the secret shared with AppAPI
         * @return this builder
         */
        public Builder secret(Secret secret) {
            this.secret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /**
         * Overrides {@code APP_HOST}.
         *
         * @param host the address to listen on, such as {@code 0.0.0.0}
         * @return this builder
         */
        public Builder host(String host) {
            return set("APP_HOST", host);
        }

        /**
         * Overrides {@code APP_PORT}.
         *
         * @param port the TCP port, 0 for any free one
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("a port is 0-65535, got " + port);
            }
            return set("APP_PORT", Integer.toString(port));
        }

        /**
         * Overrides {@code NEXTCLOUD_URL}.
         *
         * @param url where the ExApp reaches Nextcloud
         * @return this builder
         */
        public Builder nextcloudUrl(String url) {
            return set("NEXTCLOUD_URL", url);
        }

        /**
         * Overrides {@code APP_PERSISTENT_STORAGE}.
         *
         * @param path the directory kept across updates
         * @return this builder
         */
        public Builder persistentStorage(String path) {
            return set("APP_PERSISTENT_STORAGE", path);
        }

        /**
         * Overrides {@code HP_SHARED_KEY}: with a key, the ExApp also listens on the Unix socket.
         *
         * @param key HaRP's shared key
         * @return this builder
         */
        public Builder harpSharedKey(Secret key) {
            this.harpSharedKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Overrides {@code HP_EXAPP_SOCK}.
         *
         * @param path the Unix socket path
         * @return this builder
         */
        public Builder unixSocket(String path) {
            return set("HP_EXAPP_SOCK", path);
        }

        private Builder set(String variable, String value) {
            overrides.put(variable, Objects.requireNonNull(value, variable));
            return this;
        }

        /**
         * Uses this client for calls to Nextcloud instead of one made from the configuration (the runtime then does
         * not close it).
         *
         * @param nextcloud the client in the system context
         * @return this builder
         */
        public Builder nextcloud(NextcloudApp nextcloud) {
            this.nextcloud = Objects.requireNonNull(nextcloud, "nextcloud");
            return this;
        }

        /**
         * The initialisation run after {@code POST /init}.
         *
         * @param task the task
         * @return this builder
         */
        public Builder onInit(InitTask task) {
            this.init = Objects.requireNonNull(task, "task");
            return this;
        }

        /**
         * What to do on {@code PUT /enabled?enabled=1}.
         *
         * @param handler the handler
         * @return this builder
         */
        public Builder onEnabled(EnabledHandler handler) {
            this.onEnabled = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * What to do on {@code PUT /enabled?enabled=0}.
         *
         * @param handler the handler
         * @return this builder
         */
        public Builder onDisabled(EnabledHandler handler) {
            this.onDisabled = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Serves {@code POST /trigger?providerId=} (task processing, Nextcloud 33+).
         *
         * @param handler the handler
         * @return this builder
         */
        public Builder onTrigger(TriggerHandler handler) {
            this.trigger = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * What to do when the ExApp stops ({@link ExApp#stop}, {@link ExApp#close}, SIGTERM): runs after the
         * listeners closed, alongside the requests still running, before the Nextcloud client closes, so that it can
         * still report to Nextcloud; it should return within the grace period.
         *
         * <pre>{@code
         * .onStop(worker::stop)   // a TaskWorker finishes or fails its running tasks
         * }</pre>
         *
         * @param handler the handler
         * @return this builder
         */
        public Builder onStop(StopHandler handler) {
            this.onStop = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Serves {@code GET /setup_checks} (Nextcloud 35+).
         *
         * @param handler the handler
         * @return this builder
         */
        public Builder onSetupChecks(SetupChecksHandler handler) {
            this.setupChecks = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * A route users reach through AppAPI's proxy or HaRP, declared in the manifest with this access level.
         *
         * @param method the HTTP method
         * @param path the path pattern: {@code /items/{id}} (one segment per variable), {@code /static/*} (the
         *     rest of the path, as path variable {@code "*"})
         * @param level who may call it
         * @param handler the handler
         * @return this builder
         * @throws IllegalArgumentException for a malformed pattern or a lifecycle path ({@code /init}...)
         */
        public Builder route(HttpMethod method, String path, AccessLevel level, Handler handler) {
            return route(method, path, level, RouteOptions.none(), handler);
        }

        /**
         * A route users reach through AppAPI's proxy or HaRP, with proxy options.
         *
         * @param method the HTTP method
         * @param path the path pattern
         * @param level who may call it
         * @param options brute-force protection and excluded headers
         * @param handler the handler
         * @return this builder
         */
        public Builder route(HttpMethod method, String path, AccessLevel level, RouteOptions options, Handler handler) {
            Objects.requireNonNull(level, "level");
            return add(method, path, level, Objects.requireNonNull(options, "options"), handler);
        }

        /**
         * A route only AppAPI calls directly (an occ command's or a webhook's handler): authenticated like every
         * route, but left out of the manifest, so the proxy does not forward users to it.
         *
         * @param method the HTTP method
         * @param path the path pattern
         * @param handler the handler
         * @return this builder
         */
        public Builder route(HttpMethod method, String path, Handler handler) {
            return add(method, path, null, RouteOptions.none(), handler);
        }

        /**
         * An {@code occ} command of the ExApp with the handler that runs it. The runtime registers the command with
         * Nextcloud each time it is enabled ({@code PUT /enabled?enabled=1}, before {@link #onEnabled}; a failed
         * registration fails the enabling with its message), and serves {@code POST /<executeHandler>}: it reads the
         * arguments and options AppAPI sends ({@link OccInvocation}) and streams what the handler writes back to the
         * admin's terminal. The handler route is authenticated like every route and stays out of the manifest (AppAPI
         * calls it directly, never through its proxy). AppAPI lists a disabled app's commands no more, and removes
         * them when the app is unregistered.
         *
         * <pre>{@code
         * .occCommand(OccCommand.builder("my_app:hello", "/occ/hello")
         *                 .argument(OccArgument.optional("name", "Who to greet", "world"))
         *                 .build(),
         *         (occ, out, nc) -> out.println("Hello, " + occ.argument("name").orElse("world") + "!"))
         * }</pre>
         *
         * @param command the command: name, arguments, options and handler route ({@link OccCommand#executeHandler})
         * @param handler runs it
         * @return this builder
         * @throws IllegalArgumentException when a command of that name is declared already, or the handler route is
         *     malformed or a lifecycle path
         * @since 0.1.0
         */
        public Builder occCommand(OccCommand command, OccHandler handler) {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(handler, "handler");
            if (occCommands.stream().anyMatch(c -> c.name().equals(command.name()))) {
                throw new IllegalArgumentException("the occ command " + command.name() + " is declared twice");
            }
            add(HttpMethod.POST, "/" + command.executeHandler(), null, RouteOptions.none(), occRoute(command, handler));
            occCommands.add(command);
            return this;
        }

        private Builder add(HttpMethod method, String path, AccessLevel level, RouteOptions options, Handler handler) {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(handler, "handler");
            RoutePattern p = RoutePattern.parse(path);
            if (RESERVED.contains(p.text())) {
                throw new IllegalArgumentException(
                        p.text() + " is served by the runtime; use onInit/onEnabled/onTrigger/onSetupChecks");
            }
            routes.add(new Router.Route(method, p, level, options, handler));
            return this;
        }

        /**
         * The display name in the manifest (default {@code APP_DISPLAY_NAME}, else the app id).
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * The Docker image in the manifest.
         *
         * @param image the image
         * @return this builder
         */
        public Builder docker(DockerImage image) {
            this.docker = Objects.requireNonNull(image, "image");
            return this;
        }

        /**
         * Declares an environment variable in the manifest.
         *
         * @param variable the variable
         * @return this builder
         */
        public Builder env(EnvironmentVariable variable) {
            envVars.add(Objects.requireNonNull(variable, "variable"));
            return this;
        }

        /**
         * The number of worker threads serving requests (default 16, at least 2 so that Nextcloud's calls are
         * served while a handler waits on Nextcloud).
         *
         * @param threads the pool size
         * @return this builder
         */
        public Builder workerThreads(int threads) {
            if (threads < 2) {
                throw new IllegalArgumentException("at least 2 worker threads, got " + threads);
            }
            this.workers = threads;
            return this;
        }

        /**
         * The largest request body (default 10 MiB); larger ones get 413.
         *
         * @param bytes the limit
         * @return this builder
         */
        public Builder maxBodyBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("the body limit must not be negative");
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        /**
         * The largest request head, request line and headers (default 64 KiB); larger ones get 431.
         *
         * @param bytes the limit, at least 1024
         * @return this builder
         */
        public Builder maxHeaderBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("the header limit must be at least 1024 bytes");
            }
            this.maxHeaderBytes = bytes;
            return this;
        }

        /**
         * The most connections open at once (default 1024); more are closed at once.
         *
         * @param connections the limit
         * @return this builder
         */
        public Builder maxConnections(int connections) {
            if (connections < 1) {
                throw new IllegalArgumentException("at least one connection");
            }
            this.maxConnections = connections;
            return this;
        }

        /**
         * How long a handler may take (default 60 s); beyond, the caller gets 503 and the handler's thread is
         * interrupted.
         *
         * @param timeout the limit
         * @return this builder
         */
        public Builder handlerTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the handler timeout must be positive");
            }
            this.handlerTimeout = timeout;
            return this;
        }

        /**
         * How long running requests may take to finish on stop and SIGTERM (default 10 s).
         *
         * @param grace the period
         * @return this builder
         */
        public Builder stopGrace(Duration grace) {
            if (grace.isNegative()) {
                throw new IllegalArgumentException("the grace period must not be negative");
            }
            this.stopGrace = grace;
            return this;
        }

        /**
         * Builds the ExApp (the configuration is read when first needed: {@link ExApp#start()},
         * {@link ExApp#config()}, {@link ExApp#manifest()}).
         *
         * @return the ExApp, not started
         */
        public ExApp build() {
            return new ExApp(this);
        }
    }
}
