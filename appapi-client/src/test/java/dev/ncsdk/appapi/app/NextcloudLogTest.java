package dev.ncsdk.appapi.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ncsdk.appapi.app.NextcloudAppTest.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.ncsdk.appapi.internal.Json;
import dev.ncsdk.appapi.testing.Capture;
import dev.ncsdk.appapi.testing.WireMockSupport;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The log calls and the {@link System.Logger} bridge: levels below the server's are not sent, the server's level is
 * read once, the bridge keeps order, never blocks, drops rather than recurse, and never forwards the SDK's own
 * records.
 */
class NextcloudLogTest extends WireMockSupport {
    private static final String LOG = "/ocs/v1.php/apps/app_api/api/v1/log";
    private static final String CAPS = "/ocs/v2.php/cloud/capabilities";

    private static NextcloudApp.Builder builder() {
        return NextcloudApp.builder()
                .baseUri(URI.create(baseUrl()))
                .appId("javastub")
                .appVersion("1.0.0")
                .secret(Secret.of(SECRET))
                .timeout(Duration.ofSeconds(10))
                .retryPolicy(RetryPolicy.none());
    }

    /** The server reports loglevel 2 (capture 01, as a logged-in user) and accepts log lines (capture 94). */
    private static void serverAtWarning() {
        wm.stubFor(get(urlPathEqualTo(CAPS))
                .willReturn(Capture.load("01_capabilities_v2_json").response()));
        acceptLogLines(0);
    }

    private static void acceptLogLines(int delayMs) {
        wm.stubFor(post(urlPathEqualTo(LOG))
                .willReturn(Capture.load("94_exapp_log_v1_json").response().withFixedDelay(delayMs)));
    }

    private static List<JsonNode> sentLines() {
        List<ServeEvent> events = new ArrayList<>(wm.getAllServeEvents());
        java.util.Collections.reverse(events); // newest first; a stable sort keeps this order within a millisecond
        events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        List<JsonNode> out = new ArrayList<>();
        for (ServeEvent e : events) {
            if (e.getRequest().getUrl().startsWith(LOG)) {
                out.add(Json.parse(e.getRequest().getBodyAsString()));
            }
        }
        return out;
    }

