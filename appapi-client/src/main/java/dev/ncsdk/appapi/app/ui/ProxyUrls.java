package dev.ncsdk.appapi.app.ui;

import java.util.Objects;

/**
 * Paths under which the browser reaches an ExApp through Nextcloud, for links and asset URLs in the ExApp's pages:
 * AppAPI's PHP proxy {@code /index.php/apps/app_api/proxy/<appid>/<path>} (every daemon) and HaRP's {@code
 * /exapps/<appid>/<path>} (HaRP daemons, AppAPI 32+). A page served through one should link through the same; the
 * simplest way is a relative link, the next best {@link #relativeTo}. The paths are relative to Nextcloud's root:
 * prefix Nextcloud's base URL (or its sub-path) to make them absolute.
 *
 * <pre>{@code
 * String icon = ProxyUrls.appApiProxy("hello", "img/icon.svg");   // /index.php/apps/app_api/proxy/hello/img/icon.svg
 * String api = ProxyUrls.harp("hello", "/api/items");             // /exapps/hello/api/items
 * String base = ProxyUrls.basePath("hello", request.header("X-Forwarded-Prefix") != null);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ProxyUrls {
    /** The PHP proxy's prefix, before the app id. */
    public static final String APP_API_PROXY_PREFIX = "/index.php/apps/app_api/proxy/";
    /** HaRP's prefix, before the app id. */
    public static final String HARP_PREFIX = "/exapps/";

    private ProxyUrls() {}

    /**
     * The path through AppAPI's PHP proxy.
     *
     * <pre>{@code
     * ProxyUrls.appApiProxy("hello", "/img/icon.svg");   // /index.php/apps/app_api/proxy/hello/img/icon.svg
     * }</pre>
     *
     * @param appId the ExApp's id
     * @param path the path inside the ExApp, with or without a leading {@code /}; may carry a query
     * @return the path relative to Nextcloud's root
     */
    public static String appApiProxy(String appId, String path) {
        return APP_API_PROXY_PREFIX + checkId(appId) + "/" + strip(path);
    }

    /**
     * The path through HaRP.
     *
     * <pre>{@code
     * ProxyUrls.harp("hello", "api/items?page=2");   // /exapps/hello/api/items?page=2
     * }</pre>
     *
     * @param appId the ExApp's id
     * @param path the path inside the ExApp, with or without a leading {@code /}; may carry a query
     * @return the path relative to Nextcloud's root
     */
    public static String harp(String appId, String path) {
        return HARP_PREFIX + checkId(appId) + "/" + strip(path);
    }

    /**
     * The base path (ending in {@code /}) of one of the two, for a {@code <base href>} or a front-end's router.
     *
     * <pre>{@code
     * String base = ProxyUrls.basePath("hello", true);   // /exapps/hello/
     * }</pre>
     *
     * @param appId the ExApp's id
     * @param viaHarp {@code true} for HaRP, {@code false} for the PHP proxy
     * @return the base path
     */
    public static String basePath(String appId, boolean viaHarp) {
        return viaHarp ? harp(appId, "") : appApiProxy(appId, "");
    }

    /**
     * The same ExApp path under the prefix a request path came through: a request to {@code /exapps/hello/x}
     * gives HaRP's form, one to {@code /index.php/apps/app_api/proxy/hello/x} (or without {@code /index.php})
     * the PHP proxy's; any other request path gives the PHP proxy's, which works with every daemon.
     *
     * <pre>{@code
     * String link = ProxyUrls.relativeTo("/exapps/hello/page", "hello", "api/items");   // /exapps/hello/api/items
     * }</pre>
     *
     * @param requestPath the path the browser requested, as Nextcloud saw it
     * @param appId the ExApp's id
     * @param path the target path inside the ExApp
     * @return the target's path relative to Nextcloud's root
     */
    public static String relativeTo(String requestPath, String appId, String path) {
        Objects.requireNonNull(requestPath, "requestPath");
        String id = checkId(appId);
        return requestPath.startsWith(HARP_PREFIX + id + "/") || requestPath.equals(HARP_PREFIX + id)
                ? harp(id, path)
                : appApiProxy(id, path);
    }

    private static String strip(String path) {
        Objects.requireNonNull(path, "path");
        int i = 0;
        while (i < path.length() && path.charAt(i) == '/') {
            i++;
        }
        return path.substring(i);
    }

    private static String checkId(String appId) {
        UiCalls.notEmpty(appId, "appId");
        if (appId.indexOf('/') >= 0 || appId.indexOf('?') >= 0 || appId.indexOf('#') >= 0) {
            throw new IllegalArgumentException("an app id must not contain '/', '?' or '#'");
        }
        return appId;
    }
}
