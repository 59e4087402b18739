package dev.ncsdk.appstore.update;

import dev.ncsdk.appstore.App;
import dev.ncsdk.appstore.AppRelease;
import dev.ncsdk.appstore.AppStoreClient;
import dev.ncsdk.appstore.version.AppVersion;
import dev.ncsdk.appstore.version.VersionBound;
import dev.ncsdk.appstore.version.VersionSpec;
import dev.ncsdk.appstore.version.VersionSpecException;
import dev.ncsdk.ocs.NextcloudVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Finds the installed apps that have a newer compatible release in the store, with Nextcloud server's rules by
 * default, minus its bugs.
 *
 * <pre>{@code
 * UpdateChecker checker = UpdateChecker.builder(NextcloudVersion.parse("32.0.1.2")).php("8.2.36").build();
 * UpdateReport report = checker.check(InstalledApps.fromOccAppList(Path.of("apps.json")), store);
 * }</pre>
 *
 * <p>For each installed app, a release is a candidate when:
 *
 * <ol>
 *   <li>it is not a nightly, unless the channel is {@link Channel#DAILY};
 *   <li>its version has no {@code -} (Nextcloud's test for a pre-release), unless the channel is beta or daily;
 *   <li>the Nextcloud version satisfies the minimum of {@code rawPlatformVersionSpec}, comparing only as many parts
 *       as the spec gives ({@code 31.0.5.1} satisfies {@code >=31}); the maximum only when
 *       {@link Builder#checkMaxPlatformVersion(boolean)} is set (the server ignores it by default);
 *       {@code platformVersionSpec}, {@code phpVersionSpec} and extension or database specs do not count;
 *   <li>when a PHP version is given, it satisfies both ends of {@code rawPhpVersionSpec}.
 * </ol>
 *
 * <p>The newest candidate wins whatever its place in the {@code releases} array (ties between releases of the same
 * version go to the store's precedence: the nightly, then the later {@code lastModified}). It is an update when its
 * version is strictly higher than the installed one ({@link Precedence#SERVER}), or higher by the store's precedence
 * ({@link Precedence#STORE}).
 *
 * <p>Where the server is wrong, the checker is right: an unparsable spec skips only that release and is reported
 * in {@link UpdateReport#skipped()} (the server drops every update of every app); {@code *} or a missing bound means
 * no constraint (the server skips a release whose platform spec is {@code *} or maximum-only); a store failure
 * throws (the server answers "up to date"). Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class UpdateChecker {
    private final NextcloudVersion platform;
    private final Channel channel;
    private final String php;
    private final int[] phpParts;
    private final int[] platformParts;
    private final boolean checkMax;
    private final Precedence precedence;

    private UpdateChecker(Builder b) {
        this.platform = b.platform;
        this.channel = b.channel;
        this.php = b.php;
        this.phpParts = b.php == null ? null : VersionBound.leadingParts(b.php);
        this.platformParts = new int[] {platform.part(0), platform.part(1), platform.part(2), platform.part(3)};
        this.checkMax = b.checkMax;
        this.precedence = b.precedence;
    }

    /**
     * Starts a checker for a Nextcloud version (three or four parts), stable channel, no PHP check, maximum platform
     * version ignored, server precedence.
     *
     * @param platform the Nextcloud version
     * @return a builder
     */
    public static Builder builder(NextcloudVersion platform) {
        return new Builder(platform);
    }

    /**
     * Fetches {@code apps.json} (reading only the installed apps) and checks them.
     *
     * @param installed the installed apps
     * @param store the store client
     * @return the report
     * @throws dev.ncsdk.ocs.NcException when the store cannot be read (never "up to date")
     */
    public UpdateReport check(InstalledApps installed, AppStoreClient store) {
        Objects.requireNonNull(installed, "installed");
        return check(installed, store.apps(installed.ids()));
    }

    /**
     * Async twin of {@link #check(InstalledApps, AppStoreClient)}.
     *
     * @param installed the installed apps
     * @param store the store client
     * @return the report's future
     */
    public CompletableFuture<UpdateReport> checkAsync(InstalledApps installed, AppStoreClient store) {
        Objects.requireNonNull(installed, "installed");
        return store.appsAsync(installed.ids()).thenApply(apps -> check(installed, apps));
    }

    /**
     * Checks installed apps against a catalogue already read.
     *
     * @param installed the installed apps; a blank version or {@code "0"} (Nextcloud's "not installed") cannot be
     *     judged and is reported in {@link UpdateReport#skipped()}
     * @param catalogue the store's apps
     * @return the report
     */
    public UpdateReport check(InstalledApps installed, Collection<App> catalogue) {
        Objects.requireNonNull(installed, "installed");
        Map<String, App> byId = new HashMap<>(Math.max(16, catalogue.size() * 2));
        for (App a : catalogue) {
            byId.putIfAbsent(a.id(), a);
        }
        List<AppUpdate> updates = new ArrayList<>();
        List<SkippedRelease> skipped = new ArrayList<>();
        List<String> notInStore = new ArrayList<>();
        Map<String, Object> specs = new HashMap<>();
        for (Map.Entry<String, String> e : installed.asMap().entrySet()) {
            String id = e.getKey();
            String installedText = e.getValue() == null ? "" : e.getValue().trim();
            App app = byId.get(id);
            if (app == null) {
                notInStore.add(id);
                continue;
            }
            if (installedText.isEmpty()) {
                skipped.add(new SkippedRelease(id, installedText, true, "no installed version given"));
                continue;
            }
            if (installedText.equals("0")) {
                // Nextcloud's marker for "not installed" (no version in the app's info.xml)
                skipped.add(new SkippedRelease(id, installedText, true, "not installed (version 0)"));
                continue;
            }
            AppVersion installedVersion;
            try {
                installedVersion = AppVersion.parse(installedText);
            } catch (VersionSpecException ex) {
                skipped.add(new SkippedRelease(id, installedText, true, ex.getMessage()));
                continue;
            }
            Candidate best = newest(app, skipped, specs);
            if (best != null && isUpdate(best.version, installedVersion)) {
                updates.add(new AppUpdate(id, installedText, app, best.release));
            }
        }
        updates.sort(Comparator.comparing(AppUpdate::appId));
        return new UpdateReport(updates, skipped, notInStore);
    }

    /**
     * The newest release of an app that this checker's rules accept, whatever its place in the array. A release
     * whose version or specs cannot be parsed is passed over ({@link #check(InstalledApps, Collection)} reports such
     * releases in {@link UpdateReport#skipped()}).
     *
     * @param app the app
     * @return the release, or empty when none is compatible
     */
    public Optional<AppRelease> newestCompatible(App app) {
        Candidate c = newest(app, new ArrayList<>(), new HashMap<>());
        return c == null ? Optional.empty() : Optional.of(c.release);
    }

    private Candidate newest(App app, List<SkippedRelease> skipped, Map<String, Object> specs) {
        Candidate best = null;
        for (AppRelease r : app.releases()) {
            if (r.nightly() && !channel.allowsNightlies()) {
                continue;
            }
            if (r.isPreRelease() && !channel.allowsPreReleases()) {
                continue;
            }
            try {
                String raw = r.rawPlatformVersionSpec() != null ? r.rawPlatformVersionSpec() : r.platformVersionSpec();
                if (!spec(raw, specs).test(platformParts, checkMax)) {
                    continue;
                }
                if (phpParts != null) {
                    String php = r.rawPhpVersionSpec() != null ? r.rawPhpVersionSpec() : r.phpVersionSpec();
                    if (!spec(php, specs).test(phpParts, true)) {
                        continue;
                    }
                }
                AppVersion v = r.appVersion();
                if (best == null || v.compareTo(best.version) > 0) {
                    best = new Candidate(r, v);
                }
            } catch (VersionSpecException ex) {
                skipped.add(new SkippedRelease(app.id(), r.version(), false, ex.getMessage()));
            }
        }
        return best;
    }

    /** Parses a spec once per check: a catalogue has few distinct specs and thousands of releases. */
    private static VersionSpec spec(String text, Map<String, Object> cache) {
        String key = text == null ? "" : text;
        Object cached = cache.get(key);
        if (cached == null) {
            try {
                cached = VersionSpec.parse(text);
            } catch (VersionSpecException e) {
                cached = e;
            }
            cache.put(key, cached);
        }
        if (cached instanceof VersionSpecException) {
            VersionSpecException e = (VersionSpecException) cached;
            throw new VersionSpecException(e.getMessage(), e.input());
        }
        return (VersionSpec) cached;
    }

    private boolean isUpdate(AppVersion candidate, AppVersion installed) {
        return precedence == Precedence.SERVER
                ? candidate.isNewerVersionThan(installed)
                : candidate.compareTo(installed) > 0;
    }

    /** @return the Nextcloud version checked against */
    public NextcloudVersion platform() {
        return platform;
    }

    /** @return the channel */
    public Channel channel() {
        return channel;
    }

    @Override
    public String toString() {
        return "UpdateChecker[platform " + platform + ", " + channel + (php == null ? "" : ", php " + php)
                + (checkMax ? ", max version checked" : "") + ", " + precedence + " precedence]";
    }

    private static final class Candidate {
        final AppRelease release;
        final AppVersion version;

        Candidate(AppRelease release, AppVersion version) {
            this.release = release;
            this.version = version;
        }
    }

    /**
     * Configures an {@link UpdateChecker}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final NextcloudVersion platform;
        private Channel channel = Channel.STABLE;
        private String php;
        private boolean checkMax;
        private Precedence precedence = Precedence.SERVER;

        private Builder(NextcloudVersion platform) {
            this.platform = Objects.requireNonNull(platform, "platform");
        }

        /**
         * Sets the update channel (default {@link Channel#STABLE}).
         *
         * @param channel the channel
         * @return this builder
         */
        public Builder channel(Channel channel) {
            this.channel = Objects.requireNonNull(channel, "channel");
            return this;
        }

        /**
         * Checks releases against a PHP version ({@code 8.2.36}; distribution suffixes are ignored). Without it, PHP
         * requirements are not checked.
         *
         * @param version the PHP version
         * @return this builder
         * @throws VersionSpecException when the version does not start with a number
         */
        public Builder php(String version) {
            VersionBound.leadingParts(version);
            this.php = version;
            return this;
        }

        /**
         * Also requires the Nextcloud version to be within the release's maximum (what Nextcloud does before a major
         * upgrade); off by default, like the server's app listing.
         *
         * @param check whether the maximum counts
         * @return this builder
         */
        public Builder checkMaxPlatformVersion(boolean check) {
            this.checkMax = check;
            return this;
        }

        /**
         * Sets which precedence decides "newer" (default {@link Precedence#SERVER}).
         *
         * @param precedence the rule
         * @return this builder
         */
        public Builder precedence(Precedence precedence) {
            this.precedence = Objects.requireNonNull(precedence, "precedence");
            return this;
        }

        /**
         * Builds the checker.
         *
         * @return the checker
         */
        public UpdateChecker build() {
            return new UpdateChecker(this);
        }
    }
}
