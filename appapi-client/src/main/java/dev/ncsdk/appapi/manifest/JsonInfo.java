package dev.ncsdk.appapi.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ncsdk.appapi.internal.Json;
import dev.ncsdk.ocs.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code --json-info} document of {@code occ app_api:app:register <appid> <daemon> --json-info '...'}: how a
 * developer registers an ExApp they started by hand on a manual-install daemon. Unlike an image-based install,
 * the developer chooses the secret and port, and must start the ExApp with the same {@code APP_SECRET} and
 * {@code APP_PORT}.
 *
 * <p>{@link #toString()} never shows the secret; {@link #toJson()} does, because AppAPI needs it.
 *
 * @param manifest the ExApp's id, name, version and routes
 * @param secret the shared secret ({@code APP_SECRET})
 * @param port the port the ExApp listens on ({@code APP_PORT})
 * @param daemonConfigName the manual-install daemon, or {@code null} for AppAPI's default daemon
 * @since 0.1.0
 */
public record JsonInfo(ExAppManifest manifest, Secret secret, int port, String daemonConfigName) {
    /**
     * Checks that the parts are present.
     *
     * @param manifest the manifest
     * @param secret the secret
     * @param port the port
     * @param daemonConfigName the daemon
     */
    public JsonInfo {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(secret, "secret");
        daemonConfigName = daemonConfigName == null || daemonConfigName.isBlank() ? null : daemonConfigName;
    }

    /**
     * Everything AppAPI would refuse or that would break the ExApp's authentication.
     *
     * @return the problems, empty when none
     */
    public List<String> problems() {
        List<String> p = new ArrayList<>(manifest.problems());
        if (secret.isEmpty()) {
            p.add("secret is required (the ExApp must be started with the same APP_SECRET)");
        } else if (secret.reveal().chars().anyMatch(c -> c <= ' ' || c > '~')) {
            p.add("secret must be printable ASCII without spaces (it travels in an HTTP header)");
        }
        if (port < 1 || port > 65535) {
            p.add("port must be 1-65535, got " + port);
        }
        if (manifest.routes().isEmpty()) {
            p.add("routes are required: without them no user request reaches the ExApp (AppAPI 3.0+)");
        }
        return List.copyOf(p);
    }

    /**
     * Throws when there are {@link #problems()}.
     *
     * @return this document
     * @throws ManifestException listing every problem
     */
    public JsonInfo validate() {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new ManifestException("--json-info for '" + manifest.id() + "'", p);
        }
        return this;
    }

    /**
     * The JSON document, with the secret in clear: pass it to {@code occ}, never log it. Routes carry numeric
     * access levels; the image and environment variables are written at the root (AppAPI 35 reads them there;
     * AppAPI 32-34 ignores them, which is fine for manual-install).
     *
     * @return the compact JSON text
     */
    public String toJson() {
        ObjectNode o = Json.object();
        o.put("id", manifest.id());
        o.put("name", manifest.name());
        if (daemonConfigName != null) {
            o.put("daemon_config_name", daemonConfigName);
        }
        o.put("version", manifest.version());
        o.put("secret", secret.reveal());
        o.put("port", port);
        ArrayNode routes = o.putArray("routes");
        for (ExAppRoute r : manifest.routes()) {
            ObjectNode j = routes.addObject();
            j.put("url", r.url());
            j.put("verb", r.verbList());
            j.put("access_level", r.accessLevel().code());
            ArrayNode h = j.putArray("headers_to_exclude");
            r.headersToExclude().forEach(h::add);
            if (!r.bruteforceProtection().isEmpty()) {
                ArrayNode b = j.putArray("bruteforce_protection");
                r.bruteforceProtection().forEach(b::add);
            }
        }
        DockerImage d = manifest.docker();
        if (d != null) {
            ObjectNode di = o.putObject("docker-install");
            di.put("registry", d.registry());
            di.put("image", d.image());
            di.put("image-tag", d.tag());
        }
        if (!manifest.environmentVariables().isEmpty()) {
            ArrayNode vars = o.putObject("environment-variables").putArray("variable");
            for (EnvironmentVariable v : manifest.environmentVariables()) {
                ObjectNode j = vars.addObject();
                j.put("name", v.name());
                j.put("display-name", v.displayName());
                j.put("description", v.description());
                j.put("default", v.defaultValue());
            }
        }
        return Json.text(o, false);
    }

    /**
     * Reads a {@code --json-info} document as AppAPI does: routes, {@code docker-install} and environment
     * variables at the root or under {@code external-app}, access levels as numbers or names, the verb as a
     * comma list.
     *
     * @param json the document
     * @return the document, not validated
     * @throws ManifestException when it is not a JSON object or a route is unreadable
     */
    public static JsonInfo parse(String json) {
        JsonNode n;
        try {
            n = Json.parse(Objects.requireNonNull(json, "json"));
        } catch (IllegalArgumentException e) {
            throw new ManifestException("--json-info", List.of(e.getMessage()));
        }
        if (!n.isObject()) {
            throw new ManifestException("--json-info", List.of("the document must be a JSON object"));
        }
        JsonNode ext = Json.obj(n, "external-app");
        List<String> problems = new ArrayList<>();
        List<ExAppRoute> routes = new ArrayList<>();
        List<JsonNode> rawRoutes = n.has("routes") ? Json.list(n, "routes") : Json.list(ext, "routes");
        for (JsonNode r : rawRoutes) {
            try {
                routes.add(new ExAppRoute(
                        Json.str(r, "url"),
                        ExAppRoute.splitVerbs(Json.str(r, "verb")),
                        AccessLevel.parse(Json.str(r, "access_level")),
                        strings(r.get("headers_to_exclude")),
                        ints(r.get("bruteforce_protection"), problems)));
            } catch (IllegalArgumentException e) {
                problems.add("route '" + Json.strOrEmpty(r, "url") + "': " + e.getMessage());
            }
        }
        JsonNode d = n.has("docker-install") ? Json.obj(n, "docker-install") : Json.obj(ext, "docker-install");
        DockerImage docker = d == null
                ? null
                : new DockerImage(Json.str(d, "registry"), Json.str(d, "image"), Json.str(d, "image-tag"));
        List<EnvironmentVariable> env = new ArrayList<>();
        JsonNode e = n.has("environment-variables")
                ? n.get("environment-variables")
                : ext == null ? null : ext.get("environment-variables");
        if (e != null) {
            JsonNode vars = e.has("variable") ? e.get("variable") : e;
            if (vars.isObject() && vars.has("name")) {
                vars = Json.MAPPER.createArrayNode().add(vars);
            }
            for (JsonNode v : vars) {
                String name = Json.str(v, "name");
                if (name == null) {
                    problems.add("environment variable without a name");
                } else {
                    String display = Json.str(v, "display-name");
                    env.add(new EnvironmentVariable(
                            name,
                            display != null ? display : Json.str(v, "displayName"),
                            Json.str(v, "description"),
                            Json.str(v, "default")));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ManifestException("--json-info", problems);
        }
        ExAppManifest m =
                new ExAppManifest(Json.str(n, "id"), Json.str(n, "name"), Json.str(n, "version"), docker, routes, env);
        String secret = Json.str(n, "secret");
        return new JsonInfo(
                m,
                Secret.of(secret == null ? "" : secret),
                Json.integer(n, "port", 0),
                Json.str(n, "daemon_config_name"));
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    private static List<Integer> ints(JsonNode n, List<String> problems) {
        List<Integer> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            for (JsonNode x : n) {
                if (x.canConvertToInt() || x.isTextual() && x.asText().matches("\\d{1,3}")) {
                    out.add(x.asInt());
                } else {
                    problems.add("bruteforce_protection must list HTTP statuses, got " + x);
                }
            }
        }
        return out;
    }
}
