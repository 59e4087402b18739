package dev.ncsdk.samples;

import dev.ncsdk.appapi.AppApiCapabilities;
import dev.ncsdk.appapi.admin.AppApiAdminClient;
import dev.ncsdk.appapi.admin.DaemonConfig;
import dev.ncsdk.appapi.admin.DaemonList;
import dev.ncsdk.appapi.admin.ExAppInfo;
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
        })
public final class AppApiCommand extends SampleCommand {
    @Option(names = "--url", required = true, description = "Nextcloud base URL")
    String url;

    @Option(names = "--user", required = true, description = "admin login")
    String user;

    @Option(
            names = "--password-env",
            required = true,
            description = "environment variable holding the password or an app password")
    String passwordEnv;

    @Option(
            names = "--exapp-host",
            defaultValue = "127.0.0.1",
            description = "register-manual-daemon: host the ExApps listen on (default ${DEFAULT-VALUE})")
    String exAppHost;

    @Option(
            names = "--nextcloud-url",
            description = "register-manual-daemon: URL ExApps use to reach Nextcloud (default: --url)")
    String nextcloudUrl;

    @Option(names = "--set-default", description = "register-manual-daemon: make it the default daemon")
    boolean setDefault;

    @Option(names = "--timeout", defaultValue = "30", description = "request timeout in seconds")
    int timeoutSeconds;

    @Parameters(index = "0", description = "daemons | exapps | register-manual-daemon")
    String action;

    @Parameters(index = "1", arity = "0..1", description = "daemon name for register-manual-daemon")
    String name;

    /** Creates the command (picocli). */
    public AppApiCommand() {}

    @Override
    public Integer call() {
        PrintWriter out = out();
        try (AppApiAdminClient admin = AppApiAdminClient.builder()
                .baseUri(java.net.URI.create(url))
                .credentials(Secrets.basic(user, passwordEnv))
                .requestTimeout(Duration.ofSeconds(timeoutSeconds))
                .build()) {
            switch (action) {
                case "daemons":
                    printDaemons(out, admin.daemons().list());
                    return 0;
                case "exapps":
                    printExApps(out, admin.capabilities(), admin.exApps().list());
                    return 0;
                case "register-manual-daemon":
                    if (name == null || name.isBlank()) {
                        err().println("register-manual-daemon needs a NAME");
                        return Failures.USAGE;
                    }
                    DaemonConfig d = DaemonConfig.manualInstall(
                                    name, exAppHost, nextcloudUrl != null ? nextcloudUrl : url)
                            .build();
                    DaemonConfig stored = admin.daemons().register(d, setDefault);
                    out.printf(
                            "registered %s (id %s, %s, host %s)%s%n",
                            stored.name(),
                            stored.id(),
                            stored.acceptsDeployId(),
                            stored.host(),
                            setDefault ? " as the default daemon" : "");
                    return 0;
                default:
                    err().println("unknown action: " + action + " (daemons, exapps, register-manual-daemon)");
                    return Failures.USAGE;
            }
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
