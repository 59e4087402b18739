package dev.ncsdk.samples;

import dev.ncsdk.appapi.exapp.ExApp;
import dev.ncsdk.appapi.exapp.ExAppConfigException;
import dev.ncsdk.appapi.exapp.HttpMethod;
import dev.ncsdk.appapi.exapp.Response;
import dev.ncsdk.appapi.manifest.AccessLevel;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hello-exapp}: a minimal complete ExApp. It runs with the environment AppAPI gives an ExApp ({@code APP_ID},
 * {@code APP_SECRET}, {@code APP_VERSION}, {@code APP_HOST}, {@code APP_PORT}, {@code NEXTCLOUD_URL}), has an
 * initialisation with progress, enable and disable handlers that write to Nextcloud's log, and a route:
 * {@code GET /} answers {@code {"hello": "<user>"}} for the calling user. {@link HelloUi} adds a top-menu page, an
 * admin settings form, a file action reporting a file's size and SHA-256, and the occ command {@code hello:hash}. When Nextcloud Talk takes bots it also
 * registers a Talk bot that answers {@code !hello} ({@link HelloBot}).
 *
 * <pre>
 * export APP_ID=hello_exapp APP_VERSION=1.0.0 APP_SECRET=$(openssl rand -hex 32) APP_HOST=0.0.0.0 APP_PORT=23000 \
 *        NEXTCLOUD_URL=https://cloud.example.com
 * java -jar ncsdk-samples.jar hello-exapp --json-info      # the JSON for occ app_api:app:register --json-info
 * java -jar ncsdk-samples.jar hello-exapp --info-xml       # the routes for appinfo/info.xml
 * java -jar ncsdk-samples.jar hello-exapp                  # serves until SIGTERM / Ctrl-C
 * </pre>
 */
@Command(
        name = "hello-exapp",
        mixinStandardHelpOptions = true,
        description = "Runs a minimal ExApp with the environment AppAPI gives one (APP_ID, APP_SECRET, APP_VERSION,"
                + " APP_HOST, APP_PORT, NEXTCLOUD_URL); GET / answers {\"hello\": \"<user>\"}. APP_ID defaults to"
                + " hello_exapp and APP_VERSION to 1.0.0. Stops on SIGTERM or Ctrl-C.",
        footer = "%nExample: APP_SECRET=... APP_PORT=23000 NEXTCLOUD_URL=... ncsdk-samples hello-exapp --json-info")
public final class HelloExAppCommand extends SampleCommand {
    /** The app id when {@code APP_ID} is not set. */
    static final String DEFAULT_ID = "hello_exapp";

    @Option(
            names = "--json-info",
            description = "Print the JSON for occ app_api:app:register ID DAEMON --json-info '...' and exit.")
    boolean jsonInfo;

    @Option(names = "--info-xml", description = "print the <external-app> part of appinfo/info.xml (routes) and exit")
    boolean infoXml;

    @Option(
            names = "--daemon",
            paramLabel = "NAME",
            defaultValue = "manual_install",
            description = "--json-info: the deploy daemon to name (default: ${DEFAULT-VALUE}).")
    String daemon;

    @Option(
            names = "--init-steps",
            paramLabel = "N",
            defaultValue = "4",
            description = "Steps of the pretend initialisation, each reported as progress (default: ${DEFAULT-VALUE}).")
    int initSteps;

    @Option(
            names = "--init-step-ms",
            paramLabel = "MS",
            defaultValue = "250",
            description = "How long each initialisation step takes, in ms (default: ${DEFAULT-VALUE}).")
    long initStepMillis;

    /** Where the configuration comes from: the process environment, or a map in tests. */
    Map<String, String> environment = System.getenv();

    /** The running app, once started (tests stop it). */
    volatile ExApp running;

    /** Creates the command (picocli). */
    public HelloExAppCommand() {}

    @Override
    String problemExit() {
        return "the app stopped with a failure";
    }

    /**
     * The hello ExApp, configured from an environment.
     *
     * @param env the environment AppAPI gives an ExApp
     * @param steps how many progress steps the initialisation reports
     * @param step how long each step takes
     * @return the configured app, not started
     */
    static ExApp app(Map<String, String> env, int steps, Duration step) {
        Map<String, String> withDefaults = new HashMap<>(env);
        withDefaults.putIfAbsent("APP_ID", DEFAULT_ID);
        withDefaults.putIfAbsent("APP_VERSION", "1.0.0");
        withDefaults.putIfAbsent("APP_DISPLAY_NAME", "Hello ExApp");
        HelloBot bot = new HelloBot(); // the Talk bot answering !hello (HelloBot.java)
        HelloTasks tasks = new HelloTasks(); // a "reverse" task-processing provider
        ExApp.Builder app = ExApp.builder()
                .environment(withDefaults)
                .onInit(progress -> {
                    // stands for real work (downloading a model, preparing data), reported as it goes
                    for (int i = 1; i < steps; i++) {
                        Thread.sleep(step.toMillis());
                        progress.report(100 * i / steps);
                    }
                    // returning reports 100; AppAPI then enables the app inside that report
                })
                .onEnabled(nc -> {
                    HelloUi.register(nc);
                    nc.log().info("hello-exapp enabled");
                    tasks.start(nc);
                    bot.enable(nc);
                })
                .onTrigger(tasks::trigger)
                .onStop(tasks::stop)
                .onDisabled(nc -> {
                    nc.log().info("hello-exapp disabled");
                    tasks.stop(Duration.ofSeconds(5)); // a disabled app's calls are refused: stop polling
                    bot.disable(nc);
                })
                .route(HttpMethod.GET, "/", AccessLevel.USER, req -> Response.json(Map.of("hello", req.user())))
                .route(HttpMethod.POST, HelloBot.ROUTE, bot.handler());
        HelloUi.routes(app);
        return app.build();
    }

    @Override
    public Integer call() {
        if (initSteps < 1 || initStepMillis < 0) {
            return fail(Failures.usage("--init-steps must be at least 1 and --init-step-ms not negative"));
        }
        ExApp app = app(environment, initSteps, Duration.ofMillis(initStepMillis));
        try {
            if (infoXml) {
                out().println(app.manifest().toExternalAppXml()); // no secret: the routes and the image
                flush();
                return 0;
            }
            if (jsonInfo) {
                out().println(app.jsonInfo(daemon).toJson()); // holds the secret: it goes to occ, nowhere else
                flush();
                return 0;
            }
            app.start();
        } catch (ExAppConfigException e) {
            return fail(Failures.unreadable(Failures.clean(e.getMessage()), e));
        }
        running = app;
        out().println("hello-exapp " + app.config().appId() + " listening on port " + app.port() + " (Nextcloud at "
                + app.config().nextcloudUrl() + ")");
        flush();
        app.runUntilStopped();
        return 0;
    }
}
