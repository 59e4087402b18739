package dev.ncsdk.appapi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.appapi.app.talk.TalkBot;
import dev.ncsdk.appapi.app.talk.TalkMessage;
import dev.ncsdk.appapi.app.talk.TalkSignature;
import dev.ncsdk.appapi.app.webhooks.NodeEvent;
import dev.ncsdk.appapi.app.webhooks.WebhookCall;
import dev.ncsdk.appapi.app.webhooks.WebhookEvents;
import dev.ncsdk.appapi.app.webhooks.WebhookListener;
import dev.ncsdk.appapi.app.webhooks.WebhookRegistration;
import dev.ncsdk.appapi.app.webhooks.Webhooks;
import dev.ncsdk.appapi.exapp.ExApp;
import dev.ncsdk.appapi.exapp.HttpMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Java ExApp with a Talk bot and a webhook listener, end to end against the simulator: AppAPI's {@code
 * talk_proxy} (app_api {@code lib/Controller/TalkBotController.php}) checks Talk's signature and forwards to the
 * route; Talk's bot API (spreed {@code lib/Controller/BotController.php}) checks the bot's; the server's {@code
 * WebhookCall} job (nextcloud/server {@code apps/webhook_listeners/lib/BackgroundJobs/WebhookCall.php}) calls the
 * ExApp's route through AppAPI.
 */
class TalkAndWebhooksWithSimulatorTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<TalkMessage> seen = new CopyOnWriteArrayList<>();
    private final List<WebhookCall> calls = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private AppApiSimulator simulator() {
        AppApiSimulator nc =
                AppApiSimulator.builder().appId("hello").appVersion("1.0.0").start();
        open.add(nc);
        return nc;
    }

    private ExApp app(AppApiSimulator nc, TalkBot bot) {
        ExApp app = ExApp.builder()
                .environment(nc.environment(0))
                .onEnabled(n -> {
                    bot.register(n);
                    n.webhooks()
                            .register(WebhookRegistration.builder(WebhookEvents.NODE_CREATED, "/webhooks/files")
                                    .build());
                })
                .onDisabled(n -> {
                    bot.unregister(n);
                    n.webhooks().deleteAllOfThisApp();
                })
                .route(HttpMethod.POST, bot.route(), bot.handler((message, reply) -> {
                    seen.add(message);
                    if (message.text().strip().equals("!hello")) {
                        reply.reply(message, "Hello, " + message.actor().name() + "!");
                        reply.react(
                                message.conversationToken(), message.messageId().orElseThrow(), "👋");
                    }
                }))
                .route(HttpMethod.POST, "/webhooks/files", Webhooks.handler((call, req) -> calls.add(call)))
                .build();
        app.start();
        open.add(app::close);
        nc.exAppPort(app.port());
        return app;
    }

    @Test
    void aTalkMessageReachesTheBotWhichAnswersSignedAsTalkExpects() {
        AppApiSimulator nc = simulator();
        TalkBot bot = TalkBot.of("/talk/hello", "Hello bot", "Answers !hello");
        app(nc, bot);
        assertThat(nc.enable().json().get("error").asText()).isEmpty();
        assertThat(nc.talk().botRoutes()).containsExactly("talk/hello");
        // the secret is kept in the app config, marked sensitive
        assertThat(nc.appConfig())
                .containsEntry(
                        "talk_bot_secret_" + dev.ncsdk.appapi.app.talk.TalkBots.botId("hello", "/talk/hello"),
                        nc.talk().secret("/talk/hello").orElseThrow());

        TalkSimulation.Delivery d = nc.talk().deliverMessage("/talk/hello", "room1", "alice", "!hello");
        assertThat(d.proxyStatus()).isEqualTo(200);
        assertThat(d.response().orElseThrow().status()).isEqualTo(200);
        assertThat(d.forwardedBody()).contains("\"route\":\"talk\\/hello\"");
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).actor().userId()).contains("alice");

        List<TalkSimulation.BotPost> posts = nc.talk().awaitPosts(2, WAIT);
        assertThat(posts.get(0).kind()).isEqualTo("message");
        assertThat(posts.get(0).text()).isEqualTo("Hello, alice!");
        assertThat(posts.get(0).token()).isEqualTo("room1");
        assertThat(posts.get(0).status()).isEqualTo(201); // Talk accepted the signature over the text
        assertThat(posts.get(0).body().get("replyTo").asLong())
                .isEqualTo(seen.get(0).messageId().map(Long::parseLong).orElseThrow());
        assertThat(posts.get(1).kind()).isEqualTo("reaction");
        assertThat(posts.get(1).text()).isEqualTo("👋");
        assertThat(posts.get(1).status()).isEqualTo(201);
    }

    @Test
    void aForgedTalkSignatureIsRefusedAndTheBotSeesNothing() {
        AppApiSimulator nc = simulator();
        TalkBot bot = TalkBot.of("/talk/hello", "Hello bot", "");
        app(nc, bot);
        nc.enable();
        String body = TalkSimulation.messageJson("room1", "mallory", "!hello", 5);
        TalkSimulation.Delivery d = nc.talk().deliverForged("/talk/hello", body);
        assertThat(d.proxyStatus()).isEqualTo(404);
        assertThat(d.response()).isEmpty();
        assertThat(seen).isEmpty();
        assertThat(nc.talk().posts()).isEmpty();
        assertThat(nc.talk()
                        .deliverMessage("/talk/other", "room1", "alice", "!hello")
                        .proxyStatus())
                .isEqualTo(404);
    }

    @Test
    void theRouteChecksTalksOwnSignatureWhenARequestCarriesOne() {
        AppApiSimulator nc = simulator();
        TalkBot bot = TalkBot.of("/talk/hello", "Hello bot", "");
        app(nc, bot);
        nc.enable();
        String secret = nc.talk().secret("/talk/hello").orElseThrow();
        String body = TalkSimulation.messageJson("room1", "alice", "hi", 6);
        String random = TalkSignature.newRandom();
        String good = TalkSimulation.hmacHex(secret, random, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ExAppResponse ok = nc.system()
                .header(TalkSignature.RANDOM_HEADER, random)
                .header(TalkSignature.SIGNATURE_HEADER, good)
                .post("/talk/hello", body);
        assertThat(ok.status()).isEqualTo(200);
        ExAppResponse forged = nc.system()
                .header(TalkSignature.RANDOM_HEADER, random)
                .header(TalkSignature.SIGNATURE_HEADER, good.replace(good.charAt(0), good.charAt(0) == 'a' ? 'b' : 'a'))
                .post("/talk/hello", body);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(seen).hasSize(1);
        assertThat(nc.system().post("/talk/hello", "[1]").status()).isEqualTo(400);
    }

    @Test
    void aRestartedBotReadsItsSecretBackAndStillAnswers() throws Exception {
        AppApiSimulator nc = simulator();
        TalkBot first = TalkBot.of("/talk/hello", "Hello bot", "");
        ExApp before = app(nc, first);
        nc.enable();
        before.close(); // the container stops; AppAPI sends no /enabled to the new one (nextcloud/app_api#934)

        TalkBot fresh = TalkBot.of("/talk/hello", "Hello bot", "");
        app(nc, fresh);
        assertThat(fresh.toString()).doesNotContain("secret known");
        nc.talk().deliverMessage("/talk/hello", "room2", "bob", "!hello");
        List<TalkSimulation.BotPost> posts = nc.talk().awaitPosts(1, WAIT);
        assertThat(posts.get(0).status()).isEqualTo(201);
        assertThat(posts.get(0).text()).isEqualTo("Hello, bob!");
    }

    @Test
    void aWebhookCallReachesTheTypedHandlerAndDisablingRemovesEverything() {
        AppApiSimulator nc = simulator();
        app(nc, TalkBot.of("/talk/hello", "Hello bot", ""));
        nc.enable();
        assertThat(nc.webhooks().listeners()).hasSize(1);
        try (NextcloudApp client =
                NextcloudApp.builder().environment(nc.environment(0)).build()) {
            List<WebhookListener> listed = client.webhooks().list();
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).appId()).isEqualTo("hello");
            assertThat(listed.get(0).deliveredToExApp()).isTrue();
        }

        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.putObject("node").put("id", 42).put("path", "/alice/files/Inbox/scan.pdf");
        List<WebhookSimulation.Delivery> d = nc.webhooks().deliver(WebhookEvents.NODE_CREATED, fields, "alice");
        assertThat(d).hasSize(1);
        assertThat(d.get(0).response().status()).isEqualTo(200);
        assertThat(calls).hasSize(1);
        NodeEvent e = calls.get(0).nodeEvent().orElseThrow();
        assertThat(e.kind()).isEqualTo(NodeEvent.Kind.CREATED);
        assertThat(e.node().userPath()).isEqualTo("/Inbox/scan.pdf");
        assertThat(calls.get(0).userId()).contains("alice");
        assertThat(nc.webhooks().deliver(WebhookEvents.NODE_DELETED, fields, "alice"))
                .isEmpty();

        nc.disable();
        assertThat(nc.webhooks().listeners()).isEmpty();
        assertThat(nc.talk().botRoutes()).isEmpty();
    }

    @Test
    void withoutTalkTheRegistrationFailsTheEnable() {
        AppApiSimulator nc = simulator();
        nc.talk().available(false);
        app(nc, TalkBot.of("/talk/hello", "Hello bot", ""));
        assertThatThrownBy(nc::enable).isInstanceOf(ExAppCheckFailure.class).hasMessageContaining("bots-v1");
    }
}
