package dev.ncsdk.appapi.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ncsdk.appapi.app.ui.OccCommand;
import dev.ncsdk.appapi.manifest.AccessLevel;
import dev.ncsdk.appapi.manifest.ExAppRoute;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * The calls Nextcloud makes into the ExApp on behalf of a person: an admin running one of its occ commands, a user
 * picking one of its file actions in the Files app, a browser loading one of its pages through AppAPI's proxy. Each
 * is built from what the ExApp registered, in the shapes AppAPI sends.
 */
final class ServerCallbacks {
    private static final Pattern PARENT_SEGMENT = Pattern.compile("(?:^|/|%2[fF])(?:\\.|%2[eE]){2}(?:/|%2[fF]|$)");
    private static final String V1_FILE_ACTIONS = "/api/v1/ui/files-actions-menu";
    private static final String V2_FILE_ACTIONS = "/api/v2/ui/files-actions-menu";

    private final AppApiSimulator sim;
    private final Registrations registrations;
    private final SimulatedFiles files;
    private final String instanceId = "oc" + AppApiSimulator.random(10).toLowerCase(Locale.ROOT);
    private volatile List<ExAppRoute> routes;

    ServerCallbacks(AppApiSimulator sim, Registrations registrations, SimulatedFiles files) {
        this.sim = sim;
        this.registrations = registrations;
        this.files = files;
    }

    void routes(List<ExAppRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    // ------------------------------------------------------------------------------------------------------- occ

    OccResult occ(List<String> argv, Consumer<String> onLine) {
        Objects.requireNonNull(onLine, "onLine");
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("name the command: occ(\"my_app:command\", args...)");
        }
        String name = argv.get(0);
        Optional<OccCommand> found = sim.isEnabled()
                ? registrations.entries("/api/v1/occ_command").stream()
                        .filter(e -> name.equals(Params.phpString(e.get("name"))))
                        .map(OccCommand::fromJson)
                        .findFirst()
                : Optional.empty(); // AppAPI lists the commands of enabled ExApps only
        if (found.isEmpty()) {
            return new OccResult(name, 1, 0, "Command \"" + name + "\" is not defined.\n", "");
        }
        OccCommand command = found.get();
        ObjectNode body;
        try {
            body = OccCommandLine.body(command, argv.subList(1, argv.size()));
        } catch (OccCommandLine.UsageException e) {
            return new OccResult(name, 1, 0, e.getMessage() + "\n", "");
        }
        String request = new String(Ocs.write(body), StandardCharsets.UTF_8);
        List<Map.Entry<String, String>> headers = sim.systemHeaders(true);
        headers.removeIf(h -> h.getKey().equalsIgnoreCase("Accept-Encoding"));
        headers.add(Map.entry("Content-Type", "application/json"));
        Lines lines = new Lines(onLine);
        ExAppResponse r;
        try {
            r = sim.exchangeStreaming(
                    "POST", "/" + command.executeHandler(), headers, Ocs.write(body), sim.callTimeout(), lines::add);
        } catch (ExAppCheckFailure e) {
            String out = "[" + name + "] command executeHandler failed. Error: " + e.getMessage() + "\n";
            return new OccResult(name, 1, 0, out, request);
        }
        if (r.status() != 200) {
            return new OccResult(name, 1, r.status(), "[" + name + "] command executeHandler failed\n", request);
        }
        lines.end();
        return new OccResult(name, 0, 200, lines.text(), request);
    }

    /** Splits the streamed bytes into lines as they arrive (a line end is never inside a UTF-8 sequence). */
    private static final class Lines {
        private final Consumer<String> onLine;
        private final ByteArrayOutputStream all = new ByteArrayOutputStream();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Lines(Consumer<String> onLine) {
            this.onLine = onLine;
        }

