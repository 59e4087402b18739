package dev.ncsdk.appapi.app.talk;

import dev.ncsdk.ocs.Secret;
import java.util.Objects;

/**
 * A bot AppAPI registered with Talk for this ExApp ({@code POST .../talk_bot} answers {@code {id, secret}}). AppAPI
 * returns the same secret each time the same route is registered again.
 *
 * <pre>{@code
 * TalkBotRegistration bot = nc.talkBots().register("/talk/hello", "Hello bot", "Answers !hello");
 * TalkBotMessenger messenger = nc.talkBots().messenger(bot.secret());
 * }</pre>
 *
 * @param id AppAPI's id of the bot: the hex SHA-1 of {@code <appid>_<route without leading slash>}
 * @param route the ExApp route Talk's messages go to, with a leading {@code /}
 * @param secret the shared secret that signs messages both ways; {@code toString()} hides it
 * @since 0.1.0
 */
public record TalkBotRegistration(String id, String route, Secret secret) {
    /** Checks the values. */
    public TalkBotRegistration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(secret, "secret");
    }
}
