package dev.ncsdk.ocs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ncsdk.ocs.internal.SdkAccess;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The settings every client builder shares: validation where they are set, defaults, and what reaches the wire. */
class ClientBuilderTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("blank user agent", (Consumer<OcsClient.Builder>) b -> b.userAgent(" ")),
                Arguments.of("two-line user agent", (Consumer<OcsClient.Builder>) b -> b.userAgent("a\r\nX-Evil: 1")),
                Arguments.of(
                        "zero request timeout", (Consumer<OcsClient.Builder>) b -> b.requestTimeout(Duration.ZERO)),
                Arguments.of("negative connect timeout", (Consumer<OcsClient.Builder>)
                        b -> b.connectTimeout(Duration.ofSeconds(-1))),
                Arguments.of("zero size limit", (Consumer<OcsClient.Builder>) b -> b.maxResponseBytes(0)),
                Arguments.of("ftp base URL", (Consumer<OcsClient.Builder>) b -> b.baseUri(URI.create("ftp://host/"))),
                Arguments.of("base URL with a query", (Consumer<OcsClient.Builder>)
                        b -> b.baseUri(URI.create("https://host/?x=1"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void badValuesFailWhereTheyAreSet(String name, Consumer<OcsClient.Builder> setter) {
        assertThatThrownBy(() -> setter.accept(OcsClient.builder())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullsFailWhereTheyAreSet() {
        OcsClient.Builder b = OcsClient.builder();
        assertThatThrownBy(() -> b.credentials(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.userAgent(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.httpClient(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.retryPolicy(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.requestTimeout(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void unsetValuesTakeTheDocumentedDefaults() {
        HttpTransport t = SdkAccess.hooks().transport(OcsClient.builder()).build();
        assertThat(t.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(t.maxResponseBytes()).isEqualTo(32L * 1024 * 1024);
        assertThat(t.userAgent()).startsWith("ncsdk/").contains(" Java/");
        assertThat(t.credentials()).isEqualTo(Credentials.none());
        assertThat(t.retryPolicy()).isEqualTo(RetryPolicy.defaults());
        assertThatThrownBy(() -> OcsClient.builder().build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSettingsReachTheTransportAndSurviveToBuilder() {
        wm.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ocs\":{\"meta\":{\"status\":\"ok\",\"statuscode\":200},\"data\":[]}}")));
        HttpClient http = HttpClient.newBuilder().build();
        try (OcsClient nc = OcsClient.builder()
                .baseUri(URI.create(wm.baseUrl() + "/"))
                .credentials(Credentials.basic("alice", Secret.of("pw-1")))
                .userAgent("agent/7")
                .requestTimeout(Duration.ofSeconds(7))
                .retryPolicy(RetryPolicy.none())
                .maxResponseBytes(4096)
                .httpClient(http)
                .build()) {
            HttpTransport t = SdkAccess.hooks().transport(nc);
            assertThat(t.httpClient()).isSameAs(http);
            assertThat(t.requestTimeout()).isEqualTo(Duration.ofSeconds(7));
            assertThat(t.retryPolicy()).isEqualTo(RetryPolicy.none());
            assertThat(t.maxResponseBytes()).isEqualTo(4096);

            try (OcsClient copy = nc.toBuilder().format(OcsFormat.XML).build()) {
                HttpTransport c = SdkAccess.hooks().transport(copy);
                assertThat(c.httpClient()).isSameAs(http);
                assertThat(c.userAgent()).isEqualTo("agent/7");
                assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(7));
                assertThat(c.maxResponseBytes()).isEqualTo(4096);
                assertThat(c.retryPolicy()).isEqualTo(RetryPolicy.none());
                assertThat(copy.credentials()).isEqualTo(nc.credentials());
                copy.ocs(OcsRequest.get("/cloud/user").build());
            }
        }
        wm.verify(getRequestedFor(urlPathEqualTo("/ocs/v2.php/cloud/user"))
                .withHeader("User-Agent", equalTo("agent/7"))
                .withHeader("Authorization", equalTo("Basic YWxpY2U6cHctMQ==")));
    }
}
