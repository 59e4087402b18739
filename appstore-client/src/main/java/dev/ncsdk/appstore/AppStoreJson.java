package dev.ncsdk.appstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ncsdk.appstore.internal.JsonCursor;
import dev.ncsdk.appstore.internal.JsonCursor.Token;
import dev.ncsdk.appstore.internal.Timestamps;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads the store's JSON documents into models with a streaming parser: {@code apps.json},
 * {@code platform/X.Y.Z/apps.json}, {@code appapi_apps.json}, {@code categories.json}, {@code platforms.json},
 * {@code ratings.json} and {@code discover.json}. Lenient like the store's stability contract asks: unknown
 * fields are skipped, {@code "7"} reads as 7, {@code ""} and {@code null} as absent, {@code 1}/{@code "true"} as
 * true. Strings are kept exactly as sent (certificates keep their {@code \r\n}).
 *
 * <p>Use it for documents you already have (a saved catalogue); {@link AppStoreClient} uses it for answers.
 * Thread-safe (stateless).
 *
 * @since 0.1.0
 */
public final class AppStoreJson {
    private AppStoreJson() {}

    /**
     * Reads an app list ({@code apps.json}, a platform's {@code apps.json}, {@code appapi_apps.json}).
     *
     * @param json the document
     * @return the apps in document order
     * @throws StoreFormatException when the document is not a JSON array of apps
     */
    public static List<App> readApps(byte[] json) {
        return readApps(json, null);
    }

    /**
     * Reads only the apps whose id passes a filter; the others are skipped without building models (when, as the
     * store sends them, the {@code id} comes first in each object).
     *
     * @param json the document
     * @param wanted which app ids to read, or {@code null} for all
     * @return the wanted apps in document order
     * @throws StoreFormatException when the document is not a JSON array of apps
     */
    public static List<App> readApps(byte[] json, Predicate<String> wanted) {
        return new Reader(new JsonCursor(json), new HashMap<>()).apps(wanted);
    }

    /**
     * Reads one app object (a streamed parse's element).
     *
     * @param cursor a cursor over exactly one object
     * @param pool the parse's pool of repeated short strings
     * @param wanted which app ids to read, or null for all
     * @return the app, or null when not wanted
     * @throws StoreFormatException when it is not one well-formed object
     */
    static App readAppObject(JsonCursor cursor, Map<String, String> pool, Predicate<String> wanted) {
        if (cursor.next() != Token.START_OBJECT) {
            throw new StoreFormatException("not an app object", null);
        }
        App app = new Reader(cursor, pool).app(wanted);
        if (cursor.next() != null) {
            throw new StoreFormatException("malformed app object", null);
        }
        return app;
    }

    /**
     * Reads an app list from a stream (not closed).
     *
     * @param in the document
     * @return the apps
     * @throws StoreFormatException when the document is not a JSON array of apps
     */
    public static List<App> readApps(InputStream in) {
        byte[] json;
        try {
            json = in.readAllBytes();
        } catch (IOException e) {
            throw new StoreFormatException("the app list could not be read: " + e.getMessage(), e);
        }
        return readApps(json, null);
    }

    /**
     * Reads {@code categories.json}.
     *
     * @param json the document
     * @return the categories
     * @throws StoreFormatException when malformed
     */
    public static List<Category> readCategories(byte[] json) {
        return read(json, "categories", Reader::category);
    }

    /**
     * Reads {@code platforms.json}.
     *
     * @param json the document
     * @return the platforms, unsorted as sent
     * @throws StoreFormatException when malformed
     */
    public static List<Platform> readPlatforms(byte[] json) {
        return read(json, "platforms", Reader::platform);
    }

    /**
     * Reads {@code ratings.json}.
     *
     * @param json the document
     * @return the ratings
     * @throws StoreFormatException when malformed
     */
    public static List<Rating> readRatings(byte[] json) {
        return read(json, "ratings", Reader::rating);
    }

    /**
     * Reads {@code discover.json}.
     *
     * @param json the document
     * @return the entries
     * @throws StoreFormatException when malformed
     */
    public static List<DiscoverEntry> readDiscover(byte[] json) {
        return read(json, "discover feed", Reader::discover);
    }

