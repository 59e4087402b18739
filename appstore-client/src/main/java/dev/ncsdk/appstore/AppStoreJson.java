package dev.ncsdk.appstore;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 */
public final class AppStoreJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(200)
                    .maxStringLength(20_000_000)
                    .build())
            .build();

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
        if (wanted == null) {
            try (JsonParser p = FACTORY.createParser(json)) {
                return new Reader(p, new HashMap<>()).apps(null);
            } catch (IOException e) {
                throw new StoreFormatException("the app list is not valid JSON: " + e.getMessage(), e);
            }
        }
        // Find each app object with a byte scan, peek at its id, and parse only the wanted ones: skipping an app
        // costs a scan of its bytes instead of a full tokenization.
        int[] ranges = objectRanges(json);
        Map<String, String> pool = new HashMap<>();
        List<App> out = new ArrayList<>();
        try {
            for (int i = 0; i < ranges.length; i += 2) {
                int from = ranges[i];
                int len = ranges[i + 1] - from;
                String id = peekId(json, from, len);
                if (id != null && !wanted.test(id)) {
                    continue;
                }
                try (JsonParser p = FACTORY.createParser(json, from, len)) {
                    p.nextToken();
                    App app = new Reader(p, pool).app(wanted);
                    if (p.nextToken() != null) {
                        throw new StoreFormatException("malformed app object", null);
                    }
                    if (app != null) {
                        out.add(app);
                    }
                }
            }
        } catch (IOException e) {
            throw new StoreFormatException("the app list is not valid JSON: " + e.getMessage(), e);
        }
        return out;
    }

    /** The id of the app object at a range when it is its first field (as the store sends it), else null. */
    private static String peekId(byte[] json, int from, int len) throws IOException {
        String fast = peekIdFast(json, from, from + len);
        if (fast != null) {
            return fast;
        }
        try (JsonParser p = FACTORY.createParser(json, from, len)) {
            if (p.nextToken() == JsonToken.START_OBJECT
                    && p.nextToken() == JsonToken.FIELD_NAME
                    && "id".equals(p.currentName())
                    && p.nextToken() == JsonToken.VALUE_STRING) {
                return p.getText();
            }
            return null;
        }
    }

    /** Reads a plain ASCII id that is the first field, without a parser; null for anything less plain. */
    private static String peekIdFast(byte[] b, int i, int end) {
        i = skipSpace(b, i + 1, end); // after '{'
        if (i + 4 > end || b[i] != '"' || b[i + 1] != 'i' || b[i + 2] != 'd' || b[i + 3] != '"') {
            return null;
        }
        i = skipSpace(b, i + 4, end);
        if (i >= end || b[i] != ':') {
            return null;
        }
        i = skipSpace(b, i + 1, end);
        if (i >= end || b[i] != '"') {
            return null;
        }
        int start = ++i;
        while (i < end && b[i] != '"') {
            if (b[i] == '\\' || b[i] < 0x20) {
                return null; // escapes and non-ASCII go through the parser
            }
            i++;
        }
        return i < end ? new String(b, start, i - start, java.nio.charset.StandardCharsets.ISO_8859_1) : null;
    }

    private static int skipSpace(byte[] b, int i, int end) {
        while (i < end && isSpace(b[i])) {
            i++;
        }
        return i;
    }

    /**
     * The [start, end) byte ranges of the objects directly inside the top-level array. Only the structure is
     * checked here (an array, balanced brackets outside strings); the objects that are read are parsed strictly.
     */
    private static int[] objectRanges(byte[] b) {
        int n = b.length;
        int i = 0;
        while (i < n && isSpace(b[i])) {
            i++;
        }
        if (i + 2 < n && (b[i] & 0xFF) == 0xEF && (b[i + 1] & 0xFF) == 0xBB && (b[i + 2] & 0xFF) == 0xBF) {
            i += 3;
            while (i < n && isSpace(b[i])) {
                i++;
            }
        }
        if (i >= n || b[i] != '[') {
            throw new StoreFormatException("the app list document is not a JSON array", null);
        }
        int[] ranges = new int[64];
        int count = 0;
        int depth = 0;
        int start = -1;
        int end = -1;
        while (i < n) {
            byte c = b[i++];
            if (c == '"') {
                // skip the string: the tight loop that most bytes (signatures, descriptions) go through
                while (i < n) {
                    byte d = b[i++];
                    if (d == '"') {
                        break;
                    }
                    if (d == '\\') {
                        i++;
                    }
                }
            } else if (c == '{' || c == '[') {
                depth++;
                if (depth == 2 && c == '{') {
                    start = i - 1;
                }
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 1 && c == '}' && start >= 0) {
                    if (count + 2 > ranges.length) {
                        ranges = java.util.Arrays.copyOf(ranges, ranges.length * 2);
                    }
                    ranges[count++] = start;
                    ranges[count++] = i;
                    start = -1;
                } else if (depth <= 0) {
                    end = depth == 0 ? i - 1 : -1;
                    break;
                }
            }
        }
        if (end < 0) {
            throw new StoreFormatException("the app list document is truncated or unbalanced", null);
        }
        for (int k = end + 1; k < n; k++) {
            if (!isSpace(b[k])) {
                throw new StoreFormatException("unexpected content after the document", null);
            }
        }
        return java.util.Arrays.copyOf(ranges, count);
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    /**
     * Reads an app list from a stream (not closed).
     *
     * @param in the document
     * @return the apps
     * @throws StoreFormatException when the document is not a JSON array of apps
     */
    public static List<App> readApps(InputStream in) {
        try (JsonParser p = FACTORY.createParser(in)) {
            return new Reader(p, new HashMap<>()).apps(null);
        } catch (IOException e) {
            throw new StoreFormatException("the app list is not valid JSON: " + e.getMessage(), e);
        }
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
        T read(Reader r) throws IOException;
    }

    private static <T> List<T> read(byte[] json, String what, ElementReader<T> element) {
        try (JsonParser p = FACTORY.createParser(json)) {
            Reader r = new Reader(p, new HashMap<>());
            return r.list(what, () -> element.read(r));
        } catch (IOException e) {
            throw new StoreFormatException("the " + what + " document is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static final class MapperHolder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    /** One parse; dedupes short repeated strings (specs, licences, digests) to keep the catalogue small. */
    private static final class Reader {
        private final JsonParser p;
        private final Map<String, String> pool;

        Reader(JsonParser p, Map<String, String> pool) {
            this.p = p;
            this.pool = pool;
        }

        <T> List<T> list(String what, IoSupplier<T> element) throws IOException {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_ARRAY) {
                throw new StoreFormatException("the " + what + " document is not a JSON array", null);
            }
            List<T> out = new ArrayList<>();
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new StoreFormatException("the " + what + " document is truncated", null);
                }
                if (t == JsonToken.START_OBJECT) {
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

        private void end() throws IOException {
            if (p.nextToken() != null) {
                throw new StoreFormatException("unexpected content after the document", null);
            }
        }

        List<App> apps(Predicate<String> wanted) throws IOException {
            return list("app list", () -> app(wanted));
        }

        /** At START_OBJECT of an app; returns null when the app is not wanted. */
        App app(Predicate<String> wanted) throws IOException {
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
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
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
                        certificate = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : text();
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

        private void skipRestOfObject() throws IOException {
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                p.nextToken();
                p.skipChildren();
            }
            if (t != JsonToken.END_OBJECT) {
                throw new StoreFormatException("malformed app object", null);
            }
        }

        AppRelease release() throws IOException {
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
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
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
                        aaIsSystem = p.currentToken() == JsonToken.VALUE_NULL ? null : bool();
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

        Requirement requirement() throws IOException {
            String id = null;
            String spec = null;
            String raw = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
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

        DeployMethod deployMethod() throws IOException {
            String type = null;
            JsonNode data = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "installType":
                        type = pooled();
                        break;
                    case "installData":
                        data = MapperHolder.MAPPER.readTree(p);
                        break;
                    default:
                        p.skipChildren();
                }
            }
            return new DeployMethod(type, data);
        }

        ApiScope apiScope() throws IOException {
            String name = null;
            boolean optional = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
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

        Screenshot screenshot() throws IOException {
            Map<String, String> m = flat();
            return m == null ? null : new Screenshot(m.get("url"), m.get("smallThumbnail"));
        }

        Author author() throws IOException {
            Map<String, String> m = flat();
            return m == null ? null : new Author(m.get("name"), m.get("mail"), m.get("homepage"));
        }

        AppText appText() throws IOException {
            Map<String, String> m = flat();
            return m == null ? null : new AppText(m.get("name"), m.get("summary"), m.get("description"));
        }

        String changelog() throws IOException {
            return field("changelog");
        }

        private String field(String name) throws IOException {
            Map<String, String> m = flat();
            return m == null ? null : m.get(name);
        }

        CategoryText categoryText() throws IOException {
            Map<String, String> m = flat();
            return m == null ? null : new CategoryText(m.get("name"), m.get("description"));
        }

        Category category() throws IOException {
            String id = null;
            Translations<CategoryText> tr = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
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

        Platform platform() throws IOException {
            String version = null;
            boolean hasRelease = false;
            boolean supported = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
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

        Rating rating() throws IOException {
            String app = null;
            double rating = 0;
            Instant ratedAt = null;
            Translations<String> comments = null;
            RatingUser user = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
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
                        if (p.currentToken() == JsonToken.START_OBJECT) {
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

        RatingUser ratingUser() throws IOException {
            long id = 0;
            String first = null;
            String last = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
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

        DiscoverEntry discover() throws IOException {
            JsonNode node = MapperHolder.MAPPER.readTree(p);
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

        /** A flat object of scalar fields; nested values are skipped. Null (and skipped) when not an object. */
        private Map<String, String> flat() throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                return null;
            }
            Map<String, String> m = new HashMap<>(8);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                String v = text();
                if (v != null) {
                    m.put(f, v);
                }
            }
            return m;
        }

        private <T> Translations<T> translations(IoSupplier<T> value) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                return Translations.empty();
            }
            Map<String, T> m = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String lang = p.currentName();
                p.nextToken();
                T v = value.get();
                if (v != null) {
                    m.put(lang, v);
                }
            }
            return Translations.of(m);
        }

        private <T> List<T> objects(IoSupplier<T> element) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                p.skipChildren();
                return List.of();
            }
            List<T> out = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == JsonToken.START_OBJECT) {
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

        private List<String> strings() throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                String single = text();
                return single == null ? List.of() : List.of(single);
            }
            List<String> out = new ArrayList<>(2);
            while (p.nextToken() != JsonToken.END_ARRAY) {
                String v = pooled();
                if (v != null) {
                    out.add(v);
                }
            }
            return out;
        }

        /** The current scalar as text; objects and arrays are skipped and read as absent. */
        private String text() throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                return p.getText();
            }
            if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                return t == JsonToken.VALUE_TRUE ? "true" : "false";
            }
            p.skipChildren();
            return null;
        }

        private String pooled() throws IOException {
            String s = text();
            if (s == null || s.length() > 48) {
                return s;
            }
            String prev = pool.putIfAbsent(s, s);
            return prev != null ? prev : s;
        }

        private boolean bool() throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_TRUE) {
                return true;
            }
            if (t == JsonToken.VALUE_NUMBER_INT) {
                return p.getLongValue() != 0;
            }
            if (t == JsonToken.VALUE_STRING) {
                String s = p.getText().trim();
                return s.equalsIgnoreCase("true") || s.equals("1") || s.equalsIgnoreCase("yes");
            }
            p.skipChildren();
            return false;
        }

        private double dbl() throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                return p.getDoubleValue();
            }
            if (t == JsonToken.VALUE_STRING) {
                try {
                    return Double.parseDouble(p.getText().trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
            p.skipChildren();
            return 0;
        }

        private long lng() throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT) {
                return p.getLongValue();
            }
            if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                return (long) p.getDoubleValue();
            }
            if (t == JsonToken.VALUE_STRING) {
                try {
                    return Long.parseLong(p.getText().trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
            p.skipChildren();
            return 0;
        }
    }
}
