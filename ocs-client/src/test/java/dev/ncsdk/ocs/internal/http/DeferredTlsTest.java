package dev.ncsdk.ocs.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ncsdk.ocs.NcTransportException;
import dev.ncsdk.ocs.RetryPolicy;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The TLS set-up that waits for the first https connection, and behaves like the JDK's default. */
class DeferredTlsTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().dynamicHttpsPort())
            .build();

    @Test
    void defaultProtocolsAreThoseOfTheJdksDefaultClientContext() throws Exception {
        assertThat(System.getProperty("jdk.tls.client.protocols")).isNull();
        assertThat(DeferredTls.parameters().getProtocols())
                .containsExactly(
                        SSLContext.getDefault().getDefaultSSLParameters().getProtocols());
        assertThat(DeferredTls.parameters().getCipherSuites()).isNull(); // the engine's defaults apply
    }

    @Test
    void theClientProtocolsPropertyIsReadAsTheJdkReadsIt() {
        assertThat(DeferredTls.clientProtocols(null)).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(DeferredTls.clientProtocols("TLSv1.2")).containsExactly("TLSv1.2");
        assertThat(DeferredTls.clientProtocols(" \"TLSv1.3, TLSv1.2 \" ")).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(DeferredTls.clientProtocols("TLSv1.2,,")).containsExactly("TLSv1.2");
        assertThat(DeferredTls.clientProtocols("  ")).containsExactly("TLSv1.3", "TLSv1.2");
    }

    @Test
    void aCreatedClientOffersHttp2OverTls() {
        HttpClient client = HttpTransport.builder().build().httpClient();
        // the JDK offers h2 by ALPN only when the client's parameters name TLS 1.2 or 1.3
        assertThat(client.sslParameters().getProtocols()).contains("TLSv1.3", "TLSv1.2");
        assertThat(client.sslContext().getProtocol()).isEqualTo("Default");
    }

    @Test
    void theDefaultContextIsLookedUpAtTheFirstHttpsConnectionNotWhenTheClientIsBuilt() throws Exception {
        wm.stubFor(
                get(urlEqualTo("/tls")).willReturn(aResponse().withStatus(200).withBody("over tls")));
        URI uri = URI.create("https://localhost:" + wm.getRuntimeInfo().getHttpsPort() + "/tls");
        SSLContext original = SSLContext.getDefault();
        HttpTransport transport = HttpTransport.builder().build(); // before the test's default is installed
        try {
            SSLContext.setDefault(trustingEveryone());
            HttpResult r = transport.send(HttpCall.builder("GET", uri).build());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).isEqualTo("over tls");
        } finally {
            SSLContext.setDefault(original);
        }
    }

    @Test
    void withTheSystemDefaultAnUntrustedServerFailsTheHandshake() {
        URI uri = URI.create("https://localhost:" + wm.getRuntimeInfo().getHttpsPort() + "/tls");
        HttpTransport transport = HttpTransport.builder()
                .retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
                .build();
        assertThatThrownBy(() -> transport.send(HttpCall.builder("GET", uri).build()))
                .isInstanceOf(NcTransportException.class)
                .hasMessageContaining("TLS handshake failed");
    }

    @Test
    void aPlainHttpClientStillAnswersWithoutTls() throws Exception {
        wm.stubFor(
                get(urlEqualTo("/plain")).willReturn(aResponse().withStatus(200).withBody("plain")));
        HttpClient client = HttpTransport.builder().build().httpClient();
        HttpResponse<String> r = client.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + wm.getRuntimeInfo().getHttpPort() + "/plain"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).isEqualTo("plain");
    }

    private static SSLContext trustingEveryone() throws Exception {
        // extended, so that the JDK adds no host name check of its own (WireMock's certificate names no host)
        X509ExtendedTrustManager all = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {all}, null);
        return ctx;
    }
}
