package dev.ncsdk.ocs.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.NcRedirectException;
import dev.ncsdk.ocs.NcTimeoutException;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The transport's limits against hostile or broken servers: the call's deadline across retries and waits, and the
 * redirects it refuses to follow (a body re-sent to another origin, a downgrade to http, a loop).
 */
class TransportBoundsTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @RegisterExtension
    static WireMockExtension secure = WireMockExtension.newInstance()
            .options(wireMockConfig().httpDisabled(true).dynamicHttpsPort())
            .build();

    @RegisterExtension
    static WireMockExtension other = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String PASSWORD = "Pw-0f-Bob-9Xq2LmR7";
    private static final Credentials ALICE = Credentials.basic("alice", Secret.of("alice-pw"));

    /** Accepts connections, reads nothing, answers nothing, and counts them. */
    static final class SilentServer implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger accepted = new AtomicInteger();
        final List<Socket> held = new CopyOnWriteArrayList<>();
        final Thread acceptor;

        SilentServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        held.add(socket.accept());
                        accepted.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
        }

        @Override
        public void close() throws Exception {
            socket.close();
            for (Socket s : held) {
                s.close();
            }
            acceptor.join(5_000);
        }
    }

    private static RetryPolicy quickRetries() {
        return RetryPolicy.builder()
                .maxAttempts(3)
                .initialBackoff(Duration.ofMillis(5))
                .maxBackoff(Duration.ofMillis(20))
                .maxRetryAfter(Duration.ofSeconds(5))
                .build();
    }

    @Test
    void aServerThatNeverAnswersEndsTheCallAtItsDeadlineWithoutRetries() throws Exception {
        Duration deadline = Duration.ofMillis(600);
        try (SilentServer server = new SilentServer();
                HttpTransport t = HttpTransport.builder()
                        .retryPolicy(quickRetries())
                        .requestTimeout(deadline)
                        .build()) {
            long t0 = System.nanoTime();
            Throwable e = catchThrowable(() ->
                    t.send(HttpCall.builder("GET", server.uri("/status.php")).build()));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(e)
                    .isInstanceOf(NcTimeoutException.class)
                    .hasMessageContaining("no complete answer within the call's timeout of 600 ms");
            // the one attempt used the whole deadline: no second connection, no second full timeout
            assertThat(server.accepted.get()).isEqualTo(1);
            assertThat(ms).isLessThan(3 * deadline.toMillis());
        }
    }

    @Test
    void backOffWaitsCountAgainstTheDeadline() {
        wm.stubFor(
                get(urlEqualTo("/busy")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
        try (HttpTransport t = HttpTransport.builder()
                .retryPolicy(quickRetries())
                .requestTimeout(Duration.ofMillis(1_500))
                .build()) {
            HttpResult r = t.send(
                    HttpCall.builder("GET", URI.create(wm.baseUrl() + "/busy")).build());
            assertThat(r.status()).isEqualTo(503);
        }
        // a second wait of 1 s would end after the 1.5 s deadline: two attempts, not three
        wm.verify(2, getRequestedFor(urlEqualTo("/busy")));
    }

    @Test
    void aCallsOwnTimeoutIsItsDeadlineToo() throws Exception {
        try (SilentServer server = new SilentServer();
                HttpTransport t = HttpTransport.builder()
                        .retryPolicy(quickRetries())
                        .requestTimeout(Duration.ofSeconds(30))
                        .build()) {
            Throwable e = catchThrowable(() -> t.send(HttpCall.builder("GET", server.uri("/x"))
                    .timeout(Duration.ofMillis(400))
                    .build()));
            assertThat(e).isInstanceOf(NcTimeoutException.class).hasMessageContaining("400 ms");
            assertThat(server.accepted.get()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {307, 308})
    void aRedirectThatWouldResendTheBodyToAnotherOriginIsRefused(int status) {
        String target = other.baseUrl() + "/steal?token=abc";
        wm.stubFor(post(urlEqualTo("/ocs/v2.php/cloud/users"))
                .willReturn(aResponse().withStatus(status).withHeader("Location", target)));
        other.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(201)));
        try (HttpTransport t = HttpTransport.builder()
                .credentials(ALICE)
                .retryPolicy(quickRetries())
                .build()) {
            Throwable e = catchThrowable(() ->
                    t.send(HttpCall.builder("POST", URI.create(wm.baseUrl() + "/ocs/v2.php/cloud/users"))
                            .formBody(Map.of("userid", "bob", "password", PASSWORD))
                            .build()));
            assertThat(e)
                    .isInstanceOf(NcRedirectException.class)
                    .hasMessageContaining("HTTP " + status)
                    .hasMessageContaining(other.baseUrl() + "/steal?token=****")
                    .hasMessageContaining("re-send the POST body to another origin")
                    .hasMessageNotContaining(PASSWORD);
            assertThat(((NcRedirectException) e).location()).contains(URI.create(target));
        }
        other.verify(0, anyRequestedFor(anyUrl()));
        wm.verify(1, postRequestedFor(urlEqualTo("/ocs/v2.php/cloud/users")));
    }

    @Test
    void aPutRedirectedBy301ToAnotherOriginIsRefusedToo() {
        wm.stubFor(put(urlEqualTo("/item"))
                .willReturn(aResponse().withStatus(301).withHeader("Location", other.baseUrl() + "/item")));
        try (HttpTransport t = HttpTransport.builder().credentials(ALICE).build()) {
            Throwable e = catchThrowable(() -> t.send(HttpCall.builder("PUT", URI.create(wm.baseUrl() + "/item"))
                    .jsonBody("{\"password\":\"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .build()));
            assertThat(e).isInstanceOf(NcRedirectException.class).hasMessageContaining(other.baseUrl() + "/item");
        }
        other.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void a307OnTheSameOriginResendsTheBodyWithTheCredentials() {
        wm.stubFor(post(urlEqualTo("/a")).willReturn(aResponse().withStatus(307).withHeader("Location", "/b")));
        wm.stubFor(post(urlEqualTo("/b")).willReturn(aResponse().withStatus(201)));
        try (HttpTransport t = HttpTransport.builder().credentials(ALICE).build()) {
            HttpResult r = t.send(HttpCall.builder("POST", URI.create(wm.baseUrl() + "/a"))
                    .formBody(Map.of("k", "v"))
                    .build());
            assertThat(r.status()).isEqualTo(201);
        }
        wm.verify(postRequestedFor(urlEqualTo("/b"))
                .withRequestBody(containing("k=v"))
                .withHeader("Authorization", containing("Basic ")));
    }

    @Test
    void aPostRedirectedBy303ToAnotherOriginBecomesAGetWithoutBodyOrCredentials() {
        wm.stubFor(post(urlEqualTo("/a"))
                .willReturn(aResponse().withStatus(303).withHeader("Location", other.baseUrl() + "/done")));
        other.stubFor(get(urlEqualTo("/done")).willReturn(aResponse().withBody("done")));
        try (HttpTransport t = HttpTransport.builder().credentials(ALICE).build()) {
            HttpResult r = t.send(HttpCall.builder("POST", URI.create(wm.baseUrl() + "/a"))
                    .formBody(Map.of("password", PASSWORD))
                    .build());
            assertThat(r.bodyText()).isEqualTo("done");
        }
        other.verify(getRequestedFor(urlEqualTo("/done")).withoutHeader("Authorization"));
        other.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void aRedirectFromHttpsDownToHttpIsRefusedWithItsLocation() throws Exception {
        String target = wm.baseUrl() + "/plain";
        secure.stubFor(get(urlEqualTo("/secure"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", target)));
        URI from = URI.create("https://localhost:" + secure.getHttpsPort() + "/secure");
        try (HttpTransport t = HttpTransport.builder()
                .httpClient(trustingClient())
                .credentials(ALICE)
                .retryPolicy(RetryPolicy.none())
                .build()) {
            Throwable e =
                    catchThrowable(() -> t.send(HttpCall.builder("GET", from).build()));
            assertThat(e)
                    .isInstanceOf(NcRedirectException.class)
                    .hasMessageContaining("HTTP 302")
                    .hasMessageContaining("refused the redirect from https down to http")
                    .hasMessageContaining(target);
        }
        wm.verify(0, getRequestedFor(urlEqualTo("/plain")));
    }

    /** A client that trusts WireMock's self-signed certificate (tests only). */
    private static HttpClient trustingClient() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new TrustAll()}, null);
        return HttpClient.newBuilder()
                .sslContext(ctx)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] c, String a, Socket s) {}

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a, Socket s) {}

        @Override
        public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) {}

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) {}

        @Override
        public void checkClientTrusted(X509Certificate[] c, String a) {}

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
