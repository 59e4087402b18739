package dev.ncsdk.appapi.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Scripts or styles of the ExApp's pages ({@code /ocs/v1.php/apps/app_api/api/v1/ui/script} and {@code .../style}):
 * files of the ExApp, loaded through the proxy into the page Nextcloud renders for a top-menu entry. The path is
 * relative to the ExApp's root and given <em>without</em> the extension: AppAPI appends {@code .js} or {@code
 * .css}. A declared route must cover the files. Get them with {@code nc.ui().scripts()} or {@code nc.ui().styles()}.
 *
 * <pre>{@code
 * nc.ui().scripts().set(ExAppUi.TOP_MENU, "main", "js/main", "");      // serves <ExApp>/js/main.js
 * nc.ui().styles().set(ExAppUi.TOP_MENU, "main", "css/main", "");      // serves <ExApp>/css/main.css
 * nc.ui().scripts().delete(ExAppUi.TOP_MENU, "main", "js/main");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class UiResources {
    /** Which of the two. */
    enum Kind {
        SCRIPT("/api/v1/ui/script"),
        STYLE("/api/v1/ui/style");

        final String route;

        Kind(String route) {
            this.route = route;
        }
    }

    private final UiCalls calls;
    private final Kind kind;

    UiResources(UiCalls calls, Kind kind) {
        this.calls = calls;
        this.kind = kind;
    }

    /**
     * Adds a file to a page ({@code POST} with {@code {"type", "name", "path"}}, for scripts also {@code
     * "afterAppId"}: the app whose scripts must load first, empty for none; ignored for styles).
     *
     * <pre>{@code
     * nc.ui().scripts().set(ExAppUi.TOP_MENU, "main", "js/main", "viewer");
     * }</pre>
     *
     * @param type the page type, such as {@link ExAppUi#TOP_MENU}
     * @param name the page's name (the top-menu entry's name)
     * @param path the file's path in the ExApp without {@code .js}/{@code .css}
     * @param afterAppId for scripts, the app to load after, or {@code ""}
     */
    public void set(String type, String name, String path, String afterAppId) {
        HttpTransport.await(setAsync(type, name, path, afterAppId));
    }

    /**
     * Async twin of {@link #set(String, String, String, String)}.
     *
     * <pre>{@code
     * nc.ui().scripts().setAsync(ExAppUi.TOP_MENU, "main", "js/main", "").join();
     * }</pre>
     *
     * @param type the page type
     * @param name the page's name
     * @param path the file's path without extension
     * @param afterAppId for scripts, the app to load after, or {@code ""}
     * @return a future completed when AppAPI stored the file
     */
    public CompletableFuture<Void> setAsync(String type, String name, String path, String afterAppId) {
        Map<String, Object> body = new LinkedHashMap<>(query(type, name, path));
        if (kind == Kind.SCRIPT) {
            body.put("afterAppId", afterAppId == null ? "" : afterAppId);
        }
        return calls.post(kind.route, body);
    }

    /**
     * The record AppAPI keeps for a file ({@code GET ?type=&name=&path=}).
     *
     * <pre>{@code
     * boolean loaded = nc.ui().scripts().get(ExAppUi.TOP_MENU, "main", "js/main").isPresent();
     * }</pre>
     *
     * @param type the page type
     * @param name the page's name
     * @param path the file's path as registered
     * @return AppAPI's record, or empty when there is none
     */
    public Optional<JsonNode> get(String type, String name, String path) {
        return HttpTransport.await(getAsync(type, name, path));
    }

    /**
     * Async twin of {@link #get(String, String, String)}.
     *
     * <pre>{@code
     * nc.ui().styles().getAsync(ExAppUi.TOP_MENU, "main", "css/main").thenAccept(r -> ...);
     * }</pre>
     *
     * @param type the page type
     * @param name the page's name
     * @param path the file's path as registered
     * @return the record's future, empty when there is none
     */
    public CompletableFuture<Optional<JsonNode>> getAsync(String type, String name, String path) {
        return calls.get(kind.route, query(type, name, path));
    }

    /**
     * Removes a file from a page ({@code DELETE ?type=&name=&path=}).
     *
     * <pre>{@code
     * nc.ui().styles().delete(ExAppUi.TOP_MENU, "main", "css/main");
     * }</pre>
     *
     * @param type the page type
     * @param name the page's name
     * @param path the file's path as registered
     * @return {@code false} when there was no such file
     */
    public boolean delete(String type, String name, String path) {
        return HttpTransport.await(deleteAsync(type, name, path));
    }

    /**
     * Async twin of {@link #delete(String, String, String)}.
     *
     * <pre>{@code
     * nc.ui().styles().deleteAsync(ExAppUi.TOP_MENU, "main", "css/main").join();
     * }</pre>
     *
     * @param type the page type
     * @param name the page's name
     * @param path the file's path as registered
     * @return a future of {@code false} when there was no such file
     */
    public CompletableFuture<Boolean> deleteAsync(String type, String name, String path) {
        return calls.delete(kind.route, query(type, name, path));
    }

    private static Map<String, String> query(String type, String name, String path) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", UiCalls.notEmpty(type, "type"));
        m.put("name", UiCalls.notEmpty(name, "name"));
        m.put("path", UiCalls.notEmpty(path, "path"));
        return m;
    }
}
