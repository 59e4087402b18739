package dev.ncsdk.samples;

import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.appapi.app.talk.TalkBot;
import dev.ncsdk.appapi.app.talk.TalkBotMessenger;
import dev.ncsdk.appapi.app.talk.TalkEventType;
import dev.ncsdk.appapi.app.talk.TalkMessage;
import dev.ncsdk.appapi.exapp.Handler;

/**
 * The Talk bot of {@code hello-exapp}: answers {@code !hello} in a conversation with a greeting, as a reply. It is
 * registered when the ExApp is enabled and the server's Talk takes bots (an ExApp without Talk still enables), and
 * removed when it is disabled. A moderator adds it to a conversation in the conversation's settings ("Bots"), or an
 * admin for all with {@code occ talk:bot:setup}.
 *
 * <p>Its secret is kept in the app config by the SDK, so a restarted container answers without being registered
 * again.
 */
final class HelloBot {
    /** The ExApp route Talk's messages come to (through AppAPI). */
    static final String ROUTE = "/talk/hello";

    private final TalkBot bot = TalkBot.of(ROUTE, "Hello bot", "Answers !hello with a greeting");

    /**
     * Registers the bot if Talk takes bots.
     *
     * @param nc the ExApp's client
     */
    void enable(NextcloudApp nc) {
        if (nc.talkBots().available()) {
            bot.register(nc);
            nc.log().info("hello-exapp: Talk bot registered at " + ROUTE);
        } else {
            nc.log().info("hello-exapp: this server's Talk takes no bots (no bots-v1 capability); the bot is off");
        }
    }

    /**
     * Removes the bot.
     *
     * @param nc the ExApp's client
     */
    void disable(NextcloudApp nc) {
        bot.unregister(nc);
    }

    /**
     * The handler of {@link #ROUTE}.
     *
     * @return the handler
     */
    Handler handler() {
        return bot.handler(HelloBot::answer);
    }

    static void answer(TalkMessage message, TalkBotMessenger reply) {
        if (message.type() == TalkEventType.CREATE && message.text().strip().equalsIgnoreCase("!hello")) {
            reply.reply(message, "Hello, " + message.actor().name() + "! \uD83D\uDC4B");
        }
    }
}
