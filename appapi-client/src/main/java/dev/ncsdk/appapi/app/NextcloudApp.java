package dev.ncsdk.appapi.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.AppApiCredentials;
import dev.ncsdk.appapi.app.files.NextcloudFiles;
import dev.ncsdk.appapi.app.tasks.TaskProcessing;
import dev.ncsdk.appapi.app.ui.ExAppUi;
import dev.ncsdk.appapi.app.ui.OccCommands;
import dev.ncsdk.appapi.app.ui.ServerFeatures;
import dev.ncsdk.appapi.app.ui.SettingsForms;
import dev.ncsdk.ocs.NcResponseException;
import dev.ncsdk.ocs.NcUnauthorizedException;
import dev.ncsdk.ocs.OcsApiVersion;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.OcsRequest;
import dev.ncsdk.ocs.OcsResponse;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Nextcloud as seen from an ExApp: every call carries AppAPI's authentication ({@code EX-APP-ID}, {@code
 * EX-APP-VERSION}, {@code AUTHORIZATION-APP-API = base64(user:APP_SECRET)}, {@code OCS-APIRequest: true}), in the
 * system context (empty user) or as a user ({@link #asUser}), and forwards the {@code AA-REQUEST-ID} of the
 * Nextcloud request being handled ({@link #withRequestId}).
 *
 * <pre>{@code
 * try (NextcloudApp nc = NextcloudApp.fromEnvironment()) {   // NEXTCLOUD_URL, APP_ID, APP_VERSION, APP_SECRET
 *     nc.setInitProgress(50);
 *     nc.setInitProgress(100);                               // AppAPI then enables the ExApp
 *     nc.log().info("ready");
 *     NextcloudApp alice = nc.asUser("alice").withRequestId(incomingRequestId);
 *     alice.notifications().send(Notification.of("Report ready", "Your weekly report is ready"));
 *     CurrentUser me = alice.ocs().currentUser();            // any OCS route, same authentication
 * }
 * }</pre>
 *
 * <p>Defaults (see {@link Builder}): 30 s per call, connect timeout 10 s, {@link RetryPolicy#defaults()} (idempotent
 * calls only), user agent {@code ExApp/<appid>/<version> ncsdk/<version> Java/<version>}, the JVM's trusted CAs
 * (add the operating system's bundle with {@link Builder#trustSystemCaBundle()}).
 *
 * <p>Views made with {@link #asUser} and {@link #withRequestId} are cheap: they share the instance's HTTP client and
 * caches, and {@link #close()} on a view does nothing. Closing the instance the builder made ends it and all its
 * views. Thread-safe.
 *
 * <p>Typed calls turn AppAPI's refusals into {@link ExAppAuthenticationException} (wrong secret, unknown app id,
 * unknown user) or {@link ExAppDisabledException} (the ExApp is disabled); other failures are the SDK's usual
 * {@link dev.ncsdk.ocs.NcException} subtypes.
 *
 * @since 0.1.0
 */
public final class NextcloudApp implements AutoCloseable {
    /** Where AppAPI's OCS routes live; the ExApp routes are called over OCS v1, as AppAPI's own SDK does. */
    static final String APP_API = "/apps/app_api";

    private final Shared shared;
    private final String userId;
    private final String requestId;
    private final boolean root;
    private final OcsClient ocs;

    private NextcloudApp(Shared shared, String userId, String requestId, boolean root) {
        this.shared = shared;
        this.userId = userId;
        this.requestId = requestId;
        this.root = root;
        this.ocs = shared.owner.withCredentials(new ExAppCallCredentials(shared.system.asUser(userId), requestId));
    }

    /**
     * Starts a configuration; see {@link Builder} for the settings and defaults.
     *
     * <pre>{@code
     * NextcloudApp nc = NextcloudApp.builder()
     *         .baseUri(URI.create("https://cloud.example.com"))
     *         .appId("hello_java").appVersion("1.0.0").secret(Secret.fromEnv("APP_SECRET"))
     *         .build();
     * }</pre>
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The ExApp's client configured from the environment AppAPI gives the container: {@code NEXTCLOUD_URL},
     * {@code APP_ID}, {@code APP_VERSION}, {@code APP_SECRET}.
     *
     * <pre>{@code
     * try (NextcloudApp nc = NextcloudApp.fromEnvironment()) {
     *     nc.setInitProgress(100);
     * }
     * }</pre>
     *
     * @return the client in the system context
     * @throws IllegalStateException when a variable is missing or empty
     */
    public static NextcloudApp fromEnvironment() {
        return builder().environment(System.getenv()).build();
    }

    /**
     * The same ExApp acting as a user: AppAPI logs the user in for the call (and writes an impersonation line to
     * its log). Shares this instance's HTTP client; keeps the request id.
     *
     * <pre>{@code
     * nc.asUser("alice").preferences().set("theme", "dark");
     * nc.asUser("").enabled();   // back to the system context
     * }</pre>
     *
     * @param userId the user id, or {@code ""} for the system context
     * @return the view
     * @throws IllegalArgumentException when the id contains {@code :} or a control character
     */
    public NextcloudApp asUser(String userId) {
        Objects.requireNonNull(userId, "userId");
        checkHeaderText(userId, "userId");
        if (userId.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a user id in AUTHORIZATION-APP-API must not contain ':'");
        }
        return userId.equals(this.userId) ? this : new NextcloudApp(shared, userId, requestId, false);
    }

    /**
     * The same ExApp sending {@code AA-REQUEST-ID} on every call, so that Nextcloud's log ties the calls to the
     * request it sent the ExApp. Keeps the user.
     *
     * <pre>{@code
     * NextcloudApp forThisRequest = nc.asUser(user).withRequestId(headers.get("AA-REQUEST-ID"));
     * }</pre>
     *
     * @param aaRequestId the id from the incoming request, or {@code null}/{@code ""} for none
     * @return the view
     * @throws IllegalArgumentException when the id contains a control character
     */
    public NextcloudApp withRequestId(String aaRequestId) {
        String id = aaRequestId == null ? "" : aaRequestId.strip();
        checkHeaderText(id, "aaRequestId");
        return id.equals(this.requestId) ? this : new NextcloudApp(shared, userId, id, false);
    }

    /**
     * The ExApp's id ({@code APP_ID}).
     *
     * <pre>{@code
     * String id = nc.appId();
     * }</pre>
     *
     * @return the id
     */
    public String appId() {
        return shared.system.appId();
    }

    /**
     * The ExApp's version ({@code APP_VERSION}), sent as {@code EX-APP-VERSION}.
     *
     * <pre>{@code
     * String v = nc.appVersion();
     * }</pre>
     *
     * @return the version
     */
    public String appVersion() {
        return shared.appVersion;
    }

    /**
     * The user this view acts as.
     *
     * <pre>{@code
     * boolean system = nc.userId().isEmpty();
     * }</pre>
     *
     * @return the user id, {@code ""} for the system context
     */
    public String userId() {
        return userId;
    }

    /**
     * The {@code AA-REQUEST-ID} this view sends.
     *
     * <pre>{@code
     * String id = nc.requestId();
     * }</pre>
     *
     * @return the id, {@code ""} when none
     */
    public String requestId() {
        return requestId;
    }

    /**
     * An OCS client with this view's authentication, for any OCS or JSON route of the server (OCS v2 and JSON by
     * default, as {@link OcsClient} documents). Its failures are the plain SDK exceptions: an AppAPI refusal is an
     * {@link NcUnauthorizedException} (use {@link #call} for the ExApp's typed errors). Closing it does not close
     * this instance.
     *
     * <pre>{@code
     * OcsResponse<JsonNode> shares = nc.asUser("alice").ocs().ocs(
     *         OcsRequest.get("/apps/files_sharing/api/v1/shares").build());
     * }</pre>
     *
     * @return the client
     */
    public OcsClient ocs() {
        return ocs;
    }

    /**
     * Sends any OCS request with this view's authentication and returns the envelope's data, turning AppAPI's
     * refusals into {@link ExAppAuthenticationException} or {@link ExAppDisabledException} like the typed calls.
     * The path is the route after {@code /ocs/v2.php} (the request may ask for v1).
     *
     * <pre>{@code
     * JsonNode apps = nc.asUser("admin").call(OcsRequest.get("/apps/app_api/api/v1/ex-app/all").build());
     * }</pre>
     *
     * @param request the request
     * @return the data
     * @throws ExAppDisabledException when the ExApp is disabled
     * @throws ExAppAuthenticationException when AppAPI refused the credentials
     */
    public JsonNode call(OcsRequest request) {
        return HttpTransport.await(callAsync(request));
    }

    /**
     * Async twin of {@link #call(OcsRequest)}.
     *
     * <pre>{@code
     * nc.callAsync(OcsRequest.get("/cloud/user").build()).thenAccept(me -> ...);
     * }</pre>
     *
     * @param request the request
     * @return the data's future
     */
    public CompletableFuture<JsonNode> callAsync(OcsRequest request) {
        return send(Objects.requireNonNull(request, "request"));
    }

    // ------------------------------------------------------------------------------------------ init status

    /**
     * Reports the progress of the ExApp's initialisation ({@code PUT /ocs/v1.php/apps/app_api/ex-app/status} with
     * {@code {"progress": n}}); at 100 AppAPI marks the ExApp initialised and enables it. Always sent in the system
     * context. AppAPI ignores reports after 100 and resets the start time at 0.
     *
     * <pre>{@code
     * nc.setInitProgress(0);
     * downloadModels(p -> nc.setInitProgress(p * 90 / 100));
     * nc.setInitProgress(100);
     * }</pre>
     *
     * @param percent 0 to 100
     * @throws IllegalArgumentException when the value is outside 0..100 (checked before anything is sent)
     */
    public void setInitProgress(int percent) {
        HttpTransport.await(setInitProgressAsync(percent));
    }

    /**
     * Async twin of {@link #setInitProgress(int)}.
     *
     * <pre>{@code
     * nc.setInitProgressAsync(100).join();
     * }</pre>
     *
     * @param percent 0 to 100
     * @return a future completed when AppAPI accepted the report
     * @throws IllegalArgumentException when the value is outside 0..100
     */
    public CompletableFuture<Void> setInitProgressAsync(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("init progress must be within 0..100, was " + percent);
        }
        shared.lastProgress.set(percent);
        return initStatus(Map.of("progress", percent));
    }

    /**
     * Reports that the initialisation failed ({@code PUT .../ex-app/status} with {@code {"progress": <last reported>,
     * "error": message}}). AppAPI shows the installation as failed with this text; it keeps the progress.
     *
     * <pre>{@code
     * try { download(); } catch (IOException e) { nc.setInitError("model download failed: " + e.getMessage()); }
     * }</pre>
     *
     * @param message the text shown to the admin; not empty
     * @throws IllegalArgumentException when the message is empty
     */
    public void setInitError(String message) {
        HttpTransport.await(setInitErrorAsync(message));
    }

    /**
     * Async twin of {@link #setInitError(String)}.
     *
     * <pre>{@code
     * nc.setInitErrorAsync("no GPU found").join();
     * }</pre>
     *
     * @param message the text shown to the admin; not empty
     * @return a future completed when AppAPI accepted the report
     */
    public CompletableFuture<Void> setInitErrorAsync(String message) {
        Objects.requireNonNull(message, "message");
        if (message.isBlank()) {
            throw new IllegalArgumentException("an init error needs a message (an empty one clears the error)");
        }
        return initStatus(Map.of("progress", shared.lastProgress.get(), "error", message));
    }

    private CompletableFuture<Void> initStatus(Map<String, Object> body) {
        NextcloudApp system = asUser("");
        return system.send(OcsRequest.put(APP_API + "/ex-app/status")
                        .version(OcsApiVersion.V1)
                        .jsonBody(body)
                        .idempotent(true)
                        .build())
                .thenApply(d -> null);
    }

    // ------------------------------------------------------------------------------------------ resource groups

    /**
     * Nextcloud's log, written as this ExApp; lines below the server's level are not sent.
     *
     * <pre>{@code
     * nc.log().warning("disk almost full");
     * }</pre>
     *
     * @return the log group of this view
     */
    public NextcloudLog log() {
        return new NextcloudLog(this, shared.log);
    }

    /**
     * A {@link System.Logger} writing to Nextcloud's log; never blocks, guarded against re-entry. Same as {@code
     * log().systemLogger(name)}.
     *
     * <pre>{@code
     * System.Logger log = nc.systemLogger("my.exapp");
     * log.log(System.Logger.Level.INFO, "ready");
     * }</pre>
     *
     * @param name the logger's name
     * @return the logger
     */
    public System.Logger systemLogger(String name) {
        return log().systemLogger(name);
    }

    /**
     * The ExApp's configuration stored by Nextcloud.
     *
     * <pre>{@code
     * nc.appConfig().set("model", "small");
     * }</pre>
     *
     * @return the app config group
     */
    public AppConfig appConfig() {
        return new AppConfig(this);
    }

    /**
     * The ExApp's preferences of the user this view acts as.
     *
     * <pre>{@code
     * nc.asUser("alice").preferences().set("theme", "dark");
     * }</pre>
     *
     * @return the preferences group
     * @throws IllegalStateException in the system context (AppAPI keeps preferences per user)
     */
    public Preferences preferences() {
        return new Preferences(this);
    }

    /**
     * Notifications to the user this view acts as.
     *
     * <pre>{@code
     * nc.asUser("alice").notifications().send(Notification.of("Done", "Your export finished"));
     * }</pre>
     *
     * @return the notifications group
     * @throws IllegalStateException in the system context (the recipient is the user acted as)
     */
    public Notifications notifications() {
        return new Notifications(this);
    }

    /**
     * The files of the user this view acts as, over WebDAV ({@code /remote.php/dav/files/<user>/}), with this
     * ExApp's authentication. See {@link NextcloudFiles} for listing, downloads, chunked uploads and the rest.
     *
     * <pre>{@code
     * FileNode report = req.nextcloud().files().stat("/Documents/report.pdf");
     * }</pre>
     *
     * @return the files of the user acted as
     * @throws IllegalStateException in the system context (name the user with {@link #files(String)})
     */
    public NextcloudFiles files() {
        if (userId().isEmpty()) {
            throw new IllegalStateException("files() needs a user: call asUser(user).files() or files(user)");
        }
        return NextcloudFiles.of(ocs(), userId());
    }

    /**
     * The files of a given user, over WebDAV, with this ExApp acting as that user.
     *
     * <pre>{@code
     * nc.files("alice").download("/Photos/cat.jpg", Path.of("cat.jpg"));
     * }</pre>
     *
     * @param user the user whose files are used
     * @return that user's files
     */
    public NextcloudFiles files(String user) {
        return NextcloudFiles.of(asUser(user).ocs(), user);
    }

    /**
     * The ExApp's places in Nextcloud's web interface: top-menu entries, file actions, initial state, scripts and
     * styles. Calls an older AppAPI lacks are refused before sending ({@link
     * dev.ncsdk.appapi.app.ui.AppApiVersionTooOldException}); the server's AppAPI version is read once per instance.
     *
     * <pre>{@code
     * nc.ui().topMenu().register("main", "My App", "img/app.svg", false);
     * }</pre>
     *
     * @return the UI group
     */
    public ExAppUi ui() {
        return ExAppUi.of(this, serverFeatures());
    }

    /**
     * Declarative settings forms of the ExApp, in the admin or personal settings. Nextcloud stores their values: an
     * admin form's in {@link #appConfig()}, a personal form's in each user's {@link #preferences()}, under the field
     * ids.
     *
     * <pre>{@code
     * nc.settings().register(SettingsForm.admin("my_app", "ai", "My App")
     *         .field(SettingsField.text("model", "Model").build()).build());
     * String model = nc.appConfig().get("model").orElse("small");
     * }</pre>
     *
     * @return the settings group
     */
    public SettingsForms settings() {
        return SettingsForms.of(this, serverFeatures());
    }

    /**
     * The ExApp's {@code occ} commands.
     *
     * <pre>{@code
     * nc.occ().register(OccCommand.builder("my_app:ping", "/occ/ping").build());
     * }</pre>
     *
     * @return the occ group
     */
    public OccCommands occ() {
        return OccCommands.of(this, serverFeatures());
    }

    /**
     * Task processing as a provider: registering the ExApp's providers and task types, and the calls a worker makes
     * (next task, input files, progress, output files, results). Always in the system context; shared by all views.
     * For a ready worker loop see {@link dev.ncsdk.appapi.app.tasks.TaskWorker}.
     *
     * <pre>{@code
     * nc.taskProcessing().register(TaskProvider.builder("my_app-reverse", "Reverse", "core:text2text").build());
     * }</pre>
     *
     * @return the task-processing group
     */
    public TaskProcessing taskProcessing() {
        TaskProcessing t = shared.taskProcessing.get();
        if (t == null) {
            shared.taskProcessing.compareAndSet(null, TaskProcessing.of(asUser(""), serverFeatures()));
            t = shared.taskProcessing.get();
        }
        return t;
    }

    /**
     * The ExApp's Talk bots: registration through AppAPI (checked against Talk's {@code bots-v1} capability), the
     * stored secret, and messages and reactions as the bot.
     *
     * <pre>{@code
     * TalkBotRegistration bot = nc.talkBots().register("/talk/hello", "Hello bot", "Answers !hello");
     * nc.talkBots().messenger(bot.secret()).send(token, TalkChatMessage.of("Hi"));
     * }</pre>
     *
     * @return the Talk bots group (system context)
     */
    public dev.ncsdk.appapi.app.talk.TalkBots talkBots() {
        return dev.ncsdk.appapi.app.talk.TalkBots.of(this);
    }

    /**
     * Nextcloud's webhook listeners ({@code webhook_listeners} app, Nextcloud 30+) registered by this ExApp: a
     * {@code uri} starting with {@code /} is delivered to the ExApp's own route through AppAPI.
     *
     * <pre>{@code
     * nc.webhooks().register(WebhookRegistration.builder(WebhookEvents.NODE_CREATED, "/webhooks/files").build());
     * }</pre>
     *
     * @return the webhooks group (system context, as the server's admin routes allow an ExApp without a user)
     */
    public dev.ncsdk.appapi.app.webhooks.Webhooks webhooks() {
        return dev.ncsdk.appapi.app.webhooks.Webhooks.of(this);
    }

    private ServerFeatures serverFeatures() {
        ServerFeatures f = shared.serverFeatures.get();
        if (f == null) {
            shared.serverFeatures.compareAndSet(null, ServerFeatures.of(asUser("")));
            f = shared.serverFeatures.get();
        }
        return f;
    }

    /**
     * The ids of all Nextcloud users ({@code GET /ocs/v1.php/apps/app_api/api/v1/users}).
     *
     * <pre>{@code
     * for (String user : nc.users()) { nc.asUser(user).preferences().get("theme"); }
     * }</pre>
     *
     * @return the user ids
     */
    public List<String> users() {
        return HttpTransport.await(usersAsync());
    }

    /**
     * Async twin of {@link #users()}.
     *
     * <pre>{@code
     * nc.usersAsync().thenAccept(ids -> ...);
     * }</pre>
     *
     * @return the ids' future
     */
    public CompletableFuture<List<String>> usersAsync() {
        return send(OcsRequest.get(APP_API + "/api/v1/users")
                        .version(OcsApiVersion.V1)
                        .build())
                .thenApply(data -> {
                    List<String> out = new ArrayList<>();
                    data.forEach(n -> out.add(n.asText()));
                    return List.copyOf(out);
                });
    }

    /**
     * Asks Nextcloud to run this ExApp's setup checks ({@code POST /ocs/v1.php/apps/app_api/api/v1/setup_check},
     * AppAPI 35+, always in the system context): from then on a background job reads the app's
     * {@code GET /setup_checks} and shows warnings and errors in the admin's "Security and setup warnings". The
     * runtime calls this on every enable when {@code ExApp.Builder.onSetupChecks} is set and AppAPI has the feature.
     *
     * <pre>{@code
     * if (ServerFeatures.of(nc).appApiVersion().map(v -> v.atLeast(AppApiFeature.SETUP_CHECKS.since())).orElse(false)) {
     *     nc.registerSetupChecks();
     * }
     * }</pre>
     *
     * @throws dev.ncsdk.appapi.app.ui.AppApiVersionTooOldException when AppAPI is older than 35
     */
    public void registerSetupChecks() {
        serverFeatures().require(dev.ncsdk.appapi.AppApiFeature.SETUP_CHECKS);
        HttpTransport.await(asUser("")
                .send(OcsRequest.post(APP_API + "/api/v1/setup_check")
                        .version(OcsApiVersion.V1)
                        .idempotent(true)
                        .build()));
    }

    /**
     * Stops Nextcloud running this ExApp's setup checks ({@code DELETE .../api/v1/setup_check}, AppAPI 35+).
     *
     * <pre>{@code
     * nc.unregisterSetupChecks();
     * }</pre>
     *
     * @throws dev.ncsdk.appapi.app.ui.AppApiVersionTooOldException when AppAPI is older than 35
     */
    public void unregisterSetupChecks() {
        serverFeatures().require(dev.ncsdk.appapi.AppApiFeature.SETUP_CHECKS);
        HttpTransport.await(asUser("")
                .send(OcsRequest.delete(APP_API + "/api/v1/setup_check")
                        .version(OcsApiVersion.V1)
                        .build()));
    }

    /**
     * An absolute URL of Nextcloud for a path, as Nextcloud's {@code overwrite.cli.url} builds it ({@code GET
     * /ocs/v1.php/apps/app_api/api/v1/info/nextcloud_url/absolute?url=}). Useful for links in notifications:
     * {@code NEXTCLOUD_URL} may be an internal address.
     *
     * <pre>{@code
     * URI files = nc.absoluteUrl("index.php/apps/files");
     * }</pre>
     *
     * @param path a path relative to Nextcloud's root
     * @return the absolute URL
     */
    public URI absoluteUrl(String path) {
        return HttpTransport.await(absoluteUrlAsync(path));
    }

    /**
     * Async twin of {@link #absoluteUrl(String)}.
     *
     * <pre>{@code
     * nc.absoluteUrlAsync("index.php/apps/files").thenAccept(u -> ...);
     * }</pre>
     *
     * @param path a path relative to Nextcloud's root
     * @return the URL's future
     */
    public CompletableFuture<URI> absoluteUrlAsync(String path) {
        Objects.requireNonNull(path, "path");
        return send(OcsRequest.get(APP_API + "/api/v1/info/nextcloud_url/absolute")
                        .version(OcsApiVersion.V1)
                        .query("url", path)
                        .build())
                .thenApply(data -> {
                    String u = data.path("absolute_url").asText("");
                    try {
                        return URI.create(u);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("the server sent an unusable absolute URL: " + u, e);
                    }
                });
    }

    // ------------------------------------------------------------------------------------------ enabled state

    /**
     * Whether Nextcloud has the ExApp enabled ({@code GET /ocs/v1.php/apps/app_api/ex-app/state}). AppAPI answers
     * this route even while the ExApp is disabled, so a refusal here means wrong credentials.
     *
     * <pre>{@code
     * if (!nc.enabled()) { pauseWork(); }
     * }</pre>
     *
     * @return whether it is enabled
     * @throws ExAppAuthenticationException when AppAPI refused the credentials
     */
    public boolean enabled() {
        return HttpTransport.await(enabledAsync());
    }

    /**
     * Async twin of {@link #enabled()}.
     *
     * <pre>{@code
     * nc.enabledAsync().thenAccept(on -> ...);
     * }</pre>
     *
     * @return the state's future
     */
    public CompletableFuture<Boolean> enabledAsync() {
        return sendOnce(stateRequest()).thenApply(NextcloudApp::readState);
    }

    private static OcsRequest stateRequest() {
        return OcsRequest.get(APP_API + "/ex-app/state")
                .version(OcsApiVersion.V1)
                .build();
    }

    private static boolean readState(JsonNode data) {
        if (data.isBoolean()) {
            return data.booleanValue();
        }
        String t = data.asText().trim();
        return !t.isEmpty() && !t.equals("0") && !t.equalsIgnoreCase("false");
    }

    // ------------------------------------------------------------------------------------------ sending

    /**
     * Sends a request of this view and returns the OCS data; an AppAPI refusal is explained by asking
     * {@code /ex-app/state} (see {@link ExAppDisabledException}).
     */
    CompletableFuture<JsonNode> send(OcsRequest request) {
        return sendAnd(request, true);
    }

    /** Like {@link #send} without asking {@code /ex-app/state}: every refusal is an authentication failure. */
    private CompletableFuture<JsonNode> sendOnce(OcsRequest request) {
        return sendAnd(request, false);
    }

    private CompletableFuture<JsonNode> sendAnd(OcsRequest request, boolean probe) {
        if (shared.closed.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("this NextcloudApp is closed"));
        }
        CompletableFuture<OcsResponse<JsonNode>> sent;
        try {
            sent = ocs.ocsAsync(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return sent.handle((r, t) ->
                        t == null ? CompletableFuture.completedFuture(r.rawData()) : explain(unwrap(t), probe))
                .thenCompose(f -> f);
    }

    private CompletableFuture<JsonNode> explain(Throwable t, boolean probe) {
        if (!(t instanceof NcUnauthorizedException) || t instanceof ExAppAuthenticationException) {
            return CompletableFuture.failedFuture(t);
        }
        NcUnauthorizedException refused = (NcUnauthorizedException) t;
        if (!probe) {
            return CompletableFuture.failedFuture(credentialsRefused(refused));
        }
        // AppAPI answers a disabled ExApp exactly as a wrong secret (captures 115, 124); /ex-app/state tells them apart
        return asUser("")
                .sendOnce(stateRequest())
                .handle((state, err) -> {
                    if (err == null) {
                        if (!readState(state)) {
                            return CompletableFuture.<JsonNode>failedFuture(new ExAppDisabledException(
                                    "the ExApp " + appId() + " is disabled in Nextcloud, so AppAPI refuses its calls; "
                                            + refused.getMessage(),
                                    refused.response()));
                        }
                        if (isAppApiRefusal(refused) && !userId.isEmpty()) {
                            return CompletableFuture.<JsonNode>failedFuture(new ExAppAuthenticationException(
                                    "AppAPI refused the user '" + userId + "' of ExApp " + appId()
                                            + " (the ExApp's own credentials work; does the user exist?): "
                                            + refused.getMessage(),
                                    refused.response()));
                        }
                        return CompletableFuture.<JsonNode>failedFuture(refused); // the route needs another user
                    }
                    Throwable cause = unwrap(err);
                    if (cause instanceof ExAppAuthenticationException) {
                        return CompletableFuture.<JsonNode>failedFuture(credentialsRefused(refused));
                    }
                    refused.addSuppressed(cause);
                    return CompletableFuture.<JsonNode>failedFuture(refused);
                })
                .thenCompose(f -> f);
    }

    private ExAppAuthenticationException credentialsRefused(NcUnauthorizedException refused) {
        return new ExAppAuthenticationException(
                "AppAPI refused the credentials of ExApp " + appId()
                        + " (wrong APP_SECRET, an APP_ID that is not registered, or missing AppAPI headers): "
                        + refused.getMessage(),
                refused.response());
    }

    /** Whether AppAPI's own check refused the call (rather than a route wanting a logged-in user). */
    private static boolean isAppApiRefusal(NcResponseException e) {
        return e.ocsMessage()
                        .map(m -> m.contains("AppAPI authentication failed"))
                        .orElse(false)
                || e.messages().stream().anyMatch(m -> m.contains("AppAPI authentication failed"));
    }

    static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    private static void checkHeaderText(String v, String what) {
        if (v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException(what + " must not contain control characters");
        }
    }

    // ------------------------------------------------------------------------------------------ lifecycle

    /**
     * Ends this client and every view derived from it, when this is the instance a builder made; on a view made by
     * {@link #asUser} or {@link #withRequestId} it does nothing. Log lines the {@link System.Logger} bridge still
     * holds are sent first, waiting at most the call timeout. Calls in flight finish; later calls fail.
     *
     * <pre>{@code
     * try (NextcloudApp nc = NextcloudApp.fromEnvironment()) { ... }
     * }</pre>
     */
    @Override
    public void close() {
        if (root && !shared.closed.get()) {
            if (shared.log.pending() > 0) {
                shared.log.flush(shared.timeout); // the last lines of a stopping ExApp matter most
            }
            if (!shared.closed.compareAndSet(false, true)) {
                return;
            }
            shared.owner.close();
            if (shared.ownedClient != null) {
                SystemCaBundle.shutdown(shared.ownedClient);
            }
        }
    }

    /** Shows the server, the app id, version, user and request id; never the secret. */
    @Override
    public String toString() {
        return "NextcloudApp[" + shared.owner.baseUri() + ", " + appId() + " " + shared.appVersion
                + (userId.isEmpty() ? ", system" : ", as " + userId)
                + (requestId.isEmpty() ? "" : ", request " + requestId) + "]";
    }

    /** What an instance and its views share: the transport, the credentials and the caches. */
    static final class Shared {
        final OcsClient owner;
        final AppApiCredentials system;
        final String appVersion;
        final AtomicInteger lastProgress = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();
        final HttpClient ownedClient; // created for a CA bundle, shut down on close; null otherwise
        final LogState log;
        final Duration timeout;
        final AtomicReference<ServerFeatures> serverFeatures = new AtomicReference<>();
        final AtomicReference<TaskProcessing> taskProcessing = new AtomicReference<>();

        Shared(
                OcsClient owner,
                AppApiCredentials system,
                String appVersion,
                HttpClient ownedClient,
                LogLevel fallback,
                int logCapacity,
                Duration timeout) {
            this.owner = owner;
            this.system = system;
            this.appVersion = appVersion;
            this.ownedClient = ownedClient;
            this.log = new LogState(owner, fallback, logCapacity);
            this.timeout = timeout;
        }
    }

    /**
     * Configures a {@link NextcloudApp}. Values set here win over those read by {@link #environment(Map)}.
     *
     * <p>Defaults: request timeout 30 s per call ({@link #timeout}), connect timeout 10 s, {@link
     * RetryPolicy#defaults()}, user agent {@code ExApp/<appid>/<version> ncsdk/<version> Java/<version>}, the JVM's
     * trusted CAs only.
     *
     * <pre>{@code
     * NextcloudApp nc = NextcloudApp.builder()
     *         .environment(System.getenv())
     *         .timeout(Duration.ofSeconds(10))
     *         .build();
     * }</pre>
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private String baseUri;
        private String appId;
        private String appVersion;
        private Secret secret;
        private Map<String, String> env = Map.of();
        private Duration timeout = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private RetryPolicy retryPolicy;
        private HttpClient httpClient;
        private Path caBundle;
        private boolean systemCaBundle;
        private LogLevel fallbackLogLevel = LogLevel.WARNING;
        private int logQueueCapacity = LogState.DEFAULT_CAPACITY;

        private Builder() {}

        /**
         * Sets Nextcloud's URL ({@code NEXTCLOUD_URL}); a trailing {@code /index.php} or {@code /} is dropped.
         *
         * @param uri such as {@code https://cloud.example.com} or {@code http://nextcloud/index.php}
         * @return this builder
         */
        public Builder baseUri(URI uri) {
            this.baseUri = Objects.requireNonNull(uri, "uri").toString();
            return this;
        }

        /**
         * Sets the ExApp's id ({@code APP_ID}).
         *
         * @param id the id
         * @return this builder
         */
        public Builder appId(String id) {
            this.appId = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Sets the ExApp's version ({@code APP_VERSION}); AppAPI refuses calls with an empty one.
         *
         * @param version the version
         * @return this builder
         */
        public Builder appVersion(String version) {
            this.appVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Sets the ExApp's secret ({@code APP_SECRET}).
         *
         * @param secret the secret
         * @return this builder
         */
        public Builder secret(Secret secret) {
            this.secret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /**
         * Reads {@code NEXTCLOUD_URL}, {@code APP_ID}, {@code APP_VERSION} and {@code APP_SECRET} from a map (such as
         * {@code System.getenv()}) for the values not set on this builder.
         *
         * @param env the variables
         * @return this builder
         */
        public Builder environment(Map<String, String> env) {
            this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
            return this;
        }

        /**
         * Sets the timeout of each call: connection, headers and body (default 30 s).
         *
         * @param d a positive duration
         * @return this builder
         */
        public Builder timeout(Duration d) {
            this.timeout = positive(d, "timeout");
            return this;
        }

        /**
         * Sets the connect timeout (default 10 s; ignored with {@link #httpClient}).
         *
         * @param d a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive(d, "connectTimeout");
            return this;
        }

        /**
         * Sets how idempotent calls are retried (default {@link RetryPolicy#defaults()}).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Uses the caller's HTTP client (proxy, TLS, executor); it should not follow redirects. Closing the {@link
         * NextcloudApp} leaves it usable. Cannot be combined with {@link #trustSystemCaBundle()}.
         *
         * @param client the client
         * @return this builder
         */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * Trusts, besides the JVM's own CAs, the certificates of the operating system's CA bundle: AppAPI installs
         * Nextcloud's CA into the container's system store, where the JVM does not look. The first existing file of
         * {@code /etc/ssl/certs/ca-certificates.crt} (Debian, Ubuntu, Alpine), {@code
         * /etc/pki/tls/certs/ca-bundle.crt} (Fedora, RHEL) and {@code /etc/ssl/ca-bundle.pem} (openSUSE) is read
         * when {@link #build()} runs.
         *
         * @return this builder
         */
        public Builder trustSystemCaBundle() {
            this.systemCaBundle = true;
            this.caBundle = null;
            return this;
        }

        /**
         * Trusts, besides the JVM's own CAs, the PEM certificates in a bundle file.
         *
         * @param pemBundle a file of one or more {@code -----BEGIN CERTIFICATE-----} blocks
         * @return this builder
         */
        public Builder trustSystemCaBundle(Path pemBundle) {
            this.caBundle = Objects.requireNonNull(pemBundle, "pemBundle");
            this.systemCaBundle = false;
            return this;
        }

        /**
         * Sets the lowest level {@link NextcloudApp#log()} sends when the server does not report its own (default
         * {@link LogLevel#WARNING}, Nextcloud's default {@code loglevel}). AppAPI reports {@code app_api.loglevel}
         * in the capabilities only to a logged-in user, not to an ExApp in the system context.
         *
         * @param level the level
         * @return this builder
         */
        public Builder fallbackLogLevel(LogLevel level) {
            this.fallbackLogLevel = Objects.requireNonNull(level, "level");
            return this;
        }

        /**
         * Sets how many lines the {@link NextcloudLog#systemLogger} bridge holds while they wait to be sent
         * (default {@value LogState#DEFAULT_CAPACITY}); more are dropped and counted, never blocking the caller.
         *
         * @param lines a positive count
         * @return this builder
         */
        public Builder logQueueCapacity(int lines) {
            if (lines <= 0) {
                throw new IllegalArgumentException("logQueueCapacity must be positive");
            }
            this.logQueueCapacity = lines;
            return this;
        }

        /**
         * Builds the client in the system context.
         *
         * @return the client
         * @throws IllegalStateException when a required value is missing or empty
         * @throws IllegalArgumentException when a value is malformed
         * @throws java.io.UncheckedIOException when the CA bundle cannot be read
         */
        public NextcloudApp build() {
            String url = pick(baseUri, "NEXTCLOUD_URL");
            String id = pick(appId, "APP_ID");
            String version = pick(appVersion, "APP_VERSION");
            Secret s = secret != null ? secret : Secret.of(pick(null, "APP_SECRET"));
            if (s.isEmpty()) {
                throw new IllegalStateException("APP_SECRET is empty");
            }
            AppApiCredentials system = AppApiCredentials.of(id, version, s);
            boolean ownCa = caBundle != null || systemCaBundle;
            if (httpClient != null && ownCa) {
                throw new IllegalStateException("trustSystemCaBundle() and httpClient() cannot be combined");
            }
            OcsClient.Builder b = OcsClient.builder()
                    .baseUri(URI.create(normaliseUrl(url)))
                    .credentials(system)
                    .userAgent("ExApp/" + id + "/" + version + " ncsdk/" + HttpTransport.SDK_VERSION + " Java/"
                            + System.getProperty("java.version"))
                    .requestTimeout(timeout)
                    .connectTimeout(connectTimeout);
            if (retryPolicy != null) {
                b.retryPolicy(retryPolicy);
            }
            if (httpClient != null) {
                b.httpClient(httpClient);
            }
            HttpClient owned = null;
            if (ownCa) {
                owned = SystemCaBundle.httpClient(caBundle != null ? caBundle : SystemCaBundle.find(), connectTimeout);
                b.httpClient(owned);
            }
            return new NextcloudApp(
                    new Shared(b.build(), system, version, owned, fallbackLogLevel, logQueueCapacity, timeout),
                    "",
                    "",
                    true);
        }

        private String pick(String explicit, String variable) {
            String v = explicit != null ? explicit : env.get(variable);
            if (v == null || v.isBlank()) {
                throw new IllegalStateException(variable + " is not set (builder value or environment variable)");
            }
            return v.strip();
        }

        /** AppAPI's NEXTCLOUD_URL may end with /index.php (nc_py_api drops it too). */
        private static String normaliseUrl(String url) {
            String u = url;
            while (u.endsWith("/")) {
                u = u.substring(0, u.length() - 1);
            }
            if (u.endsWith("/index.php")) {
                u = u.substring(0, u.length() - "/index.php".length());
            }
            return u;
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
