package dev.ncsdk.appapi.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ncsdk.appapi.internal.AdminHttp;
import dev.ncsdk.appapi.internal.Json;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * AppAPI's global settings ({@code PUT /apps/app_api/admin-config}). AppAPI has no route to read them back (its
 * admin page gets them with the page); the default daemon is readable through {@link Daemons#list()}.
 *
 * @since 0.1.0
 */
public final class AppApiSettings {
    /** The default daemon's name. */
    public static final String DEFAULT_DAEMON = "default_daemon_config";
    /** Minutes an ExApp may take to initialise before AppAPI marks it failed (default 40). */
    public static final String INIT_TIMEOUT = "init_timeout";
    /** Docker restart policy of ExApp containers (default {@code unless-stopped}). */
    public static final String CONTAINER_RESTART_POLICY = "container_restart_policy";
    /** Docker API version AppAPI speaks (AppAPI 34+), such as {@code 1.44}. */
    public static final String DOCKER_API_VERSION = "docker_api_version";

    private static final Pattern DOCKER_API = Pattern.compile("\\d+\\.\\d+");

    private final AdminHttp http;

    AppApiSettings(AdminHttp http) {
        this.http = http;
    }

    static AppApiSettings over(AdminHttp http) {
        return new AppApiSettings(http);
    }

    /**
     * Stores settings as AppAPI app config values (strings). Unknown keys are stored too.
     *
     * @param values keys and values
     */
    public void set(Map<String, String> values) {
        HttpTransport.await(setAsync(values));
    }

    /**
     * Async twin of {@link #set}.
     *
     * @param values keys and values
     * @return completes when stored
     */
    public CompletableFuture<Void> setAsync(Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        if (values.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        ObjectNode body = Json.object();
        ObjectNode v = body.putObject("values");
        new LinkedHashMap<>(values).forEach((k, val) -> v.put(Objects.requireNonNull(k), Objects.requireNonNull(val)));
        return http.send("PUT", "/admin-config", List.of(), body, true).thenApply(r -> null);
    }

    /**
     * Sets the default daemon.
     *
     * @param name the daemon's name
     */
    public void setDefaultDaemon(String name) {
        set(Map.of(DEFAULT_DAEMON, name));
    }

    /**
     * Sets how long an ExApp may initialise before AppAPI marks it failed.
     *
     * @param timeout at least a minute; rounded down to minutes
     */
    public void setInitTimeout(Duration timeout) {
        HttpTransport.await(setInitTimeoutAsync(timeout));
    }

    /**
     * Async twin of {@link #setInitTimeout}.
     *
     * @param timeout at least a minute
     * @return completes when stored
     */
    public CompletableFuture<Void> setInitTimeoutAsync(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.toMinutes() < 1) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("AppAPI's init timeout is in minutes: at least 1 minute"));
        }
        return setAsync(Map.of(INIT_TIMEOUT, Long.toString(timeout.toMinutes())));
    }

    /**
     * Sets the restart policy of ExApp containers.
     *
     * @param policy the policy
     */
    public void setContainerRestartPolicy(RestartPolicy policy) {
        HttpTransport.await(setContainerRestartPolicyAsync(policy));
    }

    /**
     * Async twin of {@link #setContainerRestartPolicy}.
     *
     * @param policy the policy
     * @return completes when stored
     */
    public CompletableFuture<Void> setContainerRestartPolicyAsync(RestartPolicy policy) {
        return setAsync(Map.of(CONTAINER_RESTART_POLICY, policy.wireValue()));
    }

    /**
     * Sets the Docker API version AppAPI uses (AppAPI 34+; older versions store and ignore it).
     *
     * @param version {@code major.minor}, such as {@code 1.44}
     */
    public void setDockerApiVersion(String version) {
        HttpTransport.await(setDockerApiVersionAsync(version));
    }

    /**
     * Async twin of {@link #setDockerApiVersion}.
     *
     * @param version {@code major.minor}
     * @return completes when stored
     */
    public CompletableFuture<Void> setDockerApiVersionAsync(String version) {
        if (version == null || !DOCKER_API.matcher(version.trim()).matches()) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("a Docker API version is major.minor, such as 1.44: " + version));
        }
        return setAsync(Map.of(DOCKER_API_VERSION, version.trim()));
    }
}
