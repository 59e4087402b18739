package dev.ncsdk.appapi.app.talk;

/**
 * Handles one Talk event delivered to a bot's route; see {@link TalkBot#handler(TalkMessageHandler)}.
 *
 * <pre>{@code
 * TalkMessageHandler h = (message, bot) -> {
 *     if (message.text().strip().equals("!hello")) {
 *         bot.reply(message, "Hello!");
 *     }
 * };
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TalkMessageHandler {
    /**
     * Handles the event.
     *
     * @param message the event (a message, a reaction, the bot joining or leaving a conversation)
     * @param bot sends answers as the bot
     * @throws Exception any failure: the route answers 500 and the runtime logs it
     */
    void handle(TalkMessage message, TalkBotMessenger bot) throws Exception;
}
