package dev.ncsdk.appapi.app.files;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ncsdk.appapi.testing.WireMockSupport;
import dev.ncsdk.ocs.NcConflictException;
import dev.ncsdk.ocs.NcForbiddenException;
import dev.ncsdk.ocs.NcNotFoundException;
import dev.ncsdk.ocs.NcPreconditionFailedException;
import dev.ncsdk.ocs.NcResponseException;
import dev.ncsdk.ocs.NcServerException;
import dev.ncsdk.ocs.NcUnauthorizedException;
import dev.ncsdk.ocs.OcsClient;
import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every failure status a WebDAV call can meet maps to its exception type, carrying the status and sabre/dav's
 * {@code s:exception} and {@code s:message}. Exception class names and messages are sabre/dav's and Nextcloud's
 * ({@code apps/dav/lib/Connector/Sabre/File.php}, {@code Directory.php}, {@code Exception/FileLocked.php},
 * {@code sabre/dav Exception/InsufficientStorage.php}).
 */
class FilesErrorsTest extends WireMockSupport {
    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(
                        404,
                        "Sabre\\DAV\\Exception\\NotFound",
                        "File with name //x.txt could not be located",
                        NcNotFoundException.class),
                Arguments.of(
                        403, "Sabre\\DAV\\Exception\\Forbidden", "Could not delete file", NcForbiddenException.class),
                Arguments.of(
                        409,
                        "Sabre\\DAV\\Exception\\Conflict",
                        "Files cannot be created in non-existent collections",
                        NcConflictException.class),
                Arguments.of(
                        412,
                        "Sabre\\DAV\\Exception\\PreconditionFailed",
                        "The destination node already exists, and the overwrite header is set to false",
                        NcPreconditionFailedException.class),
                Arguments.of(
                        423,
                        "OCA\\DAV\\Connector\\Sabre\\Exception\\FileLocked",
                        "\"x.txt\" is locked",
                        FileLockedException.class),
                Arguments.of(
                        507,
                        "Sabre\\DAV\\Exception\\InsufficientStorage",
                        "Insufficient space in /alice/files",
                        InsufficientStorageException.class),
                Arguments.of(
                        401,
                        "Sabre\\DAV\\Exception\\NotAuthenticated",
                        "No public access to this resource.",
                        NcUnauthorizedException.class),
                Arguments.of(500, "Sabre\\DAV\\Exception", "Internal error", NcServerException.class));
    }

    private static void failAll(int status, String body) {
        wm.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/xml; charset=utf-8")
                        .withHeader("X-Request-Id", "req-42")
                        .withBody(body)));
    }

    private static void expect(
            Consumer<NextcloudFiles> call,
            int status,
            String exception,
            String message,
            Class<? extends Throwable> type) {
        try (OcsClient nc = FilesListingTest.client(baseUrl())) {
            NextcloudFiles files = NextcloudFiles.of(nc, "alice");
            NcResponseException e = (NcResponseException) catchThrowableOfType(() -> call.accept(files), type);
            assertThat(e).as("HTTP %d", status).isNotNull();
            assertThat(e.httpStatus()).isEqualTo(status);
            assertThat(e.requestId()).contains("req-42");
            assertThat(DavError.of(e)).contains(new DavError(exception, message));
            assertThat(e.getMessage()).contains(message).doesNotContain("app-pw-123");
        }
    }

    @ParameterizedTest(name = "HTTP {0} -> {3}")
    @MethodSource("statuses")
    void eachStatusOfAMetadataCallHasItsType(
            int status, String exception, String message, Class<? extends Throwable> type) {
        failAll(status, DavFixtures.error(exception, message.replace("\"", "&quot;")));
        expect(f -> f.stat("/x.txt"), status, exception, message, type);
        expect(f -> f.delete("/x.txt"), status, exception, message, type);
        expect(f -> f.move("/x.txt", "/y.txt", false), status, exception, message, type);
    }

    @ParameterizedTest(name = "HTTP {0} -> {3}")
    @MethodSource("statuses")
    void eachStatusOfAStreamedCallHasItsType(
            int status, String exception, String message, Class<? extends Throwable> type) {
        failAll(status, DavFixtures.error(exception, message.replace("\"", "&quot;")));
        expect(f -> f.download("/x.txt", new ByteArrayOutputStream()), status, exception, message, type);
        expect(
                f -> f.upload("/x.txt", new java.io.ByteArrayInputStream(new byte[10]), 10),
                status,
                exception,
                message,
                type);
    }

    @Test
    void lockedAndFullCarryTheirDavError() {
        failAll(423, DavFixtures.error("OCA\\DAV\\Connector\\Sabre\\Exception\\FileLocked", "locked"));
        try (OcsClient nc = FilesListingTest.client(baseUrl())) {
            FileLockedException e =
                    catchThrowableOfType(() -> NextcloudFiles.of(nc, "alice").delete("/x"), FileLockedException.class);
            assertThat(e.davError()).map(DavError::message).contains("locked");
        }
        failAll(507, DavFixtures.error("Sabre\\DAV\\Exception\\InsufficientStorage", "full"));
        try (OcsClient nc = FilesListingTest.client(baseUrl())) {
            InsufficientStorageException e = catchThrowableOfType(
                    () -> NextcloudFiles.of(nc, "alice").mkdir("/x"), InsufficientStorageException.class);
            assertThat(e.davError()).map(DavError::exception).contains("Sabre\\DAV\\Exception\\InsufficientStorage");
        }
    }

    @Test
    void moveAndCopySendDestinationAndOverwrite() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201)));
        try (OcsClient nc = FilesListingTest.client(baseUrl())) {
            NextcloudFiles files = NextcloudFiles.of(nc, "alice");
            files.move("/a b.txt", "/Archive/a b.txt", false);
            files.copy("/a b.txt", "/c#d.txt", true);
        }
        wm.verify(requestedFor("MOVE", urlEqualTo("/remote.php/dav/files/alice/a%20b.txt"))
                .withHeader("Destination", equalTo(baseUrl() + "/remote.php/dav/files/alice/Archive/a%20b.txt"))
                .withHeader("Overwrite", equalTo("F")));
        wm.verify(requestedFor("COPY", urlEqualTo("/remote.php/dav/files/alice/a%20b.txt"))
                .withHeader("Destination", equalTo(baseUrl() + "/remote.php/dav/files/alice/c%23d.txt"))
                .withHeader("Overwrite", equalTo("T")));
    }

    @Test
    void makedirsCreatesEachLevelAndAcceptsThoseThatExist() {
        // sabre/dav answers MKCOL on an existing node with 405 MethodNotAllowed
        wm.stubFor(any(urlEqualTo("/remote.php/dav/files/alice/a"))
                .willReturn(aResponse()
                        .withStatus(405)
                        .withBody(DavFixtures.error(
                                "Sabre\\DAV\\Exception\\MethodNotAllowed",
                                "The resource you tried to create already exists"))));
        wm.stubFor(any(urlEqualTo("/remote.php/dav/files/alice/a/b"))
                .willReturn(aResponse().withStatus(201)));
        try (OcsClient nc = FilesListingTest.client(baseUrl())) {
            NextcloudFiles files = NextcloudFiles.of(nc, "alice");
            files.makedirs("a/b/");
            assertThatThrownBy(() -> files.mkdir("/a"))
                    .isInstanceOf(NcResponseException.class)
                    .hasMessageContaining("already exists");
        }
        wm.verify(requestedFor("MKCOL", urlEqualTo("/remote.php/dav/files/alice/a/b")));
    }

    @Test
    void anHtmlErrorPageIsStillTyped() {
        wm.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html/>")));
        try (OcsClient nc = FilesListingTest.client(baseUrl())) {
            NcNotFoundException e =
                    catchThrowableOfType(() -> NextcloudFiles.of(nc, "alice").stat("/x"), NcNotFoundException.class);
            assertThat(DavError.of(e)).isEmpty();
        }
    }
}
