package dev.ncsdk.appapi.app.talk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ncsdk.appapi.app.talk.TalkVectors.HELLO_SIGNATURE;
import static dev.ncsdk.appapi.app.talk.TalkVectors.RANDOM;
import static dev.ncsdk.appapi.app.talk.TalkVectors.SECRET;
import static dev.ncsdk.appapi.app.talk.TalkVectors.THUMBS_UP_SIGNATURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.appapi.testing.WireMockSupport;
import dev.ncsdk.ocs.NcRateLimitedException;
import dev.ncsdk.ocs.NcUnauthorizedException;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Registration through AppAPI ({@code lib/Controller/TalkBotController.php}, {@code lib/Service/TalkBotsService.php}:
 * {@code {id: sha1(appid_route), secret}}, 400 "Talk bots could not be registered", 404 on unregister) and the bot
 * API of Talk (spreed {@code lib/Controller/BotController.php}, {@code docs/bots.md}: 201 for a message or a new
 * reaction, 200 for an existing one, 401 for a bad signature), over WireMock.
 */
class TalkBotsTest extends WireMockSupport {
    static final String APP = "hello_java";
    static final String V1 = "/ocs/v1.php/apps/app_api/api/v1";
    static final String BOT = "/ocs/v2.php/apps/spreed/api/v1/bot/n3xtc10ud";
    static final String BOT_ID = "0b6de7063b6538168fac634afc57d8f1dd82ea25";

