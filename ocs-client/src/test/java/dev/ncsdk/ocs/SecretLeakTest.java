package dev.ncsdk.ocs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No password, app password or token appears in a {@code toString()}, an exception message or a log line, with
 * the SDK's loggers at their most verbose.
 */
class SecretLeakTest {
    private static final String PASSWORD = "Pw-0f-Alice-zKzIi12Wyrc";
    private static final String APP_PASSWORD = "AppPw4UBfsIrmJosP48hfgyubx8Cs3zU8l1eXkrTAyt8cLhdB";
    private static final String TOKEN = "LoginFlowTok3nxgoIdp7J4HrhvKuuKYSPiMJAlXtWbwqBm";
    private static final String STORE_TOKEN = "St0reT0ken-abcdef0123456789";
    private static final String SESSION = "S3ssionPassphrase-9f8e7d6c5b4a";
    /** The cookies Nextcloud sets on an authenticated OCS answer (as in the recorded captures). */
    private static final String[] COOKIES = {
        "oc_sessionPassphrase=" + SESSION + "; path=/; secure; HttpOnly; SameSite=Lax",
        "nc_session_id=" + SESSION + "x; path=/; secure; HttpOnly",
        "nc_token=" + SESSION + "y; path=/; secure; HttpOnly"
    };

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

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
                see(((NcResponseException) c).response().headers());
            }
        }
    }

    @Test
    void noSecretInToStringMessagesOrLogs() {
        String loginBody = "{\"poll\":{\"token\":\"" + TOKEN + "\",\"endpoint\":\"" + wm.baseUrl()
                + "/index.php/login/v2/poll\"},\"login\":\"" + wm.baseUrl() + "/index.php/login/v2/flow/abc\"}";
        wm.stubFor(post(urlPathEqualTo("/index.php/login/v2"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(loginBody)));
        wm.stubFor(post(urlPathEqualTo("/index.php/login/v2/poll"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"server\":\"" + wm.baseUrl() + "\",\"loginName\":\"alice\",\"appPassword\":\""
                                + APP_PASSWORD + "\"}")));
        wm.stubFor(get(urlPathEqualTo("/ocs/v2.php/core/getapppassword"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Set-Cookie", COOKIES)
                        .withHeader("Authorization", "Bearer " + STORE_TOKEN)
                        .withHeader("AUTHORIZATION-APP-API", STORE_TOKEN)
                        .withHeader("harp-shared-key", STORE_TOKEN)
                        .withBody("{\"ocs\":{\"meta\":{\"status\":\"ok\",\"statuscode\":200,\"message\":\"OK\"},"
                                + "\"data\":{\"apppassword\":\"" + APP_PASSWORD + "\"}}}")));
        wm.stubFor(delete(urlPathEqualTo("/ocs/v2.php/core/apppassword"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Set-Cookie", COOKIES)
                        .withBody("{\"ocs\":{\"meta\":{\"status\":\"failure\",\"statuscode\":997,"
                                + "\"message\":\"Current user is not logged in\"},\"data\":[]}}")));
        wm.stubFor(get(urlPathEqualTo("/ocs/v2.php/cloud/users"))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
        wm.stubFor(post(urlPathEqualTo("/ocs/v2.php/cloud/users"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ocs\":{\"meta\":{\"status\":\"failure\",\"statuscode\":107,"
                                + "\"message\":\"The password is too weak\"},\"data\":[]}}")));

        Credentials basic = Credentials.basic("alice", Secret.of(PASSWORD));
        OcsClient nc = OcsClient.builder()
                .baseUri(URI.create(wm.baseUrl()))
                .credentials(basic)
                .retryPolicy(RetryPolicy.builder()
                        .maxAttempts(2)
                        .initialBackoff(Duration.ofMillis(1))
                        .build())
                .build();
        see(nc);
        see(basic);
        see(Secret.of(PASSWORD));
        see(Credentials.token(Secret.of(STORE_TOKEN)));
        see(Credentials.bearer(Secret.of(STORE_TOKEN)));
        see(Credentials.appPassword("alice", Secret.of(APP_PASSWORD)));
        see(Credentials.header("X-Key", () -> STORE_TOKEN));

        // a response record: its toString shows the headers, session cookies included, and the data
        OcsResponse<com.fasterxml.jackson.databind.JsonNode> answer =
                nc.ocs(OcsRequest.get("/core/getapppassword").build());
        assertThat(answer.header("Set-Cookie"))
                .as("the record keeps the headers as received")
                .isPresent();
        see(answer);
        see(answer.withData("typed"));
        assertThat(answer.toString()).contains("set-cookie=[****, ****, ****]");

        // app password from the login password, then used and revoked
        Secret app = nc.appPasswords().obtain();
        see(app);
        OcsClient appClient = nc.withCredentials(Credentials.appPassword("alice", app));
        see(appClient);
        see(appClient.toBuilder());
        see(catchThrowable(() -> appClient.appPasswords().revoke()));

        // a failing request whose form body and query hold secrets
        OcsRequest create = OcsRequest.post("/cloud/users")
                .query("password", PASSWORD)
                .query("token", TOKEN)
                .formBody(Map.of("userid", "bob", "password", PASSWORD))
                .build();
        see(create);
        see(catchThrowable(() -> nc.ocs(create)));

        // retried 503s (logged at debug)
        see(catchThrowable(() ->
                nc.ocs(OcsRequest.get("/cloud/users").query("token", TOKEN).build())));

        // login flow: start, poll, result, and a deadline that passes
        LoginFlow.Start start = nc.loginFlow().start();
        see(start);
        LoginFlow.Result result = nc.loginFlow().poll(start).orElseThrow();
        see(result);
        see(result.credentials());
        wm.stubFor(post(urlPathEqualTo("/index.php/login/v2/poll"))
                .willReturn(aResponse().withStatus(404).withBody("[]")));
        see(catchThrowable(() -> nc.loginFlow().await(start, Instant.now(), Duration.ofSeconds(1))));

        // a connection that cannot be made
        try (OcsClient dead = nc.toBuilder()
                .baseUri(URI.create("http://127.0.0.1:1"))
                .retryPolicy(RetryPolicy.none())
                .build()) {
            see(catchThrowable(() -> dead.ocs(create)));
        }
        nc.close();

        SimpleFormatter f = new SimpleFormatter();
        synchronized (records) {
            for (LogRecord r : records) {
                see(f.format(r));
            }
        }
        assertThat(records).as("the SDK logs at debug level").isNotEmpty();
        assertThat(app.matches(APP_PASSWORD)).isTrue();
        assertThat(result.appPassword().matches(APP_PASSWORD)).isTrue();
        String basicHeader = Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes());
        for (String s : seen) {
            assertThat(s)
                    .doesNotContain(PASSWORD)
                    .doesNotContain(APP_PASSWORD)
                    .doesNotContain(TOKEN)
                    .doesNotContain(STORE_TOKEN)
                    .doesNotContain(SESSION)
                    .doesNotContain(basicHeader);
        }
    }

    @Test
    void basicCredentialsAreSentPreemptively() {
        wm.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ocs\":{\"meta\":{\"statuscode\":200},\"data\":[]}}")));
        try (OcsClient nc = OcsClient.builder()
                .baseUri(URI.create(wm.baseUrl()))
                .credentials(Credentials.basic("alice", Secret.of(PASSWORD)))
                .build()) {
            nc.ocs(OcsRequest.get("/cloud/user").build());
        }
        assertThat(wm.getAllServeEvents()).hasSize(1);
        assertThat(wm.getAllServeEvents().get(0).getRequest().getHeader("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes()));
    }
}
