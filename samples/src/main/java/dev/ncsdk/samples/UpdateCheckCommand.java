package dev.ncsdk.samples;

import dev.ncsdk.appstore.App;
import dev.ncsdk.appstore.AppStoreClient;
import dev.ncsdk.appstore.cache.ResponseCache;
import dev.ncsdk.appstore.update.AppUpdate;
import dev.ncsdk.appstore.update.Channel;
import dev.ncsdk.appstore.update.InstalledApps;
import dev.ncsdk.appstore.update.SkippedRelease;
import dev.ncsdk.appstore.update.UpdateChecker;
import dev.ncsdk.appstore.update.UpdateReport;
import dev.ncsdk.ocs.NcException;
import dev.ncsdk.ocs.NextcloudVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code update-check}: which installed apps have a newer compatible release in the App Store, with Nextcloud
 * server's rules (see {@link UpdateChecker}). Prints a table, or with {@code --json} an object
 * {@code {"updates": [{"app", "installed", "available", "nightly", "download"}], "skipped": [{"app", "installed",
 * "reason"}], "notInStore": ["id"]}}. Exit codes as {@link Failures} defines them: 0 when every app was judged (with
 * or without updates), 1 when some app could not be judged (not in the store, unless {@code --ignore-not-in-store};
 * unreadable installed version), when {@code --fail-on-update} is given and an update is available, or when the store
 * answered with a failure (rate-limited), 2 for bad usage or an unreadable {@code --installed} file (found before the
 * store is read), 3 when the store (or a server) does not answer. With {@code --server} or {@code --servers} it reads
 * running servers over OCS instead ({@link FleetCheck}).
 */
@Command(
        name = "update-check",
        mixinStandardHelpOptions = true,
        description = "List installed apps that have a newer compatible release in the App Store.",
        footer = "%nExample: ncsdk-samples update-check --platform 32.0.1 --app news=25.0.0 --fail-on-update")
public final class UpdateCheckCommand extends SampleCommand {
    private static final String USER_AGENT = "ncsdk-samples update-check";

    @Option(
            names = "--store",
            paramLabel = "URL",
            description = "App Store API base URL (default: ${DEFAULT-VALUE}).",
            defaultValue = AppStoreClient.DEFAULT_BASE_URI)
    String store;

    @Option(
            names = "--platform",
            paramLabel = "VERSION",
            description = "Nextcloud version, three or four parts (32.0.1.2); required with --installed or --app.")
    String platform;

    @Option(names = "--php", paramLabel = "VERSION", description = "PHP version (8.2.36); checks PHP requirements.")
    String php;

    @Option(
            names = "--channel",
            paramLabel = "CHANNEL",
            defaultValue = "stable",
            description = "Update channel: stable, beta or daily (default: ${DEFAULT-VALUE}).")
    String channel;

    @Option(
            names = "--installed",
            paramLabel = "FILE",
            description = "Output of 'occ app:list --output=json' (enabled and disabled apps).")
    Path installed;

    @Option(names = "--app", paramLabel = "ID=VERSION", description = "An installed app (repeatable).")
    Map<String, String> apps = new LinkedHashMap<>();

    @Option(names = "--cache", paramLabel = "DIR", description = "Keep the store's answers in this directory.")
    Path cache;

    @Option(names = "--check-max", description = "Also honour each release's maximum Nextcloud version.")
    boolean checkMax;

    @Option(
            names = "--ignore-not-in-store",
            description = "Apps the store does not list (shipped with Nextcloud, private) still show, but no longer"
                    + " make the exit code 1.")
    boolean ignoreNotInStore;

    @Option(names = "--fail-on-update", description = "Exit with 1 when an update is available (for scripts and CI).")
    boolean failOnUpdate;

    @Option(
            names = "--json",
            description = "Print a JSON object (with --server or --servers: an array) instead of a table.")
    boolean json;

    @Option(
            names = "--server",
            paramLabel = "URL",
            description = "Check a running server over OCS (with --user and --password-env) instead of --installed.")
    String server;

    @Option(names = "--user", paramLabel = "USER", description = "Admin login for --server.")
    String user;

