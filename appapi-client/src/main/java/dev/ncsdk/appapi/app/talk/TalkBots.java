package dev.ncsdk.appapi.app.talk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.appapi.internal.Json;
import dev.ncsdk.ocs.NcNotFoundException;
import dev.ncsdk.ocs.OcsApiVersion;
import dev.ncsdk.ocs.OcsRequest;
import dev.ncsdk.ocs.Secret;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The ExApp's Talk bots, registered through AppAPI ({@code /ocs/v1.php/apps/app_api/api/v1/talk_bot}). Get the
 * group with {@link NextcloudApp#talkBots()}; calls go in the system context.
 *
 * <pre>{@code
 * TalkBotRegistration bot = nc.talkBots().register("/talk/hello", "Hello bot", "Answers !hello");
 * // ... after a restart, without registering again:
 * Secret secret = nc.talkBots().storedSecret("/talk/hello").orElseThrow();
 * nc.talkBots().messenger(secret).send(token, TalkChatMessage.of("I'm back"));
 * nc.talkBots().unregister("/talk/hello");
 * }</pre>
 *
 * <p><b>How Talk reaches the bot.</b> AppAPI installs the bot in Talk with the URL of its own {@code talk_proxy}
 * route; Talk signs each message for that URL, AppAPI checks the signature, then calls the ExApp's route with its
 * usual headers (system context) and the message as JSON, without Talk's signature headers. The ExApp's route is
 * therefore an ordinary authenticated route ({@code ExApp.Builder.route(method, path, handler)}), and answers go
 * straight to Talk, signed with the secret ({@link TalkBotMessenger}).
 *
 * <p><b>Where the secret is kept, and why.</b> A restarted container gets no {@code /enabled} call, so a secret
 * held only in memory is lost and the bot cannot answer (nextcloud/app_api#934). AppAPI itself keeps the secret
 * (encrypted, in table {@code ex_apps_talk_bots} since AppAPI 34; in its app-config table before) and returns it
 * on every registration of the same route, but offers no call to read it. {@link #register} therefore stores the
 * secret in the ExApp's own app config on the server, marked sensitive (Nextcloud encrypts such values), under
 * {@code talk_bot_secret_<bot id>}; {@link #storedSecret} reads it back. The app config was chosen over a file
 * under {@code APP_PERSISTENT_STORAGE} because its life matches the bot's: AppAPI deletes an ExApp's config when
 * it unregisters the ExApp (and with it the bots), so a reinstalled app never reads a stale secret, while a
 * volume survives an unregister without {@code --rm-data}; it also works without a volume (HaRP, Kubernetes
 * without a claim) and for several replicas. {@link #storedSecret} also reads the key AppAPI before 34 wrote
 * itself (the bot id).
 *
 * @since 0.1.0
 */
public final class TalkBots {
    static final String ROUTE = "/apps/app_api/api/v1/talk_bot";
    /** The app-config key prefix of a stored bot secret. */
    public static final String SECRET_KEY_PREFIX = "talk_bot_secret_";
    /** The Talk capability feature that announces webhook bots. */
    public static final String BOTS_FEATURE = "bots-v1";

    private final NextcloudApp nc;

    private TalkBots(NextcloudApp nc) {
        this.nc = nc;
    }

    /**
     * The group for a client (in the system context); {@link NextcloudApp#talkBots()} is the usual way.
     *
     * <pre>{@code
     * TalkBots bots = TalkBots.of(nc);
     * }</pre>
     *
     * @param nc the client
     * @return the group
     */
    public static TalkBots of(NextcloudApp nc) {
        return new TalkBots(Objects.requireNonNull(nc, "nc").asUser(""));
    }

    /**
     * Whether the server's Talk takes webhook bots: {@code capabilities.spreed.features} lists {@value
     * #BOTS_FEATURE} ({@code GET /ocs/v2.php/cloud/capabilities}).
     *
     * <pre>{@code
     * if (nc.talkBots().available()) { ... }
     * }</pre>
     *
     * @return whether bots can be registered
     */
    public boolean available() {
        return HttpTransport.await(availableAsync());
    }

    /**
     * Async twin of {@link #available()}.
     *
     * <pre>{@code
     * nc.talkBots().availableAsync().thenAccept(ok -> ...);
     * }</pre>
     *
     * @return the answer's future
     */
    public CompletableFuture<Boolean> availableAsync() {
        return nc.callAsync(OcsRequest.get("/cloud/capabilities").build()).thenApply(TalkBots::hasBots);
    }

    static boolean hasBots(JsonNode data) {
        JsonNode features = data.path("capabilities").path("spreed").path("features");
        for (JsonNode f : features) {
            if (BOTS_FEATURE.equals(f.asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Registers (or registers again) a bot whose messages go to an ExApp route ({@code POST .../talk_bot} with
     * {@code {"name", "route", "description"}}), after checking the Talk capability, and stores its secret in the
     * app config (see the class description). Registering the same route again keeps the secret and updates the
     * name and description in Talk. The bot still has to be enabled per conversation by a moderator (or for all
     * by an admin, {@code occ talk:bot:setup}).
     *
     * <pre>{@code
     * .onEnabled(nc -> nc.talkBots().register("/talk/hello", "Hello bot", "Answers !hello"))
     * }</pre>
     *
     * @param route the ExApp route, such as {@code /talk/hello} (AppAPI drops the leading {@code /} and calls
     *     {@code /<route>})
     * @param name the bot's name shown in Talk
     * @param description the description shown in the conversation settings
     * @return the bot's id and secret
     * @throws TalkBotsUnavailableException when Talk does not announce {@value #BOTS_FEATURE}; nothing was sent
     */
    public TalkBotRegistration register(String route, String name, String description) {
        return HttpTransport.await(registerAsync(route, name, description));
    }

    /**
     * Async twin of {@link #register(String, String, String)}.
     *
     * <pre>{@code
     * nc.talkBots().registerAsync("/talk/hello", "Hello bot", "").join();
     * }</pre>
     *
     * @param route the ExApp route
     * @param name the bot's name
     * @param description the description
     * @return the registration's future
     */
    public CompletableFuture<TalkBotRegistration> registerAsync(String route, String name, String description) {
        String r = routeOf(route);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a bot needs a name");
        }
        return availableAsync()
                .thenCompose(ok -> {
                    if (!ok) {
                        throw new TalkBotsUnavailableException("Talk bots need Nextcloud Talk (spreed) with the '"
                                + BOTS_FEATURE + "' capability (Talk 17.1, Nextcloud 27.1 or newer); the server's "
                                + "capabilities do not list it");
                    }
                    return nc.callAsync(OcsRequest.post(ROUTE)
                            .version(OcsApiVersion.V1)
                            .jsonBody(Map.of("name", name, "route", r, "description", description))
                            .build());
                })
                .thenCompose(data -> {
                    String id = Json.strOrEmpty(data, "id");
                    String secret = Json.strOrEmpty(data, "secret");
                    if (secret.isEmpty()) {
                        throw new IllegalStateException("AppAPI registered the bot but sent no secret");
                    }
                    TalkBotRegistration reg = new TalkBotRegistration(
                            id.isEmpty() ? botId(nc.appId(), r) : id, "/" + r, Secret.of(secret));
                    return nc.appConfig()
                            .setAsync(SECRET_KEY_PREFIX + reg.id(), secret, true)
                            .thenApply(v -> reg);
                });
    }

    /**
     * Removes a bot ({@code DELETE .../talk_bot?route=}): AppAPI uninstalls it from Talk. The stored secret is
     * deleted too.
     *
     * <pre>{@code
     * .onDisabled(nc -> nc.talkBots().unregister("/talk/hello"))
     * }</pre>
     *
     * @param route the ExApp route it was registered with
     * @return {@code false} when AppAPI knew no such bot
     */
    public boolean unregister(String route) {
        return HttpTransport.await(unregisterAsync(route));
    }

    /**
     * Async twin of {@link #unregister(String)}.
     *
     * <pre>{@code
     * nc.talkBots().unregisterAsync("/talk/hello").join();
     * }</pre>
     *
     * @param route the ExApp route
     * @return a future of {@code false} when there was no such bot
     */
    public CompletableFuture<Boolean> unregisterAsync(String route) {
        String r = routeOf(route);
        CompletableFuture<Boolean> removed = nc.callAsync(OcsRequest.delete(ROUTE)
                        .version(OcsApiVersion.V1)
                        .query("route", r)
                        .idempotent(true)
                        .build())
                .handle((data, err) -> {
                    if (err != null) {
                        Throwable c = cause(err);
                        if (c instanceof NcNotFoundException) {
                            return false;
                        }
                        throw new CompletionException(c);
                    }
                    return true;
                });
        return removed.thenCompose(gone -> nc.appConfig()
                .deleteAsync(List.of(SECRET_KEY_PREFIX + botId(nc.appId(), r)))
                .thenApply(n -> gone));
    }

    /**
     * The secret {@link #register} stored for a route, read from the app config; for bots registered by AppAPI
     * before 34 also the value AppAPI kept itself under the bot id.
     *
     * <pre>{@code
     * Optional<Secret> secret = nc.talkBots().storedSecret("/talk/hello");
     * }</pre>
     *
     * @param route the ExApp route
     * @return the secret, or empty when none is stored
     */
    public Optional<Secret> storedSecret(String route) {
        return HttpTransport.await(storedSecretAsync(route));
    }

    /**
     * Async twin of {@link #storedSecret(String)}.
     *
     * <pre>{@code
     * nc.talkBots().storedSecretAsync("/talk/hello").thenAccept(s -> ...);
     * }</pre>
     *
     * @param route the ExApp route
     * @return the secret's future
     */
    public CompletableFuture<Optional<Secret>> storedSecretAsync(String route) {
        String id = botId(nc.appId(), routeOf(route));
        String key = SECRET_KEY_PREFIX + id;
        return nc.appConfig().getAsync(List.of(key, id)).thenApply(values -> {
            String v = values.getOrDefault(key, "");
            if (v.isEmpty()) {
                v = values.getOrDefault(id, "");
            }
            return v.isEmpty() ? Optional.<Secret>empty() : Optional.of(Secret.of(v));
        });
    }

    /**
     * Sends messages and reactions as the bot with this secret.
     *
     * <pre>{@code
     * nc.talkBots().messenger(registration.secret()).send(token, TalkChatMessage.of("Hi"));
     * }</pre>
     *
     * @param secret the bot's secret
     * @return the messenger
     */
    public TalkBotMessenger messenger(Secret secret) {
        return new TalkBotMessenger(nc, secret);
    }

    /**
     * AppAPI's id of a bot: the hex SHA-1 of {@code <appid>_<route>}, the route without its leading {@code /}.
     *
     * <pre>{@code
     * String id = TalkBots.botId("hello_java", "/talk/hello");
     * }</pre>
     *
     * @param appId the ExApp id
     * @param route the route, with or without the leading {@code /}
     * @return 40 hex characters
     */
    public static String botId(String appId, String route) {
        Objects.requireNonNull(appId, "appId");
        String r = Objects.requireNonNull(route, "route");
        while (r.startsWith("/")) {
            r = r.substring(1);
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest((appId + "_" + r).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The route as AppAPI stores it: without leading slashes (AppAPI's {@code ltrim($route, '/')}). */
    static String routeOf(String route) {
        Objects.requireNonNull(route, "route");
        String r = route.strip();
        while (r.startsWith("/")) {
            r = r.substring(1);
        }
        if (r.isEmpty()) {
            throw new IllegalArgumentException("a bot needs an ExApp route, such as /talk/bot");
        }
        if (r.chars().anyMatch(c -> c < 0x21 || c == 0x7f || c == '?' || c == '#')) {
            throw new IllegalArgumentException("a bot route is a plain path, was '" + route + "'");
        }
        return r;
    }

    private static Throwable cause(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    @Override
    public String toString() {
        return "TalkBots[" + nc.appId() + "]";
    }
}
