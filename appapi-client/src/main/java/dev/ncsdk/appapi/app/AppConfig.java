package dev.ncsdk.appapi.app;

import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The ExApp's own configuration stored by Nextcloud ({@code /ocs/v1.php/apps/app_api/api/v1/ex-app/config}): text
 * values by key, shared by all users, optionally stored encrypted ({@code sensitive}). Get it with {@link
 * NextcloudApp#appConfig()}; the calls work in the system context and as a user alike.
 *
 * <pre>{@code
 * AppConfig cfg = nc.appConfig();
 * cfg.set("model", "small");
 * cfg.set("api_key", apiKey, true);                    // stored encrypted
 * String model = cfg.get("model").orElse("default");
 * Map<String, String> some = cfg.get(List.of("model", "api_key"));
 * int removed = cfg.delete("model", "api_key");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class AppConfig {
    private final KeyValueCalls calls;

    AppConfig(NextcloudApp app) {
        this.calls = new KeyValueCalls(app, NextcloudApp.APP_API + "/api/v1/ex-app/config");
    }

    /**
     * One value.
     *
     * <pre>{@code
     * String model = nc.appConfig().get("model").orElse("default");
     * }</pre>
     *
     * @param key the key, not empty
     * @return the value, or empty when the key is not set
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(get(List.of(key)).get(key));
    }

    /**
     * Several values ({@code POST .../ex-app/config/get-values}).
     *
     * <pre>{@code
     * Map<String, String> v = nc.appConfig().get(List.of("model", "threshold"));
     * }</pre>
     *
     * @param keys the keys, at least one, none empty
     * @return the values of the keys that are set, in the server's order
     */
    public Map<String, String> get(Collection<String> keys) {
        return HttpTransport.await(getAsync(keys));
    }

    /**
     * Async twin of {@link #get(Collection)}.
     *
     * <pre>{@code
     * nc.appConfig().getAsync(List.of("model")).thenAccept(v -> ...);
     * }</pre>
     *
     * @param keys the keys
     * @return the values' future
     */
    public CompletableFuture<Map<String, String>> getAsync(Collection<String> keys) {
        return calls.get(keys);
    }

    /**
     * Sets a value, keeping its {@code sensitive} flag as stored (new keys are not sensitive).
     *
     * <pre>{@code
     * nc.appConfig().set("model", "small");
     * }</pre>
     *
     * @param key the key, not empty
     * @param value the value
     * @return the stored value
     */
    public AppConfigValue set(String key, String value) {
        return HttpTransport.await(setAsync(key, value, null));
    }

    /**
     * Sets a value and whether Nextcloud stores it encrypted.
     *
     * <pre>{@code
     * nc.appConfig().set("api_key", apiKey, true);
     * }</pre>
     *
     * @param key the key, not empty
     * @param value the value
     * @param sensitive whether to store it encrypted
     * @return the stored value
     */
    public AppConfigValue set(String key, String value, boolean sensitive) {
        return HttpTransport.await(setAsync(key, value, sensitive));
    }

    /**
     * Async twin of {@link #set(String, String, boolean)}.
     *
     * <pre>{@code
     * nc.appConfig().setAsync("model", "small", null).join();
     * }</pre>
     *
     * @param key the key, not empty
     * @param value the value
     * @param sensitive whether to store it encrypted, or {@code null} to keep the stored flag
     * @return the stored value's future
     */
    public CompletableFuture<AppConfigValue> setAsync(String key, String value, Boolean sensitive) {
        return calls.set(key, value, sensitive).thenApply(AppConfigValue::read);
    }

    /**
     * Deletes values.
     *
     * <pre>{@code
     * int removed = nc.appConfig().delete("model");
     * }</pre>
     *
     * @param keys the keys, at least one
     * @return how many were deleted; 0 when none was set
     */
    public int delete(String... keys) {
        return delete(Arrays.asList(keys));
    }

    /**
     * Deletes values.
     *
     * <pre>{@code
     * nc.appConfig().delete(List.of("a", "b"));
     * }</pre>
     *
     * @param keys the keys, at least one
     * @return how many were deleted; 0 when none was set
     */
    public int delete(Collection<String> keys) {
        return HttpTransport.await(deleteAsync(keys));
    }

    /**
     * Async twin of {@link #delete(Collection)}.
     *
     * <pre>{@code
     * nc.appConfig().deleteAsync(List.of("a")).join();
     * }</pre>
     *
     * @param keys the keys
     * @return the count's future
     */
    public CompletableFuture<Integer> deleteAsync(Collection<String> keys) {
        return calls.delete(keys);
    }
}