    private interface ElementReader<T> {
        T read(Reader r);
    }

    private static <T> List<T> read(byte[] json, String what, ElementReader<T> element) {
        Reader r = new Reader(new JsonCursor(json), new HashMap<>());
        return r.list(what, () -> element.read(r));
    }

    private static final class MapperHolder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private interface ValueReader<T> {
        T get();
    }

    /** One parse; dedupes short repeated strings (specs, licences, digests) to keep the catalogue small. */
    private static final class Reader {
        private final JsonCursor p;
        private final Map<String, String> pool;

        Reader(JsonCursor p, Map<String, String> pool) {
            this.p = p;
            this.pool = pool;
        }

        <T> List<T> list(String what, ValueReader<T> element) {
            Token t = p.next();
            if (t != Token.START_ARRAY) {
                throw new StoreFormatException("the " + what + " document is not a JSON array", null);
            }
            List<T> out = new ArrayList<>();
            while ((t = p.next()) != Token.END_ARRAY) {
                if (t == null) {
                    throw new StoreFormatException("the " + what + " document is truncated", null);
                }
                if (t == Token.START_OBJECT) {
                    T v = element.get();
                    if (v != null) {
                        out.add(v);
                    }
                } else {
                    p.skipChildren();
                }
            }
            end();
            return out;
        }

        private void end() {
            if (p.next() != null) {
                throw new StoreFormatException("unexpected content after the document", null);
            }
        }

        List<App> apps(Predicate<String> wanted) {
            return list("app list", () -> app(wanted));
        }

        /** At START_OBJECT of an app; returns null when the app is not wanted. */
        App app(Predicate<String> wanted) {
            String id = null;
            List<String> categories = null;
            String userDocs = null;
            String adminDocs = null;
            String developerDocs = null;
            String issueTracker = null;
            String website = null;
            String discussion = null;
            Instant created = null;
            Instant lastModified = null;
            List<AppRelease> releases = null;
            List<Screenshot> screenshots = null;
            Translations<AppText> translations = null;
            boolean featured = false;
            List<Author> authors = null;
            double ratingRecent = 0;
            double ratingOverall = 0;
            int ratingNumRecent = 0;
            int ratingNumOverall = 0;
            String certificate = null;
            while (p.next() == Token.FIELD_NAME) {
                String f = p.name();
                p.next();
                switch (f) {
                    case "id":
                        id = text();
                        if (wanted != null && id != null && !wanted.test(id)) {
                            skipRestOfObject();
                            return null;
                        }
                        break;
                    case "categories":
                        categories = strings();
                        break;
                    case "userDocs":
                        userDocs = text();
                        break;
                    case "adminDocs":
                        adminDocs = text();
                        break;
                    case "developerDocs":
                        developerDocs = text();
                        break;
                    case "issueTracker":
                        issueTracker = text();
                        break;
                    case "website":
                        website = text();
                        break;
                    case "discussion":
                        discussion = text();
                        break;
                    case "created":
                        created = Timestamps.parse(text());
                        break;
                    case "lastModified":
                        lastModified = Timestamps.parse(text());
                        break;
                    case "releases":
                        releases = objects(this::release);
                        break;
                    case "screenshots":
                        screenshots = objects(this::screenshot);
                        break;
                    case "translations":
                        translations = translations(this::appText);
                        break;
                    case "isFeatured":
                        featured = bool();
                        break;
                    case "authors":
                        authors = objects(this::author);
                        break;
                    case "ratingRecent":
                        ratingRecent = dbl();
                        break;
                    case "ratingOverall":
                        ratingOverall = dbl();
                        break;
                    case "ratingNumRecent":
                        ratingNumRecent = (int) lng();
                        break;
                    case "ratingNumOverall":
                        ratingNumOverall = (int) lng();
                        break;
                    case "certificate":
                        certificate = p.current() == Token.STRING ? p.text() : text();
                        break;
                    default:
                        p.skipChildren();
                }
            }
            if (wanted != null && (id == null || !wanted.test(id))) {
                return null;
            }
            return new App(
                    id,
                    categories,
                    userDocs,
                    adminDocs,
                    developerDocs,
                    issueTracker,
                    website,
                    discussion,
                    created,
                    lastModified,
                    releases,
                    screenshots,
                    translations,
                    featured,
                    authors,
                    ratingRecent,
                    ratingOverall,
                    ratingNumRecent,
                    ratingNumOverall,
                    certificate);
        }

