package dev.ncsdk.appapi.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulator's {@code webhook_listeners} app: it keeps the listeners the ExApp registers ({@code
 * /ocs/v2.php/apps/webhook_listeners/api/v1/webhooks}: create, list, get, update, delete, delete by app id), answers
 * in the server's shapes ({@code WebhookListener::jsonSerialize}), and delivers events to the ExApp as the server's
 * {@code WebhookCall} job does through AppAPI. Get it with {@link AppApiSimulator#webhooks()}.
 *
 * <pre>{@code
 * ObjectNode node = ...;  // {"node": {"id": 42, "path": "/alice/files/a.txt"}}
 * List<WebhookSimulation.Delivery> d =
 *         nc.webhooks().deliver("OCP\\Files\\Events\\Node\\NodeCreatedEvent", node, "alice");
 * assertEquals(200, d.get(0).response().status());
 * }</pre>
 *
 * <p>Not simulated: the event filter is checked only for plain values at dotted paths ({@code {"event.node.id":
 * 42}}), not for MongoDB operators ({@code $regex}...), which the simulator ignores; listeners with an absolute URL
 * are kept but not called. Thread-safe.
 *
 * @since 0.1.0
 */
public final class WebhookSimulation {
    private static final String BASE = "/apps/webhook_listeners/api/v1/webhooks";
    private static final Pattern ID = Pattern.compile("^/(\\d+)$");

    private final AppApiSimulator sim;
    private final Map<Long, ObjectNode> listeners = new LinkedHashMap<>();
    private final Map<Long, JsonNode> authData = new LinkedHashMap<>();
    private long nextId;

    WebhookSimulation(AppApiSimulator sim) {
        this.sim = sim;
    }

    /**
     * One call made to the ExApp.
     *
     * @param listenerId the listener's id
     * @param method the HTTP method
     * @param uri the ExApp route
     * @param body the JSON sent
     * @param response the ExApp's answer
     */
    public record Delivery(long listenerId, String method, String uri, String body, ExAppResponse response) {}

    /**
     * The listeners as the server would list them.
     *
     * @return copies of the stored objects
     */
    public synchronized List<JsonNode> listeners() {
        List<JsonNode> out = new ArrayList<>();
        listeners.values().forEach(l -> out.add(l.deepCopy()));
        return out;
    }

    /**
     * Fires an event: every listener of its class whose user filter and event filter match is called, when it
     * belongs to this ExApp and its uri starts with {@code /}, with the server's body {@code {"event": {...,
     * "class"}, "user": {"uid", "displayName"} | null, "time"}}, the listener's headers and auth headers, and
     * AppAPI's headers as the user who registered it (the system context for the ExApp).
     *
     * @param eventClass the event class, such as {@code OCP\Files\Events\Node\NodeCreatedEvent}
     * @param eventFields the event's fields (without {@code class})
     * @param userId the user who caused it, or {@code null}
     * @return the calls made, in listener order
     */
    public List<Delivery> deliver(String eventClass, JsonNode eventFields, String userId) {
        Objects.requireNonNull(eventClass, "eventClass");
        String cls = eventClass.startsWith("\\") ? eventClass.substring(1) : eventClass;
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ObjectNode event = data.putObject("event");
        if (eventFields != null && eventFields.isObject()) {
            event.setAll((ObjectNode) eventFields.deepCopy());
        }
        event.put("class", cls);
        if (userId == null) {
            data.putNull("user");
        } else {
            ObjectNode u = data.putObject("user");
            u.put("uid", userId);
            u.put("displayName", userId);
        }
        data.put("time", Instant.now().getEpochSecond());
        List<ObjectNode> matching = new ArrayList<>();
        synchronized (this) {
            for (ObjectNode l : listeners.values()) {
                String filterUser = l.path("userIdFilter").asText("");
                if (l.path("event").asText().equals(cls)
                        && (filterUser.isEmpty() || filterUser.equals(userId))
                        && filterMatches(l.get("eventFilter"), data)) {
                    matching.add(l.deepCopy());
                }
            }
        }
        byte[] body = Ocs.write(data);
        List<Delivery> out = new ArrayList<>();
        for (ObjectNode l : matching) {
            String uri = l.path("uri").asText("");
            if (!sim.appId().equals(l.path("appId").asText("")) || !uri.startsWith("/")) {
                continue; // another app's, or an outside URL: the simulator does not call out
            }
            String user = l.path("userId").isNull() ? "" : l.path("userId").asText("");
            List<Map.Entry<String, String>> h = sim.appApiHeaders(user, "CLI", null);
            l.path("headers")
                    .properties()
                    .forEach(e -> h.add(Map.entry(e.getKey(), e.getValue().asText())));
            JsonNode auth;
            synchronized (this) {
                auth = authData.get(l.path("id").asLong());
            }
            if (auth != null && "header".equals(l.path("authMethod").asText())) {
                auth.properties()
                        .forEach(e -> h.add(Map.entry(e.getKey(), e.getValue().asText())));
            }
            String method = l.path("httpMethod").asText("POST");
            ExAppResponse r = sim.exchange("webhook", method, uri, h, body, sim.callTimeout());
            out.add(new Delivery(l.path("id").asLong(), method, uri, new String(body, StandardCharsets.UTF_8), r));
        }
        return out;
    }

    private static boolean filterMatches(JsonNode filter, JsonNode data) {
        if (filter == null || !filter.isObject() || filter.isEmpty()) {
            return true;
        }
        for (Map.Entry<String, JsonNode> e : filter.properties()) {
            JsonNode want = e.getValue();
            if (want.isContainerNode()) {
                continue; // an operator: not simulated
            }
            JsonNode got = data;
            for (String part : e.getKey().split("\\.")) {
                got = got.path(part);
            }
            if (!got.asText().equals(want.asText())) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------------------- server routes

    /** Answers the webhook_listeners routes; {@code null} for other paths. */
    synchronized Ocs.Answer handle(AppApiSimulator.Call c, String rel, int v, boolean json, String user) {
        if (!rel.equals(BASE) && !rel.startsWith(BASE + "/")) {
            return null;
        }
        if (user == null) {
            return Ocs.failure(v, json, 997, Ocs.NOT_LOGGED_IN);
        }
        if (!user.isEmpty() && !user.equals(sim.adminUser())) {
            return Ocs.failure(v, json, 403, "Logged in account must be an admin");
        }
        String rest = rel.substring(BASE.length());
        String m = c.method();
        ObjectNode p = Params.of(c);
        if (rest.startsWith("/byappid/") && m.equals("DELETE")) {
            String app = java.net.URLDecoder.decode(rest.substring("/byappid/".length()), StandardCharsets.UTF_8);
            int n = 0;
            for (var it = listeners.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (app.equals(e.getValue().path("appId").asText(""))) {
                    it.remove();
                    authData.remove(e.getKey());
                    n++;
                }
            }
            return Ocs.ok(v, json, JsonNodeFactory.instance.numberNode(n));
        }
        if (rest.isEmpty() && m.equals("GET")) {
            String uri = p.path("uri").isMissingNode() ? null : p.path("uri").asText();
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            listeners.values().stream()
                    .filter(l -> uri == null || uri.equals(l.path("uri").asText()))
                    .forEach(l -> list.add(l.deepCopy()));
            return Ocs.ok(v, json, list);
        }
        if (rest.isEmpty() && m.equals("POST")) {
            return store(++nextId, p, v, json, user);
        }
        Matcher id = ID.matcher(rest);
        if (id.matches()) {
            long key = Long.parseLong(id.group(1));
            switch (m) {
                case "GET" -> {
                    ObjectNode l = listeners.get(key);
                    return l == null
                            ? Ocs.failure(v, json, 404, "Did expect one result but found none when executing: query")
                            : Ocs.ok(v, json, l.deepCopy());
                }
                case "POST" -> {
                    return store(key, p, v, json, user);
                }
                case "DELETE" -> {
                    authData.remove(key);
                    return Ocs.ok(v, json, JsonNodeFactory.instance.booleanNode(listeners.remove(key) != null));
                }
                default -> {
                    return Ocs.failure(v, json, 998, "Invalid query");
                }
            }
        }
        return Ocs.failure(v, json, 998, "Invalid query");
    }

    private Ocs.Answer store(long id, ObjectNode p, int v, boolean json, String user) {
        String method = Params.phpString(p.get("httpMethod"));
        String uri = Params.phpString(p.get("uri"));
        String event = Params.phpString(p.get("event"));
        while (event.startsWith("\\")) {
            event = event.substring(1);
        }
        if (method.isEmpty() || uri.isEmpty() || event.isEmpty()) {
            return Ocs.failure(v, json, 400, "Missing parameters");
        }
        if (!event.contains("\\Events\\") || !event.endsWith("Event")) {
            return Ocs.failure(v, json, 400, event + " is not an event class compatible with webhooks");
        }
        String auth =
                p.path("authMethod").isMissingNode() || p.path("authMethod").isNull()
                        ? "none"
                        : p.path("authMethod").asText();
        if (!auth.equals("none") && !auth.equals("header")) {
            return Ocs.failure(v, json, 400, "This auth method does not exist");
        }
        JsonNode data = p.get("authData");
        boolean hasAuth = data != null && data.isObject() && !data.isEmpty();
        if (auth.equals("header") && !hasAuth) {
            return Ocs.failure(v, json, 400, "Header auth method needs an associative array of headers as auth data");
        }
        ObjectNode l = JsonNodeFactory.instance.objectNode();
        l.put("id", id);
        l.put("appId", sim.appId()); // the session is AppAPI's: the server records EX-APP-ID
        if (user.isEmpty()) {
            l.putNull("userId");
        } else {
            l.put("userId", user);
        }
        l.put("httpMethod", method);
        l.put("uri", uri);
        l.put("event", event);
        JsonNode filter = p.get("eventFilter");
        l.set(
                "eventFilter",
                filter != null && filter.isObject() && !filter.isEmpty()
                        ? filter.deepCopy()
                        : JsonNodeFactory.instance.arrayNode()); // PHP's empty array
        l.put(
                "userIdFilter",
                p.path("userIdFilter").isNull() ? "" : p.path("userIdFilter").asText(""));
        JsonNode headers = p.get("headers");
        if (headers != null && headers.isObject()) {
            l.set("headers", headers.deepCopy());
        } else {
            l.putNull("headers");
        }
        l.put("authMethod", auth);
        if (hasAuth) {
            // the server stores ICrypto::encrypt(json): an opaque text, never the headers themselves
            l.put(
                    "authData",
                    Base64.getEncoder()
                            .encodeToString(AppApiSimulator.random(48).getBytes(StandardCharsets.US_ASCII)));
            authData.put(id, data.deepCopy());
        } else {
            l.putNull("authData");
            authData.remove(id);
        }
        listeners.put(id, l);
        return Ocs.ok(v, json, l.deepCopy());
    }

    @Override
    public synchronized String toString() {
        return "WebhookSimulation[" + listeners.size() + " listeners]";
    }
}