        void add(byte[] chunk) {
            all.writeBytes(chunk);
            for (byte b : chunk) {
                if (b == '\n') {
                    onLine.accept(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        }

        void end() {
            if (line.size() > 0) {
                onLine.accept(line.toString(StandardCharsets.UTF_8));
                line.reset();
            }
        }

        String text() {
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    // ----------------------------------------------------------------------------------------------- file actions

    FileActionResult fileAction(String user, String actionName, boolean forceV1, List<String> paths) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(actionName, "actionName");
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("pick at least one file");
        }
        ObjectNode action = null;
        boolean v2 = false;
        for (String route : List.of(V2_FILE_ACTIONS, V1_FILE_ACTIONS)) {
            for (ObjectNode e : registrations.entries(route)) {
                if (action == null && actionName.equals(Params.phpString(e.get("name")))) {
                    action = e;
                    v2 = route.equals(V2_FILE_ACTIONS);
                }
            }
        }
        if (action == null) {
            throw new ExAppCheckFailure(
                    "file action", "the ExApp registered no file action named '" + actionName + "'", null, null);
        }
        v2 &= !forceV1;
        List<ObjectNode> nodes = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (String p : paths) {
            SimulatedFile f = files.get(user, p)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "no file " + p + " of " + user + ": put it first with putFile(user, path, bytes)"));
            nodes.add(node(f, user));
            ids.add(f.fileId());
        }
        String handler = Params.phpString(action.get("actionHandler"));
        String proxyPath = handler.startsWith("/") ? handler.substring(1) : handler;
        List<ExAppResponse> answers = new ArrayList<>();
        Optional<String> redirect = Optional.empty();
        if (v2) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            ArrayNode list = body.putArray("files");
            nodes.forEach(list::add);
            ExAppResponse r = proxy(user, "POST", proxyPath, Ocs.write(body), "application/json");
            answers.add(r);
            if (r.status() / 100 == 2) {
                try {
                    JsonNode j = r.json();
                    if (j.isObject() && j.has("redirect_handler")) {
                        redirect = Optional.of("/index.php/apps/app_api/embedded/" + sim.appId() + "/"
                                + j.get("redirect_handler").asText() + "?fileIds="
                                + ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
                    }
                } catch (RuntimeException notJson) {
                    // the browser looks for redirect_handler in a JSON object only
                }
            }
        } else {
            for (ObjectNode n : nodes) {
                answers.add(proxy(user, "POST", proxyPath, Ocs.write(n), "application/json"));
            }
        }
        return new FileActionResult(answers, redirect);
    }

    /** A node as the Files app plugin describes it (AppAPI {@code src/filesplugin.js}, {@code buildNodeInfo}). */
    private ObjectNode node(SimulatedFile f, String user) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("fileId", f.fileId());
        n.put("name", f.name());
        n.put("directory", f.directory());
        n.put("etag", f.etag());
        n.put("mime", f.mime());
        n.put("favorite", "false");
        n.put("permissions", 27); // read, update, delete, share: the owner's own file
        n.put("fileType", "file");
        n.put("size", f.size());
        n.put("mtime", f.modified().toEpochMilli() / 1000.0); // JavaScript's getTime() / 1000: may have a fraction
        n.putNull("shareTypes");
        n.putNull("shareAttributes");
        n.putNull("sharePermissions");
        n.putNull("shareOwner");
        n.putNull("shareOwnerId");
        n.put("userId", user);
        n.put("instanceId", instanceId);
        return n;
    }

    // ------------------------------------------------------------------------------------------- proxy and pages

    ExAppResponse proxy(String user, String method, String other, byte[] body, String contentType) {
        Objects.requireNonNull(other, "path");
        String o = other.startsWith("/") ? other.substring(1) : other;
        String path = o.contains("?") ? o.substring(0, o.indexOf('?')) : o;
        if (PARENT_SEGMENT.matcher(path).find() || !sim.isEnabled()) {
            return notFound();
        }
        List<ExAppRoute> known = routes;
        if (known != null) {
            ExAppRoute route = route(known, path, method);
            if (route == null || !allowed(route.accessLevel(), user)) {
                return notFound();
            }
        }
        String signedAs = user == null ? "" : user;
        ExAppRequests requests = signedAs.isEmpty() ? sim.system() : sim.asUser(signedAs);
        return requests.send(method.toUpperCase(Locale.ROOT), "/" + o, body, contentType);
    }

