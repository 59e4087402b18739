package dev.ncsdk.samples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code ocs} sample against WireMock serving the Nextcloud 32 captures, through {@code Main.run}. */
class OcsCommandTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @RegisterExtension
    final StdCapture std = new StdCapture();

    private static Path fixture(String name) {
        return Path.of(System.getProperty("ncsdk.fixtures"), "nextcloud-32", name);
    }

    private static ResponseDefinitionBuilder body(int status, String file, String type) throws Exception {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", type)
                .withHeader("X-Request-Id", "rid-" + file.substring(0, 2))
                .withBody(Files.readAllBytes(fixture(file)));
    }

    private String stdout() {
        return std.out();
    }

    private String stderr() {
        return std.err();
    }

    @ParameterizedTest(name = "{0} and {1} print the same")
    @CsvSource({
        "01_capabilities_v2_json.body.json, 02_capabilities_v2_xml.body.xml, ''",
        "03_capabilities_v1_json.body.json, 04_capabilities_v1_xml.body.xml, --v1"
    })
    void capabilitiesPrintTheSameJsonForBothFormats(String json, String xml, String v1) throws Exception {
        String prefix = v1.isEmpty() ? "/ocs/v2.php" : "/ocs/v1.php";
        wm.stubFor(get(urlPathEqualTo(prefix + "/cloud/capabilities"))
                .withHeader("Accept", equalTo("application/json"))
                .willReturn(body(200, json, "application/json")));
        wm.stubFor(get(urlPathEqualTo(prefix + "/cloud/capabilities"))
                .withHeader("Accept", equalTo("application/xml"))
                .willReturn(body(200, xml, "application/xml")));
        String[] base = v1.isEmpty()
                ? new String[] {"ocs", "--url", wm.baseUrl(), "GET", "/cloud/capabilities"}
                : new String[] {"ocs", "--url", wm.baseUrl(), "--v1", "GET", "/cloud/capabilities"};
        assertThat(Main.run(base)).isZero();
        String fromJson = stdout();
        std.resetOut();
        String[] withXml = new String[base.length + 1];
        System.arraycopy(base, 0, withXml, 0, 3);
        withXml[3] = "--xml";
        System.arraycopy(base, 3, withXml, 4, base.length - 3);
        assertThat(Main.run(withXml)).isZero();
        String fromXml = stdout();
        JsonNode a = new ObjectMapper().readTree(fromJson);
        JsonNode b = new ObjectMapper().readTree(fromXml);
        assertThat(a).isEqualTo(b);
        assertThat(a.path("meta").path("statuscode").asInt()).isEqualTo(v1.isEmpty() ? 200 : 100);
        assertThat(a.path("data").path("version").path("string").asText()).isEqualTo("32.0.1");
        assertThat(a.path("data")
                        .path("capabilities")
                        .path("core")
                        .path("pollinterval")
                        .asText())
                .isEqualTo("60");
    }

    @Test
    void rawKeepsTheServersTypes() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/ocs/v2.php/cloud/capabilities"))
                .willReturn(body(200, "01_capabilities_v2_json.body.json", "application/json")));
        assertThat(Main.run("ocs", "--url", wm.baseUrl(), "--raw", "GET", "/cloud/capabilities"))
                .isZero();
        JsonNode a = new ObjectMapper().readTree(stdout());
        assertThat(a.path("data").path("version").path("major").isInt()).isTrue();
    }

    @Test
    void queryParametersAndCredentialsFromTheEnvironment() throws Exception {
        String var = System.getenv().containsKey("HOME") ? "HOME" : "PATH";
        wm.stubFor(get(urlPathEqualTo("/ocs/v2.php/cloud/users"))
                .willReturn(body(200, "42_users_search_v2_json.body.json", "application/json")));
        int code = Main.run(
                "ocs",
                "--url",
                wm.baseUrl(),
                "--user",
                "admin",
                "--password-env",
                var,
                "GET",
                "/cloud/users",
                "search=ali",
                "limit=10");
        assertThat(code).isZero();
        assertThat(new ObjectMapper()
                        .readTree(stdout())
                        .path("data")
                        .path("users")
                        .get(0)
                        .asText())
                .isEqualTo("alice");
        wm.verify(getRequestedFor(urlPathEqualTo("/ocs/v2.php/cloud/users"))
                .withQueryParam("search", equalTo("ali"))
                .withQueryParam("limit", equalTo("10"))
                .withHeader("OCS-APIRequest", equalTo("true"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Basic .+")));
        assertThat(stdout() + stderr()).doesNotContain(System.getenv(var));
    }

    @Test
    void formFieldsForPost() throws Exception {
        wm.stubFor(post(urlPathEqualTo("/ocs/v1.php/cloud/users"))
                .willReturn(body(200, "34_users_create_duplicate_v1_json.body.json", "application/json")));
        int code = Main.run("ocs", "--url", wm.baseUrl(), "--v1", "POST", "/cloud/users", "userid=alice", "password=x");
        assertThat(code).isEqualTo(1);
        assertThat(stderr())
                .startsWith("error: ocs: ")
                .doesNotContain("Exception")
                .contains("User already exists")
                .contains("OCS 102");
        assertThat(stdout()).isEmpty();
        wm.verify(postRequestedFor(urlPathEqualTo("/ocs/v1.php/cloud/users"))
                .withRequestBody(equalTo("userid=alice&password=x")));
    }

    @ParameterizedTest(name = "HTTP {0} {1} -> exit {3}")
    @CsvSource({
        "404, 10_err_404_route_v2_json.body.json, NcNotFoundException, 1",
        "401, 14_err_401_wrong_password_v2_json.body.json, NcUnauthorizedException, 1",
        "412, 18_err_missing_ocsapirequest_header_v2_json.body.json, NcPreconditionFailedException, 1",
        "403, 43_users_list_as_nonadmin_v2_json.body.json, NcForbiddenException, 1",
    })
    void failuresExitNonZeroWithTheTypedMessage(int status, String file, String type, int exit) throws Exception {
        wm.stubFor(get(urlPathEqualTo("/ocs/v2.php/cloud/users")).willReturn(body(status, file, "application/json")));
        assertThat(Main.run("ocs", "--url", wm.baseUrl(), "GET", "/cloud/users"))
                .isEqualTo(exit);
        assertThat(stderr())
                .startsWith("error: ocs: ")
                .doesNotContain(type)
                .contains("HTTP " + status)
                .contains("rid-");
    }

    @Test
    void noAnswerAndBadUsageHaveTheirOwnCodes() {
        assertThat(Main.run("ocs", "--url", "http://127.0.0.1:1", "--timeout", "2", "GET", "/cloud/user"))
                .isEqualTo(3);
        assertThat(stderr()).isEqualTo("error: ocs: cannot reach http://127.0.0.1:1: connection refused\n");
        assertThat(Main.run("ocs", "--url", "not a url", "GET", "/cloud/user")).isEqualTo(2);
        assertThat(Main.run("ocs", "--url", wm.baseUrl(), "--user", "admin", "GET", "/x"))
                .isEqualTo(2);
        assertThat(Main.run("ocs", "--url", wm.baseUrl(), "GET", "/x", "novalue"))
                .isEqualTo(2);
        assertThat(Main.run("ocs", "--url", wm.baseUrl())).isEqualTo(2);
    }
}