        private void skipRestOfObject() {
            Token t;
            while ((t = p.next()) == Token.FIELD_NAME) {
                p.next();
                p.skipChildren();
            }
            if (t != Token.END_OBJECT) {
                throw new StoreFormatException("malformed app object", null);
            }
        }

        AppRelease release() {
            String version = null;
            boolean nightly = false;
            List<Requirement> phpExtensions = null;
            List<Requirement> databases = null;
            List<String> shellCommands = null;
            String phpVersionSpec = null;
            String platformVersionSpec = null;
            String rawPhpVersionSpec = null;
            String rawPlatformVersionSpec = null;
            int minIntSize = 32;
            String download = null;
            Instant created = null;
            Instant lastModified = null;
            List<String> licenses = null;
            String signature = null;
            String signatureDigest = null;
            Translations<String> changelog = null;
            List<DeployMethod> deployMethods = null;
            List<ApiScope> apiScopes = null;
            Boolean aaIsSystem = null;
            while (p.next() == Token.FIELD_NAME) {
                String f = p.name();
                p.next();
                switch (f) {
                    case "version":
                        version = pooled();
                        break;
                    case "isNightly":
                        nightly = bool();
                        break;
                    case "phpExtensions":
                        phpExtensions = objects(this::requirement);
                        break;
                    case "databases":
                        databases = objects(this::requirement);
                        break;
                    case "shellCommands":
                        shellCommands = strings();
                        break;
                    case "phpVersionSpec":
                        phpVersionSpec = pooled();
                        break;
                    case "platformVersionSpec":
                        platformVersionSpec = pooled();
                        break;
                    case "rawPhpVersionSpec":
                        rawPhpVersionSpec = pooled();
                        break;
                    case "rawPlatformVersionSpec":
                        rawPlatformVersionSpec = pooled();
                        break;
                    case "minIntSize":
                        minIntSize = (int) lng();
                        break;
                    case "download":
                        download = text();
                        break;
                    case "created":
                        created = Timestamps.parse(text());
                        break;
                    case "lastModified":
                        lastModified = Timestamps.parse(text());
                        break;
                    case "licenses":
                        licenses = strings();
                        break;
                    case "signature":
                        signature = text();
                        break;
                    case "signatureDigest":
                        signatureDigest = pooled();
                        break;
                    case "translations":
                        changelog = translations(this::changelog);
                        break;
                    case "deployMethods":
                        deployMethods = objects(this::deployMethod);
                        break;
                    case "apiScopes":
                        apiScopes = objects(this::apiScope);
                        break;
                    case "aaIsSystem":
                        aaIsSystem = p.current() == Token.NULL ? null : bool();
                        break;
                    default:
                        p.skipChildren();
                }
            }
            return new AppRelease(
                    version,
                    nightly,
                    phpExtensions,
                    databases,
                    shellCommands,
                    phpVersionSpec,
                    platformVersionSpec,
                    rawPhpVersionSpec,
                    rawPlatformVersionSpec,
                    minIntSize,
                    download,
                    created,
                    lastModified,
                    licenses,
                    signature,
                    signatureDigest,
                    changelog,
                    deployMethods,
                    apiScopes,
                    aaIsSystem);
        }

        Requirement requirement() {
            String id = null;
            String spec = null;
            String raw = null;
            while (p.next() == Token.FIELD_NAME) {
                String f = p.name();
                p.next();
                switch (f) {
                    case "id":
                        id = pooled();
                        break;
                    case "versionSpec":
                        spec = pooled();
                        break;
                    case "rawVersionSpec":
                        raw = pooled();
                        break;
                    default:
                        p.skipChildren();
                }
            }
            return new Requirement(id, spec, raw);
        }

