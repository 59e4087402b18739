package dev.ncsdk.appapi.app.ui;

import dev.ncsdk.appapi.AppApiFeature;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Entries of Nextcloud's top menu ({@code /ocs/v1.php/apps/app_api/api/v1/ui/top-menu}, AppAPI 1.4+). Each entry
 * opens the page {@code /index.php/apps/app_api/embedded/<appid>/<name>}, which loads the scripts and styles
 * registered for it ({@link ExAppUi#scripts()}, {@link ExAppUi#styles()}) with type {@link ExAppUi#TOP_MENU}.
 * Get it with {@code nc.ui().topMenu()}.
 *
 * <pre>{@code
 * TopMenu menu = nc.ui().topMenu();
 * menu.register("main", "My App", "img/app.svg", false);
 * Optional<TopMenuEntry> e = menu.get("main");
 * boolean removed = menu.unregister("main");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TopMenu {
    private static final String ROUTE = "/api/v1/ui/top-menu";
    private final UiCalls calls;

    TopMenu(UiCalls calls) {
        this.calls = calls;
    }

    /**
     * Registers or replaces an entry ({@code POST .../ui/top-menu} with {@code {"name", "displayName", "icon",
     * "adminRequired": 0|1}}).
     *
     * <pre>{@code
     * nc.ui().topMenu().register("main", "My App", "img/app.svg", false);
     * }</pre>
     *
     * @param name the entry's name, unique per ExApp, not empty
     * @param displayName the label, not empty
     * @param icon the icon's path in the ExApp (a declared route must cover it), or {@code ""} for the default
     * @param adminRequired whether only admins see the entry
     * @throws AppApiVersionTooOldException when the server's AppAPI is older than 1.4
     */
    public void register(String name, String displayName, String icon, boolean adminRequired) {
        HttpTransport.await(registerAsync(name, displayName, icon, adminRequired));
    }

    /**
     * Async twin of {@link #register(String, String, String, boolean)}.
     *
     * <pre>{@code
     * nc.ui().topMenu().registerAsync("main", "My App", "", false).join();
     * }</pre>
     *
     * @param name the entry's name, not empty
     * @param displayName the label, not empty
     * @param icon the icon's path in the ExApp, or {@code ""}
     * @param adminRequired whether only admins see the entry
     * @return a future completed when AppAPI accepted the entry
     */
    public CompletableFuture<Void> registerAsync(String name, String displayName, String icon, boolean adminRequired) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", UiCalls.notEmpty(name, "name"));
        body.put("displayName", UiCalls.notEmpty(displayName, "displayName"));
        body.put("icon", icon == null ? "" : icon);
        body.put("adminRequired", adminRequired ? 1 : 0);
        AppApiFeature f = AppApiFeature.PROXY_AND_TOP_MENU;
        return calls.post("top-menu entries", f.since(), ROUTE, body);
    }

    /**
     * One entry of this ExApp ({@code GET .../ui/top-menu?name=}).
     *
     * <pre>{@code
     * boolean there = nc.ui().topMenu().get("main").isPresent();
     * }</pre>
     *
     * @param name the entry's name
     * @return the entry, or empty when AppAPI has none of that name
     */
    public Optional<TopMenuEntry> get(String name) {
        return HttpTransport.await(getAsync(name));
    }

    /**
     * Async twin of {@link #get(String)}.
     *
     * <pre>{@code
     * nc.ui().topMenu().getAsync("main").thenAccept(e -> ...);
     * }</pre>
     *
     * @param name the entry's name
     * @return the entry's future, empty when there is none
     */
    public CompletableFuture<Optional<TopMenuEntry>> getAsync(String name) {
        return calls.get(ROUTE, Map.of("name", UiCalls.notEmpty(name, "name")))
                .thenApply(o -> o.map(TopMenuEntry::fromJson));
    }

    /**
     * Removes an entry ({@code DELETE .../ui/top-menu?name=}).
     *
     * <pre>{@code
     * nc.ui().topMenu().unregister("main");
     * }</pre>
     *
     * @param name the entry's name
     * @return {@code false} when there was no such entry
     */
    public boolean unregister(String name) {
        return HttpTransport.await(unregisterAsync(name));
    }

    /**
     * Async twin of {@link #unregister(String)}.
     *
     * <pre>{@code
     * nc.ui().topMenu().unregisterAsync("main").join();
     * }</pre>
     *
     * @param name the entry's name
     * @return a future of {@code false} when there was no such entry
     */
    public CompletableFuture<Boolean> unregisterAsync(String name) {
        return calls.delete(ROUTE, Map.of("name", UiCalls.notEmpty(name, "name")));
    }
}
