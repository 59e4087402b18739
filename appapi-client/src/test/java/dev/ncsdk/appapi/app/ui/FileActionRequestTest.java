package dev.ncsdk.appapi.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bodies the Files app's AppAPI plugin POSTs to a file action's handler. Shapes from AppAPI's
 * src/filesplugin.js (buildNodeInfo; v2 wraps the nodes in {"files": [...]}) and nc_py_api's
 * nc_py_api/files/__init__.py (ActionFileInfo, ActionFileInfoEx), as spec §3.6 lists them.
 */
class FileActionRequestTest {
    private static final String NODE = "{\"fileId\":123,\"name\":\"report.md\",\"directory\":\"/Documents\","
            + "\"etag\":\"6555bd5ab9c8b\",\"mime\":\"text/markdown\",\"favorite\":\"true\",\"permissions\":27,"
            + "\"fileType\":\"file\",\"size\":2048,\"mtime\":1700000000,\"shareTypes\":[0,3],"
            + "\"shareAttributes\":\"[{\\\"scope\\\":\\\"permissions\\\",\\\"key\\\":\\\"download\\\",\\\"value\\\":true}]\","
            + "\"sharePermissions\":19,\"shareOwner\":\"Bob\",\"shareOwnerId\":\"bob\",\"userId\":\"alice\","
            + "\"instanceId\":\"ocabc123\"}";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aV1BodyIsOneNode() {
        FileActionRequest r = FileActionRequest.parse(utf8(NODE));
        assertThat(r.v2()).isFalse();
        assertThat(r.files()).hasSize(1);
        FileActionNode n = r.first();
        assertThat(n.fileId()).isEqualTo(123);
        assertThat(n.name()).isEqualTo("report.md");
        assertThat(n.directory()).isEqualTo("/Documents");
        assertThat(n.path()).isEqualTo("/Documents/report.md");
        assertThat(n.etag()).isEqualTo("6555bd5ab9c8b");
        assertThat(n.mime()).isEqualTo("text/markdown");
        assertThat(n.favorite()).isTrue();
        assertThat(n.permissions()).isEqualTo(27);
        assertThat(n.isDirectory()).isFalse();
        assertThat(n.size()).isEqualTo(2048);
        assertThat(n.modified()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(n.shareTypes()).containsExactly(0, 3);
        assertThat(n.shareAttributes()).contains("download");
        assertThat(n.sharePermissions()).isEqualTo(19);
        assertThat(n.shareOwner()).isEqualTo("Bob");
        assertThat(n.shareOwnerId()).isEqualTo("bob");
        assertThat(n.userId()).isEqualTo("alice");
        assertThat(n.instanceId()).isEqualTo("ocabc123");
    }

    @Test
    void aV2BodyIsAListOfNodesReadLeniently() {
        String folder = "{\"fileId\":\"7\",\"name\":\"Photos\",\"directory\":\"/\",\"mime\":\"httpd/unix-directory\","
                + "\"favorite\":\"false\",\"permissions\":\"31\",\"fileType\":\"dir\",\"size\":\"0\","
                + "\"mtime\":1700000001.0,\"shareTypes\":null,\"shareAttributes\":null,\"sharePermissions\":null,"
                + "\"shareOwner\":null,\"shareOwnerId\":null,\"userId\":\"alice\",\"instanceId\":\"ocabc123\","
                + "\"somethingNew\":{\"x\":1}}";
        FileActionRequest r = FileActionRequest.parse(utf8("{\"files\":[" + NODE + "," + folder + "]}"));
        assertThat(r.v2()).isTrue();
        assertThat(r.fileIds()).containsExactly(123L, 7L);
        FileActionNode f = r.files().get(1);
        assertThat(f.isDirectory()).isTrue();
        assertThat(f.favorite()).isFalse();
        assertThat(f.permissions()).isEqualTo(31);
        assertThat(f.mtime()).isEqualTo(1_700_000_001L);
        assertThat(f.path()).isEqualTo("/Photos");
        assertThat(f.shareTypes()).isEmpty();
        assertThat(f.shareAttributes()).isEmpty();
        assertThat(f.sharePermissions()).isZero();
        assertThat(f.shareOwner()).isEmpty();
    }

    @Test
    void aSingleShareTypeAndJsonShareAttributesAreKept() {
        FileActionNode n = FileActionNode.fromJson(dev.ncsdk.appapi.internal.Json.parse(
                "{\"fileId\":1,\"name\":\"a\",\"shareTypes\":\"3\",\"shareAttributes\":[{\"key\":\"download\"}],"
                        + "\"favorite\":true}"));
        assertThat(n.shareTypes()).containsExactly(3);
        assertThat(n.shareAttributes()).isEqualTo("[{\"key\":\"download\"}]");
        assertThat(n.favorite()).isTrue();
    }

    @Test
    void bodiesOfNeitherShapeAreRefused() {
        assertThatThrownBy(() -> FileActionRequest.parse(utf8("not json")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FileActionRequest.parse(utf8("[1,2]"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FileActionRequest.parse(utf8("{\"files\":[]}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FileActionRequest.parse(utf8("{\"other\":1}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FileActionRequest.parse(utf8("{\"files\":[1]}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRedirectAnswerIsAppApisShape() {
        assertThat(FileActionResponse.redirect("viewer").toJson()).isEqualTo("{\"redirect_handler\":\"viewer\"}");
        assertThat(FileActionResponse.redirect("/view?x=\"1\"").toJson())
                .isEqualTo("{\"redirect_handler\":\"view?x=\\\"1\\\"\"}");
        assertThatThrownBy(() -> FileActionResponse.redirect("/")).isInstanceOf(IllegalArgumentException.class);
        assertThat(FileActionResponse.redirect("/a").toMap()).isEqualTo(java.util.Map.of("redirect_handler", "a"));
        assertThat(List.of(FileActionResponse.redirect("a"))).hasSize(1);
    }
}
