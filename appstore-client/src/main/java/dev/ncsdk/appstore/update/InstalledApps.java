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
 *
 * <p>Input is limited to {@link #MAX_INPUT_BYTES} (16 MiB; a real list of a few hundred apps is a few kilobytes), and
 * a file must be a regular file: a device, a pipe or a directory is refused before anything is read.
 */
public final class InstalledApps {
    /** The most bytes read from a file or stream: 16 MiB. */
    public static final int MAX_INPUT_BYTES = 16 * 1024 * 1024;

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
     * @param file the file, a regular file of at most {@link #MAX_INPUT_BYTES}
     * @return app id to version, ordered by id
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when it is not a regular file, is larger than the limit, or is not that JSON
     */
    public static Map<String, String> fromOccAppList(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    file + " is not a regular file" + (Files.exists(file) ? "" : " (it does not exist)"));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return fromOccAppList(in, file.toString());
        }
    }

    /**
     * Reads the output of {@code occ app:list --output=json} from a stream (not closed), enabled and disabled apps.
     * At most {@link #MAX_INPUT_BYTES} are read.
     *
     * @param in the stream
     * @return app id to version, ordered by id
     * @throws IOException when the stream cannot be read
     * @throws IllegalArgumentException when it is longer than the limit or not that JSON
     */
    public static Map<String, String> fromOccAppList(InputStream in) throws IOException {
        return fromOccAppList(in, "the input");
    }

    private static Map<String, String> fromOccAppList(InputStream in, String what) throws IOException {
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
