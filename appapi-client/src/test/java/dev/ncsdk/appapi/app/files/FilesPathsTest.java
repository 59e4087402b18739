package dev.ncsdk.appapi.app.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.ocs.OcsClient;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Paths are normalised, checked and percent-encoded one segment at a time. */
class FilesPathsTest {
    private static NextcloudFiles files(String base) {
        return NextcloudFiles.of(OcsClient.builder().baseUri(URI.create(base)).build(), "alice");
    }

    @Test
    void eachSegmentIsEncoded() {
        NextcloudFiles f = files("https://cloud.example.com/nc");
        assertThat(f.uri("/a b/c#d/50%/x?y&z=1+2.txt").toString())
                .isEqualTo(
                        "https://cloud.example.com/nc/remote.php/dav/files/alice/a%20b/c%23d/50%25/x%3Fy%26z%3D1%2B2.txt");
        assertThat(f.uri("Grüße/日本.txt").getRawPath())
                .isEqualTo("/nc/remote.php/dav/files/alice/Gr%C3%BC%C3%9Fe/%E6%97%A5%E6%9C%AC.txt");
        assertThat(f.uri("//a/./b//").getRawPath()).isEqualTo("/nc/remote.php/dav/files/alice/a/b");
        assertThat(f.uri("/").getRawPath()).isEqualTo("/nc/remote.php/dav/files/alice");
    }

    @Test
    void theUserIdIsEncodedToo() {
        assertThat(NextcloudFiles.of(
                                OcsClient.builder()
                                        .baseUri(URI.create("https://h"))
                                        .build(),
                                "jo doe@example.com")
                        .uri("/x")
                        .getRawPath())
                .isEqualTo("/remote.php/dav/files/jo%20doe%40example.com/x");
    }

    @Test
    void dotDotIsRefusedEverywhere() {
        NextcloudFiles f = files("https://h");
        assertThatThrownBy(() -> f.uri("/a/../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.stat("..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.move("/a", "/../b", true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NextcloudFiles.join("/Documents", "..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.uri("/a\0b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NextcloudFiles.of(
                        OcsClient.builder().baseUri(URI.create("https://h")).build(), "../admin"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NextcloudFiles.of(
                        OcsClient.builder().baseUri(URI.create("https://h")).build(), ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFileActionsDirectoryAndNameJoinIntoAPath() {
        assertThat(NextcloudFiles.join("/Documents", "a b.txt")).isEqualTo("/Documents/a b.txt");
        assertThat(NextcloudFiles.join("/", "a.txt")).isEqualTo("/a.txt");
        assertThat(NextcloudFiles.join("", "a.txt")).isEqualTo("/a.txt");
        assertThat(NextcloudFiles.join("/Photos/", "..jpg")).isEqualTo("/Photos/..jpg");
    }

    @Test
    void hrefsAreDecodedAsPathsWithPlusKept() {
        assertThat(DavPaths.decode("/a%20b+c/%E6%97%A5")).isEqualTo("/a b+c/日");
        assertThat(Multistatus.relative("/remote.php/dav/files/alice/x/", "/remote.php/dav/files/alice"))
                .isEqualTo("/x");
        assertThat(Multistatus.relative("/remote.php/dav/files/alice/", "/remote.php/dav/files/alice"))
                .isEqualTo("/");
    }

    @Test
    void theRootCannotBeUploadedToOrDeleted() {
        NextcloudFiles f = files("https://h");
        assertThatThrownBy(() -> f.delete("/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.upload("", new java.io.ByteArrayInputStream(new byte[0]), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
