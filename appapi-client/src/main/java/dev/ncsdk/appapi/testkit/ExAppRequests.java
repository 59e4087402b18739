package dev.ncsdk.appapi.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Requests to the ExApp as AppAPI's proxy sends them for a logged-in user: {@code EX-APP-ID},
 * {@code EX-APP-VERSION}, {@code AUTHORIZATION-APP-API = base64(user:secret)}, {@code AA-VERSION}, a fresh
 * {@code AA-REQUEST-ID}, {@code Accept-Language}, {@code x-origin-ip} (shapes of testdata/nextcloud-32
 * {@code exapp_inbound_requests.log}). Immutable: every {@code with…}/{@code header} call returns a new value.
 *
 * <pre>{@code
 * ExAppResponse r = nc.asUser("alice").get("/");
 * ExAppResponse created = nc.asUser("alice").header("Accept-Language", "de").post("/items", "{\"name\":\"x\"}");
 * ExAppResponse upload = nc.asUser("bob").send("PUT", "/files/a.bin", bytes, "application/octet-stream");
 * }</pre>
 *
 * <p>Every request has the simulator's timeout; a request that gets no answer, or cannot reach the ExApp, throws
 * {@link ExAppCheckFailure} (step {@code request}).
 *
 * @since 0.1.0
 */
public final class ExAppRequests {
    private final AppApiSimulator sim;
    private final String user;
    private final List<Map.Entry<String, String>> extra;
    private final List<String> removed;
    private final String appIdOverride;
    private final String authOverride;
    private final String requestId;

    ExAppRequests(AppApiSimulator sim, String user) {
        this(sim, user, List.of(), List.of(), null, null, null);
    }

    private ExAppRequests(
            AppApiSimulator sim,
            String user,
            List<Map.Entry<String, String>> extra,
            List<String> removed,
            String appIdOverride,
            String authOverride,
            String requestId) {
        this.sim = sim;
        this.user = user;
        this.extra = List.copyOf(extra);
        this.removed = List.copyOf(removed);
        this.appIdOverride = appIdOverride;
        this.authOverride = authOverride;
        this.requestId = requestId;
    }

    /**
     * The user the requests are signed for.
     *
     * @return the user id, {@code ""} for the system context
     */
    public String user() {
        return user;
    }

    /**
     * Adds a header (a browser header, or one that replaces a header the simulator sends by default, compared
     * without case).
     *
     * @param name the header name
     * @param value its value
     * @return a new request set with the header
     */
    public ExAppRequests header(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        List<Map.Entry<String, String>> e = new ArrayList<>(extra);
        e.add(Map.entry(name, value));
        List<String> r = new ArrayList<>(removed);
        r.remove(name.toLowerCase(Locale.ROOT));
        return new ExAppRequests(sim, user, e, r, appIdOverride, authOverride, requestId);
    }

    /**
     * Leaves out a header the simulator would send (e.g. {@code EX-APP-VERSION}).
     *
     * @param name the header name, any case
     * @return a new request set without it
     */
    public ExAppRequests withoutHeader(String name) {
        List<String> r = new ArrayList<>(removed);
        r.add(name.toLowerCase(Locale.ROOT));
        List<Map.Entry<String, String>> e = new ArrayList<>(extra);
        e.removeIf(h -> h.getKey().equalsIgnoreCase(name));
        return new ExAppRequests(sim, user, e, r, appIdOverride, authOverride, requestId);
    }

    /**
     * Sends this {@code AA-REQUEST-ID} instead of a fresh random one.
     *
     * @param id the request id
     * @return a new request set
     */
    public ExAppRequests requestId(String id) {
        return new ExAppRequests(sim, user, extra, removed, appIdOverride, authOverride, Objects.requireNonNull(id));
    }

    AppApiSimulator simulator() {
        return sim;
    }

    ExAppRequests withAppId(String appId) {
        return new ExAppRequests(sim, user, extra, removed, appId, authOverride, requestId);
    }

    ExAppRequests withAuthorization(String rawHeaderValue) {
        return new ExAppRequests(sim, user, extra, removed, appIdOverride, rawHeaderValue, requestId);
    }

    /**
     * {@code GET path}.
     *
     * @param pathAndQuery e.g. {@code /items?page=2}
     * @return the ExApp's answer
     */
    public ExAppResponse get(String pathAndQuery) {
        return send("GET", pathAndQuery, new byte[0], null);
    }

    /**
     * {@code DELETE path}.
     *
     * @param pathAndQuery the path
     * @return the ExApp's answer
     */
    public ExAppResponse delete(String pathAndQuery) {
        return send("DELETE", pathAndQuery, new byte[0], null);
    }

    /**
     * {@code POST path} with a JSON body.
     *
     * @param pathAndQuery the path
     * @param json the JSON text
     * @return the ExApp's answer
     */
    public ExAppResponse post(String pathAndQuery, String json) {
        return send("POST", pathAndQuery, json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    /**
     * {@code POST path} with any body.
     *
     * @param pathAndQuery the path
     * @param body the bytes
     * @param contentType the {@code Content-Type}
     * @return the ExApp's answer
     */
    public ExAppResponse post(String pathAndQuery, byte[] body, String contentType) {
        return send("POST", pathAndQuery, body, contentType);
    }

    /**
     * {@code PUT path} with a JSON body.
     *
     * @param pathAndQuery the path
     * @param json the JSON text
     * @return the ExApp's answer
     */
    public ExAppResponse put(String pathAndQuery, String json) {
        return send("PUT", pathAndQuery, json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    /**
     * {@code PUT path} with any body.
     *
     * @param pathAndQuery the path
     * @param body the bytes
     * @param contentType the {@code Content-Type}
     * @return the ExApp's answer
     */
    public ExAppResponse put(String pathAndQuery, byte[] body, String contentType) {
        return send("PUT", pathAndQuery, body, contentType);
    }

    /**
     * Any method, any body.
     *
     * @param method e.g. {@code PATCH}
     * @param pathAndQuery the path, starting with {@code /}
     * @param body the body, empty for none
     * @param contentType the {@code Content-Type}, or {@code null} for none
     * @return the ExApp's answer
     */
    public ExAppResponse send(String method, String pathAndQuery, byte[] body, String contentType) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        Objects.requireNonNull(body, "body");
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("the path must start with '/': " + pathAndQuery);
        }
        if (method.isBlank() || method.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            throw new IllegalArgumentException("not an HTTP method: " + method);
        }
        List<Map.Entry<String, String>> h = sim.userHeaders(user, contentType, appIdOverride, authOverride, requestId);
        for (Map.Entry<String, String> e : extra) {
            h.removeIf(x -> x.getKey().equalsIgnoreCase(e.getKey()));
        }
        h.addAll(0, extra);
        h.removeIf(x -> removed.contains(x.getKey().toLowerCase(Locale.ROOT)));
        return sim.exchange("request", method.toUpperCase(Locale.ROOT), pathAndQuery, h, body, sim.callTimeout());
    }

    /** The user and the headers changed, never the secret. */
    @Override
    public String toString() {
        return "ExAppRequests[user '" + user + "'" + (extra.isEmpty() ? "" : ", +" + extra.size() + " headers")
                + (removed.isEmpty() ? "" : ", without " + removed)
                + (appIdOverride == null ? "" : ", app id '" + appIdOverride + "'")
                + (authOverride == null ? "" : ", forged authorization") + "]";
    }
}
