package dev.ncsdk.appapi.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The simulator's Talk (spreed) and AppAPI's Talk-bot part: it keeps the bots the ExApp registers ({@code
 * .../app_api/api/v1/talk_bot}, the same secret for the same route, as AppAPI 34 does), announces {@code bots-v1} in
 * the capabilities, delivers messages to the ExApp as Talk and AppAPI's {@code talk_proxy} do, and answers the bot's
 * messages and reactions ({@code /ocs/v2.php/apps/spreed/api/v1/bot/...}) after checking their signatures as
 * spreed's {@code BotController} does. Get it with {@link AppApiSimulator#talk()}.
 *
 * <pre>{@code
 * TalkSimulation talk = nc.talk();
 * TalkSimulation.Delivery d = talk.deliverMessage("/talk/hello", "room1", "alice", "!hello");
 * assertEquals(200, d.exAppResponse().orElseThrow().status());
 * TalkSimulation.BotPost answer = talk.awaitPosts(1, Duration.ofSeconds(5)).get(0);
 * assertEquals("Hello, alice!", answer.text());
 * assertEquals(404, talk.deliverForged("/talk/hello", body).proxyStatus());   // AppAPI refuses, the app sees nothing
 * }</pre>
 *
 * <p>Delivery: the simulator signs the body with the bot's secret (random + body, HMAC-SHA256, as spreed's {@code
 * BotService}), checks it as AppAPI's {@code talk_proxy} does (a wrong one is answered 404 and goes no further),
 * then POSTs PHP's re-encoding of the parameters, plus {@code appId} and {@code route}, to the ExApp's route with
 * AppAPI's headers in the system context, without Talk's signature headers. Thread-safe.
 *
 * @since 0.1.0
 */
public final class TalkSimulation {
    private static final Pattern BOT_PATH =
            Pattern.compile("^/apps/spreed/api/v1/bot/([^/]+)/(message|reaction/([^/]+))$");
    private static final String NOTE_NAME = "message";

    private final AppApiSimulator sim;
    private final Map<String, Bot> bots = new LinkedHashMap<>();
    private final List<BotPost> posts = new ArrayList<>();
    private final Set<String> reactions = new LinkedHashSet<>();
    private volatile boolean available = true;
    private int nextMessageId = 1000;

    TalkSimulation(AppApiSimulator sim) {
        this.sim = sim;
    }

    /** A bot the ExApp registered. */
    private record Bot(String id, String route, String name, String description, String secret) {}

    /**
     * What Talk and AppAPI made of one delivery.
     *
     * @param proxyStatus what AppAPI's {@code talk_proxy} answered Talk: 200 when it forwarded (whatever the ExApp
     *     answered), 404 for a wrong signature or an unknown bot, 500 when the ExApp could not be reached
     * @param forwardedBody the JSON the ExApp received, {@code ""} when nothing was forwarded
     * @param exAppResponse the ExApp's answer, {@code null} when nothing reached it
     */
    public record Delivery(int proxyStatus, String forwardedBody, ExAppResponse exAppResponse) {
        /**
         * The ExApp's answer.
         *
         * @return the answer, or empty when nothing reached the ExApp
         */
        public Optional<ExAppResponse> response() {
            return Optional.ofNullable(exAppResponse);
        }
    }

    /**
     * A request the ExApp made to Talk's bot API, as Talk judged it.
     *
     * @param method {@code POST} or {@code DELETE}
     * @param token the conversation token
     * @param kind {@code message} or {@code reaction}
     * @param messageId the message reacted to, {@code ""} for a message
     * @param text the message text or the reaction
     * @param body the request's parameters
     * @param status the HTTP status Talk answered (201, 200, 400, 401, 404)
     */
    public record BotPost(
            String method, String token, String kind, String messageId, String text, JsonNode body, int status) {}

    /**
     * Makes the server announce (or not) Talk's {@code bots-v1} capability; without it there is no {@code spreed}
     * capability at all, as when Talk is not installed, and AppAPI refuses registrations.
     *
     * @param available whether Talk takes bots (default {@code true})
     * @return this
     */
    public TalkSimulation available(boolean available) {
        this.available = available;
        return this;
    }

    /**
     * The secret AppAPI gave the bot of a route.
     *
     * @param route the ExApp route, with or without its leading {@code /}
     * @return the secret, or empty when no bot is registered there
     */
    public synchronized Optional<String> secret(String route) {
        Bot b = bots.get(trim(route));
        return b == null ? Optional.empty() : Optional.of(b.secret());
    }

    /**
     * The routes of the registered bots.
     *
     * @return the routes, without leading {@code /}
     */
    public synchronized List<String> botRoutes() {
        return List.copyOf(bots.keySet());
    }

