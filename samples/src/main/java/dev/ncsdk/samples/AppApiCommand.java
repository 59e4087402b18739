package dev.ncsdk.samples;

import dev.ncsdk.appapi.AppApiCapabilities;
import dev.ncsdk.appapi.admin.AppApiAdminClient;
import dev.ncsdk.appapi.admin.DaemonConfig;
import dev.ncsdk.appapi.admin.DaemonList;
import dev.ncsdk.appapi.admin.ExAppInfo;
import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.NcException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code appapi}: lists a server's deploy daemons and ExApps, or registers a manual-install daemon, as an admin.
 *
 * <pre>
 * NC_ADMIN_PASSWORD=... java -jar ncsdk-samples.jar appapi --url https://cloud.example.com --user admin \
 *     --password-env NC_ADMIN_PASSWORD daemons
 * </pre>
 */
@Command(
        name = "appapi",
        mixinStandardHelpOptions = true,
        description = {
            "Administers AppAPI as a Nextcloud admin.",
            "  daemons                      list deploy daemons (* = default)",
            "  exapps                       list registered ExApps",
            "  register-manual-daemon NAME  register a manual-install daemon for ExApp development"
        },
        footer =
                "%nExample: ncsdk-samples appapi --url https://nc.example.com --user admin --password-env NC_PW daemons")
public final class AppApiCommand extends SampleCommand {
    /** The actions, in the order the usage lists them. */
    static final List<String> ACTIONS = List.of("daemons", "exapps", "register-manual-daemon");

    @Option(names = "--url", paramLabel = "URL", required = true, description = "Nextcloud base URL.")
    String url;

    @Option(names = "--user", paramLabel = "USER", required = true, description = "Admin login.")
    String user;

    @Option(
            names = "--password-env",
            paramLabel = "VAR",
            required = true,
            description = "Environment variable holding the password or an app password.")
    String passwordEnv;

    @Option(
            names = "--exapp-host",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description = "register-manual-daemon: host the ExApps listen on (default: ${DEFAULT-VALUE}).")
    String exAppHost;

    @Option(
            names = "--nextcloud-url",
            paramLabel = "URL",
            description = "register-manual-daemon: URL ExApps use to reach Nextcloud (default: --url).")
    String nextcloudUrl;

    @Option(names = "--set-default", description = "register-manual-daemon: make it the default daemon.")
    boolean setDefault;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "30",
            description = "Request timeout in seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Parameters(index = "0", paramLabel = "ACTION", description = "daemons, exapps or register-manual-daemon.")
    String action;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "NAME",
            description = "Daemon name for register-manual-daemon.")
    String name;

    /** Creates the command (picocli). */
    public AppApiCommand() {}

    @Override
    String problemExit() {
        return "the server answered with a failure";
    }

    @Override
    public Integer call() {
        PrintWriter out = out();
        if (!ACTIONS.contains(action)) {
            throw Failures.usage("unknown action '" + action + "' (one of " + String.join(", ", ACTIONS) + ")");
        }
        boolean register = action.equals("register-manual-daemon");
        if (register && (name == null || name.isBlank())) {
            throw Failures.usage("register-manual-daemon needs a NAME");
        }
        if (!register && name != null) {
            throw Failures.usage(action + " takes no NAME, got '" + name + "'");
        }
        Inputs.httpUrl("--url", url);
        if (nextcloudUrl != null) {
            Inputs.httpUrl("--nextcloud-url", nextcloudUrl);
        }
        Inputs.positiveSeconds("--timeout", timeoutSeconds);
        Credentials credentials = Credentials.basic(user, Inputs.secretFromEnv("--password-env", passwordEnv));
        AppApiAdminClient.Builder builder;
        try {
            builder = AppApiAdminClient.builder()
                    .baseUri(java.net.URI.create(url))
                    .credentials(credentials)
                    .requestTimeout(Duration.ofSeconds(timeoutSeconds));
        } catch (IllegalArgumentException e) {
            throw Failures.usage("--url: " + Failures.clean(e.getMessage()));
        }
        DaemonConfig d = null;
        if (register) {
            try {
                d = DaemonConfig.manualInstall(name, exAppHost, nextcloudUrl != null ? nextcloudUrl : url)
                        .build();
            } catch (IllegalArgumentException e) {
                throw Failures.usage(Failures.clean(e.getMessage()));
            }
        }
        try (AppApiAdminClient admin = builder.build()) {
            switch (action) {
                case "daemons":
                    printDaemons(out, admin.daemons().list());
                    return 0;
                case "exapps":
                    printExApps(out, admin.capabilities(), admin.exApps().list());
                    return 0;
                default:
                    DaemonConfig stored = admin.daemons().register(d, setDefault);
                    out.printf(
                            "registered %s (id %s, %s, host %s)%s%n",
                            stored.name(),
                            stored.id(),
                            stored.acceptsDeployId(),
                            stored.host(),
                            setDefault ? " as the default daemon" : "");
                    return 0;
            }
        } catch (NcException e) {
            throw Failures.talkingTo(url, e);
        }
    }

    private static void printDaemons(PrintWriter out, DaemonList list) {
        if (list.daemons().isEmpty()) {
            out.println("no deploy daemons registered");
        }
        out.printf(
                "%-1s %-20s %-24s %-18s %-24s %-5s %s%n",
                "", "NAME", "DISPLAY NAME", "DEPLOY", "HOST", "HARP", "EXAPPS");
        for (DaemonConfig d : list.daemons()) {
            out.printf(
                    "%-1s %-20s %-24s %-18s %-24s %-5s %s%n",
                    d.name().equals(list.defaultDaemonName()) ? "*" : "",
                    d.name(),
                    d.displayName(),
                    d.acceptsDeployId(),
                    d.host(),
                    d.isHarp() ? "yes" : "no",
                    d.exApps().isPresent() ? Integer.toString(d.exApps().getAsInt()) : "?");
        }
        if (list.defaultDaemon().isEmpty()) {
            out.println("no default daemon is set: ExApps cannot be installed from the app store");
        }
    }

    private static void printExApps(PrintWriter out, AppApiCapabilities caps, List<ExAppInfo> apps) {
        out.println("AppAPI " + (caps.installed() ? caps.versionText() : "not installed"));
        if (apps.isEmpty()) {
            out.println("no ExApps registered");
            return;
        }
        out.printf("%-24s %-12s %-8s %s%n", "ID", "VERSION", "ENABLED", "STATUS");
        for (ExAppInfo a : apps) {
            String status = a.status().failed()
                    ? "error: " + a.status().error()
                    : a.status().ready()
                            ? "ready"
                            : "deploy " + a.status().deploy() + "%, init "
                                    + a.status().init() + "%";
            out.printf("%-24s %-12s %-8s %s%n", a.id(), a.version(), a.enabled() ? "yes" : "no", status);
        }
    }
}
