package dev.ncsdk.appapi.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The page a top-menu entry opens, {@code /index.php/apps/app_api/embedded/<appid>/<name>}, as Nextcloud builds it
 * (AppAPI {@code lib/Controller/TopMenuController.php}): the entry, the initial state registered for it, and its
 * scripts and styles, which the browser then fetches from the ExApp through AppAPI's proxy as the user
 * ({@link AppApiSimulator#topMenuPage}).
 *
 * <pre>{@code
 * EmbeddedPage page = nc.topMenuPage("alice", "main");
 * assertEquals(200, page.scripts().get("js/main.js").status());
 * assertEquals("dark", page.initialState().get("config").get("theme").asText());
 * }</pre>
 *
 * @param entry the top-menu entry as AppAPI stores it ({@code name}, {@code display_name}, {@code icon}, ...)
 * @param initialState the initial state by key, as {@code loadState(appid, key)} reads it in the page
 * @param scripts each script's ExApp path ({@code js/main.js}) and the answer the proxy relayed
 * @param styles each style's ExApp path ({@code css/main.css}) and the answer the proxy relayed
 * @param icon the entry icon's answer through the proxy, {@code null} when the entry has no icon
 * @since 0.1.0
 */
public record EmbeddedPage(
        JsonNode entry,
        Map<String, JsonNode> initialState,
        Map<String, ExAppResponse> scripts,
        Map<String, ExAppResponse> styles,
        ExAppResponse icon) {
    /**
     * Copies the maps, keeping their order.
     *
     * @param entry entry
     * @param initialState initial state
     * @param scripts scripts
     * @param styles styles
     * @param icon icon answer or {@code null}
     */
    public EmbeddedPage {
        Objects.requireNonNull(entry, "entry");
        initialState = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(initialState));
        scripts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scripts));
        styles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(styles));
    }
}
