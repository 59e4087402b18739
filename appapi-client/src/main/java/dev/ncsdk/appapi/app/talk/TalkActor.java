package dev.ncsdk.appapi.app.talk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;
import java.util.Optional;

/**
 * Who acted, as Talk describes it ({@code actor} of the body): for people {@code type} {@code Person} and {@code id}
 * {@code <attendee type>/<id>} such as {@code users/alice} or {@code guests/<sha1>}; for a bot {@code Application}
 * and {@code bots/bot-<sha1>}.
 *
 * <pre>{@code
 * message.actor().userId().ifPresent(user -> nc.asUser(user).notifications().send(...));
 * }</pre>
 *
 * @param type the ActivityStreams type ({@code Person}, {@code Application})
 * @param id the attendee type and id, joined by {@code /}
 * @param name the display name
 * @param talkParticipantType the participant type (Talk 21+), or {@code null} when not sent
 * @since 0.1.0
 */
public record TalkActor(String type, String id, String name, Integer talkParticipantType) {
    /** Empty texts instead of {@code null}. */
    public TalkActor {
        type = type == null ? "" : type;
        id = id == null ? "" : id;
        name = name == null ? "" : name;
    }

    /**
     * Reads an {@code actor} object leniently.
     *
     * <pre>{@code
     * TalkActor a = TalkActor.fromJson(json.get("actor"));
     * }</pre>
     *
     * @param node the object, may be {@code null}
     * @return the actor, with empty fields when absent
     */
    public static TalkActor fromJson(JsonNode node) {
        return new TalkActor(
                Json.strOrEmpty(node, "type"),
                Json.strOrEmpty(node, "id"),
                Json.strOrEmpty(node, "name"),
                Json.intOrNull(node, "talkParticipantType"));
    }

    /**
     * The attendee type: the part of {@link #id()} before the first {@code /} ({@code users}, {@code guests},
     * {@code emails}, {@code bots}, {@code federated_users}...).
     *
     * <pre>{@code
     * boolean guest = message.actor().attendeeType().equals("guests");
     * }</pre>
     *
     * @return the type, {@code ""} when the id has no {@code /}
     */
    public String attendeeType() {
        int slash = id.indexOf('/');
        return slash < 0 ? "" : id.substring(0, slash);
    }

    /**
     * The id within the attendee type: the part of {@link #id()} after the first {@code /}.
     *
     * <pre>{@code
     * String who = message.actor().attendeeId();
     * }</pre>
     *
     * @return the id
     */
    public String attendeeId() {
        int slash = id.indexOf('/');
        return slash < 0 ? id : id.substring(slash + 1);
    }

    /**
     * The Nextcloud user id when a user acted ({@code users/<id>}).
     *
     * <pre>{@code
     * Optional<String> user = message.actor().userId();
     * }</pre>
     *
     * @return the user id, or empty for guests, bots and others
     */
    public Optional<String> userId() {
        return attendeeType().equals("users") ? Optional.of(attendeeId()) : Optional.empty();
    }
}