        DeployMethod deployMethod() {
            String type = null;
            JsonNode data = null;
            while (p.next() == Token.FIELD_NAME) {
                String f = p.name();
                p.next();
                switch (f) {
                    case "installType":
                        type = pooled();
                        break;
                    case "installData":
                        data = tree();
                        break;
                    default:
                        p.skipChildren();
                }
            }
            return new DeployMethod(type, data);
        }

        ApiScope apiScope() {
            String name = null;
            boolean optional = false;
            while (p.next() == Token.FIELD_NAME) {
                String f = p.name();
                p.next();
                switch (f) {
                    case "scopeName":
                        name = pooled();
                        break;
                    case "optional":
                        optional = bool();
                        break;
                    default:
                        p.skipChildren();
                }
            }
            return new ApiScope(name, optional);
        }

        Screenshot screenshot() {
            Map<String, String> m = flat();
            return m == null ? null : new Screenshot(m.get("url"), m.get("smallThumbnail"));
        }

        Author author() {
            Map<String, String> m = flat();
            return m == null ? null : new Author(m.get("name"), m.get("mail"), m.get("homepage"));
        }

        AppText appText() {
            Map<String, String> m = flat();
            return m == null ? null : new AppText(m.get("name"), m.get("summary"), m.get("description"));
        }

        String changelog() {
            return field("changelog");
        }

        private String field(String name) {
            Map<String, String> m = flat();
            return m == null ? null : m.get(name);
        }

        CategoryText categoryText() {
            Map<String, String> m = flat();
            return m == null ? null : new CategoryText(m.get("name"), m.get("description"));
        }

        Category category() {
            String id = null;
            Translations<CategoryText> tr = null;
            while (p.next() == Token.FIELD_NAME) {
                String f = p.name();
                p.next();
                if (f.equals("id")) {
                    id = text();
                } else if (f.equals("translations")) {
                    tr = translations(this::categoryText);
                } else {
                    p.skipChildren();
                }
            }
            return new Category(id, tr);
        }

        Platform platform() {
            String version = null;
            boolean hasRelease = false;
            boolean supported = false;
            while (p.next() == Token.FIELD_NAME) {
                String f = p.name();
                p.next();
                switch (f) {
                    case "version":
                        version = text();
                        break;
                    case "hasRelease":
                        hasRelease = bool();
                        break;
                    case "isSupported":
                        supported = bool();
                        break;
                    default:
                        p.skipChildren();
                }
            }
            return new Platform(version, hasRelease, supported);
        }

        Rating rating() {
            String app = null;
            double rating = 0;
            Instant ratedAt = null;
            Translations<String> comments = null;
            RatingUser user = null;
            while (p.next() == Token.FIELD_NAME) {
                String f = p.name();
                p.next();
                switch (f) {
                    case "app":
                        app = text();
                        break;
                    case "rating":
                        rating = dbl();
                        break;
                    case "ratedAt":
                        ratedAt = Timestamps.parse(text());
                        break;
                    case "translations":
                        comments = translations(() -> field("comment"));
                        break;
                    case "user":
                        if (p.current() == Token.START_OBJECT) {
                            user = ratingUser();
                        } else {
                            p.skipChildren();
                        }
                        break;
                    default:
                        p.skipChildren();
                }
            }
            return new Rating(app, rating, ratedAt, comments, user);
        }

        RatingUser ratingUser() {
            long id = 0;
            String first = null;
            String last = null;
            while (p.next() == Token.FIELD_NAME) {
                String f = p.name();
                p.next();
                switch (f) {
                    case "id":
                        id = lng();
                        break;
                    case "firstName":
                        first = text();
                        break;
                    case "lastName":
                        last = text();
                        break;
                    default:
                        p.skipChildren();
                }
            }
            return new RatingUser(id, first, last);
        }

        DiscoverEntry discover() {
            JsonNode node = tree();
            Function<String, String> str = k -> {
                JsonNode v = node.get(k);
                return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
            };
            return new DiscoverEntry(
                    str.apply("type"),
                    str.apply("id"),
                    localized(node.get("headline")),
                    localized(node.get("text")),
                    str.apply("link"),
                    Timestamps.parse(str.apply("date")),
                    Timestamps.parse(str.apply("expiryDate")),
                    node);
        }

