package dev.ncsdk.samples;

import dev.ncsdk.appstore.AppStoreClient;
import dev.ncsdk.appstore.cache.ResponseCache;
import dev.ncsdk.appstore.update.AppUpdate;
import dev.ncsdk.appstore.update.Channel;
import dev.ncsdk.appstore.update.InstalledApps;
import dev.ncsdk.appstore.update.SkippedRelease;
import dev.ncsdk.appstore.update.UpdateChecker;
import dev.ncsdk.appstore.update.UpdateReport;
import dev.ncsdk.ocs.NextcloudVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code update-check}: which installed apps have a newer compatible release in the App Store, with Nextcloud
 * server's rules (see {@link UpdateChecker}). Prints a table, or with {@code --json} an array of
 * {@code {"app", "installed", "available", "nightly", "download"}}. Exit code 0 when the check ran (with or without
 * updates), 1 when it could not (store unreachable, rate-limited, bad input).
 */
@Command(
        name = "update-check",
        mixinStandardHelpOptions = true,
        description = "List installed apps that have a newer compatible release in the App Store.")
public final class UpdateCheckCommand extends SampleCommand {
    @Option(
            names = "--store",
            paramLabel = "URL",
            description = "App Store API base URL (default: ${DEFAULT-VALUE}).",
            defaultValue = AppStoreClient.DEFAULT_BASE_URL)
    String store;

    @Option(
            names = "--platform",
            required = true,
            paramLabel = "VERSION",
            description = "Nextcloud version, three or four parts (32.0.1.2).")
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

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        NextcloudVersion version;
        Channel ch;
        try {
            version = NextcloudVersion.parse(platform);
            ch = Channel.parse(channel);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Map<String, String> installedApps = new LinkedHashMap<>();
        if (installed != null) {
            installedApps.putAll(InstalledApps.fromOccAppList(installed));
        }
        installedApps.putAll(apps);
        if (installedApps.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give the installed apps with --installed or --app");
        }
        UpdateChecker.Builder checker =
                UpdateChecker.builder(version).channel(ch).checkMaxPlatformVersion(checkMax);
        if (php != null) {
            checker.php(php);
        }
        AppStoreClient.Builder client = AppStoreClient.builder()
                .baseUrl(store)
                .userAgent("ncsdk-samples update-check")
                .cache(cache != null ? ResponseCache.onDisk(cache) : ResponseCache.none());
        UpdateReport report;
        try (AppStoreClient storeClient = client.build()) {
            report = checker.build().check(storeClient, installedApps);
        }
        PrintWriter out = out();
        PrintWriter err = err();
        for (SkippedRelease s : report.skipped()) {
            err.println("warning: " + s.appId() + (s.installed() ? " (installed " : " release ") + s.version()
                    + (s.installed() ? ")" : "") + " skipped: " + s.reason());
        }
        if (json) {
            printJson(report, out);
        } else {
            printTable(report, installedApps.size(), out);
        }
        flush();
        return 0;
    }

    private static void printJson(UpdateReport report, PrintWriter out) {
        StringBuilder json = new StringBuilder(64 + 160 * report.updates().size()).append('[');
        for (AppUpdate u : report.updates()) {
            if (json.length() > 1) {
                json.append(',');
            }
            Json.string(json.append("{\"app\":"), u.appId());
            Json.string(json.append(",\"installed\":"), u.installedVersion());
            Json.string(json.append(",\"available\":"), u.availableVersion());
            json.append(",\"nightly\":").append(u.nightly());
            Json.string(json.append(",\"download\":"), u.download()).append('}');
        }
        out.println(json.append(']'));
    }

    private static void printTable(UpdateReport report, int checked, PrintWriter out) {
        if (report.updates().isEmpty()) {
            out.println("All " + checked + " apps are up to date ("
                    + (checked - report.notInStore().size()) + " listed in the store).");
            return;
        }
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
}
