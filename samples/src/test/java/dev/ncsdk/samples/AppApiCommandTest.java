package dev.ncsdk.samples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code appapi} sample against WireMock serving the recorded Nextcloud 32 answers. */
class AppApiCommandTest {
    // the password comes from an environment variable; HOME is set wherever Maven runs
    private static final String PASSWORD_ENV = "HOME";

    @RegisterExtension
    final StdCapture std = new StdCapture();

    private WireMockServer wm;

    @BeforeEach
    void start() {
        wm = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        wm.start();
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    private static String fixture(String file) throws IOException {
        return Files.readString(Path.of(System.getProperty("ncsdk.fixtures"), "nextcloud-32", file));
    }

    private void serve(String path, String file) throws IOException {
        wm.stubFor(get(urlPathEqualTo(path))
                .withBasicAuth("admin", System.getenv(PASSWORD_ENV))
                .withHeader("OCS-APIRequest", equalTo("true"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(fixture(file))));
    }

    private int run(String... action) {
        String[] base = {"appapi", "--url", wm.baseUrl(), "--user", "admin", "--password-env", PASSWORD_ENV};
        return Main.run(StdCapture.concat(base, action));
    }

    private String output() {
        return std.out();
    }

    @Test
    void listsDaemonsAndMarksTheDefault() throws IOException {
        serve("/index.php/apps/app_api/daemons", "138_admin_daemons_list_with_default.body.json");
        assertThat(run("daemons")).isZero();
        assertThat(output())
                .containsPattern("\\* manual2\\s+Manual Two\\s+manual-install\\s+127\\.0\\.0\\.1\\s+no\\s+0")
                .containsPattern("  manual_install\\s+Manual Install\\s+manual-install\\s+127\\.0\\.0\\.1\\s+no\\s+1")
                .doesNotContain("no default daemon");
    }

    @Test
    void warnsWhenNoDefaultDaemonIsSet() throws IOException {
        serve("/index.php/apps/app_api/daemons", "130_admin_daemons_list.body.json");
        assertThat(run("daemons")).isZero();
        assertThat(output()).contains("manual_install").contains("no default daemon is set");
    }

    @Test
    void listsExAppsWithTheAppApiVersion() throws IOException {
        serve("/ocs/v2.php/cloud/capabilities", "01_capabilities_v2_json.body.json");
        serve("/ocs/v2.php/apps/app_api/api/v1/ex-app/all", "111b_exapp_exapps_list_as_admin_v1_json.body.json");
        assertThat(run("exapps")).isZero();
        assertThat(output()).contains("AppAPI 32.0.0").containsPattern("javastub\\s+1\\.0\\.0\\s+yes\\s+ready");
    }

    @Test
    void registersAManualInstallDaemon() throws IOException {
        wm.stubFor(post(urlPathEqualTo("/index.php/apps/app_api/daemons"))
                .withBasicAuth("admin", System.getenv(PASSWORD_ENV))
                .withRequestBody(equalToJson(
                        "{\"daemonConfigParams\":{\"name\":\"manual2\",\"accepts_deploy_id\":\"manual-install\","
                                + "\"protocol\":\"http\",\"host\":\"127.0.0.1\",\"deploy_config\":{\"net\":\"host\","
                                + "\"nextcloud_url\":\"http://127.0.0.1:8080\"}},\"defaultDaemon\":true}",
                        false,
                        true))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(fixture("131_admin_daemon_register.body.json"))));
        assertThat(run(
                        "register-manual-daemon",
                        "manual2",
                        "--nextcloud-url",
                        "http://127.0.0.1:8080",
                        "--set-default"))
                .isZero();
        assertThat(output())
                .contains("registered manual2 (id 3, manual-install, host 127.0.0.1) as the default daemon");
        wm.verify(1, postRequestedFor(urlPathEqualTo("/index.php/apps/app_api/daemons")));
    }

    @Test
    void aNonAdminGetsTheServersMessageAndExitCode1() throws IOException {
        wm.stubFor(get(urlPathEqualTo("/index.php/apps/app_api/daemons"))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(fixture("140_admin_daemons_as_nonadmin_err.body.json"))));
        assertThat(run("daemons")).isEqualTo(1);
        assertThat(std.err()).contains("Logged in account must be an admin");
    }

    @Test
    void badUsageExitsWith2() {
        assertThat(run("register-manual-daemon")).isEqualTo(2);
        assertThat(run("reboot")).isEqualTo(2);
        assertThat(std.err()).contains("needs a NAME").contains("unknown action 'reboot'");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }
}
