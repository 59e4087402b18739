package dev.ncsdk.samples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code update-check --server} and {@code --servers} against fake Nextcloud servers on WireMock, answering in the
 * shapes of nextcloud/server apps/provisioning_api/lib/Controller/AppsController.php ({@code getApps},
 * {@code getAppInfo}) and nextcloud/serverinfo lib/Controller/ApiController.php ({@code server.php.version}), with
 * the recorded status.php of Nextcloud 32.0.1.2 (testdata/nextcloud-32/07_status_php).
 */
class UpdateCheckServersTest {
    @RegisterExtension
    final StdCapture std = new StdCapture();

    @TempDir
    Path tmp;

    private WireMockServer wm;

    /** An environment variable that is set, standing in for a password variable. */
    private static final String VAR = System.getenv().containsKey("HOME") ? "HOME" : "PATH";

    @BeforeEach
    void start() throws IOException {
        wm = new WireMockServer(options().dynamicPort());
        wm.start();
        byte[] excerpt = Files.readAllBytes(
                Path.of(System.getProperty("ncsdk.fixtures"), "appstore", "server-AppFetcherTest-apps-excerpt.json"));
        wm.stubFor(get(urlEqualTo("/api/v1/apps.json"))
                .willReturn(aResponse().withHeader("ETag", "\"e1\"").withBody(excerpt)));
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    private static String ocs(String data) {
        return "{\"ocs\":{\"meta\":{\"status\":\"ok\",\"statuscode\":200,\"message\":\"OK\"},\"data\":" + data + "}}";
    }

    /** A healthy server under {@code prefix}: enabled apps, no disabled ones, PHP 8.2.36. */
    private String server(String prefix, Map<String, String> enabled) throws IOException {
        String status = Files.readString(
                        Path.of(System.getProperty("ncsdk.fixtures"), "nextcloud-32", "07_status_php.body.json"))
                .trim();
        wm.stubFor(get(urlPathEqualTo(prefix + "/status.php")).willReturn(json(status)));
        StringBuilder ids = new StringBuilder();
        for (Map.Entry<String, String> e : enabled.entrySet()) {
            ids.append(ids.length() == 0 ? "" : ",")
                    .append('"')
                    .append(e.getKey())
                    .append('"');
            wm.stubFor(get(urlPathEqualTo(prefix + "/ocs/v2.php/cloud/apps/" + e.getKey()))
                    .willReturn(json(ocs("{\"id\":\"" + e.getKey() + "\",\"version\":\"" + e.getValue() + "\"}"))));
        }
        wm.stubFor(get(urlPathEqualTo(prefix + "/ocs/v2.php/cloud/apps"))
                .withQueryParam("filter", equalTo("enabled"))
                .willReturn(json(ocs("{\"apps\":[" + ids + "]}"))));
        wm.stubFor(get(urlPathEqualTo(prefix + "/ocs/v2.php/cloud/apps"))
                .withQueryParam("filter", equalTo("disabled"))
                .willReturn(json(ocs("{\"apps\":[]}"))));
        wm.stubFor(get(urlPathEqualTo(prefix + "/ocs/v2.php/apps/serverinfo/api/v1/info"))
                .willReturn(json(ocs("{\"server\":{\"php\":{\"version\":\"8.2.36\"}}}"))));
        return wm.baseUrl() + prefix;
    }

    /** A server whose OCS routes answer 401 (recorded body, 14_err_401_wrong_password_v2_json). */
    private String unauthorized(String prefix) throws IOException {
        server(prefix, Map.of());
        wm.stubFor(get(urlPathMatching(prefix + "/ocs/.*"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Files.readString(Path.of(
                                System.getProperty("ncsdk.fixtures"),
                                "nextcloud-32",
                                "14_err_401_wrong_password_v2_json.body.json")))));
        return wm.baseUrl() + prefix;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    private int check(String... args) {
        return Main.run(StdCapture.concat(new String[] {"update-check", "--store", wm.baseUrl() + "/api/v1"}, args));
    }

    @Test
    void checksOneRunningServer() throws IOException {
        String url = server("/nc", Map.of("apporder", "0.3.2", "direct_menu", "0.9.2"));

        int code = check("--server", url, "--user", "admin", "--password-env", VAR);

        String text = std.out();
        assertThat(code).isZero();
        assertThat(text).contains("== " + url + " (Nextcloud 32.0.1.2, PHP 8.2.36) ==");
        assertThat(text).containsPattern("apporder\\s+0\\.3\\.2\\s+0\\.3\\.3\\s+https://");
        assertThat(text).contains("1 of 2 apps can be updated.");
        assertThat(text + std.err()).doesNotContain(System.getenv(VAR));
    }

    @Test
    void checksAFleetFromAFileAndNamesTheServerThatFailed() throws IOException {
        String a = server("/a", Map.of("apporder", "0.3.2"));
        String b = unauthorized("/b");
        String c = server("/c", Map.of("apporder", "0.3.3", "files", "2.3.1"));
        Path file = tmp.resolve("servers.txt");
        Files.writeString(
                file,
                "# fleet\n\n" + a + " admin " + VAR + "\n" + b + "\tadmin\t" + VAR + "   # wrong password\n" + c
                        + " admin " + VAR + "\n");

        int code = check("--servers", file.toString(), "--json");

        assertThat(code).isEqualTo(1);
        JsonNode arr = new ObjectMapper().readTree(std.out());
        assertThat(arr).hasSize(3);
        JsonNode first = arr.get(0);
        assertThat(first.get("server").asText()).isEqualTo(a);
        assertThat(first.get("updates").get(0).get("app").asText()).isEqualTo("apporder");
        assertThat(first.get("updates").get(0).get("available").asText()).isEqualTo("0.3.3");
        assertThat(first.get("skipped")).isEmpty();
        assertThat(first.get("notInStore")).isEmpty();
        assertThat(first.get("error").isNull()).isTrue();
        assertThat(arr.get(1).get("server").asText()).isEqualTo(b);
        assertThat(arr.get(1).get("error").asText()).contains("HTTP 401").doesNotContain("Exception");
        assertThat(arr.get(2).get("updates")).isEmpty();
        assertThat(arr.get(2).get("notInStore").get(0).asText()).isEqualTo("files");
        assertThat(arr.get(2).get("error").isNull()).isTrue();
        wm.verify(1, getRequestedFor(urlEqualTo("/api/v1/apps.json")));
    }

    @Test
    void aFleetTablePrintsOneTablePerServerAndASummary() throws IOException {
        String a = server("/a", Map.of("apporder", "0.3.3"));
        String b = unauthorized("/b");
        Path file = tmp.resolve("servers.txt");
        Files.writeString(file, a + " admin " + VAR + "\n" + b + " admin " + VAR + "\n");

        int code = check("--servers", file.toString());

        assertThat(code).isEqualTo(1);
        assertThat(std.out())
                .contains("== " + a + " (Nextcloud 32.0.1.2, PHP 8.2.36) ==")
                .contains("All 1 apps are up to date")
                .contains("== " + b + " ==")
                .contains("error: GET " + b + "/ocs/v2.php/cloud/apps?filter=enabled -> HTTP 401")
                .doesNotContain("Exception")
                .contains("1 of 2 servers checked; 1 could not be read.");
    }

    @Test
    void aBadLineIsAUsageErrorNamingItsNumberBeforeAnyRequest() throws IOException {
        Path file = tmp.resolve("servers.txt");
        Files.writeString(file, "# ok\nhttps://a.example admin " + VAR + "\nhttps://b.example admin\n");

        int code = check("--servers", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(std.err()).contains("line 3").contains("expected 'URL USER VAR'");
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anUnsetPasswordVariableIsAUsageErrorBeforeAnyRequest() throws IOException {
        Path file = tmp.resolve("servers.txt");
        Files.writeString(file, "https://a.example admin NCSDK_SURELY_UNSET_VARIABLE_42\n");

        int code = check("--servers", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(std.err()).contains("line 1").contains("NCSDK_SURELY_UNSET_VARIABLE_42");
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void optionsThatDoNotGoTogetherAreUsageErrors() {
        assertThat(check("--server", "https://a.example", "--user", "admin")).isEqualTo(2);
        assertThat(check(
                        "--server",
                        "https://a.example",
                        "--user",
                        "admin",
                        "--password-env",
                        VAR,
                        "--platform",
                        "32.0.1"))
                .isEqualTo(2);
        assertThat(check("--server", "ftp://a.example", "--user", "admin", "--password-env", VAR))
                .isEqualTo(2);
        assertThat(check("--servers", tmp.resolve("missing.txt").toString())).isEqualTo(2);
        assertThat(std.err()).contains("go together", "--platform", "not an http(s) URL", "not a regular file");
        wm.verify(0, anyRequestedFor(anyUrl()));
    }
}
