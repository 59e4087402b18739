package dev.ncsdk.appapi.app.talk;

import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.appapi.exapp.ExAppHttpException;
import dev.ncsdk.appapi.exapp.Handler;
import dev.ncsdk.appapi.exapp.Request;
import dev.ncsdk.appapi.exapp.Response;
import dev.ncsdk.ocs.Secret;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One Talk bot of an ExApp: its route, name and description, its secret once known, and the runtime handler of
 * its route. Registering keeps the secret in memory and in the app config ({@link TalkBots}); after a restart the
 * first message reads it back from the app config, so the bot answers without being registered again
 * (nextcloud/app_api#934).
 *
 * <pre>{@code
 * TalkBot bot = TalkBot.of("/talk/hello", "Hello bot", "Answers !hello");
 * ExApp.builder()
 *         .onEnabled(bot::register)
 *         .onDisabled(bot::unregister)
 *         .route(HttpMethod.POST, bot.route(), bot.handler((message, reply) -> {
 *             if (message.text().strip().equals("!hello")) {
 *                 reply.reply(message, "Hello, " + message.actor().name() + "!");
 *             }
 *         }))
 *         .build();
 * }</pre>
 *
 * <p>The route is called by AppAPI (its {@code talk_proxy} checked Talk's signature already), so it is declared
 * with {@code route(method, path, handler)}: authenticated, and not offered to users through the proxy. When a
 * request also carries Talk's own signature headers (a bot installed with {@code occ talk:bot:install} pointing at
 * the app directly, behind a gateway that adds AppAPI's headers) the handler checks them against the raw body
 * and answers 401 when they do not match. Thread-safe.
 *
 * @since 0.1.0
 */
public final class TalkBot {
    private final String route;
    private final String name;
    private final String description;
    private final AtomicReference<Secret> secret = new AtomicReference<>();

    private TalkBot(String route, String name, String description) {
        this.route = "/" + TalkBots.routeOf(route);
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a bot needs a name");
        }
    }

    /**
     * Declares a bot.
     *
     * <pre>{@code
     * TalkBot bot = TalkBot.of("/talk/hello", "Hello bot", "Answers !hello");
     * }</pre>
     *
     * @param route the ExApp route Talk's messages go to, such as {@code /talk/hello}
     * @param name the name shown in Talk
     * @param description the description shown in the conversation settings
     * @return the bot
     */
    public static TalkBot of(String route, String name, String description) {
        return new TalkBot(route, name, description);
    }

    /**
     * The route, with a leading {@code /}, for {@code ExApp.Builder.route}.
     *
     * @return the route
     */
    public String route() {
        return route;
    }

    /**
     * The name shown in Talk.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The description shown in Talk.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * Registers the bot through AppAPI and keeps its secret; use it as the ExApp's enabled handler.
     *
     * <pre>{@code
     * .onEnabled(bot::register)
     * }</pre>
     *
     * @param nc the ExApp's client
     * @throws TalkBotsUnavailableException when the server's Talk takes no bots
     */
    public void register(NextcloudApp nc) {
        TalkBotRegistration r = nc.talkBots().register(route, name, description);
        secret.set(r.secret());
    }

    /**
     * Removes the bot and forgets its secret; use it as the ExApp's disabled handler.
     *
     * <pre>{@code
     * .onDisabled(bot::unregister)
     * }</pre>
     *
     * @param nc the ExApp's client
     */
    public void unregister(NextcloudApp nc) {
        secret.set(null);
        nc.talkBots().unregister(route);
    }

    /**
     * Sends as this bot: with the secret kept since {@link #register}, else the one stored in the app config.
     *
     * <pre>{@code
     * bot.messenger(nc).send(token, TalkChatMessage.of("Nightly build is green"));
     * }</pre>
     *
     * @param nc the ExApp's client
     * @return the messenger
     * @throws IllegalStateException when no secret is known: the bot was never registered
     */
    public TalkBotMessenger messenger(NextcloudApp nc) {
        return nc.talkBots().messenger(secret(nc));
    }

    private Secret secret(NextcloudApp nc) {
        Secret s = secret.get();
        if (s == null) {
            s = nc.talkBots()
                    .storedSecret(route)
                    .orElseThrow(() -> new IllegalStateException("the secret of the Talk bot " + route
                            + " is unknown: register the bot first (TalkBot.register in onEnabled)"));
            secret.compareAndSet(null, s);
        }
        return s;
    }

    /**
     * The runtime handler of the bot's route: reads the body as a {@link TalkMessage}, checks Talk's signature when
     * the request carries one, calls the handler with a messenger, and answers 200 {@code {}}. A body that is not a
     * JSON object is a 400, a wrong signature a 401.
     *
     * <pre>{@code
     * .route(HttpMethod.POST, bot.route(), bot.handler((message, reply) -> reply.reply(message, "Got it")))
     * }</pre>
     *
     * @param handler what to do with each event
     * @return the route handler
     */
    public Handler handler(TalkMessageHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return req -> handle(req, handler);
    }

    private Response handle(Request req, TalkMessageHandler handler) throws Exception {
        TalkMessage message;
        try {
            message = TalkMessage.parse(req.body());
        } catch (IllegalArgumentException e) {
            throw new ExAppHttpException(400, "not a Talk message: " + e.getMessage());
        }
        NextcloudApp nc = req.nextcloud().asUser("");
        boolean signed = req.header(TalkSignature.SIGNATURE_HEADER).isPresent()
                || req.header(TalkSignature.RANDOM_HEADER).isPresent();
        if (signed
                && !TalkSignature.verify(
                        secret(nc),
                        req.header(TalkSignature.RANDOM_HEADER).orElse(null),
                        req.body(),
                        req.header(TalkSignature.SIGNATURE_HEADER).orElse(null))) {
            throw new ExAppHttpException(401, "the Talk signature does not match");
        }
        handler.handle(message, new TalkBotMessenger(nc, () -> secret(nc))); // the secret is read when it sends
        return Response.json(Map.of());
    }

    /** Route and name; never the secret. */
    @Override
    public String toString() {
        return "TalkBot[" + route + ", " + name + (secret.get() == null ? "" : ", secret known") + "]";
    }
}
