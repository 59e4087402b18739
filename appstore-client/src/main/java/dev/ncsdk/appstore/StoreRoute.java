package dev.ncsdk.appstore;

import dev.ncsdk.ocs.NextcloudVersion;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A read route of the store and how its answer is parsed. The raw answer is cached per path; routes that read
 * only part of a document ({@link #apps(Collection)}) share the cached document with the full route.
 *
 * @param <T> the parsed answer
 * @since 0.1.0
 */
public final class StoreRoute<T> {
    private final String path;
    private final Function<byte[], T> parser;
    private final boolean complete;
    private final boolean appList;
    private final Predicate<String> wanted;

    private StoreRoute(String path, Function<byte[], T> parser, boolean complete) {
        this(path, parser, complete, false, null);
    }

    private StoreRoute(
            String path, Function<byte[], T> parser, boolean complete, boolean appList, Predicate<String> wanted) {
        this.path = path;
        this.parser = parser;
        this.complete = complete;
        this.appList = appList;
        this.wanted = wanted;
    }

    private static StoreRoute<List<App>> appList(String path, Predicate<String> wanted) {
        return new StoreRoute<>(path, b -> AppStoreJson.readApps(b, wanted), wanted == null, true, wanted);
    }

    /**
     * {@code apps.json}: every app with all its releases (what Nextcloud server downloads; over 12 MB).
     *
     * @return the route
     */
    public static StoreRoute<List<App>> apps() {
        return appList("apps.json", null);
    }

    /**
     * {@code apps.json}, reading only the given apps (the others are skipped without building models).
     *
     * @param appIds the app ids
     * @return the route
     */
    public static StoreRoute<List<App>> apps(Collection<String> appIds) {
        Set<String> ids = Set.copyOf(appIds);
        return appList("apps.json", ids::contains);
    }

    /**
     * {@code platform/X.Y.Z/apps.json}: the apps with releases compatible with a Nextcloud version, filtered by the
     * store. A four-part version ({@code 32.0.1.2}) is trimmed to three parts for the path.
     *
     * @param platform the Nextcloud version
     * @return the route
     */
    public static StoreRoute<List<App>> appsFor(NextcloudVersion platform) {
        Objects.requireNonNull(platform, "platform");
        return appList("platform/" + platform.truncate(3) + "/apps.json", null);
    }

    /**
     * {@code appapi_apps.json}: ExApps (AppAPI apps) with their deployment methods and API scopes.
     *
     * @return the route
     */
    public static StoreRoute<List<App>> exApps() {
        return appList("appapi_apps.json", null);
    }

    /**
     * {@code categories.json}.
     *
     * @return the route
     */
    public static StoreRoute<List<Category>> categories() {
        return new StoreRoute<>("categories.json", AppStoreJson::readCategories, true);
    }

    /**
     * {@code platforms.json}: the Nextcloud releases the store knows (unsorted).
     *
     * @return the route
     */
    public static StoreRoute<List<Platform>> platforms() {
        return new StoreRoute<>("platforms.json", AppStoreJson::readPlatforms, true);
    }

    /**
     * {@code ratings.json}.
     *
     * @return the route
     */
    public static StoreRoute<List<Rating>> ratings() {
        return new StoreRoute<>("ratings.json", AppStoreJson::readRatings, true);
    }

    /**
     * {@code discover.json}: the discover feed (all entries; filter with {@link DiscoverEntry#visibleAt}).
     *
     * @return the route
     */
    public static StoreRoute<List<DiscoverEntry>> discover() {
        return new StoreRoute<>("discover.json", AppStoreJson::readDiscover, true);
    }

    /**
     * The path below the base URL.
     *
     * @return the path, such as {@code apps.json}
     */
    public String path() {
        return path;
    }

    /**
     * Parses an answer of this route.
     *
     * @param body the raw body
     * @return the parsed answer
     * @throws StoreFormatException when the body is not of the expected shape
     */
    public T parse(byte[] body) {
        return parser.apply(body);
    }

    /**
     * Whether the route reads the whole document (its parsed answer can be reused for the same body).
     *
     * @return whether complete
     */
    boolean complete() {
        return complete;
    }

    /** @return whether the route's answer can be parsed while it downloads ({@link #openStream()}) */
    boolean streamable() {
        return appList;
    }

    /**
     * A parse of this route's answer that runs while it downloads, or null when the route has none.
     *
     * @return a started stream, or null
     */
    AppListStream openStream() {
        return appList ? AppListStream.start(wanted) : null;
    }

    @Override
    public String toString() {
        return "StoreRoute[" + path + (complete ? "" : ", partial") + "]";
    }
}
