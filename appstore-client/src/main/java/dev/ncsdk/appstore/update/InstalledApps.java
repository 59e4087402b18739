package dev.ncsdk.appstore.update;

import dev.ncsdk.appstore.AppStoreClient;
import dev.ncsdk.appstore.StoreFormatException;
import dev.ncsdk.appstore.internal.JsonCursor;
import dev.ncsdk.appstore.internal.JsonCursor.Token;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The apps installed on a Nextcloud server: app id to installed version, ordered by id. This is what
 * {@link UpdateChecker#check(InstalledApps, AppStoreClient)} checks and what {@link ServerInventory#installed()}
 * reads from a running server; build one from a map ({@link #of(Map)}) or from the JSON that
 * {@code occ app:list --output=json} prints: {@code {"enabled": {"id": "version", ...}, "disabled": {"id":
 * "version", ...}}}. Disabled apps are included (they get updates too); older servers that list disabled apps
 * without versions (an array of ids, or {@code null} versions) contribute nothing for those apps.
 *
 * <pre>{@code
 * InstalledApps installed = InstalledApps.fromOccAppList(Path.of("apps.json"));
 * installed.version("news");   // Optional[25.0.0]
 * }</pre>
 *
 * <p>Input is limited to {@link #MAX_INPUT_BYTES} (16 MiB; a real list of a few hundred apps is a few kilobytes), and
 * a file must be a regular file: a device, a pipe or a directory is refused before anything is read. Immutable and
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class InstalledApps {
    /** The most bytes read from a file or stream: 16 MiB. */
    public static final int MAX_INPUT_BYTES = 16 * 1024 * 1024;

    private static final InstalledApps NONE = new InstalledApps(new TreeMap<>());

    private final Map<String, String> versions;

    private InstalledApps(TreeMap<String, String> versions) {
        this.versions = Collections.unmodifiableMap(versions);
    }

    /**
     * Installed apps from a map of app id to version (copied). A blank version or {@code "0"} (Nextcloud's "not
     * installed") is kept: a check reports such an app as not judged.
     *
     * @param versions app id to installed version; no {@code null} id ({@code null} versions become empty)
     * @return the installed apps, ordered by id
     */
    public static InstalledApps of(Map<String, String> versions) {
        Objects.requireNonNull(versions, "versions");
        TreeMap<String, String> copy = new TreeMap<>();
        versions.forEach((id, v) -> copy.put(Objects.requireNonNull(id, "app id"), v == null ? "" : v));
        return new InstalledApps(copy);
    }

    /**
     * No installed apps.
     *
     * @return the empty set of apps
     */
    public static InstalledApps none() {
        return NONE;
    }

    /**
     * The installed version of an app.
     *
     * @param appId the app id
     * @return the version as the server gave it, or empty when the app is not in this list
     */
    public Optional<String> version(String appId) {
        return Optional.ofNullable(versions.get(appId));
    }

    /**
     * The app ids, ordered.
     *
     * @return the ids (unmodifiable)
     */
    public Set<String> ids() {
        return versions.keySet();
    }

    /**
     * App id to installed version, ordered by id.
     *
     * @return the map (unmodifiable)
     */
    public Map<String, String> asMap() {
        return versions;
    }

    /**
     * The number of apps.
     *
     * @return the count
     */
    public int size() {
        return versions.size();
    }

    /**
     * Whether the list is empty.
     *
     * @return whether no app is listed
     */
    public boolean isEmpty() {
        return versions.isEmpty();
    }

    /**
     * These apps and another list's, the other's version winning where both list an app.
     *
     * @param other the other list
     * @return the union
     */
    public InstalledApps plus(InstalledApps other) {
        TreeMap<String, String> all = new TreeMap<>(versions);
        all.putAll(other.versions);
        return new InstalledApps(all);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InstalledApps other && versions.equals(other.versions);
    }

    @Override
    public int hashCode() {
        return versions.hashCode();
    }

    @Override
    public String toString() {
        return "InstalledApps" + versions;
    }

    /**
     * Reads the output of {@code occ app:list --output=json} (any text before the first brace, such as a PHP
     * warning, is ignored).
     *
     * @param json the output
     * @param includeDisabled whether disabled apps are included
     * @return the installed apps
     * @throws IllegalArgumentException when the text is not that JSON
     */
    public static InstalledApps fromOccAppList(String json, boolean includeDisabled) {
        int start = json.indexOf('{');
        if (start < 0) {
            throw new IllegalArgumentException("not the JSON output of occ app:list --output=json");
        }
        TreeMap<String, String> out = new TreeMap<>();
        boolean seen = false;
        try {
            JsonCursor p = new JsonCursor(json.substring(start).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (p.next() != Token.START_OBJECT) {
                throw new IllegalArgumentException("not the JSON output of occ app:list --output=json");
            }
            while (p.next() == Token.FIELD_NAME) {
                String section = p.name();
                p.next();
                boolean enabled = section.equals("enabled");
                if ((enabled || section.equals("disabled")) && (enabled || includeDisabled)) {
                    seen = true;
                    collect(p, out);
                } else {
                    seen |= section.equals("disabled");
                    p.skipChildren();
                }
            }
        } catch (StoreFormatException e) {
            throw new IllegalArgumentException(
                    "not the JSON output of occ app:list --output=json: " + e.getMessage(), e);
        }
        if (!seen) {
            throw new IllegalArgumentException(
                    "not the JSON output of occ app:list --output=json (no \"enabled\" or \"disabled\")");
        }
        return new InstalledApps(out);
    }

    /**
     * Reads the output of {@code occ app:list --output=json} from a file, enabled and disabled apps.
     *
     * @param file the file, a regular file of at most {@link #MAX_INPUT_BYTES}
     * @return the installed apps
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException when it is not a regular file, is larger than the limit, or is not that JSON
     */
    public static InstalledApps fromOccAppList(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    file + " is not a regular file" + (Files.exists(file) ? "" : " (it does not exist)"));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return fromOccAppList(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the output of {@code occ app:list --output=json} from a stream (not closed), enabled and disabled apps.
     * At most {@link #MAX_INPUT_BYTES} are read.
     *
     * @param in the stream
     * @return the installed apps
     * @throws UncheckedIOException when the stream cannot be read
     * @throws IllegalArgumentException when it is longer than the limit or not that JSON
     */
    public static InstalledApps fromOccAppList(InputStream in) {
        try {
            return fromOccAppList(in, "the input");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the input: " + e.getMessage(), e);
        }
    }

    private static InstalledApps fromOccAppList(InputStream in, String what) throws IOException {
        byte[] bytes = in.readNBytes(MAX_INPUT_BYTES + 1);
        if (bytes.length > MAX_INPUT_BYTES) {
            throw new IllegalArgumentException(
                    what + " is larger than " + (MAX_INPUT_BYTES >> 20) + " MiB: not the output of occ app:list");
        }
        return fromOccAppList(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), true);
    }

    /** Reads {"id": "version", ...} at the current token; anything else is skipped. */
    private static void collect(JsonCursor p, Map<String, String> out) {
        if (p.current() != Token.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.next() == Token.FIELD_NAME) {
            String id = p.name();
            Token t = p.next();
            if (t == Token.STRING || t == Token.INT || t == Token.FLOAT) {
                String v = p.text().trim();
                if (!v.isEmpty()) {
                    out.putIfAbsent(id, v);
                }
            } else {
                p.skipChildren();
            }
        }
    }
}
