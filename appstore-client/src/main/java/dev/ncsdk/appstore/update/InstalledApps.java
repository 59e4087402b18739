package dev.ncsdk.appstore.update;

import dev.ncsdk.appstore.StoreFormatException;
import dev.ncsdk.appstore.internal.JsonCursor;
import dev.ncsdk.appstore.internal.JsonCursor.Token;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the installed apps from the JSON that {@code occ app:list --output=json} prints:
 * {@code {"enabled": {"id": "version", ...}, "disabled": {"id": "version", ...}}}. Disabled apps are included (they
 * get updates too); older servers that list disabled apps without versions (an array of ids, or {@code null}
 * versions) contribute nothing for those apps.
 */
public final class InstalledApps {
    private InstalledApps() {}

    /**
     * Reads the output of {@code occ app:list --output=json} (any text before the first brace, such as a PHP
     * warning, is ignored).
     *
     * @param json the output
     * @param includeDisabled whether disabled apps are included
     * @return app id to version, ordered by id
     * @throws IllegalArgumentException when the text is not that JSON
     */
    public static Map<String, String> fromOccAppList(String json, boolean includeDisabled) {
        int start = json.indexOf('{');
        if (start < 0) {
            throw new IllegalArgumentException("not the JSON output of occ app:list --output=json");
        }
        Map<String, String> out = new TreeMap<>();
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
        return out;
    }

    /**
     * Reads the output of {@code occ app:list --output=json} from a file, enabled and disabled apps.
     *
     * @param file the file
     * @return app id to version, ordered by id
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when it is not that JSON
     */
    public static Map<String, String> fromOccAppList(Path file) throws IOException {
        return fromOccAppList(Files.readString(file), true);
    }

    /**
     * Reads the output of {@code occ app:list --output=json} from a stream (not closed), enabled and disabled apps.
     *
     * @param in the stream
     * @return app id to version, ordered by id
     * @throws IOException when the stream cannot be read
     * @throws IllegalArgumentException when it is not that JSON
     */
    public static Map<String, String> fromOccAppList(InputStream in) throws IOException {
        return fromOccAppList(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), true);
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
