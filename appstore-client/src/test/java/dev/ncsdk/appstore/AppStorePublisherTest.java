package dev.ncsdk.appstore;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ncsdk.appstore.archive.ArchiveRule;
import dev.ncsdk.appstore.publish.AppStoreRejectedException;
import dev.ncsdk.appstore.publish.DownloadCheck;
import dev.ncsdk.appstore.publish.DownloadCheckException;
import dev.ncsdk.appstore.publish.PublishOutcome;
import dev.ncsdk.appstore.publish.RegistrationOutcome;
import dev.ncsdk.appstore.publish.ReleaseUpload;
import dev.ncsdk.appstore.releasetesting.InsecureHttp;
import dev.ncsdk.appstore.releasetesting.TarBuilder;
import dev.ncsdk.appstore.releasetesting.TestPki;
import dev.ncsdk.appstore.signing.AppSigner;
import dev.ncsdk.appstore.signing.SigningException;
import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.NcForbiddenException;
import dev.ncsdk.ocs.NcNotFoundException;
import dev.ncsdk.ocs.NcRateLimitedException;
import dev.ncsdk.ocs.NcResponseException;
import dev.ncsdk.ocs.NcServerException;
import dev.ncsdk.ocs.NcUnauthorizedException;
import dev.ncsdk.ocs.Secret;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.net.URI;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AppStorePublisherTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().dynamicHttpsPort())
            .build();

    @RegisterExtension
    static WireMockExtension elsewhere = WireMockExtension.newInstance()
            .options(wireMockConfig().httpDisabled(true).dynamicHttpsPort())
            .build();

    private static final KeyPair APP_KEY = TestPki.keyPair();
    private static final TestPki PKI = new TestPki();
    private static final String CERT_PEM = TestPki.pem(PKI.appCertificate("news", APP_KEY));
    private static final AppSigner SIGNER = AppSigner.of(APP_KEY.getPrivate());
    private static final byte[] ARCHIVE = TarBuilder.app("news", "2.1.0").build();
    private static final String SIGNATURE = SIGNER.sign(ARCHIVE);
    private static final String TOKEN = "4b92477ff8d5fe889be75db4c7d9a09116276920";

    private AppStorePublisher store;

    @BeforeEach
    void setUp() {
        store = publisher(Credentials.token(Secret.of(TOKEN)));
    }

    private static AppStorePublisher publisher(Credentials c) {
        return AppStorePublisher.builder()
                .baseUri(URI.create(wm.baseUrl() + "/api/v1"))
                .credentials(c)
                .httpClient(InsecureHttp.client())
                .requestTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static String downloadUrl() {
        return "https://localhost:" + wm.getHttpsPort() + "/releases/news-2.1.0.tar.gz";
    }

    private static void serveDownload(byte[] bytes) {
        wm.stubFor(get("/releases/news-2.1.0.tar.gz")
                .willReturn(
                        aResponse().withStatus(200).withBody(bytes).withHeader("Content-Type", "application/gzip")));
    }

    // ------------------------------------------------------------ tokens

    @Test
    void apiTokenUsesBasicCredentialsAndReturnsTheToken() {
        wm.stubFor(post("/api/v1/token").willReturn(okJson("{\"token\":\"" + TOKEN + "\"}")));
        AppStorePublisher basic = publisher(Credentials.basic("alice", Secret.of("s3cret")));

        Secret token = basic.apiToken();

        assertThat(token.reveal()).isEqualTo(TOKEN);
        assertThat(token.toString()).doesNotContain(TOKEN);
        wm.verify(postRequestedFor(urlEqualTo("/api/v1/token"))
                .withHeader("Authorization", equalTo("Basic YWxpY2U6czNjcmV0")));
    }

    @Test
    void regeneratingTheTokenPostsToTokenNewWithTheToken() {
        wm.stubFor(post("/api/v1/token/new")
                .willReturn(okJson("{\"token\":\"ca3fb97920705d2c2ecdb0900f8ed5cf5744704d\"}")));

        assertThat(store.regenerateApiToken().reveal()).isEqualTo("ca3fb97920705d2c2ecdb0900f8ed5cf5744704d");
        wm.verify(postRequestedFor(urlEqualTo("/api/v1/token/new"))
                .withHeader("Authorization", equalTo("Token " + TOKEN)));
    }

    // ------------------------------------------------------------ registration

    @Test
    void registeringANewAppSendsCertificateAndAppIdSignature() {
        wm.stubFor(post("/api/v1/apps").willReturn(aResponse().withStatus(201)));

        RegistrationOutcome o = store.register(CERT_PEM, SIGNER.signAppId("news"));

        assertThat(o).isEqualTo(RegistrationOutcome.CREATED);
        wm.verify(postRequestedFor(urlEqualTo("/api/v1/apps"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"certificate\":" + json(CERT_PEM.strip()) + ",\"signature\":\""
                        + SIGNER.signAppId("news") + "\"}")));
    }

    @Test
    void reRegisteringAnExistingAppIsReportedAsUpdated() {
        wm.stubFor(post("/api/v1/apps").willReturn(aResponse().withStatus(204)));
        assertThat(store.register(CERT_PEM, SIGNER.signAppId("news"))).isEqualTo(RegistrationOutcome.UPDATED);
    }

    @Test
    void aRegistrationWhoseSignatureDoesNotMatchTheCertificateNeverReachesTheStore() {
        String wrong = AppSigner.of(TestPki.keyPair().getPrivate()).signAppId("news");

        assertThatThrownBy(() -> store.register(CERT_PEM, wrong)).isInstanceOf(SigningException.class);
        assertThatThrownBy(() -> store.register(CERT_PEM, SIGNER.signAppId("mail")))
                .isInstanceOf(SigningException.class);
        assertThatThrownBy(() -> store.register("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never the key");
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    // ------------------------------------------------------------ publishing

    @Test
    void publishingDownloadsAndChecksTheUrlThenPostsTheRelease() {
        serveDownload(ARCHIVE);
        wm.stubFor(post("/api/v1/apps/releases").willReturn(aResponse().withStatus(201)));

        PublishOutcome o = store.publish(ReleaseUpload.builder(downloadUrl(), SIGNATURE)
                .verifyWith(SIGNER.publicKey())
                .build());

        assertThat(o).isEqualTo(PublishOutcome.CREATED);
        wm.verify(getRequestedFor(urlEqualTo("/releases/news-2.1.0.tar.gz")).withHeader("Authorization", absent()));
        wm.verify(postRequestedFor(urlEqualTo("/api/v1/apps/releases"))
                .withHeader("Authorization", equalTo("Token " + TOKEN))
                .withRequestBody(equalToJson("{\"download\":\"" + downloadUrl() + "\",\"signature\":\"" + SIGNATURE
                        + "\",\"nightly\":false}")));
    }

    @Test
    void aStoreThatRedirectsThePublishPostToAnotherOriginIsNotFollowed() {
        serveDownload(ARCHIVE);
        String target = "https://localhost:" + elsewhere.getHttpsPort() + "/api/v1/apps/releases";
        wm.stubFor(post("/api/v1/apps/releases")
                .willReturn(aResponse().withStatus(307).withHeader("Location", target)));
        elsewhere.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201)));

        assertThatThrownBy(() -> store.publish(ReleaseUpload.builder(downloadUrl(), SIGNATURE)
                        .verifyWith(SIGNER.publicKey())
                        .build()))
                .isInstanceOf(dev.ncsdk.ocs.NcRedirectException.class)
                .hasMessageContaining(target)
                .hasMessageContaining("another origin")
                .hasMessageNotContaining(TOKEN);
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
        wm.verify(1, postRequestedFor(urlEqualTo("/api/v1/apps/releases")));
    }

    @Test
    void aNightlyUpdateOfAnExistingReleaseIsReportedAsUpdated() {
        serveDownload(ARCHIVE);
        wm.stubFor(post("/api/v1/apps/releases").willReturn(aResponse().withStatus(200)));

        String wrapped = SIGNATURE.replaceAll("(.{64})", "$1\n");
        PublishOutcome o = store.publish(ReleaseUpload.builder(downloadUrl(), wrapped)
                .nightly(true)
                .verifyWith(PKI.appCertificate("news", APP_KEY))
                .build());

        assertThat(o).isEqualTo(PublishOutcome.UPDATED);
        wm.verify(postRequestedFor(urlEqualTo("/api/v1/apps/releases"))
                .withRequestBody(equalToJson("{\"download\":\"" + downloadUrl() + "\",\"signature\":\"" + SIGNATURE
                        + "\",\"nightly\":true}")));
    }

    @Test
    void aUrlServingOtherBytesThanWereSignedIsNeverPublished() {
        byte[] rebuilt = TarBuilder.app("news", "2.1.0")
                .file("news/extra.txt", "rebuilt")
                .build();
        serveDownload(rebuilt);
        wm.stubFor(post("/api/v1/apps/releases").willReturn(aResponse().withStatus(201)));

        assertThatThrownBy(() -> store.publish(ReleaseUpload.builder(downloadUrl(), SIGNATURE)
                        .verifyWith(SIGNER.publicKey())
                        .build()))
                .isInstanceOf(DownloadCheckException.class)
                .hasMessageContaining("not the bytes signed")
                .satisfies(e ->
                        assertThat(((DownloadCheckException) e).check().bytes()).isEqualTo(rebuilt.length));
        wm.verify(0, postRequestedFor(urlEqualTo("/api/v1/apps/releases")));
    }

    @Test
    void aSignedArchiveTheStoreWouldRejectIsNeverPublished() {
        byte[] bad = TarBuilder.app("news", "2.1.0").file("news/.DS_Store", "x").build();
        serveDownload(bad);

        assertThatThrownBy(() -> store.publish(ReleaseUpload.builder(downloadUrl(), SIGNER.sign(bad))
                        .verifyWith(SIGNER.publicKey())
                        .build()))
                .isInstanceOf(DownloadCheckException.class)
                .hasMessageContaining(ArchiveRule.MAC_METADATA.name());
        wm.verify(0, postRequestedFor(urlEqualTo("/api/v1/apps/releases")));
    }

    @Test
    void theDownloadCheckCanBeSkippedExplicitly() {
        wm.stubFor(post("/api/v1/apps/releases").willReturn(aResponse().withStatus(201)));

        PublishOutcome o = store.publish(ReleaseUpload.builder(downloadUrl(), SIGNATURE)
                .skipDownloadCheck()
                .build());

        assertThat(o).isEqualTo(PublishOutcome.CREATED);
        wm.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void anUploadNeedsHttpsAndEitherAKeyOrAnExplicitSkip() {
        assertThatThrownBy(() -> ReleaseUpload.builder("http://example.com/a.tar.gz", SIGNATURE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
        assertThatThrownBy(() -> ReleaseUpload.builder(downloadUrl(), SIGNATURE).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void checkDownloadReportsWhatWasServed() {
        serveDownload(ARCHIVE);
        DownloadCheck c = store.checkDownload(URI.create(downloadUrl()), SIGNATURE, SIGNER.publicKey());
        assertThat(c.bytes()).isEqualTo(ARCHIVE.length);
        assertThat(c.sha256()).hasSize(64);
        assertThat(c.report().appId()).contains("news");
    }

    @Test
    void asyncPublishingCompletesAndFailuresCarryTheTypedCause() {
        wm.stubFor(post("/api/v1/apps/releases").willReturn(aResponse().withStatus(201)));
        wm.stubFor(delete("/api/v1/apps/nope")
                .willReturn(okJson("{\"detail\":\"Not found.\"}").withStatus(404)));

        assertThat(store.publishAsync(ReleaseUpload.builder(downloadUrl(), SIGNATURE)
                                .skipDownloadCheck()
                                .build())
                        .join())
                .isEqualTo(PublishOutcome.CREATED);
        assertThatThrownBy(() -> store.deleteAppAsync("nope").join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(NcNotFoundException.class);
        assertThatThrownBy(() -> HttpTransport.await(store.deleteAppAsync("nope")))
                .isInstanceOf(NcNotFoundException.class);
    }

    // ------------------------------------------------------------ deletion

    @Test
    void deletesUseTheDocumentedRoutes() {
        wm.stubFor(delete(anyUrl()).willReturn(aResponse().withStatus(204)));

        store.deleteRelease("news", "9.0.0");
        store.deleteNightlyRelease("news", "9.0.1-beta.1");
        store.deleteApp("news");

        wm.verify(deleteRequestedFor(urlEqualTo("/api/v1/apps/news/releases/9.0.0")));
        wm.verify(deleteRequestedFor(urlEqualTo("/api/v1/apps/news/releases/nightly/9.0.1-beta.1")));
        wm.verify(deleteRequestedFor(urlEqualTo("/api/v1/apps/news")));
        assertThatThrownBy(() -> store.deleteApp("../admin")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBaseUrlWithASubPathAndTheSharedTransportConstructorWork() {
        wm.stubFor(delete("/store/api/v1/apps/news").willReturn(aResponse().withStatus(204)));
        HttpTransport transport = HttpTransport.builder()
                .credentials(Credentials.token(Secret.of(TOKEN)))
                .build();

        new AppStorePublisher(transport, URI.create("http://localhost:" + wm.getPort() + "/store/api/v1/"))
                .deleteApp("news");

        wm.verify(deleteRequestedFor(urlEqualTo("/store/api/v1/apps/news"))
                .withHeader("Authorization", equalTo("Token " + TOKEN)));
    }

    // ------------------------------------------------------------ error matrix: every write route, every shape

    record Route(String name, String method, String path, Consumer<AppStorePublisher> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Shape(
            String name,
            int status,
            String contentType,
            String body,
            String retryAfter,
            Class<? extends NcResponseException> type,
            List<String> messages) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Route> routes() {
        return List.of(
                new Route("token", "POST", "/api/v1/token", AppStorePublisher::apiToken),
                new Route("token/new", "POST", "/api/v1/token/new", AppStorePublisher::regenerateApiToken),
                new Route("register", "POST", "/api/v1/apps", p -> p.register(CERT_PEM, SIGNER.signAppId("news"))),
                new Route(
                        "publish",
                        "POST",
                        "/api/v1/apps/releases",
                        p -> p.publish(ReleaseUpload.builder("https://example.com/news.tar.gz", SIGNATURE)
                                .skipDownloadCheck()
                                .build())),
                new Route(
                        "delete release",
                        "DELETE",
                        "/api/v1/apps/news/releases/1.0.0",
                        p -> p.deleteRelease("news", "1.0.0")),
                new Route(
                        "delete nightly",
                        "DELETE",
                        "/api/v1/apps/news/releases/nightly/1.0.0",
                        p -> p.deleteNightlyRelease("news", "1.0.0")),
                new Route("delete app", "DELETE", "/api/v1/apps/news", p -> p.deleteApp("news")));
    }

    static List<Shape> shapes() {
        String html = "<html>\r\n<head><title>429 Too Many Requests</title></head>\r\n<body>\r\n<center><h1>429 Too"
                + " Many Requests</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return List.of(
                new Shape(
                        "400 detail",
                        400,
                        "application/json",
                        "{\"detail\":\"info.xml contains malformed xml\"}",
                        null,
                        AppStoreRejectedException.class,
                        List.of("info.xml contains malformed xml")),
                new Shape(
                        "400 field errors",
                        400,
                        "application/json",
                        "{\"download\":[\"Enter a valid URL.\"],\"signature\":[\"This field is required.\"]}",
                        null,
                        AppStoreRejectedException.class,
                        List.of("download: Enter a valid URL.", "signature: This field is required.")),
                new Shape(
                        "400 string array",
                        400,
                        "application/json",
                        "[\"App news does not exist, you need to registerit first\"]",
                        null,
                        AppStoreRejectedException.class,
                        List.of("App news does not exist, you need to registerit first")),
                new Shape(
                        "401",
                        401,
                        "application/json",
                        "{\"detail\":\"Invalid token.\"}",
                        null,
                        NcUnauthorizedException.class,
                        List.of("Invalid token.")),
                new Shape(
                        "403",
                        403,
                        "application/json",
                        "{\"detail\":\"Only the app owner is allowed to update the certificate\"}",
                        null,
                        NcForbiddenException.class,
                        List.of("Only the app owner is allowed to update the certificate")),
                new Shape(
                        "404",
                        404,
                        "application/json",
                        "{\"detail\":\"Not found.\"}",
                        null,
                        NcNotFoundException.class,
                        List.of("Not found.")),
                new Shape(
                        "429 json",
                        429,
                        "application/json",
                        "{\"detail\":\"Request was throttled. Expected available in 86400 seconds.\"}",
                        "86400",
                        NcRateLimitedException.class,
                        List.of("Request was throttled. Expected available in 86400 seconds.")),
                new Shape(
                        "429 html",
                        429,
                        "text/html",
                        html,
                        "120",
                        NcRateLimitedException.class,
                        List.of("429 Too Many Requests")),
                new Shape(
                        "503 html",
                        503,
                        "text/html",
                        "<html><title>Service Unavailable</title></html>",
                        null,
                        NcServerException.class,
                        List.of("Service Unavailable")));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (Route r : routes()) {
            for (Shape s : shapes()) {
                out.add(Arguments.of(r, s));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("matrix")
    void everyWriteRouteMapsEveryErrorShapeAndIsSentOnlyOnce(Route route, Shape shape) {
        var response = aResponse()
                .withStatus(shape.status())
                .withHeader("Content-Type", shape.contentType())
                .withHeader("X-Request-Id", "req-42")
                .withBody(shape.body());
        if (shape.retryAfter() != null) {
            response = response.withHeader("Retry-After", shape.retryAfter());
        }
        wm.stubFor(any(urlEqualTo(route.path())).willReturn(response));

        assertThatThrownBy(() -> route.call().accept(store))
                .isInstanceOf(shape.type())
                .hasMessageNotContaining(TOKEN)
                .satisfies(e -> {
                    NcResponseException ex = (NcResponseException) e;
                    assertThat(ex.httpStatus()).isEqualTo(shape.status());
                    assertThat(ex.messages()).containsExactlyElementsOf(shape.messages());
                    assertThat(ex.requestId()).contains("req-42");
                    if (shape.retryAfter() != null) {
                        assertThat(ex.retryAfter()).contains(Duration.ofSeconds(Long.parseLong(shape.retryAfter())));
                    }
                });
        wm.verify(1, anyRequestedFor(urlEqualTo(route.path())));
    }

    private static String json(String s) {
        return "\""
                + s.replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("\n", "\\n")
                        .replace("\r", "\\r") + "\"";
    }
}
