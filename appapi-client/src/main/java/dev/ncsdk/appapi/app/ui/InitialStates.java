package dev.ncsdk.appapi.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Initial state of the ExApp's pages ({@code /ocs/v1.php/apps/app_api/api/v1/ui/initial-state}): JSON values that
 * Nextcloud puts into the page it renders for a top-menu entry, read there by the page's scripts with {@code
 * loadState('<appid>', key)} from {@code @nextcloud/initial-state}. Get it with {@code nc.ui().initialState()}.
 *
 * <pre>{@code
 * InitialStates state = nc.ui().initialState();
 * state.set(ExAppUi.TOP_MENU, "main", "config", Map.of("theme", "dark", "limit", 20));
 * Optional<JsonNode> v = state.get(ExAppUi.TOP_MENU, "main", "config");
 * state.delete(ExAppUi.TOP_MENU, "main", "config");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class InitialStates {
    private static final String ROUTE = "/api/v1/ui/initial-state";
    private final UiCalls calls;

    InitialStates(UiCalls calls) {
        this.calls = calls;
    }

    /**
     * Sets a value ({@code POST .../ui/initial-state} with {@code {"type", "name", "key", "value"}}).
     *
     * <pre>{@code
     * nc.ui().initialState().set(ExAppUi.TOP_MENU, "main", "config", Map.of("theme", "dark"));
     * }</pre>
     *
     * @param type the page type, such as {@link ExAppUi#TOP_MENU}
     * @param name the page's name (the top-menu entry's name)
     * @param key the key the page's script reads
     * @param value the value: a map, a list, a record or a {@link JsonNode}; written as JSON
     */
    public void set(String type, String name, String key, Object value) {
        HttpTransport.await(setAsync(type, name, key, value));
    }

    /**
     * Async twin of {@link #set(String, String, String, Object)}.
     *
     * <pre>{@code
     * nc.ui().initialState().setAsync(ExAppUi.TOP_MENU, "main", "config", Map.of()).join();
     * }</pre>
     *
     * @param type the page type
     * @param name the page's name
     * @param key the key
     * @param value the value
     * @return a future completed when AppAPI stored the value
     */
    public CompletableFuture<Void> setAsync(String type, String name, String key, Object value) {
        Map<String, Object> body = query(type, name, key);
        body.put("value", value);
        return calls.post(ROUTE, body);
    }

    /**
     * One value as AppAPI stores it ({@code GET .../ui/initial-state?type=&name=&key=}): the data object AppAPI
     * answers, with the value under {@code value}.
     *
     * <pre>{@code
     * JsonNode theme = nc.ui().initialState().get(ExAppUi.TOP_MENU, "main", "config")
     *         .map(n -> n.path("value").path("theme")).orElse(null);
     * }</pre>
     *
     * @param type the page type
     * @param name the page's name
     * @param key the key
     * @return AppAPI's record, or empty when there is none
     */
    public Optional<JsonNode> get(String type, String name, String key) {
        return HttpTransport.await(getAsync(type, name, key));
    }

    /**
     * Async twin of {@link #get(String, String, String)}.
     *
     * <pre>{@code
     * nc.ui().initialState().getAsync(ExAppUi.TOP_MENU, "main", "config").thenAccept(v -> ...);
     * }</pre>
     *
     * @param type the page type
     * @param name the page's name
     * @param key the key
     * @return the record's future, empty when there is none
     */
    public CompletableFuture<Optional<JsonNode>> getAsync(String type, String name, String key) {
        return calls.get(ROUTE, strings(query(type, name, key)));
    }

    /**
     * Removes a value ({@code DELETE .../ui/initial-state?type=&name=&key=}).
     *
     * <pre>{@code
     * nc.ui().initialState().delete(ExAppUi.TOP_MENU, "main", "config");
     * }</pre>
     *
     * @param type the page type
     * @param name the page's name
     * @param key the key
     * @return {@code false} when there was no such value
     */
    public boolean delete(String type, String name, String key) {
        return HttpTransport.await(deleteAsync(type, name, key));
    }

    /**
     * Async twin of {@link #delete(String, String, String)}.
     *
     * <pre>{@code
     * nc.ui().initialState().deleteAsync(ExAppUi.TOP_MENU, "main", "config").join();
     * }</pre>
     *
     * @param type the page type
     * @param name the page's name
     * @param key the key
     * @return a future of {@code false} when there was no such value
     */
    public CompletableFuture<Boolean> deleteAsync(String type, String name, String key) {
        return calls.delete(ROUTE, strings(query(type, name, key)));
    }

    private static Map<String, Object> query(String type, String name, String key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", UiCalls.notEmpty(type, "type"));
        m.put("name", UiCalls.notEmpty(name, "name"));
        m.put("key", UiCalls.notEmpty(key, "key"));
        return m;
    }

    static Map<String, String> strings(Map<String, Object> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