    private static ExAppRoute route(List<ExAppRoute> routes, String path, String method) {
        for (ExAppRoute r : routes) {
            Pattern p;
            try {
                p = Pattern.compile("^(?:" + r.url() + ")", Pattern.CASE_INSENSITIVE);
            } catch (PatternSyntaxException e) {
                continue;
            }
            boolean matched = p.matcher("/" + path).find() || p.matcher(path).find();
            boolean verb =
                    String.join(",", r.verbs()).toLowerCase(Locale.ROOT).contains(method.toLowerCase(Locale.ROOT));
            if (matched && verb) {
                return r; // the first match by path and verb decides (AppAPI ExAppProxyController)
            }
        }
        return null;
    }

    private boolean allowed(AccessLevel level, String user) {
        boolean loggedIn = user != null && !user.isEmpty();
        return switch (level) {
            case PUBLIC -> true;
            case USER -> loggedIn;
            case ADMIN -> loggedIn && user.equals(sim.adminUser());
            default -> false;
        };
    }

    private static ExAppResponse notFound() {
        return new ExAppResponse(404, Map.of("content-type", List.of("text/html; charset=utf-8")), new byte[0]);
    }

    EmbeddedPage topMenuPage(String user, String name) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(name, "name");
        if (!sim.isEnabled()) {
            throw new ExAppCheckFailure("top menu", "the ExApp is disabled: its pages answer 404", null, null);
        }
        ObjectNode entry = registrations.entries("/api/v1/ui/top-menu").stream()
                .filter(e -> name.equals(Params.phpString(e.get("name"))))
                .findFirst()
                .orElseThrow(() -> new ExAppCheckFailure(
                        "top menu", "the ExApp registered no top-menu entry named '" + name + "'", null, null));
        Integer admin = Params.integer(entry.get("admin_required"));
        if (admin != null && admin != 0 && !user.equals(sim.adminUser())) {
            throw new ExAppCheckFailure(
                    "top menu",
                    "the entry '" + name + "' is for admins only and " + user + " is no admin: Nextcloud answers 404",
                    null,
                    null);
        }
        Map<String, JsonNode> state = new LinkedHashMap<>();
        for (ObjectNode s : registrations.entries("/api/v1/ui/initial-state")) {
            if (onPage(s, name)) {
                state.put(Params.phpString(s.get("key")), s.path("value"));
            }
        }
        Map<String, ExAppResponse> scripts = new LinkedHashMap<>();
        for (ObjectNode s : registrations.entries("/api/v1/ui/script")) {
            if (onPage(s, name)) {
                String path = Params.phpString(s.get("path")) + ".js"; // AppAPI appends the extension
                scripts.put(path, proxy(user, "GET", path, new byte[0], null));
            }
        }
        Map<String, ExAppResponse> styles = new LinkedHashMap<>();
        for (ObjectNode s : registrations.entries("/api/v1/ui/style")) {
            if (onPage(s, name)) {
                String path = Params.phpString(s.get("path"));
                path = path.endsWith(".css") ? path : path + ".css";
                styles.put(path, proxy(user, "GET", path, new byte[0], null));
            }
        }
        String icon = Params.phpString(entry.get("icon"));
        ExAppResponse iconAnswer = icon.isEmpty() ? null : proxy(user, "GET", icon, new byte[0], null);
        return new EmbeddedPage(entry, state, scripts, styles, iconAnswer);
    }

    private static boolean onPage(ObjectNode registration, String name) {
        return "top_menu".equals(Params.phpString(registration.get("type")))
                && name.equals(Params.phpString(registration.get("name")));
    }
}
