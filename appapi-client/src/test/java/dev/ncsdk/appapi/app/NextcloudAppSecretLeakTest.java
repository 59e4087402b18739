package dev.ncsdk.appapi.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ncsdk.appapi.testing.Capture;
import dev.ncsdk.appapi.testing.WireMockSupport;
import dev.ncsdk.ocs.NcResponseException;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ExApp's secret (and the {@code AUTHORIZATION-APP-API} values made from it) appears in no {@code toString()},
 * exception message or log line of {@link NextcloudApp}, with the SDK's loggers at their most verbose, through
 * successes, refusals (wrong secret, disabled app), transport failures and the log bridge.
 */
class NextcloudAppSecretLeakTest extends WireMockSupport {
    private static final String SECRET = "Exapp-S3cret-q8Wz1LmN0pRtYv5Xc7Bd";
    private static final String SENSITIVE_VALUE = "Api-K3y-NeverShown-4411";

    private final List<String> seen = new ArrayList<>();
    private final List<LogRecord> records = new ArrayList<>();
    private final Logger root = Logger.getLogger("dev.ncsdk");
    private Level oldLevel;
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (records) {
                records.add(r);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureLogs() {
        oldLevel = root.getLevel();
        root.setLevel(Level.ALL);
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    @AfterEach
    void restoreLogs() {
        root.removeHandler(handler);
        root.setLevel(oldLevel);
    }

    private void see(Object o) {
        if (o != null) {
            seen.add(String.valueOf(o));
        }
    }

    private void see(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            see(c.getMessage());
            see(c.toString());
            if (c instanceof NcResponseException) {
                see(((NcResponseException) c).response());
            }
            for (Throwable s : c.getSuppressed()) {
                see(s);
            }
        }
    }

    private static String header(String user) {
        return Base64.getEncoder().encodeToString((user + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void noSecretInToStringMessagesOrLogs() {
        NextcloudApp nc = NextcloudApp.builder()
                .baseUri(URI.create(baseUrl()))
                .appId("javastub")
                .appVersion("1.0.0")
                .secret(Secret.of(SECRET))
                .timeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.builder()
                        .maxAttempts(2)
                        .initialBackoff(Duration.ofMillis(1))
                        .build())
                .build();
        NextcloudApp alice = nc.asUser("alice").withRequestId("req-7");
        see(nc);
        see(alice);
        see(nc.ocs());
        see(alice.ocs());
        see(alice.ocs().credentials());
        see(alice.log());
        see(nc.systemLogger("leak"));

        // a success, with a sensitive value echoed back
        wm.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ocs\":{\"meta\":{\"status\":\"ok\",\"statuscode\":100,\"message\":\"OK\"},"
                                + "\"data\":{\"id\":3,\"appid\":\"javastub\",\"configkey\":\"api_key\","
                                + "\"configvalue\":\"" + SENSITIVE_VALUE + "\",\"sensitive\":1}}}")));
        see(nc.appConfig().set("api_key", SENSITIVE_VALUE, true));

        // refused: wrong secret (115) everywhere, then disabled (124 + 125)
        wm.resetAll();
        Capture wrong = Capture.load("115_exapp_err_wrong_secret_v1_json");
        wm.stubFor(any(anyUrl()).willReturn(wrong.response()));
        see(catchThrowable(nc::enabled));
        see(catchThrowable(() -> alice.users()));
        wm.resetAll();
        Capture.load("124_exapp_log_while_disabled_err_v1_json")
                .serveAnswerAt(wm, "/ocs/v1.php/apps/app_api/api/v1/log");
        Capture.load("125_exapp_state_while_disabled_v1_json")
                .serveAnswerAt(wm, "/ocs/v1.php/apps/app_api/ex-app/state");
        Capture.load("114_exapp_capabilities_appauth_v2_json").serveAnswerAt(wm, "/ocs/v2.php/cloud/capabilities");
        see(catchThrowable(() -> alice.log().error("disabled")));

        // transport failures and the bridge
        wm.resetAll();
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
        see(catchThrowable(() -> nc.setInitProgress(10)));
        alice.systemLogger("leak").log(System.Logger.Level.ERROR, "bridge line");
        nc.log().flush(Duration.ofSeconds(10));
        nc.close();
        see(catchThrowable(nc::enabled));

        SimpleFormatter f = new SimpleFormatter();
        synchronized (records) {
            assertThat(records).isNotEmpty();
            for (LogRecord r : records) {
                see(f.format(r));
                see(f.formatMessage(r));
            }
        }
        assertThat(seen).isNotEmpty();
        for (String s : seen) {
            assertThat(s).doesNotContain(SECRET, header(""), header("alice"), SENSITIVE_VALUE);
        }
    }
}