        private static Translations<String> localized(JsonNode n) {
            if (n == null || !n.isObject()) {
                return Translations.empty();
            }
            Map<String, String> m = new LinkedHashMap<>();
            n.properties().forEach(e -> {
                if (e.getValue().isTextual()) {
                    m.put(e.getKey(), e.getValue().asText());
                }
            });
            return Translations.of(m);
        }

        /** The current value (any kind) as a Jackson tree, for the fields the models keep as trees. */
        private JsonNode tree() {
            int from = p.tokenStart();
            p.skipChildren();
            try {
                return MapperHolder.MAPPER.readTree(p.bytes(), from, p.position() - from);
            } catch (java.io.IOException e) {
                throw new StoreFormatException("malformed value: " + e.getMessage(), e);
            }
        }

        /** A flat object of scalar fields; nested values are skipped. Null (and skipped) when not an object. */
        private Map<String, String> flat() {
            if (p.current() != Token.START_OBJECT) {
                p.skipChildren();
                return null;
            }
            Map<String, String> m = new HashMap<>(8);
            while (p.next() == Token.FIELD_NAME) {
                String f = p.name();
                p.next();
                String v = text();
                if (v != null) {
                    m.put(f, v);
                }
            }
            return m;
        }

        private <T> Translations<T> translations(ValueReader<T> value) {
            if (p.current() != Token.START_OBJECT) {
                p.skipChildren();
                return Translations.empty();
            }
            Map<String, T> m = new LinkedHashMap<>();
            while (p.next() == Token.FIELD_NAME) {
                String lang = p.name();
                p.next();
                T v = value.get();
                if (v != null) {
                    m.put(lang, v);
                }
            }
            return Translations.of(m);
        }

        private <T> List<T> objects(ValueReader<T> element) {
            if (p.current() != Token.START_ARRAY) {
                p.skipChildren();
                return List.of();
            }
            List<T> out = new ArrayList<>();
            Token t;
            while ((t = p.next()) != Token.END_ARRAY) {
                if (t == Token.START_OBJECT) {
                    T v = element.get();
                    if (v != null) {
                        out.add(v);
                    }
                } else {
                    p.skipChildren();
                }
            }
            return out;
        }

        private List<String> strings() {
            if (p.current() != Token.START_ARRAY) {
                String single = text();
                return single == null ? List.of() : List.of(single);
            }
            List<String> out = new ArrayList<>(2);
            while (p.next() != Token.END_ARRAY) {
                String v = pooled();
                if (v != null) {
                    out.add(v);
                }
            }
            return out;
        }

        /** The current scalar as text; objects and arrays are skipped and read as absent. */
        private String text() {
            Token t = p.current();
            if (t == Token.STRING || t == Token.INT || t == Token.FLOAT) {
                return p.text();
            }
            if (t == Token.TRUE || t == Token.FALSE) {
                return t == Token.TRUE ? "true" : "false";
            }
            p.skipChildren();
            return null;
        }

        private String pooled() {
            String s = text();
            if (s == null || s.length() > 48) {
                return s;
            }
            String prev = pool.putIfAbsent(s, s);
            return prev != null ? prev : s;
        }

        private boolean bool() {
            Token t = p.current();
            if (t == Token.TRUE) {
                return true;
            }
            if (t == Token.INT) {
                return p.longValue() != 0;
            }
            if (t == Token.STRING) {
                String s = p.text().trim();
                return s.equalsIgnoreCase("true") || s.equals("1") || s.equalsIgnoreCase("yes");
            }
            p.skipChildren();
            return false;
        }

        private double dbl() {
            Token t = p.current();
            if (t == Token.INT || t == Token.FLOAT) {
                return p.doubleValue();
            }
            if (t == Token.STRING) {
                try {
                    return Double.parseDouble(p.text().trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
            p.skipChildren();
            return 0;
        }

        private long lng() {
            Token t = p.current();
            if (t == Token.INT) {
                return p.longValue();
            }
            if (t == Token.FLOAT) {
                return (long) p.doubleValue();
            }
            if (t == Token.STRING) {
                try {
                    return Long.parseLong(p.text().trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
            p.skipChildren();
            return 0;
        }
    }
}
