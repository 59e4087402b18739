package dev.ncsdk.appapi.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.ncsdk.appapi.admin.AppApiAdminClient;
import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A WireMock server per test class, reset before each test, and clients pointed at it. */
public abstract class WireMockSupport {
    /** The admin password of the recorded server (README of the fixtures). */
    public static final String ADMIN_PASSWORD = "NcReal-Adm1n-zKzIi12WyrcX";

    protected static WireMockServer wm;

    @BeforeAll
    static void startWireMock() {
        wm = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        wm.start();
    }

    @AfterAll
    static void stopWireMock() {
        wm.stop();
    }

    @BeforeEach
    void resetWireMock() {
        wm.resetAll();
    }

    /** @return the server's base URL */
    protected static String baseUrl() {
        return "http://localhost:" + wm.port();
    }

    /**
     * A client with the credentials the capture was recorded with.
     *
     * @param c the capture
     * @return the client
     */
    protected static AppApiAdminClient clientFor(Capture c) {
        return client(c.user == null ? "admin" : c.user, c.password == null ? ADMIN_PASSWORD : c.password);
    }

    /**
     * A client as admin with the login password.
     *
     * @return the client
     */
    protected static AppApiAdminClient admin() {
        return client("admin", ADMIN_PASSWORD);
    }

    /**
     * A client with Basic credentials and no retries.
     *
     * @param user the login
     * @param password the password
     * @return the client
     */
    protected static AppApiAdminClient client(String user, String password) {
        return AppApiAdminClient.builder()
                .baseUri(URI.create(baseUrl()))
                .credentials(Credentials.basic(user, Secret.of(password)))
                .requestTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.none())
                .build();
    }
}
