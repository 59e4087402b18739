package dev.ncsdk.appapi.app.files;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.requestMadeFor;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ncsdk.appapi.AppApiCredentials;
import dev.ncsdk.appapi.testing.WireMockSupport;
import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PROPFIND listings and stats, and SEARCH by file id, read from answers in the server's shapes (see DavFixtures). */
class FilesListingTest extends WireMockSupport {
    static OcsClient client(String base) {
        return OcsClient.builder()
                .baseUri(URI.create(base))
                .credentials(Credentials.appPassword("alice", Secret.of("app-pw-123")))
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    private static void answer(String method, String url, int status, String body) {
        wm.stubFor(request(method, urlEqualTo(url))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/xml; charset=utf-8")
                        .withBody(body)));
    }

    @Test
    void listReadsTheChildrenWithTheirPropertiesAndLeavesTheFolderItselfOut() {
        answer("PROPFIND", "/remote.php/dav/files/alice/Documents", 207, DavFixtures.LISTING);
        try (OcsClient nc = client(baseUrl())) {
            List<FileNode> nodes = NextcloudFiles.of(nc, "alice").list("/Documents");

            assertThat(nodes)
                    .extracting(FileNode::path)
                    .containsExactly("/Documents/Example #1.md", "/Documents/Grüße");
            FileNode md = nodes.get(0);
            assertThat(md.name()).isEqualTo("Example #1.md");
            assertThat(md.fileId()).isEqualTo(171);
            assertThat(md.etag()).isEqualTo("8a9b5a2c41e6c1c0f0f1f4f24d6d1e55");
            assertThat(md.size()).isEqualTo(9);
            assertThat(md.mimeType()).isEqualTo("text/markdown");
            assertThat(md.permissions())
                    .containsExactlyInAnyOrderElementsOf(EnumSet.of(
                            FilePermission.SHAREABLE,
                            FilePermission.READABLE,
                            FilePermission.DELETABLE,
                            FilePermission.RENAMEABLE,
                            FilePermission.MOVABLE,
                            FilePermission.WRITABLE));
            assertThat(md.rawPermissions()).isEqualTo("RGDNVW");
            assertThat(md.lastModified()).isEqualTo(Instant.parse("2022-07-21T06:00:01Z"));
            assertThat(md.favorite()).isTrue();
            assertThat(md.isDirectory()).isFalse();
            assertThat(md.parent()).isEqualTo("/Documents");

            FileNode dir = nodes.get(1);
            assertThat(dir.isDirectory()).isTrue();
            assertThat(dir.name()).isEqualTo("Grüße");
            assertThat(dir.size()).isEqualTo(3030237);
            assertThat(dir.mimeType()).isEmpty();
            assertThat(dir.permissions()).contains(FilePermission.SHARED, FilePermission.CREATE_FOLDER);
            assertThat(dir.favorite()).isFalse();
        }
        wm.verify(requestedFor("PROPFIND", urlEqualTo("/remote.php/dav/files/alice/Documents"))
                .withHeader("Depth", equalTo("1"))
                .withHeader("Authorization", equalTo(basic("alice", "app-pw-123")))
                .withRequestBody(containing("<oc:fileid/>"))
                .withRequestBody(containing("<oc:permissions/>"))
                .withRequestBody(containing("<oc:favorite/>"))
                .withRequestBody(containing("<d:resourcetype/>")));
    }

    @Test
    void statAsksForDepthZeroAndDescribesTheNode() {
        answer("PROPFIND", "/remote.php/dav/files/alice/Documents/Example%20%231.md", 207, DavFixtures.STAT_FILE);
        try (OcsClient nc = client(baseUrl())) {
            FileNode n = NextcloudFiles.of(nc, "alice").stat("Documents/Example #1.md");
            assertThat(n.path()).isEqualTo("/Documents/Example #1.md");
            assertThat(n.fileId()).isEqualTo(171);
        }
        wm.verify(requestMadeFor(r -> com.github.tomakehurst.wiremock.matching.MatchResult.of(
                r.getMethod().getName().equals("PROPFIND") && "0".equals(r.getHeader("Depth")))));
    }

    @Test
    void aBaseUrlWithASubPathIsKeptInRequestsAndStrippedFromHrefs() {
        answer(
                "PROPFIND",
                "/nextcloud/remote.php/dav/files/alice/Documents",
                207,
                DavFixtures.LISTING.replace("/remote.php/dav/", "/nextcloud/remote.php/dav/"));
        try (OcsClient nc = client(baseUrl() + "/nextcloud")) {
            List<FileNode> nodes = NextcloudFiles.of(nc, "alice").list("Documents/");
            assertThat(nodes)
                    .extracting(FileNode::path)
                    .containsExactly("/Documents/Example #1.md", "/Documents/Grüße");
        }
    }

    @Test
    void byIdSearchesTheUsersFilesForTheFileId() {
        answer("SEARCH", "/remote.php/dav/", 207, DavFixtures.SEARCH_HIT);
        try (OcsClient nc = client(baseUrl())) {
            Optional<FileNode> n = NextcloudFiles.of(nc, "alice").byId(171);
            assertThat(n).map(FileNode::path).contains("/Documents/Example #1.md");
        }
        // the query shape of nextcloud/documentation developer_manual/client_apis/WebDAV/search.rst
        wm.verify(requestedFor("SEARCH", urlEqualTo("/remote.php/dav/"))
                .withHeader("Content-Type", containing("text/xml"))
                .withRequestBody(containing("<d:href>/files/alice</d:href>"))
                .withRequestBody(containing("<d:depth>infinity</d:depth>"))
                .withRequestBody(containing("<d:eq><d:prop><oc:fileid/></d:prop><d:literal>171</d:literal></d:eq>")));
    }

    @Test
    void byIdIsEmptyWhenNothingMatches() {
        answer("SEARCH", "/remote.php/dav/", 207, DavFixtures.SEARCH_EMPTY);
        try (OcsClient nc = client(baseUrl())) {
            assertThat(NextcloudFiles.of(nc, "alice").byId(99)).isEmpty();
        }
    }

    @Test
    void anExAppInTheSystemContextActsAsTheGivenUser() {
        answer("PROPFIND", "/remote.php/dav/files/bob", 207, DavFixtures.SEARCH_EMPTY);
        AppApiCredentials exApp = AppApiCredentials.of("hello_java", "1.0.0", Secret.of("app-secret"));
        try (OcsClient nc = OcsClient.builder()
                .baseUri(URI.create(baseUrl()))
                .credentials(exApp)
                .build()) {
            assertThat(NextcloudFiles.of(nc, "bob").list("/")).isEmpty();
        }
        String expected = Base64.getEncoder().encodeToString("bob:app-secret".getBytes(StandardCharsets.UTF_8));
        wm.verify(requestedFor("PROPFIND", urlEqualTo("/remote.php/dav/files/bob"))
                .withHeader("EX-APP-ID", equalTo("hello_java"))
                .withHeader("AUTHORIZATION-APP-API", equalTo(expected)));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
