package dev.ncsdk.ocs.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ncsdk.ocs.Credentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Closing a transport releases the HTTP client it created (connections and selector thread), and only that. */
class HttpClientShutdownTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static HttpCall call(String path) {
        return HttpCall.builder("GET", URI.create(wm.baseUrl() + path)).build();
    }

    private static Thread selectorOf(HttpClient client) {
        Thread t = HttpClients.selectorThread(client);
        assertThat(t).as("selector thread of %s", client).isNotNull();
        return t;
    }

    @Test
    void closingATransportEndsTheSelectorThreadOfTheClientItCreated() throws Exception {
        wm.stubFor(get(urlEqualTo("/a")).willReturn(aResponse().withStatus(200).withBody("a")));
        HttpTransport t = HttpTransport.builder().build();
        assertThat(t.send(call("/a")).status()).isEqualTo(200);
        Thread selector = selectorOf(t.httpClient());
        assertThat(selector.isAlive()).isTrue();

        t.close();
        selector.join(5_000);

        assertThat(selector.isAlive()).isFalse();
        assertThat(t.isClosed()).isTrue();
        assertThatThrownBy(() -> t.send(call("/a"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCallInFlightWhenTheTransportClosesStillCompletesAndTheThreadEndsAfterIt() throws Exception {
        wm.stubFor(get(urlEqualTo("/slow"))
                .willReturn(aResponse().withStatus(200).withBody("late").withFixedDelay(400)));
        HttpTransport t = HttpTransport.builder().build();
        CompletableFuture<HttpResult> pending = t.sendAsync(call("/slow"));
        Thread selector = selectorOf(t.httpClient());

        t.close();
        assertThat(selector.isAlive()).isTrue();

        assertThat(pending.get().bodyText()).isEqualTo("late");
        selector.join(5_000);
        assertThat(selector.isAlive()).isFalse();
    }

    @Test
    void aCallerSuppliedClientIsLeftRunning() throws Exception {
        wm.stubFor(get(urlEqualTo("/a")).willReturn(aResponse().withStatus(200).withBody("a")));
        HttpClient mine = HttpClient.newHttpClient();
        HttpTransport t = HttpTransport.builder().httpClient(mine).build();
        t.send(call("/a"));
        Thread selector = selectorOf(mine);

        t.close();
        selector.join(300);

        assertThat(selector.isAlive()).isTrue();
        assertThat(HttpTransport.builder()
                        .httpClient(mine)
                        .build()
                        .send(call("/a"))
                        .bodyText())
                .isEqualTo("a");
    }

    @Test
    void closingADerivedTransportLeavesTheOneItCameFromAndItsClientRunning() throws Exception {
        wm.stubFor(get(urlEqualTo("/a")).willReturn(aResponse().withStatus(200).withBody("a")));
        HttpTransport root = HttpTransport.builder().build();
        HttpTransport alice = root.withCredentials(Credentials.bearer(dev.ncsdk.ocs.Secret.of("t")));
        HttpTransport view = root.view();
        HttpTransport grandchild = view.withCredentials(Credentials.none());

        alice.close();
        view.close();

        assertThat(alice.isClosed()).isTrue();
        assertThat(grandchild.isClosed()).isTrue();
        assertThat(root.isClosed()).isFalse();
        assertThat(root.send(call("/a")).bodyText()).isEqualTo("a");
        Thread selector = selectorOf(root.httpClient());
        selector.join(300);
        assertThat(selector.isAlive()).isTrue();

        root.close();
        selector.join(5_000);
        assertThat(selector.isAlive()).isFalse();
    }

    @Test
    void closingTheRootClosesEveryDerivedTransport() {
        HttpTransport root = HttpTransport.builder().build();
        HttpTransport alice = root.withCredentials(Credentials.bearer(dev.ncsdk.ocs.Secret.of("t")));
        HttpTransport view = alice.view();
        root.close();
        assertThat(alice.isClosed()).isTrue();
        assertThat(view.isClosed()).isTrue();
    }

    @Test
    void anUnknownClientHasNoSelectorThread() {
        assertThat(HttpClients.selectorThread(null)).isNull();
    }

    @Test
    void aClientSharedByATransportBuiltOnItAgainEndsWithTheLastOfThem() throws Exception {
        wm.stubFor(get(urlEqualTo("/a")).willReturn(aResponse().withStatus(200).withBody("a")));
        HttpTransport first = HttpTransport.builder().build();
        HttpTransport second = first.toBuilder().userAgent("second/1").build(); // as OcsClient.toBuilder() does
        assertThat(second.httpClient()).isSameAs(first.httpClient());
        first.send(call("/a"));
        Thread selector = selectorOf(first.httpClient());

        first.close();
        first.close(); // closing twice counts once
        selector.join(300);
        assertThat(selector.isAlive()).isTrue();
        assertThat(second.send(call("/a")).bodyText()).isEqualTo("a");

        second.close();
        selector.join(5_000);
        assertThat(selector.isAlive()).isFalse();
    }
}
