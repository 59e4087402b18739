package dev.ncsdk.appapi.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What an ExApp registers with AppAPI (top menu, file actions, scripts, styles, settings forms, occ commands,
 * task-processing providers, setup checks): kept by route and name so that register, get and delete answer
 * as AppAPI does. The top menu answers in the captured shapes (captures 105-108); the others answer {@code []} on
 * register and delete, and the registered parameters on get.
 */
final class Registrations {
    private final String appId;
    private final Map<String, Map<String, ObjectNode>> byRoute = new LinkedHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    Registrations(String appId) {
        this.appId = appId;
    }

    synchronized Ocs.Answer handle(String method, String route, ObjectNode p, int v, boolean json) {
        Map<String, ObjectNode> entries = byRoute.computeIfAbsent(route, r -> new LinkedHashMap<>());
        String name = nameOf(route, p);
        boolean topMenu = route.equals("/api/v1/ui/top-menu");
        String missing = topMenu ? "No such Top Menu entry" : "Not found";
        switch (method) {
            case "POST" -> {
                ObjectNode stored;
                if (topMenu) {
                    ObjectNode old = entries.get(name);
                    stored = JsonNodeFactory.instance.objectNode();
                    stored.put("id", old != null ? old.get("id").asInt() : ids.incrementAndGet());
                    stored.put("appid", appId);
                    stored.put("name", Params.phpString(p.get("name")));
                    stored.put("display_name", Params.phpString(p.get("displayName")));
                    stored.put("icon", Params.phpString(p.get("icon")));
                    Integer admin = Params.integer(p.get("adminRequired"));
                    stored.put("admin_required", admin == null ? 0 : admin);
                } else {
                    stored = p.deepCopy();
                    stored.remove("format");
                }
                entries.put(name, stored);
                return Ocs.ok(v, json, Ocs.emptyData());
            }
            case "GET" -> {
                ObjectNode stored = entries.get(name);
                return stored == null ? Ocs.failure(v, json, 404, missing) : Ocs.ok(v, json, stored);
            }
            case "DELETE" -> {
                return entries.remove(name) == null
                        ? Ocs.failure(v, json, 404, missing)
                        : Ocs.ok(v, json, Ocs.emptyData());
            }
            default -> {
                return Ocs.failure(v, json, 998, "Invalid query");
            }
        }
    }

    /** Copies of the entries registered on a route, in registration order (for the simulator's own use). */
    synchronized List<ObjectNode> entries(String route) {
        Map<String, ObjectNode> entries = byRoute.get(route);
        List<ObjectNode> out = new ArrayList<>();
        if (entries != null) {
            entries.values().forEach(e -> out.add(e.deepCopy()));
        }
        return out;
    }

    /** The key AppAPI looks an entry up by, from the register body or the get/delete query. */
    private static String nameOf(String route, ObjectNode p) {
        switch (route) {
            case "/api/v1/ui/settings" -> {
                JsonNode scheme = p.get("formScheme");
                return scheme != null ? Params.phpString(scheme.get("id")) : Params.phpString(p.get("formId"));
            }
            case "/api/v1/ai_provider/task_processing" -> {
                JsonNode provider = p.get("provider");
                return provider != null ? Params.phpString(provider.get("id")) : Params.phpString(p.get("name"));
            }
            case "/api/v1/setup_check" -> {
                return "";
            }
            case "/api/v1/ui/initial-state" -> {
                // one entry per page and key, as AppAPI's table (initial state is read per key)
                return Params.phpString(p.get("type")) + "/" + Params.phpString(p.get("name")) + "/"
                        + Params.phpString(p.get("key"));
            }
            case "/api/v1/ui/script", "/api/v1/ui/style" -> {
                // a page loads several scripts and styles: one entry per path
                return Params.phpString(p.get("type")) + "/" + Params.phpString(p.get("name")) + "/"
                        + Params.phpString(p.get("path"));
            }
            default -> {
                String type = Params.phpString(p.get("type"));
                String name = Params.phpString(p.get("name"));
                return type.isEmpty() ? name : type + "/" + name;
            }
        }
    }
}
