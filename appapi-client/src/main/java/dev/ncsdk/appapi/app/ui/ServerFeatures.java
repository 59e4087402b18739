package dev.ncsdk.appapi.app.ui;

import dev.ncsdk.appapi.AppApiCapabilities;
import dev.ncsdk.appapi.AppApiFeature;
import dev.ncsdk.appapi.AppApiVersion;
import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.ocs.OcsRequest;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server's AppAPI version, read from {@code capabilities.app_api.version} at the first check and then kept, and
 * the checks the UI, settings and occ groups make before a call an older AppAPI lacks. {@link NextcloudApp} keeps
 * one per instance, shared by its views; a failed read is tried again at the next check. When the version cannot be
 * read (no {@code app_api} capability, an unreadable text) the checks let the call go and the server decides.
 *
 * <pre>{@code
 * ServerFeatures features = ServerFeatures.of(nc);
 * features.appApiVersion().ifPresent(v -> log.info("AppAPI " + v));
 * features.require("sensitive settings fields", AppApiVersion.of(32, 0, 0)); // throws on AppAPI 31 and older
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ServerFeatures {
    private final NextcloudApp nc;
    private final AtomicReference<Optional<AppApiVersion>> version = new AtomicReference<>();

    private ServerFeatures(NextcloudApp nc) {
        this.nc = nc;
    }

    /**
     * A new, empty cache reading through the given client; {@link NextcloudApp#ui()} and its siblings use the one
     * the client keeps instead.
     *
     * <pre>{@code
     * ServerFeatures features = ServerFeatures.of(nc);
     * }</pre>
     *
     * @param nc the client whose server is asked
     * @return the cache
     */
    public static ServerFeatures of(NextcloudApp nc) {
        return new ServerFeatures(Objects.requireNonNull(nc, "nc"));
    }

    /**
     * The server's AppAPI version, read once ({@code GET /ocs/v2.php/cloud/capabilities}).
     *
     * <pre>{@code
     * boolean harp = features.appApiVersion().map(v -> v.atLeast(AppApiVersion.of(32, 0, 0))).orElse(false);
     * }</pre>
     *
     * @return the version, or empty when the server does not report a readable one
     */
    public Optional<AppApiVersion> appApiVersion() {
        return HttpTransport.await(appApiVersionAsync());
    }

    /**
     * Async twin of {@link #appApiVersion()}.
     *
     * <pre>{@code
     * features.appApiVersionAsync().thenAccept(v -> ...);
     * }</pre>
     *
     * @return the version's future
     */
    public CompletableFuture<Optional<AppApiVersion>> appApiVersionAsync() {
        Optional<AppApiVersion> v = version.get();
        if (v != null) {
            return CompletableFuture.completedFuture(v);
        }
        return nc.callAsync(OcsRequest.get("/cloud/capabilities").build()).thenApply(data -> {
            Optional<AppApiVersion> read = AppApiCapabilities.fromJson(data.at("/capabilities/app_api"))
                    .version();
            version.compareAndSet(null, read);
            return version.get();
        });
    }

    /**
     * Refuses, before anything is sent, when the server's AppAPI is older than a version.
     *
     * <pre>{@code
     * features.require("sensitive settings fields", AppApiVersion.of(32, 0, 0));
     * }</pre>
     *
     * @param what the feature, named in the error
     * @param since the first AppAPI version with it
     * @throws AppApiVersionTooOldException when the server's version is known and older
     */
    public void require(String what, AppApiVersion since) {
        HttpTransport.await(requireAsync(what, since));
    }

    /**
     * Async twin of {@link #require(String, AppApiVersion)}: the future fails with {@link
     * AppApiVersionTooOldException}.
     *
     * <pre>{@code
     * features.requireAsync("occ commands", AppApiVersion.of(2, 5, 0)).thenRun(() -> ...);
     * }</pre>
     *
     * @param what the feature, named in the error
     * @param since the first AppAPI version with it
     * @return a future completed when the server is recent enough or its version unknown
     */
    public CompletableFuture<Void> requireAsync(String what, AppApiVersion since) {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(since, "since");
        return appApiVersionAsync().thenApply(v -> {
            if (v.isPresent() && !v.get().atLeast(since)) {
                throw new AppApiVersionTooOldException(what, since, v.get());
            }
            return null;
        });
    }

    /**
     * Refuses, before anything is sent, when the server's AppAPI lacks a feature.
     *
     * <pre>{@code
     * features.require(AppApiFeature.FILE_ACTIONS_V2);
     * }</pre>
     *
     * @param feature the feature
     * @throws AppApiVersionTooOldException when the server's version is known and older
     */
    public void require(AppApiFeature feature) {
        require(describe(feature), feature.since());
    }

    static String describe(AppApiFeature feature) {
        return feature.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    @Override
    public String toString() {
        Optional<AppApiVersion> v = version.get();
        return "ServerFeatures["
                + (v == null ? "not read yet" : v.map(AppApiVersion::toString).orElse("unknown")) + "]";
    }
}
