package dev.ncsdk.appstore.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private InstalledApps() {}

    /**
     * Reads the output of {@code occ app:list --output=json} (any text before the first {@code {}, such as a PHP
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
        JsonNode root;
        try {
            root = JSON.readTree(json.substring(start));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "not the JSON output of occ app:list --output=json: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || (!root.has("enabled") && !root.has("disabled"))) {
            throw new IllegalArgumentException(
                    "not the JSON output of occ app:list --output=json (no \"enabled\" or \"disabled\")");
        }
        Map<String, String> out = new TreeMap<>();
        collect(root.get("enabled"), out);
        if (includeDisabled) {
            collect(root.get("disabled"), out);
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

    private static void collect(JsonNode node, Map<String, String> out) {
        if (node == null || !node.isObject()) {
            return;
        }
        node.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v != null && (v.isTextual() || v.isNumber()) && !v.asText().isBlank()) {
                out.putIfAbsent(e.getKey(), v.asText().trim());
            }
        });
    }
}
