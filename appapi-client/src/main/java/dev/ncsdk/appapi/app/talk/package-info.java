/**
 * Nextcloud Talk bots for an ExApp: registration through AppAPI ({@link dev.ncsdk.appapi.app.talk.TalkBots}), the
 * messages Talk sends ({@link dev.ncsdk.appapi.app.talk.TalkMessage}), their HMAC signatures
 * ({@link dev.ncsdk.appapi.app.talk.TalkSignature}), and the bot's answers, reactions included
 * ({@link dev.ncsdk.appapi.app.talk.TalkBotMessenger}). {@link dev.ncsdk.appapi.app.talk.TalkBot} ties them to a
 * runtime route.
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
 *         .build()
 *         .runUntilStopped();
 * }</pre>
 */
package dev.ncsdk.appapi.app.talk;
