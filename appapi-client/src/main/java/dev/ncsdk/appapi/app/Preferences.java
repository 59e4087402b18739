package dev.ncsdk.appapi.app;

import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The ExApp's per-user preferences stored by Nextcloud ({@code /ocs/v1.php/apps/app_api/api/v1/ex-app/preference}):
 * text values by key for the user the view acts as. Get it with {@code nc.asUser(user).preferences()}; AppAPI
 * takes the user from the authentication header, so the system context has no preferences.
 *
 * <pre>{@code
 * Preferences prefs = nc.asUser("alice").preferences();
 * prefs.set("theme", "dark");
 * String theme = prefs.get("theme").orElse("light");
 * prefs.delete("theme");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Preferences {
    private final KeyValueCalls calls;

    Preferences(NextcloudApp app) {
        if (app.userId().isEmpty()) {
            throw new IllegalStateException(
                    "preferences belong to a user: call asUser(userId).preferences(), not the system context");
        }
        this.calls = new KeyValueCalls(app, NextcloudApp.APP_API + "/api/v1/ex-app/preference");
    }

    /**
     * One value of the user.
     *
     * <pre>{@code
     * Optional<String> theme = nc.asUser("alice").preferences().get("theme");
     * }</pre>
     *
     * @param key the key, not empty
     * @return the value, or empty when the key is not set
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(get(List.of(key)).get(key));
    }

    /**
     * Several values of the user ({@code POST .../ex-app/preference/get-values}).
     *
     * <pre>{@code
     * Map<String, String> v = nc.asUser("alice").preferences().get(List.of("theme", "lang"));
     * }</pre>
     *
     * @param keys the keys, at least one, none empty
     * @return the values of the keys that are set
     */
    public Map<String, String> get(Collection<String> keys) {
        return HttpTransport.await(getAsync(keys));
    }

    /**
     * Async twin of {@link #get(Collection)}.
     *
     * <pre>{@code
     * prefs.getAsync(List.of("theme")).thenAccept(v -> ...);
     * }</pre>
     *
     * @param keys the keys
     * @return the values' future
     */
    public CompletableFuture<Map<String, String>> getAsync(Collection<String> keys) {
        return calls.get(keys);
    }

    /**
     * Sets a value, keeping its {@code sensitive} flag as stored.
     *
     * <pre>{@code
     * prefs.set("theme", "dark");
     * }</pre>
     *
     * @param key the key, not empty
     * @param value the value
     * @return the stored value
     */
    public PreferenceValue set(String key, String value) {
        return HttpTransport.await(setAsync(key, value, null));
    }

    /**
     * Sets a value and whether Nextcloud stores it encrypted.
     *
     * <pre>{@code
     * prefs.set("token", token, true);
     * }</pre>
     *
     * @param key the key, not empty
     * @param value the value
     * @param sensitive whether to store it encrypted
     * @return the stored value
     */
    public PreferenceValue set(String key, String value, boolean sensitive) {
        return HttpTransport.await(setAsync(key, value, sensitive));
    }

    /**
     * Async twin of {@link #set(String, String, boolean)}.
     *
     * <pre>{@code
     * prefs.setAsync("theme", "dark", null).join();
     * }</pre>
     *
     * @param key the key, not empty
     * @param value the value
     * @param sensitive whether to store it encrypted, or {@code null} to keep the stored flag
     * @return the stored value's future
     */
    public CompletableFuture<PreferenceValue> setAsync(String key, String value, Boolean sensitive) {
        return calls.set(key, value, sensitive).thenApply(PreferenceValue::read);
    }

    /**
     * Deletes values of the user.
     *
     * <pre>{@code
     * prefs.delete("theme");
     * }</pre>
     *
     * @param keys the keys, at least one
     * @return how many were deleted; 0 when none was set
     */
    public int delete(String... keys) {
        return delete(Arrays.asList(keys));
    }

    /**
     * Deletes values of the user.
     *
     * <pre>{@code
     * prefs.delete(List.of("theme", "lang"));
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
     * prefs.deleteAsync(List.of("theme")).join();
     * }</pre>
     *
     * @param keys the keys
     * @return the count's future
     */
    public CompletableFuture<Integer> deleteAsync(Collection<String> keys) {
        return calls.delete(keys);
    }
}
