package dev.ncsdk.appapi.app.ui;

import dev.ncsdk.appapi.app.NextcloudApp;
import java.util.Objects;

/**
 * The ExApp's places in Nextcloud's web interface: top-menu entries, file actions, and the initial state, scripts
 * and styles of its pages. Get it with {@link NextcloudApp#ui()}; the registrations belong to the calling ExApp and
 * work in the system context. Links into the ExApp's pages: {@link #proxyPath(String)} and {@link ProxyUrls}.
 *
 * <pre>{@code
 * ExAppUi ui = nc.ui();
 * ui.topMenu().register("main", "My App", "img/app.svg", false);
 * ui.scripts().set(ExAppUi.TOP_MENU, "main", "js/main", "");
 * ui.initialState().set(ExAppUi.TOP_MENU, "main", "config", Map.of("theme", "dark"));
 * ui.fileActions().register(FileAction.builder("convert", "Convert to PDF", "/convert").mime("text/plain").build());
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ExAppUi {
    /** The type AppAPI uses for the resources of a top-menu page ({@code top_menu}). */
    public static final String TOP_MENU = "top_menu";

    private final UiCalls calls;

    private ExAppUi(UiCalls calls) {
        this.calls = calls;
    }

    /**
     * The group for a client; {@link NextcloudApp#ui()} is the usual way, sharing the client's version cache.
     *
     * <pre>{@code
     * ExAppUi ui = ExAppUi.of(nc, ServerFeatures.of(nc));
     * }</pre>
     *
     * @param nc the client
     * @param features the AppAPI version cache of the client
     * @return the group
     */
    public static ExAppUi of(NextcloudApp nc, ServerFeatures features) {
        return new ExAppUi(new UiCalls(nc, features));
    }

    /**
     * Top-menu entries.
     *
     * <pre>{@code
     * nc.ui().topMenu().register("main", "My App", "", false);
     * }</pre>
     *
     * @return the group
     */
    public TopMenu topMenu() {
        return new TopMenu(calls);
    }

    /**
     * Entries of the Files app's action menu.
     *
     * <pre>{@code
     * nc.ui().fileActions().unregister("convert");
     * }</pre>
     *
     * @return the group
     */
    public FileActions fileActions() {
        return new FileActions(calls);
    }

    /**
     * Initial state handed to the ExApp's page scripts.
     *
     * <pre>{@code
     * nc.ui().initialState().set(ExAppUi.TOP_MENU, "main", "config", Map.of("theme", "dark"));
     * }</pre>
     *
     * @return the group
     */
    public InitialStates initialState() {
        return new InitialStates(calls);
    }

    /**
     * Scripts loaded into the ExApp's pages.
     *
     * <pre>{@code
     * nc.ui().scripts().set(ExAppUi.TOP_MENU, "main", "js/main", "");
     * }</pre>
     *
     * @return the group
     */
    public UiResources scripts() {
        return new UiResources(calls, UiResources.Kind.SCRIPT);
    }

    /**
     * Styles loaded into the ExApp's pages.
     *
     * <pre>{@code
     * nc.ui().styles().set(ExAppUi.TOP_MENU, "main", "css/main", "");
     * }</pre>
     *
     * @return the group
     */
    public UiResources styles() {
        return new UiResources(calls, UiResources.Kind.STYLE);
    }

    /**
     * The path of one of this ExApp's pages or assets through AppAPI's PHP proxy (works with every daemon).
     *
     * <pre>{@code
     * String icon = nc.ui().proxyPath("img/icon.svg");   // /index.php/apps/app_api/proxy/<appid>/img/icon.svg
     * }</pre>
     *
     * @param path the path inside the ExApp
     * @return the path relative to Nextcloud's root
     */
    public String proxyPath(String path) {
        return ProxyUrls.appApiProxy(calls.nc.appId(), Objects.requireNonNull(path, "path"));
    }

    /**
     * The path of one of this ExApp's pages or assets through HaRP (HaRP daemons, AppAPI 32+).
     *
     * <pre>{@code
     * String api = nc.ui().harpPath("api/items");   // /exapps/<appid>/api/items
     * }</pre>
     *
     * @param path the path inside the ExApp
     * @return the path relative to Nextcloud's root
     */
    public String harpPath(String path) {
        return ProxyUrls.harp(calls.nc.appId(), Objects.requireNonNull(path, "path"));
    }
}
