package dev.ncsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.exapp.ExApp;
import dev.ncsdk.appapi.testkit.AppApiSimulator;
import dev.ncsdk.appapi.testkit.EmbeddedPage;
import dev.ncsdk.appapi.testkit.FileActionResult;
import dev.ncsdk.appapi.testkit.OccResult;
import dev.ncsdk.appapi.testkit.RecordedCall;
import dev.ncsdk.appapi.testkit.SimulatedFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The hello ExApp's page, settings form, file action and occ command, through the SDK's AppAPI simulator. */
class HelloUiTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final byte[] REPORT = "quarterly numbers\n".getBytes(StandardCharsets.UTF_8);

    private AppApiSimulator nc;
    private ExApp app;

    @BeforeEach
    void start() {
        nc = AppApiSimulator.builder().appId("hello_exapp").start();
        app = HelloExAppCommand.app(nc.environment(0), 1, Duration.ZERO).start();
        nc.exAppPort(app.port());
        nc.routes(app.manifest()); // the proxy checks requests against the declared routes, as AppAPI's does
        nc.init(WAIT); // enables the app: everything registers
    }

    @AfterEach
    void stop() {
        app.stop(Duration.ofSeconds(2));
        nc.close();
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void theFileActionReportsSizeAndSha256AsANotification() throws Exception {
        SimulatedFile f = nc.putFile("alice", "/Documents/report.txt", REPORT);

        FileActionResult r = nc.fileAction("alice", HelloUi.FILE_ACTION, "/Documents/report.txt");

        assertThat(r.response().status()).isEqualTo(200);
        JsonNode report = r.response().json().at("/files/0");
        assertThat(report.get("size").asLong()).isEqualTo(REPORT.length);
        assertThat(report.get("sha256").asText()).isEqualTo(sha256(REPORT));
        RecordedCall sent = nc.awaitCall("POST", "/apps/app_api/api/v1/notification", WAIT);
        assertThat(sent.user()).isEqualTo("alice");
        JsonNode params = sent.json().get("params");
        assertThat(params.at("/subject_params/rich_subject").asText()).isEqualTo("report.txt: 18 bytes");
        assertThat(params.at("/subject_params/rich_message").asText()).isEqualTo("SHA-256 " + sha256(REPORT));
        assertThat(params.get("object_id").asText()).isEqualTo(Long.toString(f.fileId()));

        // the deprecated v1 body (one node) is read as well
        assertThat(nc.fileActionV1("alice", HelloUi.FILE_ACTION, "/Documents/report.txt")
                        .response()
                        .json()
                        .at("/files/0/sha256")
                        .asText())
                .isEqualTo(sha256(REPORT));
    }

    @Test
    void theOccCommandPrintsALinePerFile() throws Exception {
        nc.putFile("alice", "/a.txt", REPORT);
        nc.putFile("alice", "/b.txt", new byte[0]);

        OccResult r = nc.occ("hello:hash", "alice", "/a.txt", "/b.txt", "/missing.txt");

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.lines())
                .containsExactly(
                        "/a.txt  18 bytes  SHA-256 " + sha256(REPORT),
                        "/b.txt  0 bytes  SHA-256 " + sha256(new byte[0]),
                        "/missing.txt: no such file");
        assertThat(nc.occ("hello:hash", "alice", "/a.txt", "-a", "MD5").lines().get(0))
                .contains("MD5");
        assertThat(nc.occ("hello:hash").output()).isEqualTo("Not enough arguments (missing: \"user\").\n");
        assertThat(nc.occ("hello:hash", "alice", "/a.txt", "--algorithm=nope").exitCode())
                .isEqualTo(1);
    }

    @Test
    void theTopMenuPageGreetsWithTheAdminsGreeting() {
        EmbeddedPage page = nc.topMenuPage("alice", HelloUi.MENU);

        assertThat(page.entry().get("display_name").asText()).isEqualTo("Hello");
        assertThat(page.scripts().get("js/hello.js").status()).isEqualTo(200);
        assertThat(page.scripts().get("js/hello.js").bodyText()).contains("api/greeting");
        assertThat(page.initialState().get("hello_page").get("title").asText()).isEqualTo("Hello from Java");
        assertThat(page.icon().header("content-type")).hasValue("image/svg+xml");

        // what the page's script then asks through the proxy; the admin's form stores the value in app config
        assertThat(nc.proxy("alice", "GET", "api/greeting")
                        .json()
                        .get("greeting")
                        .asText())
                .isEqualTo("Hello");
        nc.putAppConfig(HelloUi.GREETING, "Good morning");
        JsonNode g = nc.proxy("alice", "GET", "api/greeting").json();
        assertThat(g.get("greeting").asText()).isEqualTo("Good morning");
        assertThat(g.get("user").asText()).isEqualTo("alice");
        assertThat(nc.proxy(null, "GET", "api/greeting").status())
                .as("users only")
                .isEqualTo(404);
    }

    @Test
    void theAdminSettingsFormIsRegistered() {
        RecordedCall form = nc.awaitCall("POST", "/apps/app_api/api/v1/ui/settings", WAIT);
        JsonNode scheme = form.json().get("formScheme");
        assertThat(scheme.get("id").asText()).isEqualTo(HelloUi.SETTINGS_FORM);
        assertThat(scheme.get("section_type").asText()).isEqualTo("admin");
        assertThat(scheme.get("section_id").asText()).isEqualTo("additional");
        assertThat(scheme.at("/fields/0/id").asText()).isEqualTo(HelloUi.GREETING);
        assertThat(scheme.at("/fields/0/type").asText()).isEqualTo("text");
    }

    @Test
    void infoXmlListsTheRoutes() {
        HelloExAppCommand command = new HelloExAppCommand();
        command.environment = Map.of();
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));

        assertThat(cl.execute("--info-xml")).isZero();
        assertThat(out.toString())
                .contains("<external-app>")
                .contains("<url>^\\/?actions\\/hash$</url>")
                .contains("<url>^\\/?js\\/hello\\.js$</url>")
                .doesNotContain("occ");
    }
}