    /**
     * Delivers a chat message ({@code Create}) from a user to the bot of a route, signed correctly.
     *
     * @param route the bot's ExApp route
     * @param token the conversation token
     * @param userId the user who wrote it
     * @param text the text
     * @return what happened
     */
    public Delivery deliverMessage(String route, String token, String userId, String text) {
        return deliver(route, messageJson(token, userId, text, nextMessageId()));
    }

    /**
     * Delivers any body (a message, a reaction, a join) to the bot of a route, signed with its secret.
     *
     * @param route the bot's ExApp route
     * @param json the body as Talk would send it
     * @return what happened
     */
    public Delivery deliver(String route, String json) {
        return deliver(route, json, false);
    }

    /**
     * Delivers a body with a signature that is not the bot's (made with another secret): AppAPI's proxy refuses it
     * (404) and the ExApp sees nothing.
     *
     * @param route the bot's ExApp route
     * @param json the body
     * @return what happened
     */
    public Delivery deliverForged(String route, String json) {
        return deliver(route, json, true);
    }

    private Delivery deliver(String route, String json, boolean forged) {
        Objects.requireNonNull(json, "json");
        String r = trim(route);
        Bot bot;
        synchronized (this) {
            bot = bots.get(r);
        }
        if (bot == null) {
            return new Delivery(404, "", null); // no such bot: AppAPI answers 404
        }
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String random = AppApiSimulator.random(64);
        String signature = hmacHex(forged ? AppApiSimulator.random(64) : bot.secret(), random, body);
        // AppAPI's talk_proxy: the bot's secret, HMAC over random + raw body, hash_equals against the lower-case header
        if (!MessageDigest.isEqual(
                hmacHex(bot.secret(), random, body).getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return new Delivery(404, "", null);
        }
        ObjectNode params;
        try {
            JsonNode parsed = Ocs.PHP_JSON.readTree(json);
            params = parsed != null && parsed.isObject() ? (ObjectNode) parsed : JsonNodeFactory.instance.objectNode();
        } catch (java.io.IOException e) {
            params = JsonNodeFactory.instance.objectNode();
        }
        params.put("appId", sim.appId());
        params.put("route", r);
        byte[] forwarded = Ocs.write(params);
        try {
            ExAppResponse resp = sim.exchange(
                    "talk",
                    "POST",
                    "/" + r,
                    sim.appApiHeaders("", AppApiSimulator.random(20), "application/json"),
                    forwarded,
                    sim.callTimeout());
            return new Delivery(200, new String(forwarded, StandardCharsets.UTF_8), resp);
        } catch (ExAppCheckFailure e) {
            return new Delivery(500, new String(forwarded, StandardCharsets.UTF_8), null);
        }
    }

    /**
     * A chat message body in Talk's shape ({@code Create}, {@code Note}, content {@code {"message", "parameters"}}).
     *
     * @param token the conversation token
     * @param userId the author
     * @param text the text
     * @param messageId the message id
     * @return the JSON text
     */
    public static String messageJson(String token, String userId, String text, long messageId) {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("type", "Create");
        ObjectNode actor = m.putObject("actor");
        actor.put("type", "Person");
        actor.put("id", "users/" + userId);
        actor.put("name", userId);
        ObjectNode object = m.putObject("object");
        object.put("type", "Note");
        object.put("id", Long.toString(messageId));
        object.put("name", NOTE_NAME);
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.put("message", text);
        content.putArray("parameters");
        object.put("content", new String(Ocs.write(content), StandardCharsets.UTF_8));
        object.put("mediaType", "text/markdown");
        ObjectNode target = m.putObject("target");
        target.put("type", "Collection");
        target.put("id", token);
        target.put("name", token);
        return new String(Ocs.write(m), StandardCharsets.UTF_8);
    }

    private synchronized long nextMessageId() {
        return ++nextMessageId;
    }

    /**
     * The bot's messages and reactions so far, accepted or not.
     *
     * @return the posts, oldest first
     */
    public List<BotPost> posts() {
        synchronized (posts) {
            return List.copyOf(posts);
        }
    }

    /**
     * Waits until the bot has made at least this many requests to Talk.
     *
     * @param count how many
     * @param timeout how long at most
     * @return the posts
     * @throws AssertionError when they do not come in time
     */
    public List<BotPost> awaitPosts(int count, java.time.Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        synchronized (posts) {
            while (posts.size() < count) {
                long left = java.time.Duration.between(Instant.now(), end).toMillis();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " bot requests to Talk, got " + posts);
                }
                try {
                    posts.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
            return List.copyOf(posts);
        }
    }

    // ------------------------------------------------------------------------------------- AppAPI: talk_bot

    /** {@code POST|DELETE /apps/app_api/api/v1/talk_bot}, as AppAPI's {@code TalkBotController}. */
    synchronized Ocs.Answer registration(String method, ObjectNode p, int v, boolean json) {
        String route = trim(Params.phpString(p.get("route")));
        switch (method) {
            case "POST" -> {
                if (!available) {
                    return Ocs.failure(v, json, 400, "Talk bots could not be registered");
                }
                Bot old = bots.get(route);
                String secret = old != null ? old.secret() : AppApiSimulator.random(64);
                bots.put(
                        route,
                        new Bot(
                                sha1(sim.appId() + "_" + route),
                                route,
                                Params.phpString(p.get("name")),
                                Params.phpString(p.get("description")),
                                secret));
                ObjectNode d = JsonNodeFactory.instance.objectNode();
                d.put("id", sha1(sim.appId() + "_" + route));
                d.put("secret", secret);
                return Ocs.ok(v, json, d);
            }
            case "DELETE" -> {
                if (bots.remove(route) == null) {
                    return Ocs.failure(v, json, 404, "Talk bots could not be unregistered");
                }
                return Ocs.ok(v, json, JsonNodeFactory.instance.booleanNode(true));
            }
            default -> {
                return Ocs.failure(v, json, 998, "Invalid query");
            }
        }
    }

    /** Adds Talk's capabilities when bots are available. */
    void capabilities(ObjectNode caps) {
        if (!available) {
            return;
        }
        ObjectNode spreed = caps.putObject("spreed");
        var features = spreed.putArray("features");
        for (String f : List.of("audio", "video", "chat-v2", "conversation-v4", "reactions", "bots-v1")) {
            features.add(f);
        }
        spreed.putObject("config").putObject("chat").put("max-length", 32000);
    }

    // ------------------------------------------------------------------------------------- Talk: bot API

    /** Answers {@code /apps/spreed/api/v1/bot/{token}/message|reaction/{id}}; {@code null} for other paths. */
    Ocs.Answer botApi(AppApiSimulator.Call c, String rel, int v) {
        Matcher m = BOT_PATH.matcher(rel);
        if (!m.matches()) {
            return null;
        }
        String token = m.group(1);
        boolean message = m.group(2).equals("message");
        String messageId = message ? "" : m.group(3);
        if (message
                ? !c.method().equals("POST")
                : !(c.method().equals("POST") || c.method().equals("DELETE"))) {
            return null;
        }
        ObjectNode p = Params.of(c);
        String text = Params.phpString(p.get(message ? "message" : "reaction"));
        int status = judge(c, token, message, messageId, text);
        BotPost post = new BotPost(c.method(), token, message ? "message" : "reaction", messageId, text, p, status);
        synchronized (posts) {
            posts.add(post);
            posts.notifyAll();
        }
        return talkAnswer(v, status);
    }

    private synchronized int judge(
            AppApiSimulator.Call c, String token, boolean message, String messageId, String text) {
        if (message && text.strip().isEmpty()) {
            return 400;
        }
        String random = c.header("x-nextcloud-talk-bot-random");
        String signature = c.header("x-nextcloud-talk-bot-signature");
        if (random == null || random.length() < 32 || signature == null || signature.isEmpty()) {
            return 400; // BotController::getBotFromHeaders
        }
        Bot signer = null;
        for (Bot b : bots.values()) {
            byte[] expected = hmacHex(b.secret(), random, text.getBytes(StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(
                    expected, signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8))) {
                signer = b;
                break;
            }
        }
        if (signer == null) {
            return 401;
        }
        if (message) {
            return 201;
        }
        if (!messageId.chars().allMatch(Character::isDigit) || text.isBlank()) {
            return 400;
        }
        String key = token + "/" + messageId + "/" + signer.id() + "/" + text;
        if (c.method().equals("POST")) {
            return reactions.add(key) ? 201 : 200;
        }
        return reactions.remove(key) ? 200 : 404;
    }

    private static Ocs.Answer talkAnswer(int v, int status) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode ocs = root.putObject("ocs");
        ObjectNode meta = ocs.putObject("meta");
        boolean ok = status < 300;
        meta.put("status", ok ? "ok" : "failure");
        meta.put("statuscode", v == 1 ? (ok ? 100 : status) : status);
        meta.put("message", ok ? "OK" : "");
        ocs.putNull("data");
        return Ocs.Answer.json(status, root);
    }

    static String trim(String route) {
        String r = Objects.requireNonNull(route, "route");
        while (r.startsWith("/")) {
            r = r.substring(1);
        }
        return r;
    }

    static String hmacHex(String secret, String random, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(random.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha1(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized String toString() {
        return "TalkSimulation[" + bots.size() + " bots, " + posts.size() + " posts]";
    }
}
