package dev.ncsdk.appstore.signing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ncsdk.appstore.releasetesting.Fixtures;
import dev.ncsdk.appstore.releasetesting.InsecureHttp;
import dev.ncsdk.appstore.releasetesting.TestPki;
import dev.ncsdk.ocs.NcException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class TrustMaterialDownloaderTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().dynamicHttpsPort())
            .build();

    private static void serve(byte[] crt, byte[] crl) {
        wm.stubFor(get("/codesigning/root.crt").willReturn(aResponse().withBody(crt)));
        wm.stubFor(get("/codesigning/root.crl").willReturn(aResponse().withBody(crl)));
    }

    private static TrustMaterialDownloader.Builder downloader(Path cache) {
        String base = "https://localhost:" + wm.getHttpsPort() + "/codesigning/";
        return TrustMaterial.downloader()
                .certificatesUri(URI.create(base + "root.crt"))
                .crlUri(URI.create(base + "root.crl"))
                .cacheDirectory(cache)
                .httpClient(InsecureHttp.client());
    }

    @Test
    void downloadsPinsCachesAndServesFromTheCacheWhileFresh(@TempDir Path cache) throws Exception {
        serve(
                Files.readAllBytes(Fixtures.appstore("server-root.crt")),
                Files.readAllBytes(Fixtures.appstore("server-root.crl")));

        TrustMaterial first = downloader(cache).build().load();
        TrustMaterial second = downloader(cache).build().load();

        assertThat(first.roots()).hasSize(1);
        assertThat(TrustMaterial.fingerprint(first.roots().get(0))).isEqualTo(TrustMaterial.NEXTCLOUD_ROOT_SHA256);
        assertThat(first.crls()).hasSize(1);
        assertThat(second.crls()).hasSize(1);
        assertThat(Files.exists(cache.resolve("root.crt"))).isTrue();
        wm.verify(1, getRequestedFor(urlEqualTo("/codesigning/root.crt")));
    }

    @Test
    void aStaleCacheIsRefreshedAndUsedOnlyWhenTheDownloadFails(@TempDir Path cache) throws Exception {
        serve(
                Files.readAllBytes(Fixtures.appstore("server-root.crt")),
                Files.readAllBytes(Fixtures.appstore("server-root.crl")));
        downloader(cache).build().load();
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(3)), ZoneOffset.UTC);
        wm.resetAll();
        wm.stubFor(get("/codesigning/root.crt").willReturn(aResponse().withStatus(404)));
        wm.stubFor(get("/codesigning/root.crl").willReturn(aResponse().withStatus(404)));

        TrustMaterial t = downloader(cache).clock(later).build().load();

        assertThat(t.roots()).hasSize(1);
        wm.verify(getRequestedFor(urlEqualTo("/codesigning/root.crt")));
    }

    @Test
    void materialWhoseRootDoesNotMatchThePinIsRefusedAndNotCached(@TempDir Path cache) throws Exception {
        TestPki pki = new TestPki();
        serve(
                (TestPki.pem(pki.intermediate) + TestPki.pem(pki.root)).getBytes(),
                TestPki.pem(pki.crl()).getBytes());

        assertThatThrownBy(() -> downloader(cache).build().load())
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("pinned");
        assertThat(Files.exists(cache.resolve("root.crt"))).isFalse();

        TrustMaterial own = downloader(cache)
                .rootSha256(TrustMaterial.fingerprint(pki.root))
                .build()
                .load();
        assertThat(own.roots()).containsExactly(pki.root);
    }

    @Test
    void withoutCacheAFailedDownloadFails(@TempDir Path cache) {
        wm.stubFor(get("/codesigning/root.crt").willReturn(aResponse().withStatus(404)));
        wm.stubFor(get("/codesigning/root.crl").willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> downloader(cache).build().load()).isInstanceOf(NcException.class);
    }

    @Test
    void plainHttpLocationsAreRefused() {
        assertThatThrownBy(() -> TrustMaterial.downloader().certificatesUri(URI.create("http://example.com/root.crt")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustMaterial.downloader().rootSha256("abc"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
