package dev.ncsdk.appapi.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ncsdk.appapi.internal.AdminHttp;
import dev.ncsdk.appapi.internal.Json;
import dev.ncsdk.appapi.internal.OcsCalls;
import dev.ncsdk.ocs.ErrorResponse;
import dev.ncsdk.ocs.NcTimeoutException;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import dev.ncsdk.ocs.internal.http.ResponseErrors;
import dev.ncsdk.ocs.internal.http.Uris;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * ExApps: list, inspect, install, enable, disable, update and uninstall, as AppAPI's admin pages do. Obtain it
 * from {@link AppApiAdminClient#exApps()}. Every method has an {@code ...Async} twin.
 *
 * <p>{@link #list()}, {@link #info}, {@link #enable} and {@link #disable} use AppAPI's OCS API; the others its
 * admin page routes (plain JSON). Install, update and uninstall run {@code occ} commands on the server in the
 * background: they return when AppAPI has started them, and {@link #status} or {@link #awaitReady} follow the rest.
 * Several of these routes are GET requests that change state; the SDK never retries them.
 *
 * @since 0.1.0
 */
public final class ExApps {
    private static final String OCS = "/apps/app_api/api/v1/ex-app";

    private final AdminHttp http;
    private final OcsCalls ocs;

    ExApps(AdminHttp http, OcsCalls ocs) {
        this.http = http;
        this.ocs = ocs;
    }

    /**
     * All registered ExApps, enabled or not.
     *
     * @return the ExApps
     */
    public List<ExAppInfo> list() {
        return HttpTransport.await(listAsync());
    }

    /**
     * Async twin of {@link #list()}.
     *
     * @return the ExApps' future
     */
    public CompletableFuture<List<ExAppInfo>> listAsync() {
        return listOf("all");
    }

    /**
     * The enabled ExApps.
     *
     * @return the ExApps
     */
    public List<ExAppInfo> listEnabled() {
        return HttpTransport.await(listEnabledAsync());
    }

    /**
     * Async twin of {@link #listEnabled()}.
     *
     * @return the ExApps' future
     */
    public CompletableFuture<List<ExAppInfo>> listEnabledAsync() {
        return listOf("enabled");
    }

    private CompletableFuture<List<ExAppInfo>> listOf(String which) {
        return ocs.data("GET", OCS + "/" + which, List.of(), null, true).thenApply(data -> {
            List<ExAppInfo> out = new ArrayList<>();
            if (data != null && data.isContainerNode()) {
                data.forEach(n -> out.add(ExAppInfo.fromJson(n)));
            }
            return List.copyOf(out);
        });
    }

    /**
     * One registered ExApp.
     *
     * @param appId the app id
     * @return the ExApp
     * @throws dev.ncsdk.ocs.NcNotFoundException when no such ExApp is registered
     */
    public ExAppInfo info(String appId) {
        return HttpTransport.await(infoAsync(appId));
    }

    /**
     * Async twin of {@link #info}.
     *
     * @param appId the app id
     * @return the ExApp's future
     */
    public CompletableFuture<ExAppInfo> infoAsync(String appId) {
        return withId(
                appId,
                id -> ocs.data("GET", OCS + "/info/" + id, List.of(), null, true)
                        .thenApply(ExAppInfo::fromJson));
    }

    /**
     * Enables a registered ExApp: AppAPI starts its container, waits for its heartbeat and calls its
     * {@code /enabled} route.
     *
     * @param appId the app id
     * @throws dev.ncsdk.ocs.NcNotFoundException when no such ExApp is registered
     * @throws dev.ncsdk.ocs.NcBadRequestException when it is enabled already, or enabling failed
     */
    public void enable(String appId) {
        HttpTransport.await(enableAsync(appId));
    }

    /**
     * Async twin of {@link #enable}.
     *
     * @param appId the app id
     * @return completes when enabled
     */
    public CompletableFuture<Void> enableAsync(String appId) {
        return setEnabled(appId, true);
    }

    /**
     * Disables an ExApp: AppAPI calls its {@code /enabled?enabled=0} route and stops its container.
     *
     * @param appId the app id
     * @throws dev.ncsdk.ocs.NcNotFoundException when no such ExApp is registered
     * @throws dev.ncsdk.ocs.NcBadRequestException when it is disabled already, or disabling failed
     */
    public void disable(String appId) {
        HttpTransport.await(disableAsync(appId));
    }

    /**
     * Async twin of {@link #disable}.
     *
     * @param appId the app id
     * @return completes when disabled
     */
    public CompletableFuture<Void> disableAsync(String appId) {
        return setEnabled(appId, false);
    }

    private CompletableFuture<Void> setEnabled(String appId, boolean enabled) {
        return withId(appId, id -> {
            ObjectNode body = Json.object();
            body.put("enabled", enabled ? 1 : 0);
            return ocs.data("PUT", OCS + "/" + id + "/enabled", List.of(), body, false)
                    .thenApply(d -> null);
        });
    }

    /**
     * Installs an ExApp from the App Store onto a daemon (password confirmation): AppAPI runs
     * {@code occ app_api:app:register} in the background and answers once the ExApp is registered. When the ExApp
     * is registered already, AppAPI enables it instead.
     *
     * @param appId the app id in the store
     * @param daemonName the daemon to deploy on
     * @param options declared environment variables and mounts; {@link DeployOptions#NONE} for none
     * @return what AppAPI did
     * @throws dev.ncsdk.ocs.NcServerException when the install could not start or did not register in time
     */
    public InstallResult install(String appId, String daemonName, DeployOptions options) {
        return HttpTransport.await(installAsync(appId, daemonName, options));
    }

    /**
     * Async twin of {@link #install}. Not retried.
     *
     * @param appId the app id
     * @param daemonName the daemon
     * @param options the options
     * @return the result's future
     */
    public CompletableFuture<InstallResult> installAsync(String appId, String daemonName, DeployOptions options) {
        try {
            requireId(appId);
            requireId(daemonName);
            Objects.requireNonNull(options, "options");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        ObjectNode body = Json.object();
        body.set("deployOptions", options.toJson());
        String path = "/apps/enable/" + Uris.pathSegment(appId) + "/" + Uris.pathSegment(daemonName);
        return http.json("POST", path, List.of(), body, false, "the install answer")
                .thenApply(a -> {
                    JsonNode data = Json.obj(a.json(), "data");
                    if (data != null && data.has("update_required")) {
                        return new InstallResult(appId, false, Json.bool(data, "update_required", false));
                    }
                    return new InstallResult(appId, true, false);
                });
    }

    /**
     * Updates an ExApp to the App Store's newest compatible release (password confirmation): AppAPI runs
     * {@code occ app_api:app:update} in the background, keeping port, secret and deploy options.
     *
     * @param appId the app id
     * @throws dev.ncsdk.ocs.NcServerException when the store has no update for it, or the update did not start
     */
    public void update(String appId) {
        HttpTransport.await(updateAsync(appId));
    }

    /**
     * Async twin of {@link #update}. Not retried.
     *
     * @param appId the app id
     * @return completes when the update started
     */
    public CompletableFuture<Void> updateAsync(String appId) {
        return withId(
                appId,
                id -> http.send("GET", "/apps/update/" + id, List.of(), null, false)
                        .thenApply(r -> null));
    }

    /**
     * Uninstalls an ExApp (password confirmation): disables it, removes its container and unregisters it with
     * everything it registered. AppAPI answers success for an unknown app id too.
     *
     * @param appId the app id
     * @param removeData whether to remove its data volume as well
     */
    public void uninstall(String appId, boolean removeData) {
        HttpTransport.await(uninstallAsync(appId, removeData));
    }

    /**
     * Async twin of {@link #uninstall}. Not retried.
     *
     * @param appId the app id
     * @param removeData whether to remove its data
     * @return completes when uninstalled
     */
    public CompletableFuture<Void> uninstallAsync(String appId, boolean removeData) {
        return withId(
                appId,
                id -> http.send(
                                "GET",
                                "/apps/uninstall/" + id,
                                List.of(
                                        Map.entry("removeContainer", "1"),
                                        Map.entry("removeData", removeData ? "1" : "0")),
                                null,
                                false)
                        .thenApply(r -> null));
    }

    /**
     * An ExApp's install/update progress.
     *
     * @param appId the app id
     * @return the status
     * @throws dev.ncsdk.ocs.NcNotFoundException when no such ExApp is registered
     */
    public ExAppStatus status(String appId) {
        return HttpTransport.await(statusAsync(appId));
    }

    /**
     * Async twin of {@link #status}.
     *
     * @param appId the app id
     * @return the status's future
     */
    public CompletableFuture<ExAppStatus> statusAsync(String appId) {
        return withId(
                appId,
                id -> http.json("GET", "/apps/status/" + id, List.of(), null, true, "the ExApp status")
                        .thenApply(a -> ExAppStatus.fromJson(a.json())));
    }

    /**
     * Polls an ExApp's status until deploy and init reach 100 or AppAPI records an error.
     *
     * @param appId the app id
     * @param timeout how long to wait
     * @param pollInterval the pause between polls
     * @return the last status: {@link ExAppStatus#ready()} or {@link ExAppStatus#failed()}
     * @throws NcTimeoutException when neither happened in time
     */
    public ExAppStatus awaitReady(String appId, Duration timeout, Duration pollInterval) {
        return HttpTransport.await(awaitReadyAsync(appId, timeout, pollInterval));
    }

    /**
     * Async twin of {@link #awaitReady}: polls without blocking a thread.
     *
     * @param appId the app id
     * @param timeout how long to wait
     * @param pollInterval the pause between polls
     * @return the last status's future
     */
    public CompletableFuture<ExAppStatus> awaitReadyAsync(String appId, Duration timeout, Duration pollInterval) {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("pollInterval must be positive"));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        return poll(appId, deadline, pollInterval);
    }

    private CompletableFuture<ExAppStatus> poll(String appId, long deadline, Duration pause) {
        return statusAsync(appId).thenCompose(s -> {
            if (s.ready() || s.failed()) {
                return CompletableFuture.completedFuture(s);
            }
            if (System.nanoTime() + pause.toNanos() > deadline) {
                return CompletableFuture.failedFuture(new NcTimeoutException(
                        "ExApp " + appId + " not ready in time: deploy " + s.deploy() + "%, init " + s.init()
                                + "%, action '" + s.action() + "'",
                        null,
                        false));
            }
            return CompletableFuture.supplyAsync(
                            () -> null,
                            CompletableFuture.delayedExecutor(pause.toMillis(), TimeUnit.MILLISECONDS, Runnable::run))
                    .thenCompose(x -> poll(appId, deadline, pause));
        });
    }

    /**
     * The ExApp container's logs (Docker daemons with the {@code json-file} or {@code journald} log driver).
     *
     * @param appId the app id
     * @param tail the number of last lines, or 0 for all
     * @return the log text
     * @throws dev.ncsdk.ocs.NcNotFoundException when no such ExApp is registered
     * @throws dev.ncsdk.ocs.NcServerException when AppAPI could not read the logs
     */
    public String logs(String appId, int tail) {
        return HttpTransport.await(logsAsync(appId, tail));
    }

    /**
     * Async twin of {@link #logs}.
     *
     * @param appId the app id
     * @param tail lines, 0 for all
     * @return the logs' future
     */
    public CompletableFuture<String> logsAsync(String appId, int tail) {
        if (tail < 0) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("tail must not be negative"));
        }
        return withId(
                appId,
                id -> http.send(
                                "GET",
                                "/apps/logs/" + id,
                                List.of(Map.entry("tail", tail == 0 ? "all" : Integer.toString(tail))),
                                null,
                                true)
                        .thenApply(r -> {
                            String text = r.bodyText();
                            // AppAPI answers its failures as HTTP 200 with a JSON {"error": ...} "log file"
                            String t = text.strip();
                            if (t.startsWith("{\"error\"")) {
                                try {
                                    String error = Json.strOrEmpty(Json.parse(t), "error");
                                    ErrorResponse er = ResponseErrors.describe(r)
                                            .messages(List.of(error))
                                            .build();
                                    int status = error.toLowerCase(Locale.ROOT).contains("not found") ? 404 : 502;
                                    throw ResponseErrors.forStatus(status, "logs of ExApp " + appId + ": " + error, er);
                                } catch (IllegalArgumentException notJson) {
                                    return text;
                                }
                            }
                            return text;
                        }));
    }

    /**
     * The environment variables and mounts an ExApp was installed with.
     *
     * @param appId the app id
     * @return the options
     * @throws dev.ncsdk.ocs.NcNotFoundException when no such ExApp is registered
     */
    public DeployOptions deployOptions(String appId) {
        return HttpTransport.await(deployOptionsAsync(appId));
    }

    /**
     * Async twin of {@link #deployOptions}.
     *
     * @param appId the app id
     * @return the options' future
     */
    public CompletableFuture<DeployOptions> deployOptionsAsync(String appId) {
        return withId(
                appId,
                id -> http.json("GET", "/apps/deploy-options/" + id, List.of(), null, true, "deploy options")
                        .thenApply(a -> DeployOptions.fromJson(a.json())));
    }

    /**
     * AppAPI's app page: the store's ExApps merged with the installed ones, with update information.
     *
     * @return the entries
     */
    public List<ExAppListing> catalog() {
        return HttpTransport.await(catalogAsync());
    }

    /**
     * Async twin of {@link #catalog()}.
     *
     * @return the entries' future
     */
    public CompletableFuture<List<ExAppListing>> catalogAsync() {
        return http.json("GET", "/apps/list", List.of(), null, true, "the ExApp list")
                .thenApply(a -> {
                    List<ExAppListing> out = new ArrayList<>();
                    for (JsonNode n : Json.list(a.json(), "apps")) {
                        out.add(ExAppListing.fromJson(n));
                    }
                    return List.copyOf(out);
                });
    }

    private static <T> CompletableFuture<T> withId(
            String appId, java.util.function.Function<String, CompletableFuture<T>> call) {
        try {
            requireId(appId);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return call.apply(Uris.pathSegment(appId));
    }

    private static void requireId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an id is required");
        }
    }
}
