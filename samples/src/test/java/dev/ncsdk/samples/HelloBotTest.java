package dev.ncsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ncsdk.appapi.exapp.ExApp;
import dev.ncsdk.appapi.testkit.AppApiSimulator;
import dev.ncsdk.appapi.testkit.TalkSimulation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Talk bot of {@code hello-exapp}, driven by the SDK's simulator playing AppAPI and Talk. */
class HelloBotTest {
    @Test
    void answersHelloAsAReplyAndStaysQuietOtherwise() {
        try (AppApiSimulator nc = AppApiSimulator.builder().appId("hello_exapp").start();
                ExApp app = HelloExAppCommand.app(nc.environment(0), 1, Duration.ZERO)) {
            app.start();
            nc.exAppPort(app.port());
            nc.enable();
            assertThat(nc.talk().botRoutes()).containsExactly("talk/hello");

            assertThat(nc.talk()
                            .deliverMessage(HelloBot.ROUTE, "room1", "alice", "what's up")
                            .proxyStatus())
                    .isEqualTo(200);
            TalkSimulation.Delivery d = nc.talk().deliverMessage(HelloBot.ROUTE, "room1", "alice", " !hello ");
            assertThat(d.response().orElseThrow().status()).isEqualTo(200);
            List<TalkSimulation.BotPost> posts = nc.talk().awaitPosts(1, Duration.ofSeconds(10));
            assertThat(posts).hasSize(1);
            assertThat(posts.get(0).text()).isEqualTo("Hello, alice! 👋");
            assertThat(posts.get(0).status()).isEqualTo(201);
            assertThat(posts.get(0).body().has("replyTo")).isTrue();

            nc.disable();
            assertThat(nc.talk().botRoutes()).isEmpty();
        }
    }

    @Test
    void enablesWithoutTalk() {
        try (AppApiSimulator nc = AppApiSimulator.builder().appId("hello_exapp").start();
                ExApp app = HelloExAppCommand.app(nc.environment(0), 1, Duration.ZERO)) {
            nc.talk().available(false);
            app.start();
            nc.exAppPort(app.port());
            assertThat(nc.enable().json().get("error").asText()).isEmpty();
            assertThat(nc.talk().botRoutes()).isEmpty();
        }
    }
}
