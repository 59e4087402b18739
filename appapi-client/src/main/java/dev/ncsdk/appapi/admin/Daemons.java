package dev.ncsdk.appapi.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ncsdk.appapi.AppApiRefusedException;
import dev.ncsdk.appapi.internal.AdminHttp;
import dev.ncsdk.appapi.internal.Json;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import dev.ncsdk.ocs.internal.http.ResponseErrors;
import dev.ncsdk.ocs.internal.http.Uris;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Deploy daemons: what AppAPI's "Deploy Daemons" admin section does. Obtain it from
 * {@code AppApiAdminClient.daemons()}. Every method has an {@code ...Async} twin on the same transport.
 *
 * <p>Routes marked "password confirmation" need a fresh login: Basic auth with the admin's login password passes;
 * when it does not, the call fails with {@link dev.ncsdk.ocs.NcPasswordConfirmationRequiredException}. A
 * non-admin gets {@link dev.ncsdk.ocs.NcForbiddenException}, bad credentials
 * {@link dev.ncsdk.ocs.NcUnauthorizedException}.
 *
 * @since 0.1.0
 */
public final class Daemons {
    private final AdminHttp http;
    private final AppApiSettings settings;

    /**
     * Used by the client.
     *
     * @param http the admin routes
     * @param settings the global settings, for {@link #setDefault}
     */
    Daemons(AdminHttp http, AppApiSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    /**
     * Lists the registered daemons, how many ExApps each runs, and the default daemon. Secrets are masked by
     * AppAPI and read as {@link DaemonSecret#stored()}.
     *
     * @return the daemons
     */
    public DaemonList list() {
        return HttpTransport.await(listAsync());
    }

    /**
     * Async twin of {@link #list()}.
     *
     * @return the daemons' future
     */
    public CompletableFuture<DaemonList> listAsync() {
        return http.json("GET", "/daemons", List.of(), null, true, "the daemon list")
                .thenApply(a -> DaemonList.fromJson(a.json()));
    }

    /**
     * Registers a daemon (password confirmation). Not retried: a second attempt would collide with the first.
     *
     * @param daemon the daemon, with a new secret when it needs one
     * @param makeDefault whether to make it the default daemon
     * @return the daemon as stored, its secret {@link DaemonSecret#stored()}
     * @throws IllegalArgumentException when AppAPI would refuse the daemon, or its secret is only "stored"
     * @throws AppApiRefusedException when AppAPI answered {@code success=false} (for example, the name exists)
     */
    public DaemonConfig register(DaemonConfig daemon, boolean makeDefault) {
        return HttpTransport.await(registerAsync(daemon, makeDefault));
    }

    /**
     * Async twin of {@link #register}.
     *
     * @param daemon the daemon
     * @param makeDefault whether to make it the default
     * @return the stored daemon's future
     */
    public CompletableFuture<DaemonConfig> registerAsync(DaemonConfig daemon, boolean makeDefault) {
        try {
            checkForWrite(daemon);
            if (daemon.deployConfig().secret().isStored()) {
                throw new IllegalArgumentException("daemon '" + daemon.name()
                        + "': a new daemon needs its secret itself (DaemonSecret.of), not the stored marker");
            }
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        ObjectNode body = Json.object();
        body.set("daemonConfigParams", daemon.toJson());
        body.put("defaultDaemon", makeDefault);
        return http.json("POST", "/daemons", List.of(), body, false, "the registered daemon")
                .thenApply(a -> DaemonConfig.fromJson(a.requireSuccess("registering daemon '" + daemon.name() + "'")
                        .json()
                        .get("daemonConfig")));
    }

    /**
     * Replaces a daemon's configuration (password confirmation). AppAPI replaces the whole document: start from
     * {@link DaemonConfig#toBuilder()} of the listed daemon. A secret read from the server is sent as
     * {@value DaemonSecret#MASKED}, which keeps the stored secret; a new {@link DaemonSecret#of} value replaces
     * it; {@link DaemonSecret#none()} clears it.
     *
     * @param name the daemon's current name
     * @param daemon the new configuration
     * @return the daemon as stored
     * @throws AppApiRefusedException when AppAPI answered {@code success=false}
     */
    public DaemonConfig update(String name, DaemonConfig daemon) {
        return HttpTransport.await(updateAsync(name, daemon));
    }

    /**
     * Async twin of {@link #update}.
     *
     * @param name the daemon's current name
     * @param daemon the new configuration
     * @return the stored daemon's future
     */
    public CompletableFuture<DaemonConfig> updateAsync(String name, DaemonConfig daemon) {
        try {
            requireName(name);
            checkForWrite(daemon);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        ObjectNode body = Json.object();
        body.set("daemonConfigParams", daemon.toJson());
        return http.json("PUT", "/daemons/" + Uris.pathSegment(name), List.of(), body, true, "the updated daemon")
                .thenApply(a -> DaemonConfig.fromJson(a.requireSuccess("updating daemon '" + name + "'")
                        .json()
                        .get("daemonConfig")));
    }

    /**
     * Removes a daemon (password confirmation). <strong>AppAPI first disables and removes every ExApp deployed on
     * it</strong> (containers and registrations), and clears the default daemon if it was this one.
     *
     * @param name the daemon
     * @return the removed daemon
     * @throws AppApiRefusedException when AppAPI answered {@code success=false}
     */
    public DaemonConfig unregister(String name) {
        return HttpTransport.await(unregisterAsync(name));
    }

    /**
     * Async twin of {@link #unregister}. Not retried.
     *
     * @param name the daemon
     * @return the removed daemon's future
     */
    public CompletableFuture<DaemonConfig> unregisterAsync(String name) {
        try {
            requireName(name);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return http.json("DELETE", "/daemons/" + Uris.pathSegment(name), List.of(), null, false, "the removed daemon")
                .thenApply(a -> DaemonConfig.fromJson(a.requireSuccess("removing daemon '" + name + "'")
                        .json()
                        .get("daemonConfig")));
    }

    /**
     * Checks that a registered daemon answers (Docker {@code _ping} through it).
     *
     * @param name the daemon
     * @return the result; {@code reachable=false} when AppAPI could not reach it
     */
    public ConnectionCheck check(String name) {
        return HttpTransport.await(checkAsync(name));
    }

    /**
     * Async twin of {@link #check}.
     *
     * @param name the daemon
     * @return the result's future
     */
    public CompletableFuture<ConnectionCheck> checkAsync(String name) {
        try {
            requireName(name);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return http.json("POST", "/daemons/" + Uris.pathSegment(name) + "/check", List.of(), null, true, "the check")
                .thenApply(a -> new ConnectionCheck(name, Json.bool(a.json(), "success", false)));
    }

    /**
     * Checks a daemon configuration before registering it. A {@link DaemonSecret#stored()} secret makes AppAPI use
     * the secret stored for a daemon of the same name.
     *
     * @param daemon the unsaved configuration
     * @return the result
     */
    public ConnectionCheck verifyConnection(DaemonConfig daemon) {
        return HttpTransport.await(verifyConnectionAsync(daemon));
    }

    /**
     * Async twin of {@link #verifyConnection}.
     *
     * @param daemon the unsaved configuration
     * @return the result's future
     */
    public CompletableFuture<ConnectionCheck> verifyConnectionAsync(DaemonConfig daemon) {
        Objects.requireNonNull(daemon, "daemon");
        ObjectNode body = Json.object();
        body.set("daemonParams", daemon.toJson());
        return http.json("POST", "/daemons/verify_connection", List.of(), body, true, "the check")
                .thenApply(a -> new ConnectionCheck(daemon.name(), Json.bool(a.json(), "success", false)));
    }

    /**
     * Adds a registry rewrite to a daemon (password confirmation).
     *
     * @param name the daemon
     * @param mapping the rewrite
     * @return the daemon as stored
     * @throws dev.ncsdk.ocs.NcNotFoundException when the daemon does not exist
     * @throws dev.ncsdk.ocs.NcServerException when AppAPI refuses the mapping (it exists already)
     */
    public DaemonConfig addRegistry(String name, RegistryMapping mapping) {
        return HttpTransport.await(addRegistryAsync(name, mapping));
    }

    /**
     * Async twin of {@link #addRegistry}.
     *
     * @param name the daemon
     * @param mapping the rewrite
     * @return the daemon's future
     */
    public CompletableFuture<DaemonConfig> addRegistryAsync(String name, RegistryMapping mapping) {
        return registry(name, mapping, "add-registry");
    }

    /**
     * Removes a registry rewrite from a daemon (password confirmation).
     *
     * @param name the daemon
     * @param mapping the rewrite, exactly as stored
     * @return the daemon as stored
     */
    public DaemonConfig removeRegistry(String name, RegistryMapping mapping) {
        return HttpTransport.await(removeRegistryAsync(name, mapping));
    }

    /**
     * Async twin of {@link #removeRegistry}.
     *
     * @param name the daemon
     * @param mapping the rewrite
     * @return the daemon's future
     */
    public CompletableFuture<DaemonConfig> removeRegistryAsync(String name, RegistryMapping mapping) {
        return registry(name, mapping, "remove-registry");
    }

    private CompletableFuture<DaemonConfig> registry(String name, RegistryMapping mapping, String action) {
        try {
            requireName(name);
            Objects.requireNonNull(mapping, "mapping");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        ObjectNode body = Json.object();
        body.set("registryMap", mapping.toJson());
        return http.json(
                        "POST",
                        "/daemons/" + Uris.pathSegment(name) + "/" + action,
                        List.of(),
                        body,
                        true,
                        "the daemon")
                .thenApply(a -> {
                    JsonNode n = a.json();
                    if (n.has("error") && !n.has("name")) {
                        throw ResponseErrors.forStatus(
                                500,
                                "AppAPI refused the registry change: " + Json.str(n, "error"),
                                ResponseErrors.describe(a.result())
                                        .messages(List.of(Json.strOrEmpty(n, "error")))
                                        .build());
                    }
                    return DaemonConfig.fromJson(n);
                });
    }

    /**
     * Starts a test deploy on a daemon: AppAPI installs its {@code test-deploy} ExApp there. Follow it with
     * {@link #testDeployStatus}, then remove it with {@link #removeTestDeploy}.
     *
     * @param name the daemon
     * @return the test ExApp's first status
     * @throws dev.ncsdk.ocs.NcNotFoundException when the daemon does not exist
     * @throws dev.ncsdk.ocs.NcServerException when the install could not start
     */
    public ExAppStatus startTestDeploy(String name) {
        return HttpTransport.await(startTestDeployAsync(name));
    }

    /**
     * Async twin of {@link #startTestDeploy}. Not retried.
     *
     * @param name the daemon
     * @return the status's future
     */
    public CompletableFuture<ExAppStatus> startTestDeployAsync(String name) {
        try {
            requireName(name);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return http.json(
                        "POST",
                        "/daemons/" + Uris.pathSegment(name) + "/test_deploy",
                        List.of(),
                        null,
                        false,
                        "the test deploy status")
                .thenApply(a -> ExAppStatus.fromJson(Json.obj(a.json(), "status")));
    }

    /**
     * The test deploy's status on a daemon.
     *
     * @param name the daemon
     * @return the status
     * @throws dev.ncsdk.ocs.NcNotFoundException when no test deploy runs on that daemon
     */
    public ExAppStatus testDeployStatus(String name) {
        return HttpTransport.await(testDeployStatusAsync(name));
    }

    /**
     * Async twin of {@link #testDeployStatus}.
     *
     * @param name the daemon
     * @return the status's future
     */
    public CompletableFuture<ExAppStatus> testDeployStatusAsync(String name) {
        try {
            requireName(name);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return http.json(
                        "GET",
                        "/daemons/" + Uris.pathSegment(name) + "/test_deploy/status",
                        List.of(),
                        null,
                        true,
                        "the test deploy status")
                .thenApply(a -> ExAppStatus.fromJson(a.json()));
    }

    /**
     * Removes the test deploy ExApp.
     *
     * @param name the daemon
     * @return whether the test ExApp is gone
     */
    public boolean removeTestDeploy(String name) {
        return HttpTransport.await(removeTestDeployAsync(name));
    }

    /**
     * Async twin of {@link #removeTestDeploy}.
     *
     * @param name the daemon
     * @return the result's future
     */
    public CompletableFuture<Boolean> removeTestDeployAsync(String name) {
        try {
            requireName(name);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return http.json(
                        "DELETE",
                        "/daemons/" + Uris.pathSegment(name) + "/test_deploy",
                        List.of(),
                        null,
                        true,
                        "the result")
                .thenApply(a -> Json.bool(a.json(), "success", false));
    }

    /**
     * Makes a daemon the default one (where ExApps are installed unless told otherwise). AppAPI does not check that
     * the daemon exists.
     *
     * @param name the daemon
     */
    public void setDefault(String name) {
        HttpTransport.await(setDefaultAsync(name));
    }

    /**
     * Async twin of {@link #setDefault}.
     *
     * @param name the daemon
     * @return completes when stored
     */
    public CompletableFuture<Void> setDefaultAsync(String name) {
        try {
            requireName(name);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return settings.setAsync(Map.of(AppApiSettings.DEFAULT_DAEMON, name));
    }

    private static void checkForWrite(DaemonConfig daemon) {
        Objects.requireNonNull(daemon, "daemon");
        List<String> problems = daemon.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "invalid daemon '" + daemon.name() + "': " + String.join("; ", problems));
        }
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a daemon name is required");
        }
    }
}
