package dev.ncsdk.ocs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ncsdk.ocs.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The answer of {@code /cloud/capabilities}: the server's version and each app's capabilities. The per-app part
 * is free-form and varies between servers, so it is kept as a tree ({@link #raw()}), with typed helpers for
 * {@link #core()} and {@link #appApi()}.
 *
 * @param version the server version as capabilities report it
 * @param raw the {@code capabilities} object, keyed by app id
 * @since 0.1.0
 */
public record Capabilities(
        ServerVersion version, @JsonProperty("capabilities") JsonNode raw) {

    /**
     * Creates the capabilities; a missing tree becomes an empty object.
     *
     * @param version the server version
     * @param raw the capabilities tree
     */
    public Capabilities {
        if (raw == null || !raw.isObject()) {
            raw = JsonNodeFactory.instance.objectNode();
        }
    }

    /**
     * Reads the data of a capabilities answer. The per-app tree is kept as it is (not copied); only the version
     * block is mapped.
     *
     * @param data the {@code data} of the envelope, from JSON or XML
     * @return the capabilities
     * @throws IllegalArgumentException when the version block does not fit {@link ServerVersion}
     */
    public static Capabilities of(JsonNode data) {
        JsonNode v = data.get("version");
        ServerVersion version = null;
        if (v != null && v.isObject()) {
            try {
                version = Json.mapper().treeToValue(v, ServerVersion.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("the version block does not fit: " + e.getOriginalMessage(), e);
            }
        } else if (v != null && !(v.isTextual() && v.asText().isEmpty())) {
            throw new IllegalArgumentException("the version block is not an object");
        }
        return new Capabilities(version, data.get("capabilities"));
    }

    /**
     * The server version as a comparable four-part version ({@code 32.0.1}).
     *
     * @return the version
     * @throws IllegalStateException when the server sent no version
     */
    public NextcloudVersion nextcloudVersion() {
        if (version == null) {
            throw new IllegalStateException("the capabilities carry no version");
        }
        return version.nextcloudVersion();
    }

    /**
     * One app's capabilities.
     *
     * @param app the app id, such as {@code files_sharing}
     * @return its tree, or empty when the app reports none
     */
    public Optional<JsonNode> capability(String app) {
        JsonNode n = raw.get(app);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n);
    }

    /**
     * The ids of the apps that report capabilities.
     *
     * @return the ids in the server's order
     */
    public List<String> apps() {
        List<String> out = new ArrayList<>();
        raw.fieldNames().forEachRemaining(out::add);
        return List.copyOf(out);
    }

    /**
     * The {@code core} capabilities.
     *
     * @return them, all fields {@code null} when absent
     */
    public Core core() {
        return capability("core")
                .filter(JsonNode::isObject)
                .map(n -> read(n, Core.class))
                .orElseGet(() -> new Core(null, null, null, null, null));
    }

    /**
     * AppAPI's capabilities, when AppAPI is installed and enabled.
     *
     * @return {@code version} and {@code loglevel}, or empty
     */
    public Optional<AppApi> appApi() {
        return capability("app_api").filter(JsonNode::isObject).map(n -> read(n, AppApi.class));
    }

    private static <T> T read(JsonNode n, Class<T> type) {
        try {
            return Json.mapper().treeToValue(n, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "capability does not fit " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The version block of the capabilities.
     *
     * @param major the major version
     * @param minor the minor version
     * @param micro the micro version
     * @param string the version text, such as {@code 32.0.1}
     * @param edition the edition, usually empty
     * @param extendedSupport whether the server has extended support
     * @since 0.1.0
     */
    public record ServerVersion(
            int major, int minor, int micro, String string, String edition, boolean extendedSupport) {

        /**
         * As a comparable version: the text when it parses, the three numbers otherwise.
         *
         * @return the version
         */
        public NextcloudVersion nextcloudVersion() {
            if (string != null) {
                try {
                    return NextcloudVersion.parse(string);
                } catch (IllegalArgumentException ignored) {
                    // fall back to the numbers ("32.0.1 RC1" and the like)
                }
            }
            return NextcloudVersion.of(major, minor, micro);
        }
    }

    /**
     * The {@code core} capabilities.
     *
     * @param pollInterval {@code pollinterval}: how often clients should poll, in seconds
     * @param webdavRoot {@code webdav-root}
     * @param referenceApi {@code reference-api}
     * @param referenceRegex {@code reference-regex}
     * @param modRewriteWorking {@code mod-rewrite-working}: whether URLs work without {@code index.php}
     * @since 0.1.0
     */
    public record Core(
            @JsonProperty("pollinterval") Integer pollInterval,
            @JsonProperty("webdav-root") String webdavRoot,
            @JsonProperty("reference-api") Boolean referenceApi,
            @JsonProperty("reference-regex") String referenceRegex,
            @JsonProperty("mod-rewrite-working") Boolean modRewriteWorking) {}

    /**
     * AppAPI's entry in the capabilities, as the server sends it. {@code appapi-client}'s
     * {@code dev.ncsdk.appapi.AppApiCapabilities} reads the same entry with the features each AppAPI version
     * supports.
     *
     * @param version AppAPI's version, such as {@code 32.0.0}
     * @param logLevel the log level AppAPI passes to ExApps (0 debug … 4 fatal)
     * @since 0.1.0
     */
    public record AppApi(
            String version, @JsonProperty("loglevel") Integer logLevel) {}
}
