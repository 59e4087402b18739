package dev.ncsdk.appapi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.app.files.NextcloudFiles;
import dev.ncsdk.appapi.app.ui.ExAppUi;
import dev.ncsdk.appapi.app.ui.FileAction;
import dev.ncsdk.appapi.app.ui.FileActionNode;
import dev.ncsdk.appapi.app.ui.FileActionRequest;
import dev.ncsdk.appapi.app.ui.FileActionResponse;
import dev.ncsdk.appapi.exapp.ExApp;
import dev.ncsdk.appapi.exapp.HttpMethod;
import dev.ncsdk.appapi.exapp.Response;
import dev.ncsdk.appapi.manifest.AccessLevel;
import dev.ncsdk.ocs.NcNotFoundException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator calling into the ExApp on a person's behalf. File action bodies as AppAPI's src/filesplugin.js
 * (buildNodeInfo, registerFileAction33) sends them: v2 one POST {"files":[node…]} and redirect_handler →
 * /index.php/apps/app_api/embedded/<appid>/<handler>?fileIds=…; v1 one POST of a bare node per file. The proxy's
 * checks from lib/Controller/ExAppProxyController.php (passesExAppProxyRoutesChecks: first route matching path and
 * verb decides, 404 otherwise); the embedded page from lib/Controller/TopMenuController.php (viewExAppPage).
 */
class ServerCallbacksTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final byte[] NOTES = "meeting at noon\n".getBytes(StandardCharsets.UTF_8);

    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    /** An app with a file action that hashes the files it is given, a page and an admin-only page. */
    private ExApp.Builder app() {
        return ExApp.builder()
                .onEnabled(nc -> {
                    nc.ui()
                            .fileActions()
                            .register(FileAction.builder("hash", "Hash it", "/actions/hash")
                                    .mime("text")
                                    .build());
                    nc.ui().topMenu().register("main", "Hello", "img/icon.svg", false);
                    nc.ui().topMenu().register("admin", "Hello admin", "", true);
                    nc.ui().scripts().set(ExAppUi.TOP_MENU, "main", "js/main", "");
                    nc.ui().scripts().set(ExAppUi.TOP_MENU, "main", "js/extra", "");
                    nc.ui().styles().set(ExAppUi.TOP_MENU, "main", "css/main", "");
                    nc.ui().initialState().set(ExAppUi.TOP_MENU, "main", "config", Map.of("theme", "dark"));
                    nc.ui().initialState().set(ExAppUi.TOP_MENU, "main", "limits", Map.of("max", 3));
                })
                .route(HttpMethod.POST, "/actions/hash", AccessLevel.USER, req -> {
                    received.add(req.json());
                    FileActionRequest action = FileActionRequest.parse(req.body());
                    Map<String, Object> out = new LinkedHashMap<>();
                    NextcloudFiles files = req.nextcloud().files();
                    for (FileActionNode f : action.files()) {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        files.download(f.path(), bytes);
                        out.put(f.path(), sha256(bytes.toByteArray()));
                    }
                    if (action.v2()) {
                        out.put(
                                "redirect_handler",
                                FileActionResponse.redirect("result").toMap().get("redirect_handler"));
                    }
                    return Response.json(out);
                })
                .route(
                        HttpMethod.GET,
                        "/js/*",
                        AccessLevel.USER,
                        req -> Response.bytes("console.log(1)".getBytes(StandardCharsets.UTF_8), "text/javascript"))
                .route(
                        HttpMethod.GET,
                        "/css/*",
                        AccessLevel.USER,
                        req -> Response.bytes("body{}".getBytes(StandardCharsets.UTF_8), "text/css"))
                .route(
                        HttpMethod.GET,
                        "/img/*",
                        AccessLevel.PUBLIC,
                        req -> Response.bytes("<svg/>".getBytes(StandardCharsets.UTF_8), "image/svg+xml"))
                .route(HttpMethod.GET, "/settings", AccessLevel.ADMIN, req -> Response.text("secret settings"))
                .route(HttpMethod.GET, "/internal", req -> Response.text("only for AppAPI"));
    }

    private AppApiSimulator run(ExApp.Builder builder) {
        AppApiSimulator nc = AppApiSimulator.builder().appId("hello").start();
        open.add(nc);
        ExApp app = builder.environment(nc.environment(0)).build().start();
        open.add(app::close);
        nc.exAppPort(app.port());
        nc.routes(app.manifest());
        nc.init(WAIT);
        return nc;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void aV2FileActionGetsAllFilesInOneRequestAndTheHandlerReadsThemOverWebDav() throws Exception {
        AppApiSimulator nc = run(app());
        SimulatedFile notes = nc.putFile("alice", "/Documents/notes.txt", NOTES);
        SimulatedFile top = nc.putFile("alice", "/todo.md", "- x".getBytes(StandardCharsets.UTF_8));

        FileActionResult r = nc.fileAction("alice", "hash", "/Documents/notes.txt", "/todo.md");

        assertThat(r.responses()).hasSize(1);
        assertThat(r.response().status()).isEqualTo(200);
        assertThat(r.response().json().get("/Documents/notes.txt").asText()).isEqualTo(sha256(NOTES));
        assertThat(r.response().json().get("/todo.md").asText())
                .isEqualTo(sha256("- x".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.redirect())
                .hasValue(
                        "/index.php/apps/app_api/embedded/hello/result?fileIds=" + notes.fileId() + "," + top.fileId());

        JsonNode body = received.get(0);
        assertThat(body.fieldNames()).toIterable().containsExactly("files");
        JsonNode node = body.get("files").get(0);
        assertThat(node.fieldNames())
                .toIterable()
                .containsExactly(
                        "fileId",
                        "name",
                        "directory",
                        "etag",
                        "mime",
                        "favorite",
                        "permissions",
                        "fileType",
                        "size",
                        "mtime",
                        "shareTypes",
                        "shareAttributes",
                        "sharePermissions",
                        "shareOwner",
                        "shareOwnerId",
                        "userId",
                        "instanceId");
        assertThat(node.get("fileId").asLong()).isEqualTo(notes.fileId());
        assertThat(node.get("name").asText()).isEqualTo("notes.txt");
        assertThat(node.get("directory").asText()).isEqualTo("/Documents");
        assertThat(node.get("mime").asText()).isEqualTo("text/plain");
        assertThat(node.get("favorite").asText()).isEqualTo("false");
        assertThat(node.get("fileType").asText()).isEqualTo("file");
        assertThat(node.get("size").asLong()).isEqualTo(NOTES.length);
        assertThat(node.get("userId").asText()).isEqualTo("alice");
        assertThat(body.get("files").get(1).get("directory").asText()).isEqualTo("/");

        RecordedCall get = nc.calls("GET", "/remote.php/dav/files/alice/Documents/notes.txt")
                .get(0);
        assertThat(get.user()).isEqualTo("alice");
        assertThat(get.status()).isEqualTo(200);
    }

    @Test
    void aV1FileActionPostsOneBareNodePerFile() throws Exception {
        AppApiSimulator nc = run(app());
        nc.putFile("alice", "/a.txt", NOTES);
        nc.putFile("alice", "/b.txt", NOTES);

        FileActionResult r = nc.fileActionV1("alice", "hash", "/a.txt", "/b.txt");

        assertThat(r.responses())
                .hasSize(2)
                .allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
        assertThat(r.redirect()).isEmpty();
        assertThat(received).hasSize(2);
        assertThat(received.get(0).has("files")).isFalse();
        assertThat(received.get(0).get("name").asText()).isEqualTo("a.txt");
        assertThat(received.get(1).get("name").asText()).isEqualTo("b.txt");
        assertThat(r.response().json().get("/a.txt").asText()).isEqualTo(sha256(NOTES));
    }

    @Test
    void webDavServesOnlyTheSignedUsersOwnFiles() throws Exception {
        AppApiSimulator nc = run(app());
        nc.putFile("alice", "/a.txt", NOTES);
        nc.putFile("bob", "/b.txt", NOTES);
        try (var client = dev.ncsdk.appapi.app.NextcloudApp.builder()
                .environment(nc.environment(0))
                .build()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(client.asUser("alice").files().download("/a.txt", out)).isEqualTo(NOTES.length);
            assertThat(out.toByteArray()).isEqualTo(NOTES);
            assertThatThrownBy(() -> client.asUser("alice").files().download("/nope.txt", new ByteArrayOutputStream()))
                    .isInstanceOf(NcNotFoundException.class);
        }
        assertThat(raw(nc, "alice", "/remote.php/dav/files/alice/a.txt")).isEqualTo(200);
        assertThat(raw(nc, "alice", "/remote.php/dav/files/bob/b.txt"))
                .as("another user's tree")
                .isEqualTo(404);
        assertThat(raw(nc, "", "/remote.php/dav/files/alice/a.txt"))
                .as("system context")
                .isEqualTo(401);
        assertThat(raw(nc, null, "/remote.php/dav/files/alice/a.txt"))
                .as("no credentials")
                .isEqualTo(401);
    }

    private static int raw(AppApiSimulator nc, String user, String path) throws Exception {
        java.net.http.HttpRequest.Builder b =
                java.net.http.HttpRequest.newBuilder(nc.url().resolve(path));
        if (user != null) {
            b.header("EX-APP-ID", nc.appId())
                    .header("EX-APP-VERSION", nc.appVersion())
                    .header(
                            "AUTHORIZATION-APP-API",
                            java.util.Base64.getEncoder()
                                    .encodeToString(
                                            (user + ":" + nc.secret().reveal()).getBytes(StandardCharsets.UTF_8)));
        }
        return java.net.http.HttpClient.newHttpClient()
                .send(b.build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void theProxyForwardsOnlyWhatADeclaredRouteAllows() {
        AppApiSimulator nc = run(app());

        assertThat(nc.proxy("alice", "GET", "js/main.js").status()).isEqualTo(200);
        assertThat(nc.proxy(null, "GET", "js/main.js").status())
                .as("USER route, anonymous")
                .isEqualTo(404);
        assertThat(nc.proxy(null, "GET", "img/icon.svg").status())
                .as("PUBLIC route")
                .isEqualTo(200);
        assertThat(nc.proxy("alice", "GET", "settings").status())
                .as("ADMIN route, no admin")
                .isEqualTo(404);
        assertThat(nc.proxy("admin", "GET", "settings").bodyText()).isEqualTo("secret settings");
        assertThat(nc.proxy("admin", "GET", "internal").status())
                .as("no access level: not proxied")
                .isEqualTo(404);
        assertThat(nc.proxy("alice", "DELETE", "js/main.js").status())
                .as("verb")
                .isEqualTo(404);
        assertThat(nc.proxy("alice", "GET", "js/../settings").status())
                .as("parent segment")
                .isEqualTo(404);

        nc.disable();
        assertThat(nc.proxy("alice", "GET", "js/main.js").status()).isEqualTo(404);
    }

    @Test
    void aTopMenuPageLoadsItsScriptsStylesAndStateThroughTheProxy() {
        AppApiSimulator nc = run(app());

        EmbeddedPage page = nc.topMenuPage("alice", "main");

        assertThat(page.entry().get("display_name").asText()).isEqualTo("Hello");
        assertThat(page.scripts()).containsOnlyKeys("js/main.js", "js/extra.js");
        assertThat(page.scripts().values()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("content-type")).hasValue("text/javascript");
        });
        assertThat(page.styles()).containsOnlyKeys("css/main.css");
        assertThat(page.styles().get("css/main.css").bodyText()).isEqualTo("body{}");
        assertThat(page.initialState()).containsOnlyKeys("config", "limits");
        assertThat(page.initialState().get("config").get("theme").asText()).isEqualTo("dark");
        assertThat(page.icon().status()).isEqualTo(200);

        assertThatThrownBy(() -> nc.topMenuPage("alice", "admin")).hasMessageContaining("admins only");
        assertThat(nc.topMenuPage("admin", "admin").icon()).isNull();
        assertThatThrownBy(() -> nc.topMenuPage("alice", "nope")).hasMessageContaining("no top-menu entry");
        assertThatThrownBy(() -> nc.fileAction("alice", "nope", "/x")).hasMessageContaining("no file action");
    }
}