    static NextcloudApp app() {
        return NextcloudApp.builder()
                .baseUri(java.net.URI.create(baseUrl()))
                .appId(APP)
                .appVersion("1.0.0")
                .secret(Secret.of("app-secret-0123456789"))
                .timeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    static void capabilities(String spreedFeatures) {
        String spreed = spreedFeatures == null ? "" : ",\"spreed\":{\"features\":[" + spreedFeatures + "]}";
        wm.stubFor(get(urlPathEqualTo("/ocs/v2.php/cloud/capabilities"))
                .willReturn(okJson("{\"ocs\":{\"meta\":{\"status\":\"ok\",\"statuscode\":200,\"message\":\"OK\"},"
                        + "\"data\":{\"version\":{\"major\":32},\"capabilities\":{\"app_api\":{\"version\":"
                        + "\"32.0.0\"}" + spreed + "}}}}")));
    }

    static String ok1(String data) {
        return "{\"ocs\":{\"meta\":{\"status\":\"ok\",\"statuscode\":100,\"message\":\"OK\",\"totalitems\":\"\","
                + "\"itemsperpage\":\"\"},\"data\":" + data + "}}";
    }

    static String talk(int status) {
        return "{\"ocs\":{\"meta\":{\"status\":\"" + (status < 300 ? "ok" : "failure") + "\",\"statuscode\":" + status
                + ",\"message\":\"\"},\"data\":null}}";
    }

    static void configSet() {
        wm.stubFor(post(urlPathEqualTo(V1 + "/ex-app/config"))
                .willReturn(okJson(ok1("{\"id\":7,\"appid\":\"" + APP + "\",\"configkey\":\"talk_bot_secret_" + BOT_ID
                        + "\",\"configvalue\":\"x\",\"sensitive\":1}"))));
    }

    @Test
    void botIdIsAppApisSha1OfAppIdAndRouteWithoutTheSlash() {
        // printf '%s' 'hello_java_talk/hello' | sha1sum
        assertThat(TalkBots.botId(APP, "/talk/hello")).isEqualTo(BOT_ID);
        assertThat(TalkBots.botId(APP, "talk/hello")).isEqualTo(BOT_ID);
    }

    @Test
    void registersAfterTheCapabilityCheckAndStoresTheSecretAsSensitiveConfig() {
        capabilities("\"chat-v2\",\"bots-v1\"");
        wm.stubFor(post(urlPathEqualTo(V1 + "/talk_bot"))
                .willReturn(okJson(ok1("{\"id\":\"" + BOT_ID + "\",\"secret\":\"" + SECRET.reveal() + "\"}"))));
        configSet();
        try (NextcloudApp nc = app()) {
            TalkBotRegistration r = nc.talkBots().register("/talk/hello", "Hello bot", "Answers !hello");
            assertThat(r.id()).isEqualTo(BOT_ID);
            assertThat(r.route()).isEqualTo("/talk/hello");
            assertThat(r.secret().reveal()).isEqualTo(SECRET.reveal());
            assertThat(r.toString()).doesNotContain(SECRET.reveal());
        }
        wm.verify(postRequestedFor(urlPathEqualTo(V1 + "/talk_bot"))
                .withHeader("EX-APP-ID", equalTo(APP))
                .withRequestBody(equalToJson(
                        "{\"name\":\"Hello bot\",\"route\":\"talk/hello\",\"description\":\"Answers !hello\"}")));
        wm.verify(postRequestedFor(urlPathEqualTo(V1 + "/ex-app/config"))
                .withRequestBody(equalToJson(
                        "{\"configKey\":\"talk_bot_secret_" + BOT_ID + "\",\"configValue\":\"" + SECRET.reveal()
                                + "\",\"sensitive\":1}",
                        true,
                        true)));
    }

    @Test
    void refusesBeforeSendingWhenTalkHasNoBots() {
        capabilities("\"chat-v2\"");
        try (NextcloudApp nc = app()) {
            assertThat(nc.talkBots().available()).isFalse();
            assertThatThrownBy(() -> nc.talkBots().register("/talk/hello", "Hello bot", ""))
                    .isInstanceOf(TalkBotsUnavailableException.class)
                    .hasMessageContaining("bots-v1");
        }
        capabilities(null); // Talk not installed: no spreed capability at all
        try (NextcloudApp nc = app()) {
            assertThatThrownBy(() -> nc.talkBots().register("/talk/hello", "Hello bot", ""))
                    .isInstanceOf(TalkBotsUnavailableException.class);
        }
        assertThat(wm.findAll(postRequestedFor(urlPathEqualTo(V1 + "/talk_bot"))))
                .isEmpty();
    }

    @Test
    void unregistersAndForgetsTheStoredSecret() {
        wm.stubFor(delete(urlPathEqualTo(V1 + "/talk_bot")).willReturn(okJson(ok1("true"))));
        wm.stubFor(delete(urlPathEqualTo(V1 + "/ex-app/config")).willReturn(okJson(ok1("1"))));
        try (NextcloudApp nc = app()) {
            assertThat(nc.talkBots().unregister("/talk/hello")).isTrue();
        }
        wm.verify(deleteRequestedFor(urlPathEqualTo(V1 + "/talk_bot")).withQueryParam("route", equalTo("talk/hello")));
        wm.verify(deleteRequestedFor(urlPathEqualTo(V1 + "/ex-app/config"))
                .withRequestBody(equalToJson("{\"configKeys\":[\"talk_bot_secret_" + BOT_ID + "\"]}", true, true)));

        wm.stubFor(delete(urlPathEqualTo(V1 + "/talk_bot"))
                .willReturn(okJson("{\"ocs\":{\"meta\":{\"status\":\"failure\",\"statuscode\":404,\"message\":"
                        + "\"Talk bots could not be unregistered\"},\"data\":[]}}")));
        try (NextcloudApp nc = app()) {
            assertThat(nc.talkBots().unregister("/talk/hello")).isFalse();
        }
    }

    @Test
    void readsTheStoredSecretAndFallsBackToTheKeyAppApiBefore34Wrote() {
        wm.stubFor(post(urlPathEqualTo(V1 + "/ex-app/config/get-values"))
                .willReturn(
                        okJson(ok1("[{\"configkey\":\"talk_bot_secret_" + BOT_ID + "\",\"configvalue\":\"s1\"}]"))));
        try (NextcloudApp nc = app()) {
            assertThat(nc.talkBots().storedSecret("/talk/hello"))
                    .map(Secret::reveal)
                    .contains("s1");
        }
        wm.stubFor(post(urlPathEqualTo(V1 + "/ex-app/config/get-values"))
                .willReturn(okJson(ok1("[{\"configkey\":\"" + BOT_ID + "\",\"configvalue\":\"legacy\"}]"))));
        try (NextcloudApp nc = app()) {
            assertThat(nc.talkBots().storedSecret("talk/hello"))
                    .map(Secret::reveal)
                    .contains("legacy");
        }
        wm.stubFor(post(urlPathEqualTo(V1 + "/ex-app/config/get-values")).willReturn(okJson(ok1("[]"))));
        try (NextcloudApp nc = app()) {
            assertThat(nc.talkBots().storedSecret("/talk/hello")).isEmpty();
        }
    }

    @Test
    void sendsAMessageSignedOverItsTextWithoutAppApiHeaders() {
        wm.stubFor(post(urlPathEqualTo(BOT + "/message"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(talk(201))));
        try (NextcloudApp nc = app()) {
            TalkSentMessage sent = nc.talkBots()
                    .messenger(SECRET)
                    .withRandoms(() -> RANDOM)
                    .send(
                            "n3xtc10ud",
                            TalkChatMessage.of("Hello, Alice!").replyTo(1567).silent(true));
            assertThat(sent.token()).isEqualTo("n3xtc10ud");
            assertThat(sent.referenceId()).matches("[0-9a-f]{64}");
        }
        List<LoggedRequest> r = wm.findAll(postRequestedFor(urlPathEqualTo(BOT + "/message")));
        assertThat(r).hasSize(1);
        assertThat(r.get(0).getHeader("X-Nextcloud-Talk-Bot-Random")).isEqualTo(RANDOM);
        assertThat(r.get(0).getHeader("X-Nextcloud-Talk-Bot-Signature")).isEqualTo(HELLO_SIGNATURE);
        assertThat(r.get(0).getHeader("OCS-APIRequest")).isEqualTo("true");
        wm.verify(postRequestedFor(urlPathEqualTo(BOT + "/message"))
                .withHeader("AUTHORIZATION-APP-API", absent())
                .withHeader("EX-APP-ID", absent())
                .withRequestBody(
                        equalToJson("{\"message\":\"Hello, Alice!\",\"replyTo\":1567,\"silent\":true,\"referenceId\":\""
                                + r.get(0).getBodyAsString().replaceAll(".*\"referenceId\":\"([0-9a-f]+)\".*", "$1")
                                + "\"}")));
    }

    @Test
    void repliesToAMessageInItsConversation() {
        wm.stubFor(post(urlPathEqualTo(BOT + "/message"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(talk(201))));
        TalkMessage incoming =
                TalkMessage.parse(TalkVectors.MESSAGE_BODY.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (NextcloudApp nc = app()) {
            nc.talkBots().messenger(SECRET).reply(incoming, "Hi!");
        }
        wm.verify(postRequestedFor(urlPathEqualTo(BOT + "/message"))
                .withRequestBody(equalToJson("{\"message\":\"Hi!\",\"replyTo\":1567}", true, true)));
    }

    @Test
    void reactsAndDeletesAReactionSignedOverTheEmoji() {
        wm.stubFor(post(urlPathEqualTo(BOT + "/reaction/1567"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(talk(201))));
        wm.stubFor(delete(urlPathEqualTo(BOT + "/reaction/1567")).willReturn(okJson(talk(200))));
        try (NextcloudApp nc = app()) {
            TalkBotMessenger bot = nc.talkBots().messenger(SECRET).withRandoms(() -> RANDOM);
            assertThat(bot.react("n3xtc10ud", "1567", "👍")).isTrue();
            bot.deleteReaction("n3xtc10ud", "1567", "👍");
        }
        for (LoggedRequest r :
                wm.getAllServeEvents().stream().map(e -> e.getRequest()).toList()) {
            assertThat(r.getHeader("X-Nextcloud-Talk-Bot-Signature")).isEqualTo(THUMBS_UP_SIGNATURE);
            assertThat(r.getBodyAsString()).contains("\"reaction\"");
        }
        assertThat(wm.getAllServeEvents()).hasSize(2);
    }

    @Test
    void alreadyReactedIs200AndNotNew() {
        wm.stubFor(post(urlPathEqualTo(BOT + "/reaction/1567")).willReturn(okJson(talk(200))));
        try (NextcloudApp nc = app()) {
            assertThat(nc.talkBots().messenger(SECRET).react("n3xtc10ud", "1567", "👍"))
                    .isFalse();
        }
    }

    @Test
    void talksRefusalsAreTheSdksErrors() {
        wm.stubFor(post(urlPathEqualTo(BOT + "/message"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(talk(401))));
        wm.stubFor(post(urlPathEqualTo(BOT + "/reaction/1"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withBody(talk(429))));
        try (NextcloudApp nc = app()) {
            TalkBotMessenger bot = nc.talkBots().messenger(SECRET);
            assertThatThrownBy(() -> bot.send("n3xtc10ud", TalkChatMessage.of("x")))
                    .isInstanceOf(NcUnauthorizedException.class);
            assertThatThrownBy(() -> bot.react("n3xtc10ud", "1", "x")).isInstanceOf(NcRateLimitedException.class);
            assertThatThrownBy(() -> bot.send("bad/token", TalkChatMessage.of("x")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> TalkChatMessage.of(" ")).isInstanceOf(IllegalArgumentException.class);
            assertThat(bot.toString()).doesNotContain(SECRET.reveal());
        }
        assertThat(wm.findAll(postRequestedFor(urlPathEqualTo(BOT + "/message"))))
                .hasSize(1); // never resent
    }
}
