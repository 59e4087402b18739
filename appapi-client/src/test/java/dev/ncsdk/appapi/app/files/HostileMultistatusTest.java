package dev.ncsdk.appapi.app.files;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ncsdk.appapi.testing.WireMockSupport;
import dev.ncsdk.ocs.NcUnexpectedResponseException;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * A multistatus answer from a hostile or broken server is refused by the SDK's secure XML reader, in bounded memory:
 * no DTD (so no external entity and no entity expansion), bounded depth, and a size limit the transport enforces
 * while the body arrives.
 */
class HostileMultistatusTest extends WireMockSupport {
    private static void answer(String body) {
        wm.stubFor(request("PROPFIND", anyUrl())
                .willReturn(aResponse()
                        .withStatus(207)
                        .withHeader("Content-Type", "application/xml")
                        .withBody(body)));
    }

    private static NcUnexpectedResponseException refused() {
        try (OcsClient nc = FilesListingTest.client(baseUrl())) {
            return catchThrowableOfType(
                    () -> NextcloudFiles.of(nc, "alice").list("/"), NcUnexpectedResponseException.class);
        }
    }

    @Test
    void anExternalEntityIsRefused() {
        answer("<?xml version=\"1.0\"?>\n<!DOCTYPE d:multistatus [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/remote.php/dav/files/alice/&xxe;</d:href>"
                + "</d:response></d:multistatus>");
        assertThat(refused()).hasMessageContaining("DTD").hasMessageNotContaining("root:");
    }

    @Test
    void entityExpansionIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE d:multistatus [<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY a")
                    .append(i)
                    .append(" \"")
                    .append(("&a" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("]>");
        answer("<?xml version=\"1.0\"?>" + dtd + "<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>&a9;</d:href>"
                + "</d:response></d:multistatus>");
        assertThat(refused()).hasMessageContaining("DTD");
    }

    @Test
    void deepNestingIsRefused() {
        answer("<d:multistatus xmlns:d=\"DAV:\">" + "<d:x>".repeat(50_000) + "</d:x>".repeat(50_000)
                + "</d:multistatus>");
        assertThat(refused()).hasMessageContaining("nested deeper");
    }

    @Test
    void aDocumentThatIsNotAMultistatusIsRefused() {
        answer("<d:error xmlns:d=\"DAV:\"/>");
        assertThat(refused()).hasMessageContaining("not <multistatus>");
    }

    @Test
    void anEndlessListingIsCutAtTheLimitWhileItArrives() throws IOException {
        try (DavServer server = new DavServer();
                OcsClient nc = OcsClient.builder()
                        .baseUri(URI.create(server.baseUrl()))
                        .retryPolicy(RetryPolicy.none())
                        .build()) {
            server.endlessListing = true;
            NextcloudFiles files = NextcloudFiles.builder(nc, "alice")
                    .maxListingBytes(1024 * 1024)
                    .build();
            NcUnexpectedResponseException e =
                    catchThrowableOfType(() -> files.list("/"), NcUnexpectedResponseException.class);
            assertThat(e).hasMessageContaining("exceeds the limit of 1048576 bytes");
            // the client hung up long before the server's 4 GiB: memory stayed near the limit
            assertThat(server.listingBytesWritten.get()).isLessThan(256L * 1024 * 1024);
        }
    }
}