    @Test
    void linesBelowTheServersLevelAreNotSentAndTheLevelIsReadOnce() {
        serverAtWarning();
        try (NextcloudApp nc = builder().build()) {
            assertThat(nc.log().threshold()).isEqualTo(LogLevel.WARNING);
            assertThat(nc.log().log(LogLevel.INFO, "not sent")).isFalse();
            nc.log().debug("not sent either");
            assertThat(nc.asUser("alice").log().log(LogLevel.WARNING, "sent")).isTrue();
            nc.withRequestId("r9").log().error("sent too");
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo(CAPS)));
        wm.verify(2, postRequestedFor(urlPathEqualTo(LOG)));
        wm.verify(postRequestedFor(urlPathEqualTo(LOG))
                .withRequestBody(equalToJson("{\"level\":3,\"message\":\"sent too\"}"))
                .withHeader("AA-REQUEST-ID", equalTo("r9")));
    }

    @Test
    void withoutTheServersLevelTheFallbackApplies() {
        wm.stubFor(get(urlPathEqualTo(CAPS))
                .willReturn(
                        Capture.load("114_exapp_capabilities_appauth_v2_json").response()));
        acceptLogLines(0);
        try (NextcloudApp nc = builder().fallbackLogLevel(LogLevel.DEBUG).build()) {
            assertThat(nc.log().log(LogLevel.DEBUG, "sent")).isTrue();
        }
        wm.resetAll();
        wm.stubFor(get(urlPathEqualTo(CAPS)).willReturn(aResponse().withStatus(503)));
        acceptLogLines(0);
        try (NextcloudApp nc = builder().build()) {
            assertThat(nc.log().threshold()).isEqualTo(LogLevel.WARNING);
            assertThat(nc.log().log(LogLevel.INFO, "skipped")).isFalse();
        }
    }

    @Test
    void theBridgeSendsFormattedLinesInOrder() {
        serverAtWarning();
        try (NextcloudApp nc = builder().build()) {
            System.Logger log = nc.systemLogger("worker");
            assertThat(log.getName()).isEqualTo("worker");
            for (int i = 0; i < 10; i++) {
                log.log(System.Logger.Level.WARNING, "line {0} of {1}", i, 10);
            }
            log.log(System.Logger.Level.INFO, "below the server's level");
            log.log(System.Logger.Level.ERROR, "failed", new IllegalStateException("boom"));
            assertThat(nc.log().flush(Duration.ofSeconds(20))).isTrue();
            assertThat(log.isLoggable(System.Logger.Level.INFO)).isFalse();
            assertThat(log.isLoggable(System.Logger.Level.ERROR)).isTrue();
            assertThat(log.isLoggable(System.Logger.Level.OFF)).isFalse();
        }
        List<JsonNode> lines = sentLines();
        assertThat(lines).hasSize(11);
        for (int i = 0; i < 10; i++) {
            assertThat(lines.get(i).get("message").asText()).isEqualTo("[worker] line " + i + " of 10");
            assertThat(lines.get(i).get("level").asInt()).isEqualTo(2);
        }
        String error = lines.get(10).get("message").asText();
        assertThat(error).startsWith("[worker] failed\njava.lang.IllegalStateException: boom\n\tat ");
        assertThat(lines.get(10).get("level").asInt()).isEqualTo(3);
    }

    @Test
    void aLogCallMadeWhileALineIsBeingSentIsDroppedNotRecursed() {
        serverAtWarning();
        AtomicReference<System.Logger> self = new AtomicReference<>();
        Object loud = new Object() {
            @Override
            public String toString() {
                // logging from inside the bridge (here: while its line is formatted) must not recurse
                self.get().log(System.Logger.Level.ERROR, "re-entered");
                return "loud";
            }
        };
        try (NextcloudApp nc = builder().build()) {
            System.Logger log = nc.systemLogger("app");
            self.set(log);
            log.log(System.Logger.Level.WARNING, "value {0}", loud);
            assertThat(nc.log().flush(Duration.ofSeconds(20))).isTrue();
            assertThat(nc.log().droppedLines()).isEqualTo(1);
        }
        assertThat(sentLines()).extracting(n -> n.get("message").asText()).containsExactly("[app] value loud");
    }

    @Test
    void theSdksOwnAndTheHttpClientsRecordsAreNeverForwarded() {
        serverAtWarning();
        try (NextcloudApp nc = builder().build()) {
            for (String name : List.of("dev.ncsdk.http", "dev.ncsdk.ocs", "jdk.internal.httpclient.debug")) {
                System.Logger log = nc.systemLogger(name);
                assertThat(log.isLoggable(System.Logger.Level.ERROR)).isFalse();
                log.log(System.Logger.Level.ERROR, "-> POST " + LOG);
            }
            assertThat(nc.log().flush(Duration.ofSeconds(20))).isTrue();
        }
        assertThat(sentLines()).isEmpty();
    }

    @Test
    void theBridgeNeverBlocksTheCallerAndDropsBeyondItsCapacity() {
        wm.stubFor(get(urlPathEqualTo(CAPS))
                .willReturn(Capture.load("01_capabilities_v2_json").response()));
        acceptLogLines(1_500); // a stalled server
        try (NextcloudApp nc = builder().logQueueCapacity(3).build()) {
            System.Logger log = nc.systemLogger("busy");
            for (int i = 0; i < 5; i++) {
                log.log(System.Logger.Level.ERROR, "line " + i);
            }
            // the calls above returned although no line has been answered yet
            assertThat(nc.log().droppedLines()).isEqualTo(2);
            assertThat(nc.log().flush(Duration.ofMillis(1))).isFalse();
            assertThat(nc.log().flush(Duration.ofSeconds(30))).isTrue();
        }
        assertThat(sentLines())
                .extracting(n -> n.get("message").asText())
                .containsExactly("[busy] line 0", "[busy] line 1", "[busy] line 2");
    }

    @Test
    void aLineThatFailsIsCountedNotThrown() {
        wm.stubFor(get(urlPathEqualTo(CAPS))
                .willReturn(Capture.load("01_capabilities_v2_json").response()));
        wm.stubFor(post(urlPathEqualTo(LOG)).willReturn(aResponse().withStatus(500)));
        try (NextcloudApp nc = builder().build()) {
            nc.systemLogger("x").log(System.Logger.Level.ERROR, "lost");
            assertThat(nc.log().flush(Duration.ofSeconds(20))).isTrue();
            assertThat(nc.log().droppedLines()).isEqualTo(1);
        }
    }

    @Test
    void closingTheInstanceSendsTheLinesStillQueued() {
        serverAtWarning();
        NextcloudApp nc = builder().build();
        nc.log().threshold();
        nc.systemLogger("stop").log(System.Logger.Level.ERROR, "last words");
        nc.close();
        assertThat(sentLines()).extracting(n -> n.get("message").asText()).containsExactly("[stop] last words");
    }

    @Test
    void levelsMapBothWays() {
        assertThat(LogLevel.of(System.Logger.Level.TRACE)).isEqualTo(LogLevel.DEBUG);
        assertThat(LogLevel.of(System.Logger.Level.INFO)).isEqualTo(LogLevel.INFO);
        assertThat(LogLevel.of(System.Logger.Level.WARNING)).isEqualTo(LogLevel.WARNING);
        assertThat(LogLevel.of(System.Logger.Level.ERROR)).isEqualTo(LogLevel.ERROR);
        assertThat(LogLevel.of(System.Logger.Level.OFF)).isNull();
        assertThat(LogLevel.of(0)).isEqualTo(LogLevel.DEBUG);
        assertThat(LogLevel.of(4)).isEqualTo(LogLevel.FATAL);
        assertThat(LogLevel.FATAL.value()).isEqualTo(4);
    }
}
