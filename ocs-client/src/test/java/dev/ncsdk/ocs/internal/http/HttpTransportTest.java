package dev.ncsdk.ocs.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.NcTimeoutException;
import dev.ncsdk.ocs.NcTransportException;
import dev.ncsdk.ocs.NcUnexpectedResponseException;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SDK's one HTTP layer against WireMock: retries, gzip, limits, timeouts, redirects, sub-paths. */
class HttpTransportTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @RegisterExtension
    static WireMockExtension other = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final Credentials ALICE = Credentials.basic("alice", Secret.of("pw"));

    private static RetryPolicy fastRetries(int attempts) {
        return RetryPolicy.builder()
                .maxAttempts(attempts)
                .initialBackoff(Duration.ofMillis(5))
                .maxBackoff(Duration.ofMillis(20))
                .maxRetryAfter(Duration.ofSeconds(2))
                .build();
    }

    private static HttpTransport transport(RetryPolicy p) {
        return HttpTransport.builder()
                .retryPolicy(p)
                .credentials(ALICE)
                .requestTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static URI at(WireMockExtension server, String path) {
        return URI.create(server.baseUrl() + path);
    }

    private static void failThenSucceed(String method, int status, String retryAfter) {
        var first = aResponse().withStatus(status);
        if (retryAfter != null) {
            first = first.withHeader("Retry-After", retryAfter);
        }
        wm.stubFor(any(urlEqualTo("/r"))
                .inScenario("retry")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first)
                .willSetStateTo("ok"));
        wm.stubFor(any(urlEqualTo("/r"))
                .inScenario("retry")
                .whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("fine")));
    }

    @Test
    void getIsRetriedOn503() {
        failThenSucceed("GET", 503, null);
        try (HttpTransport t = transport(fastRetries(3))) {
            HttpResult r = t.send(HttpCall.builder("GET", at(wm, "/r")).build());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).isEqualTo("fine");
        }
        wm.verify(2, getRequestedFor(urlEqualTo("/r")));
    }

    @Test
    void retryAfterOn429IsHonoured() {
        failThenSucceed("GET", 429, "1");
        long t0 = System.nanoTime();
        try (HttpTransport t = transport(fastRetries(3))) {
            assertThat(t.send(HttpCall.builder("GET", at(wm, "/r")).build()).status())
                    .isEqualTo(200);
        }
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(950);
        wm.verify(2, getRequestedFor(urlEqualTo("/r")));
    }

    @Test
    void aRetryAfterLongerThanTheLimitEndsTheRetries() {
        wm.stubFor(get(urlEqualTo("/r")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
        try (HttpTransport t = transport(fastRetries(3))) {
            HttpResult r = t.send(HttpCall.builder("GET", at(wm, "/r")).build());
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.retryAfter()).contains(Duration.ofHours(1));
        }
        wm.verify(1, getRequestedFor(urlEqualTo("/r")));
    }

    @Test
    void retriesStopAtMaxAttempts() {
        wm.stubFor(get(urlEqualTo("/r")).willReturn(aResponse().withStatus(503)));
        try (HttpTransport t = transport(fastRetries(3))) {
            assertThat(t.send(HttpCall.builder("GET", at(wm, "/r")).build()).status())
                    .isEqualTo(503);
        }
        wm.verify(3, getRequestedFor(urlEqualTo("/r")));
    }

    @Test
    void postIsNotRetriedOn503() {
        failThenSucceed("POST", 503, "0");
        try (HttpTransport t = transport(fastRetries(3))) {
            assertThat(t.send(HttpCall.builder("POST", at(wm, "/r"))
                                    .formBody(java.util.Map.of("a", "b"))
                                    .build())
                            .status())
                    .isEqualTo(503);
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/r")));
    }

    @Test
    void postIsNotRetriedAfterTheConnectionBrokeMidRequest() {
        wm.stubFor(post(urlEqualTo("/r")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try (HttpTransport t = transport(fastRetries(3))) {
            Throwable e = catchThrowable(() -> t.send(HttpCall.builder("POST", at(wm, "/r"))
                    .jsonBody("{}".getBytes(StandardCharsets.UTF_8))
                    .build()));
            assertThat(e).isInstanceOf(NcTransportException.class);
            assertThat(((NcTransportException) e).mayHaveReachedServer()).isTrue();
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/r")));
    }

    @Test
    void getIsRetriedAfterTheConnectionBroke() {
        wm.stubFor(get(urlEqualTo("/r")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try (HttpTransport t = transport(fastRetries(3))) {
            assertThatThrownBy(
                            () -> t.send(HttpCall.builder("GET", at(wm, "/r")).build()))
                    .isInstanceOf(NcTransportException.class);
        }
        // three attempts by the policy; java.net.http itself repeats an idempotent GET once on a reset connection
        assertThat(wm.findAll(getRequestedFor(urlEqualTo("/r"))).size()).isIn(3, 6);
    }

    @Test
    void postIsRetriedWhenTheConnectionIsRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> retries = new ArrayList<>();
        Logger log = Logger.getLogger("dev.ncsdk.http");
        Level old = log.getLevel();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getMessage().startsWith("retrying")) {
                    retries.add(r.getMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        log.setLevel(Level.ALL);
        log.addHandler(h);
        try (HttpTransport t = transport(fastRetries(3))) {
            Throwable e =
                    catchThrowable(() -> t.send(HttpCall.builder("POST", URI.create("http://127.0.0.1:" + port + "/r"))
                            .formBody(java.util.Map.of("a", "b"))
                            .build()));
            assertThat(e).isInstanceOf(NcTransportException.class).hasMessageContaining("cannot connect");
            assertThat(((NcTransportException) e).mayHaveReachedServer()).isFalse();
        } finally {
            log.removeHandler(h);
            log.setLevel(old);
        }
        assertThat(retries).hasSize(2);
    }

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void gzipIsRequestedAndInflated() throws Exception {
        byte[] plain = "{\"hello\":\"world\"}".repeat(100).getBytes(StandardCharsets.UTF_8);
        wm.stubFor(get(urlEqualTo("/gz"))
                .willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(gzip(plain))));
        try (HttpTransport t = transport(RetryPolicy.none())) {
            HttpResult r = t.send(HttpCall.builder("GET", at(wm, "/gz")).build());
            assertThat(r.body()).isEqualTo(plain);
        }
        wm.verify(getRequestedFor(urlEqualTo("/gz"))
                .withHeader("Accept-Encoding", com.github.tomakehurst.wiremock.client.WireMock.containing("gzip")));
    }

    @Test
    void aGzipBombStopsAtTheLimit() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gz.write(zeros);
            }
        }
        assertThat(out.size()).isLessThan(200_000);
        wm.stubFor(get(urlEqualTo("/bomb"))
                .willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(out.toByteArray())));
        try (HttpTransport t = HttpTransport.builder()
                .retryPolicy(RetryPolicy.none())
                .maxResponseBytes(1 << 20)
                .build()) {
            assertThatThrownBy(() ->
                            t.send(HttpCall.builder("GET", at(wm, "/bomb")).build()))
                    .isInstanceOf(NcUnexpectedResponseException.class)
                    .hasMessageContaining("exceeds the limit of 1048576 bytes");
        }
    }

    @Test
    void aCorruptGzipBodyIsAnUnexpectedResponse() {
        wm.stubFor(get(urlEqualTo("/gz"))
                .willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody("not gzip at all")));
        try (HttpTransport t = transport(RetryPolicy.none())) {
            assertThatThrownBy(
                            () -> t.send(HttpCall.builder("GET", at(wm, "/gz")).build()))
                    .isInstanceOf(NcUnexpectedResponseException.class)
                    .hasMessageContaining("gzip");
        }
    }

    @Test
    void aLargeStreamedBodyStopsAtTheLimit() {
        wm.stubFor(get(urlEqualTo("/big"))
                .willReturn(aResponse().withBody(new byte[300_000]).withChunkedDribbleDelay(3, 30)));
        try (HttpTransport t = HttpTransport.builder()
                .retryPolicy(RetryPolicy.none())
                .maxResponseBytes(100_000)
                .build()) {
            assertThatThrownBy(
                            () -> t.send(HttpCall.builder("GET", at(wm, "/big")).build()))
                    .isInstanceOf(NcUnexpectedResponseException.class)
                    .hasMessageContaining("exceeds the limit");
        }
    }

    @Test
    void aPerCallLimitOverridesTheTransport() {
        wm.stubFor(get(urlEqualTo("/big")).willReturn(aResponse().withBody(new byte[5_000])));
        try (HttpTransport t = transport(RetryPolicy.none())) {
            assertThatThrownBy(() -> t.send(HttpCall.builder("GET", at(wm, "/big"))
                            .maxResponseBytes(1_000)
                            .build()))
                    .isInstanceOf(NcUnexpectedResponseException.class);
        }
    }

    @Test
    void aBodyThatStallsTimesOut() {
        wm.stubFor(get(urlEqualTo("/slow"))
                .willReturn(aResponse().withBody(new byte[1000]).withChunkedDribbleDelay(10, 5_000)));
        long t0 = System.nanoTime();
        try (HttpTransport t = HttpTransport.builder()
                .retryPolicy(RetryPolicy.none())
                .requestTimeout(Duration.ofMillis(500))
                .build()) {
            assertThatThrownBy(() ->
                            t.send(HttpCall.builder("GET", at(wm, "/slow")).build()))
                    .isInstanceOf(NcTimeoutException.class);
        }
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(4_000);
    }

    @Test
    void headersThatNeverComeTimeOut() {
        wm.stubFor(get(urlEqualTo("/slow")).willReturn(aResponse().withFixedDelay(5_000)));
        try (HttpTransport t = HttpTransport.builder()
                .retryPolicy(RetryPolicy.none())
                .requestTimeout(Duration.ofMillis(300))
                .build()) {
            assertThatThrownBy(() -> t.sendAsync(
                                    HttpCall.builder("GET", at(wm, "/slow")).build())
                            .join())
                    .hasCauseInstanceOf(NcTimeoutException.class);
        }
    }

    @Test
    void redirectsToAnotherOriginDropTheCredentials() {
        wm.stubFor(get(urlEqualTo("/from"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", other.baseUrl() + "/to")));
        other.stubFor(get(urlEqualTo("/to")).willReturn(aResponse().withBody("there")));
        try (HttpTransport t = transport(RetryPolicy.none())) {
            assertThat(t.send(HttpCall.builder("GET", at(wm, "/from")).build()).bodyText())
                    .isEqualTo("there");
        }
        wm.verify(getRequestedFor(urlEqualTo("/from"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Basic .+")));
        other.verify(getRequestedFor(urlEqualTo("/to")).withoutHeader("Authorization"));
    }

    @Test
    void redirectsOnTheSameOriginKeepTheCredentials() {
        wm.stubFor(
                get(urlEqualTo("/from")).willReturn(aResponse().withStatus(301).withHeader("Location", "/to")));
        wm.stubFor(get(urlEqualTo("/to")).willReturn(aResponse().withBody("here")));
        try (HttpTransport t = transport(RetryPolicy.none())) {
            assertThat(t.send(HttpCall.builder("GET", at(wm, "/from")).build()).bodyText())
                    .isEqualTo("here");
        }
        wm.verify(getRequestedFor(urlEqualTo("/to"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Basic .+")));
    }

    @Test
    void aRedirectLoopFailsWithTheCountAndTheLastLocation() {
        wm.stubFor(
                get(urlEqualTo("/loop")).willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));
        try (HttpTransport t = transport(RetryPolicy.none())) {
            Throwable e = catchThrowable(
                    () -> t.send(HttpCall.builder("GET", at(wm, "/loop")).build()));
            assertThat(e)
                    .isInstanceOf(dev.ncsdk.ocs.NcRedirectException.class)
                    .hasMessageContaining("too many redirects")
                    .hasMessageContaining("after following 5")
                    .hasMessageContaining(wm.baseUrl() + "/loop")
                    .hasMessageNotContaining("pw");
            assertThat(((dev.ncsdk.ocs.NcRedirectException) e).location()).contains(at(wm, "/loop"));
            assertThat(((dev.ncsdk.ocs.NcRedirectException) e).httpStatus()).isEqualTo(302);
        }
        wm.verify(6, getRequestedFor(urlEqualTo("/loop")));
    }

    @Test
    void subPathBaseUrlsAreKept() {
        URI base = Uris.base(wm.baseUrl() + "/nextcloud/");
        assertThat(base.toString()).isEqualTo(wm.baseUrl() + "/nextcloud");
        wm.stubFor(get(urlPathEqualTo("/nextcloud/ocs/v2.php/cloud/user"))
                .willReturn(aResponse().withBody("ok")));
        try (HttpTransport t = transport(RetryPolicy.none())) {
            URI u = Uris.withQuery(
                    Uris.resolve(base, "/ocs/v2.php/cloud/user"), List.of(java.util.Map.entry("a b", "c&d")));
            assertThat(t.send(HttpCall.builder("GET", u).build()).bodyText()).isEqualTo("ok");
        }
        wm.verify(getRequestedFor(urlEqualTo("/nextcloud/ocs/v2.php/cloud/user?a+b=c%26d")));
    }

    @Test
    void aClosedTransportRefusesCalls() {
        HttpTransport t = transport(RetryPolicy.none());
        HttpTransport derived = t.withCredentials(Credentials.none());
        t.close();
        assertThatThrownBy(
                        () -> derived.send(HttpCall.builder("GET", at(wm, "/x")).build()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(derived.httpClient()).isSameAs(t.httpClient());
    }

    @Test
    void userAgentAndCallHeadersAreSent() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withBody("x")));
        try (HttpTransport t = HttpTransport.builder().userAgent("probe/1.0").build()) {
            t.send(HttpCall.builder("GET", at(wm, "/h")).header("X-Extra", "1").build());
        }
        wm.verify(anyRequestedFor(urlEqualTo("/h"))
                .withHeader("User-Agent", com.github.tomakehurst.wiremock.client.WireMock.equalTo("probe/1.0"))
                .withHeader("X-Extra", com.github.tomakehurst.wiremock.client.WireMock.equalTo("1")));
    }

    @Test
    void baseUrlsWithCredentialsOrQueriesAreRefused() {
        assertThatThrownBy(() -> Uris.base("http://u:p@host/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("u:p");
        assertThatThrownBy(() -> Uris.base("ftp://host/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Uris.base("http://host/?a=1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Uris.redact(URI.create("https://h/p?token=abc&x=1"))).isEqualTo("https://h/p?token=****&x=1");
    }
}
