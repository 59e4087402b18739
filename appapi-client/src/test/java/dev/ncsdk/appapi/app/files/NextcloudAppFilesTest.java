package dev.ncsdk.appapi.app.files;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.appapi.testing.WireMockSupport;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** {@link NextcloudApp#files()} reaches the acting user's WebDAV tree with the ExApp's AppAPI headers. */
class NextcloudAppFilesTest extends WireMockSupport {
    private static final String SECRET = "files-test-secret";
    private static final String FILE = "/remote.php/dav/files/alice/Documents/Example%20%231.md";

    private static NextcloudApp app() {
        return NextcloudApp.builder()
                .baseUri(URI.create(baseUrl()))
                .appId("javastub")
                .appVersion("1.0.0")
                .secret(Secret.of(SECRET))
                .timeout(Duration.ofSeconds(10))
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    @Test
    void aUserViewStatsThatUsersFileAsTheExApp() {
        wm.stubFor(request("PROPFIND", urlPathEqualTo(FILE))
                .willReturn(aResponse()
                        .withStatus(207)
                        .withHeader("Content-Type", "application/xml; charset=utf-8")
                        .withBody(DavFixtures.STAT_FILE)));
        try (NextcloudApp nc = app()) {
            FileNode node = nc.asUser("alice").files().stat("/Documents/Example #1.md");
            FileNode same = nc.files("alice").stat("/Documents/Example #1.md");

            assertThat(node.fileId()).isEqualTo(171L);
            assertThat(node.size()).isEqualTo(9L);
            assertThat(same).isEqualTo(node);
        }
        String auth = Base64.getEncoder().encodeToString(("alice:" + SECRET).getBytes(StandardCharsets.UTF_8));
        wm.verify(
                2,
                requestedFor("PROPFIND", urlPathEqualTo(FILE))
                        .withHeader("EX-APP-ID", equalTo("javastub"))
                        .withHeader("AUTHORIZATION-APP-API", equalTo(auth)));
    }

    @Test
    void theSystemContextMustNameTheUser() {
        try (NextcloudApp nc = app()) {
            assertThatThrownBy(nc::files)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("asUser");
        }
    }
}