    @Option(
            names = "--password-env",
            paramLabel = "VAR",
            description = "Environment variable holding the admin's app password for --server.")
    String passwordEnv;

    @Option(
            names = "--servers",
            paramLabel = "FILE",
            description = "Check a fleet: one server a line, 'URL USER VAR' (VAR names the variable holding its app"
                    + " password); '#' starts a comment.")
    Path servers;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "30",
            description = "Timeout of each request to a server with --server or --servers (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** The store read started before the command line was parsed, or null (see {@link #startEarly}). */
    private EarlyRead early;

    /**
     * Starts the store read on a second thread before picocli has read the command line, when the options that
     * decide the read can be seen without it: a cold run then fetches and parses the catalogue while picocli builds
     * its model (about 0.1 s on the main thread). The read is used only when the parsed options ask for exactly it;
     * on anything the quick look does not understand (an unknown option, help) it does not start.
     *
     * @param args the whole command line, the command's name first
     */
    void startEarly(String[] args) {
        String store = AppStoreClient.DEFAULT_BASE_URI;
        Path installedFile = null;
        Path cacheDir = null;
        String platformArg = null;
        String phpArg = null;
        String channelArg = "stable";
        Map<String, String> appArgs = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            int eq = a.indexOf('=');
            String name = a.startsWith("--") && eq > 0 ? a.substring(0, eq) : a;
            String value;
            if (name.equals("--json")
                    || name.equals("--check-max")
                    || name.equals("--fail-on-update")
                    || name.equals("--ignore-not-in-store")) {
                continue;
            }
            if (!name.equals("--store")
                    && !name.equals("--installed")
                    && !name.equals("--app")
                    && !name.equals("--cache")
                    && !name.equals("--platform")
                    && !name.equals("--php")
                    && !name.equals("--channel")) {
                return; // help, anything unusual: picocli and call() decide
            }
            if (eq > 0 && name != a) {
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return;
            }
            if (name.equals("--store")) {
                store = value;
            } else if (name.equals("--installed")) {
                installedFile = Path.of(value);
            } else if (name.equals("--cache")) {
                cacheDir = Path.of(value);
            } else if (name.equals("--platform")) {
                platformArg = value;
            } else if (name.equals("--php")) {
                phpArg = value;
            } else if (name.equals("--channel")) {
                channelArg = value;
            } else if (name.equals("--app")) {
                int sep = value.indexOf('=');
                if (sep <= 0) {
                    return;
                }
                appArgs.put(value.substring(0, sep), value.substring(sep + 1));
            }
        }
        try {
            // what call() would refuse is refused before anything is sent: no read starts for it
            validate(store, platformArg, phpArg, channelArg, appArgs);
        } catch (Failures.Failure | IllegalArgumentException e) {
            return;
        }
        early = EarlyRead.start(store, cacheDir, installedFile, appArgs);
    }

    /**
     * Checks the values that decide a store check, before anything is sent: the store URL, the Nextcloud and PHP
     * versions, the channel and the app ids.
     *
     * @return the parsed Nextcloud version and channel
     */
    private static Object[] validate(
            String store, String platform, String php, String channel, Map<String, String> apps) {
        Inputs.httpUrl("--store", store);
        if (platform == null) {
            throw Failures.usage("give --platform with --installed or --app (or check a running server with --server)");
        }
        NextcloudVersion version = Inputs.nextcloudVersion("--platform", platform);
        if (php != null) {
            Inputs.version("--php", php);
        }
        Channel ch;
        try {
            ch = Channel.parse(channel);
        } catch (IllegalArgumentException e) {
            throw Failures.usage("--channel: " + Failures.clean(e.getMessage()));
        }
        for (String id : apps.keySet()) {
            Inputs.appId("--app", id);
        }
        return new Object[] {version, ch};
    }

    /** Stops an early read that the command did not take (the command line was refused, or help was asked). */
    void dropEarly() {
        EarlyRead started = early;
        early = null;
        if (started != null) {
            started.abandon();
        }
    }

    @Override
    public Integer call() {
        if (server != null || servers != null || user != null || passwordEnv != null) {
            dropEarly();
            Inputs.httpUrl("--store", store);
            return new FleetCheck(this).run();
        }
        Object[] checked = validate(store, platform, php, channel, apps);
        NextcloudVersion version = (NextcloudVersion) checked[0];
        Channel ch = (Channel) checked[1];
        Map<String, String> installedApps = new LinkedHashMap<>();
        if (installed != null) {
            Inputs.readableFile("--installed", installed);
            try {
                installedApps.putAll(InstalledApps.fromOccAppList(installed).asMap());
            } catch (IllegalArgumentException e) {
                throw Failures.unreadable("--installed: " + Failures.clean(e.getMessage()), e);
            } catch (java.io.UncheckedIOException u) {
                IOException e = u.getCause();
                if (e instanceof NoSuchFileException) {
                    throw Failures.unreadable("--installed: cannot read " + installed + ": no such file", e);
                }
                if (e instanceof AccessDeniedException) {
                    throw Failures.unreadable("--installed: cannot read " + installed + ": permission denied", e);
                }
                throw Failures.unreadable(
                        "--installed: cannot read " + installed + ": " + Failures.clean(e.getMessage()), e);
            }
        }
        installedApps.putAll(apps);
        if (installedApps.isEmpty()) {
            throw Failures.usage("give the installed apps with --installed or --app");
        }
        UpdateChecker.Builder checker =
                UpdateChecker.builder(version).channel(ch).checkMaxPlatformVersion(checkMax);
        if (php != null) {
            try {
                checker.php(php);
            } catch (IllegalArgumentException e) {
                throw Failures.usage("--php: " + Failures.clean(e.getMessage()));
            }
        }
        EarlyRead started = early;
        early = null;
        UpdateReport report;
        try {
            report = check(checker, started, installedApps);
        } catch (NcException e) {
            throw Failures.talkingTo(store, e);
        }
        PrintWriter out = out();
        warnSkippedReleases(report, err());
        if (json) {
            StringBuilder text = new StringBuilder(64 + 160 * report.updates().size());
            out.println(reportJson(report, text));
        } else {
            printTable(report, installedApps.size(), out);
        }
        flush();
        String problem = problem(report);
        if (problem == null) {
            return 0;
        }
        Failures.print(err(), spec.name(), problem, null, false);
        return Failures.FAILED;
    }

    /**
     * What makes a report's exit code 1, in one line, or null when nothing does.
     *
     * @param report the report
     * @return the problem, or null
     */
    String problem(UpdateReport report) {
        List<String> parts = new java.util.ArrayList<>(3);
        int unjudged = report.unjudgedApps().size();
        if (unjudged > 0) {
            parts.add(unjudged + (unjudged == 1 ? " app" : " apps") + " could not be judged");
        }
        if (!ignoreNotInStore && !report.notInStore().isEmpty()) {
            int n = report.notInStore().size();
            parts.add(n + (n == 1 ? " app is" : " apps are") + " not in the store (--ignore-not-in-store lets them"
                    + " pass)");
        }
        if (updateFails(report)) {
            int n = report.updates().size();
            parts.add(n + (n == 1 ? " app" : " apps") + " can be updated (--fail-on-update)");
        }
        if (parts.isEmpty() && !judged(report)) {
            parts.add("some apps could not be judged");
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    @Override
    String problemExit() {
        return "some app could not be judged, an update is available with --fail-on-update, or a server answered"
                + " with a failure";
    }

    /** Whether a report's updates make the exit code 1 ({@code --fail-on-update}). */
    boolean updateFails(UpdateReport report) {
        return failOnUpdate && !report.updates().isEmpty();
    }

    /** The store check, with the early read when it is the one the options ask for. */
    private UpdateReport check(UpdateChecker.Builder checker, EarlyRead started, Map<String, String> installedApps) {
        UpdateReport report;
        if (started != null && started.isFor(store, cache, installedApps.keySet())) {
            report = checker.build().check(InstalledApps.of(installedApps), started.apps());
        } else {
            if (started != null) {
                started.abandon();
            }
            AppStoreClient.Builder client = AppStoreClient.builder()
                    .baseUri(java.net.URI.create(store))
                    .userAgent(USER_AGENT)
                    .cache(cache != null ? ResponseCache.onDisk(cache) : ResponseCache.none());
            try (AppStoreClient storeClient = client.build()) {
                report = checker.build().check(InstalledApps.of(installedApps), storeClient);
            }
        }
        return report;
    }

    /**
     * Whether a report counts as fully judged for the exit code: every app judged, where with
     * {@code --ignore-not-in-store} an app the store does not list does not count against it.
     */
    boolean judged(UpdateReport report) {
        return ignoreNotInStore ? report.unjudgedApps().isEmpty() : report.allJudged();
    }

    /** Store releases that could not be read: a warning each (their apps are still judged by their other releases). */
    static void warnSkippedReleases(UpdateReport report, PrintWriter err) {
        for (SkippedRelease s : report.skipped()) {
            if (!s.installed()) {
                err.println("warning: " + s.appId() + " release " + s.version() + " skipped: " + s.reason());
            }
        }
    }

    /**
     * Appends a report as {@code "updates":[...],"skipped":[...],"notInStore":[...]} (the members, without braces).
     *
     * @param report the report
     * @param json where the members go
     * @return {@code json}
     */
    static StringBuilder reportMembers(UpdateReport report, StringBuilder json) {
        json.append("\"updates\":[");
        boolean first = true;
        for (AppUpdate u : report.updates()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            Json.string(json.append("{\"app\":"), u.appId());
            Json.string(json.append(",\"installed\":"), u.installedVersion());
            Json.string(json.append(",\"available\":"), u.availableVersion());
            json.append(",\"nightly\":").append(u.nightly());
            Json.string(json.append(",\"download\":"), u.download()).append('}');
        }
        json.append("],\"skipped\":[");
        first = true;
        for (SkippedRelease s : report.unjudgedApps()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            Json.string(json.append("{\"app\":"), s.appId());
            Json.string(json.append(",\"installed\":"), s.version());
            Json.string(json.append(",\"reason\":"), s.reason()).append('}');
        }
        json.append("],\"notInStore\":[");
        first = true;
        for (String id : report.notInStore()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            Json.string(json, id);
        }
        return json.append(']');
    }

    /** A report as the JSON object {@code update-check --json} prints. */
    private static StringBuilder reportJson(UpdateReport report, StringBuilder json) {
        return reportMembers(report, json.append('{')).append('}');
    }

    /**
     * Prints a report as a table: the updates, then the apps that could not be judged under their own headings.
     *
     * @param report the report
     * @param checked how many apps were checked
     * @param out where the table goes
     */
    static void printTable(UpdateReport report, int checked, PrintWriter out) {
        List<SkippedRelease> unjudged = report.unjudgedApps();
        int notJudged = unjudged.size() + report.notInStore().size();
        if (report.updates().isEmpty()) {
            if (notJudged == 0) {
                out.println("All " + checked + " apps are up to date (" + checked + " listed in the store).");
            } else {
                out.println("No updates for the " + (checked - notJudged) + " of " + checked
                        + " apps that could be judged.");
            }
        } else {
            int w1 = "APP".length();
            int w2 = "INSTALLED".length();
            int w3 = "AVAILABLE".length();
            for (AppUpdate u : report.updates()) {
                w1 = Math.max(w1, u.appId().length());
                w2 = Math.max(w2, u.installedVersion().length());
                w3 = Math.max(w3, u.availableVersion().length() + (u.nightly() ? 10 : 0));
            }
            String fmt = "%-" + w1 + "s  %-" + w2 + "s  %-" + w3 + "s  %s%n";
            out.printf(fmt, "APP", "INSTALLED", "AVAILABLE", "DOWNLOAD");
            for (AppUpdate u : report.updates()) {
                out.printf(
                        fmt,
                        u.appId(),
                        u.installedVersion(),
                        u.availableVersion() + (u.nightly() ? " (nightly)" : ""),
                        u.download());
            }
            out.println(report.updates().size() + " of " + checked + " apps can be updated.");
        }
        if (!unjudged.isEmpty()) {
            out.println();
            out.println("Could not be judged (" + unjudged.size() + "):");
            int w = "APP".length();
            int wv = "INSTALLED".length();
            for (SkippedRelease s : unjudged) {
                w = Math.max(w, s.appId().length());
                wv = Math.max(wv, shown(s.version()).length());
            }
            String fmt = "  %-" + w + "s  %-" + wv + "s  %s%n";
            out.printf(fmt, "APP", "INSTALLED", "REASON");
            for (SkippedRelease s : unjudged) {
                out.printf(fmt, s.appId(), shown(s.version()), s.reason());
            }
        }
        if (!report.notInStore().isEmpty()) {
            out.println();
            out.println(
                    "Not in the store (" + report.notInStore().size() + "): " + String.join(", ", report.notInStore()));
        }
    }

    private static String shown(String version) {
        return version.isEmpty() ? "(none)" : version;
    }

    /**
     * A store read of the installed apps on its own thread, with its own client (closed when the read is done
     * with, so that no HTTP thread outlives the command).
     */
    private static final class EarlyRead {
        private final String store;
        private final Path cacheDir;
        private final Path installedFile;
        private final Map<String, String> appArgs;
        private final CompletableFuture<Set<String>> ids = new CompletableFuture<>();
        private final CompletableFuture<List<App>> apps = new CompletableFuture<>();
        private volatile AppStoreClient client;
        private volatile boolean abandoned;

        private EarlyRead(String store, Path cacheDir, Path installedFile, Map<String, String> appArgs) {
            this.store = store;
            this.cacheDir = cacheDir;
            this.installedFile = installedFile;
            this.appArgs = appArgs;
        }

        static EarlyRead start(String store, Path cacheDir, Path installedFile, Map<String, String> appArgs) {
            if (installedFile == null && appArgs.isEmpty()) {
                return null;
            }
            EarlyRead r = new EarlyRead(store, cacheDir, installedFile, appArgs);
            Thread t = new Thread(r::read, "update-check-early-read");
            t.setDaemon(true);
            t.start();
            return r;
        }

        private void read() {
            Map<String, String> installed = new LinkedHashMap<>();
            ResponseCache responses;
            try {
                if (installedFile != null) {
                    installed.putAll(InstalledApps.fromOccAppList(installedFile).asMap());
                }
                installed.putAll(appArgs);
                responses = cacheDir != null ? ResponseCache.onDisk(cacheDir) : ResponseCache.none();
            } catch (RuntimeException e) {
                ids.complete(Set.of()); // matches nothing: call() reads again and reports the problem itself
                apps.cancel(false);
                return;
            }
            ids.complete(Set.copyOf(installed.keySet()));
            if (abandoned || installed.isEmpty()) {
                apps.cancel(false);
                return;
            }
            try (AppStoreClient c = AppStoreClient.builder()
                    .baseUri(java.net.URI.create(store))
                    .userAgent(USER_AGENT)
                    .cache(responses)
                    .build()) {
                client = c;
                apps.complete(c.apps(ids.join()));
            } catch (RuntimeException | Error e) {
                apps.completeExceptionally(e);
            }
        }

        /** Whether this is the read the parsed options ask for: same store, cache directory and apps. */
        boolean isFor(String storeUrl, Path cache, Set<String> installedIds) {
            return store.equals(storeUrl)
                    && java.util.Objects.equals(cacheDir, cache)
                    && !installedIds.isEmpty()
                    && ids.join().equals(installedIds);
        }

        /** The apps, or the read's own failure (the same exception the ordinary read would have thrown). */
        List<App> apps() {
            try {
                return apps.join();
            } catch (java.util.concurrent.CompletionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException) {
                    throw (RuntimeException) c;
                }
                if (c instanceof Error) {
                    throw (Error) c;
                }
                throw e;
            }
        }

        /** Not the read the command needs: stop it (a read under way ends on its own; no new one starts). */
        void abandon() {
            abandoned = true;
            AppStoreClient c = client;
            if (c != null) {
                c.close();
            }
        }
    }
}
