package dev.ncsdk.appapi.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app config and user preferences AppAPI keeps for the ExApp, in memory, answering in the shapes of captures
 * 96-104 (AppAPI {@code AppConfigController}, {@code PreferencesController}).
 */
final class Stores {
    final Store appConfig;
    private final Map<String, Store> preferences = new ConcurrentHashMap<>();
    private final AtomicInteger preferenceIds = new AtomicInteger();
    private final String appId;

    Stores(String appId) {
        this.appId = appId;
        this.appConfig = new Store(new AtomicInteger());
    }

    Store preferences(String user) {
        return preferences.computeIfAbsent(user, u -> new Store(preferenceIds));
    }

    /** {@code POST ""} set, {@code POST /get-values}, {@code DELETE ""}; {@code user == null} for app config. */
    Ocs.Answer config(String method, String sub, ObjectNode p, int v, boolean json, String user) {
        Store store = user == null ? appConfig : preferences(user);
        if (method.equals("POST") && sub.isEmpty()) {
            String key = Params.phpString(p.get("configKey"));
            if (key.isEmpty()) {
                return Ocs.failure(v, json, 400, "Config key cannot be empty");
            }
            JsonNode s = p.get("sensitive");
            Integer sensitive = s == null || s.isNull() ? null : Params.integer(s);
            Entry e = store.set(key, Params.phpString(p.get("configValue")), sensitive);
            ObjectNode d = JsonNodeFactory.instance.objectNode();
            d.put("id", e.id());
            if (user != null) {
                d.put("user_id", user);
            }
            d.put("appid", appId);
            d.put("configkey", key);
            d.put("configvalue", e.value());
            d.put("sensitive", e.sensitive());
            return Ocs.ok(v, json, d);
        }
        if (method.equals("POST") && sub.equals("/get-values")) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            store.get(keys(p)).forEach((k, val) -> {
                ObjectNode o = out.addObject();
                o.put("configkey", k);
                o.put("configvalue", val);
            });
            return Ocs.ok(v, json, out);
        }
        if (method.equals("DELETE") && sub.isEmpty()) {
            int n = store.delete(keys(p));
            if (n == 0) {
                return Ocs.failure(
                        v,
                        json,
                        404,
                        user == null ? "No appconfig_ex values deleted" : "No preferences_ex values deleted");
            }
            return Ocs.ok(v, json, JsonNodeFactory.instance.numberNode(n));
        }
        return Ocs.failure(
                v,
                json,
                998,
                "Invalid query, please check the syntax. API specifications are here: "
                        + "http://www.freedesktop.org/wiki/Specifications/open-collaboration-services.\n");
    }

    private static List<String> keys(ObjectNode p) {
        JsonNode k = p.get("configKeys");
        List<String> out = new ArrayList<>();
        if (k == null || k.isNull()) {
            return out;
        }
        if (k.isArray()) {
            k.forEach(x -> out.add(Params.phpString(x)));
        } else {
            out.add(Params.phpString(k));
        }
        return out;
    }

    /** One stored value. */
    record Entry(int id, String value, int sensitive) {}

    /** Key to entry, sorted by key. */
    static final class Store {
        private final TreeMap<String, Entry> entries = new TreeMap<>();
        private final AtomicInteger ids;

        Store(AtomicInteger ids) {
            this.ids = ids;
        }

        synchronized Entry set(String key, String value, Integer sensitive) {
            Entry old = entries.get(key);
            Entry e = new Entry(
                    old == null ? ids.incrementAndGet() : old.id(),
                    value,
                    sensitive != null ? (sensitive != 0 ? 1 : 0) : old == null ? 0 : old.sensitive());
            entries.put(key, e);
            return e;
        }

        synchronized Map<String, String> get(List<String> keys) {
            Map<String, String> out = new LinkedHashMap<>();
            entries.forEach((k, e) -> {
                if (keys.contains(k)) {
                    out.put(k, e.value());
                }
            });
            return out;
        }

        synchronized int delete(List<String> keys) {
            int n = 0;
            for (String k : keys) {
                if (entries.remove(k) != null) {
                    n++;
                }
            }
            return n;
        }

        synchronized Map<String, String> values() {
            Map<String, String> out = new TreeMap<>();
            entries.forEach((k, e) -> out.put(k, e.value()));
            return Collections.unmodifiableMap(out);
        }
    }
}
