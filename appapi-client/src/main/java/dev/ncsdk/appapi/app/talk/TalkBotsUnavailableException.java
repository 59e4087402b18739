package dev.ncsdk.appapi.app.talk;

import dev.ncsdk.ocs.NcException;

/**
 * The server cannot host bots: Talk (spreed) is not installed or enabled, or its capabilities do not list
 * {@code bots-v1} (Talk 17.1 / Nextcloud 27.1 and newer do). Thrown before a registration is sent.
 *
 * <pre>{@code
 * try {
 *     nc.talkBots().register("/talk/hello", "Hello bot", "Answers !hello");
 * } catch (TalkBotsUnavailableException e) {
 *     nc.log().warning("no Talk bots on this server: " + e.getMessage());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public class TalkBotsUnavailableException extends NcException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is missing
     */
    public TalkBotsUnavailableException(String message) {
        super(message);
    }
}
