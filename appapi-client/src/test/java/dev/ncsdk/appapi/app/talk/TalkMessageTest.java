package dev.ncsdk.appapi.app.talk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bodies Talk sends a bot, in the shapes of spreed {@code docs/bots.md} (samples there, with Talk 21 fields). */
class TalkMessageTest {
    private static final String CONTENT = "\"{\\\"message\\\":\\\"hi {mention-call1} !\\\",\\\"parameters\\\":"
            + "{\\\"mention-call1\\\":{\\\"type\\\":\\\"call\\\",\\\"id\\\":\\\"n3xtc10ud\\\",\\\"name\\\":"
            + "\\\"world\\\",\\\"call-type\\\":\\\"group\\\"}}}\"";
    private static final String NOTE = "{\"type\":\"Note\",\"id\":\"1567\",\"name\":\"message\",\"content\":" + CONTENT
            + ",\"mediaType\":\"text/markdown\"}";
    private static final String ACTOR =
            "{\"type\":\"Person\",\"id\":\"users/ada-lovelace\",\"name\":\"Ada Lovelace\",\"talkParticipantType\":3}";
    private static final String TARGET = "{\"type\":\"Collection\",\"id\":\"n3xtc10ud\",\"name\":\"world\"}";

    private static TalkMessage parse(String json) {
        return TalkMessage.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAChatMessage() {
        TalkMessage m = parse("{\"type\":\"Create\",\"actor\":" + ACTOR + ",\"object\":" + NOTE + ",\"target\":"
                + TARGET + ",\"futureField\":1}");
        assertThat(m.type()).isEqualTo(TalkEventType.CREATE);
        assertThat(m.actor().id()).isEqualTo("users/ada-lovelace");
        assertThat(m.actor().userId()).contains("ada-lovelace");
        assertThat(m.actor().talkParticipantType()).isEqualTo(3);
        assertThat(m.actor().name()).isEqualTo("Ada Lovelace");
        assertThat(m.text()).isEqualTo("hi {mention-call1} !");
        assertThat(m.object().parameters().at("/mention-call1/name").asText()).isEqualTo("world");
        assertThat(m.object().mediaType()).isEqualTo("text/markdown");
        assertThat(m.messageId()).contains("1567");
        assertThat(m.conversationToken()).isEqualTo("n3xtc10ud");
        assertThat(m.target().name()).isEqualTo("world");
        assertThat(m.reaction()).isEmpty();
        assertThat(m.raw().get("futureField").asInt()).isEqualTo(1);
        assertThat(m.object().inReplyTo()).isEmpty();
    }

    @Test
    void readsAReplyWithItsParent() {
        String note = NOTE.replace(
                "\"mediaType\"", "\"inReplyTo\":{\"actor\":" + ACTOR + ",\"object\":" + NOTE + "},\"mediaType\"");
        TalkMessage m = parse(
                "{\"type\":\"Create\",\"actor\":" + ACTOR + ",\"object\":" + note + ",\"target\":" + TARGET + "}");
        assertThat(m.object().inReplyTo())
                .hasValueSatisfying(p -> assertThat(p.at("/object/id").asText()).isEqualTo("1567"));
    }

    @Test
    void readsReactionsAddedAndRemoved() {
        TalkMessage like = parse("{\"type\":\"Like\",\"actor\":" + ACTOR + ",\"object\":" + NOTE + ",\"target\":"
                + TARGET + ",\"content\":\"\\ud83d\\ude06\"}");
        assertThat(like.type()).isEqualTo(TalkEventType.LIKE);
        assertThat(like.reaction()).contains("😆");
        assertThat(like.messageId()).contains("1567");
        assertThat(like.text()).isEmpty();

        String likeActivity = "{\"type\":\"Like\",\"actor\":" + ACTOR + ",\"object\":" + NOTE + ",\"target\":" + TARGET
                + ",\"content\":\"\\ud83d\\ude06\"}";
        TalkMessage undo = parse("{\"type\":\"Undo\",\"actor\":" + ACTOR + ",\"object\":" + likeActivity
                + ",\"target\":" + TARGET + "}");
        assertThat(undo.type()).isEqualTo(TalkEventType.UNDO);
        assertThat(undo.reaction()).contains("😆");
        assertThat(undo.messageId()).contains("1567");
        assertThat(undo.conversationToken()).isEqualTo("n3xtc10ud");
    }

    @Test
    void readsTheBotJoiningAndLeaving() {
        String bot = "{\"type\":\"Application\",\"id\":\"bots/bot-a78f46c5c203141b247554e180e1aa3553d282c6\","
                + "\"name\":\"Bot123\"}";
        TalkMessage join = parse("{\"type\":\"Join\",\"actor\":" + bot + ",\"object\":" + TARGET + "}");
        assertThat(join.type()).isEqualTo(TalkEventType.JOIN);
        assertThat(join.conversationToken()).isEqualTo("n3xtc10ud");
        assertThat(join.messageId()).isEmpty();
        assertThat(join.actor().attendeeType()).isEqualTo("bots");
        assertThat(join.actor().userId()).isEmpty();
        TalkMessage leave = parse("{\"type\":\"Leave\",\"actor\":" + bot + ",\"object\":" + TARGET + "}");
        assertThat(leave.type()).isEqualTo(TalkEventType.LEAVE);
        assertThat(leave.conversationToken()).isEqualTo("n3xtc10ud");
    }

    @Test
    void keepsAnUnknownTypeAndTheExtraParametersAppApiAdds() {
        // AppAPI's talk_proxy forwards $request->getParams(): the body plus the URL parameters appId and route
        TalkMessage m = parse("{\"type\":\"Move\",\"actor\":" + ACTOR + ",\"object\":" + NOTE + ",\"target\":" + TARGET
                + ",\"appId\":\"hello\",\"route\":\"talk/hello\"}");
        assertThat(m.type()).isEqualTo(TalkEventType.UNKNOWN);
        assertThat(m.typeName()).isEqualTo("Move");
        assertThat(m.raw().get("route").asText()).isEqualTo("talk/hello");
    }

    @Test
    void refusesABodyThatIsNoObject() {
        assertThatThrownBy(() -> parse("[1,2]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("not json")).isInstanceOf(IllegalArgumentException.class);
    }
}
