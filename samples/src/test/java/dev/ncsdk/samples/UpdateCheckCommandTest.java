package dev.ncsdk.samples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class UpdateCheckCommandTest {
    @RegisterExtension
    final StdCapture std = new StdCapture();

    private WireMockServer wm;

    @TempDir
    Path tmp;

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

    private String store() {
        return wm.baseUrl() + "/api/v1";
    }

    /** Runs {@code update-check} against the mock store. */
    private int check(String... args) {
        return Main.run(StdCapture.concat(new String[] {"update-check", "--store", store()}, args));
    }

    @Test
    void printsATableOfUpdates() {
        int code = check(
                "--platform",
                "11.0.5.1",
                "--app",
                "apporder=0.3.2",
                "--app",
                "direct_menu=0.9.2",
                "--app",
                "files=2.0.0");

        String text = std.out();
        assertThat(code)
                .as("files is not in the store: not every app was judged")
                .isEqualTo(1);
        assertThat(text).contains("APP", "INSTALLED", "AVAILABLE", "DOWNLOAD");
        assertThat(text).contains("Not in the store (1): files");
        assertThat(text)
                .containsPattern(
                        "apporder\\s+0\\.3\\.2\\s+0\\.3\\.3\\s+https://github.com/juliushaertl/apporder/releases/download/0.3.3/apporder.tar.gz");
        assertThat(text).doesNotContain("direct_menu ");
        assertThat(text).contains("1 of 3 apps can be updated.");
    }

    @Test
    void printsJsonFromOccAppListAndUsesTheCache() throws IOException {
        Path occ = tmp.resolve("apps.json");
        Files.writeString(
                occ,
                "{\"enabled\":{\"apporder\":\"0.3.2\",\"twofactor_totp\":\"0.4.0\"},"
                        + "\"disabled\":{\"direct_menu\":\"0.9.1\"}}");
        Path cache = tmp.resolve("cache");

        for (int i = 0; i < 2; i++) {
            std.resetOut();
            int code = check(
                    "--platform",
                    "11.0.0",
                    "--php",
                    "7.0.33",
                    "--channel",
                    "beta",
                    "--installed",
                    occ.toString(),
                    "--cache",
                    cache.toString(),
                    "--json");
            assertThat(code).isZero();
            JsonNode arr = new ObjectMapper().readTree(std.out()).get("updates");
            assertThat(arr).hasSize(3);
            JsonNode first = arr.get(0);
            assertThat(first.get("app").asText()).isEqualTo("apporder");
            assertThat(first.get("installed").asText()).isEqualTo("0.3.2");
            assertThat(first.get("available").asText()).isEqualTo("0.3.3");
            assertThat(first.get("nightly").asBoolean()).isFalse();
            assertThat(first.get("download").asText()).endsWith("/0.3.3/apporder.tar.gz");
            assertThat(arr.get(2).get("app").asText()).isEqualTo("twofactor_totp");
        }
        wm.verify(1, getRequestedFor(urlEqualTo("/api/v1/apps.json")));
    }

    @Test
    void phpOutOfRangeDropsTheRelease() {
        int code = check("--platform", "11.0.0", "--php", "8.2.36", "--app", "twofactor_totp=0.4.0", "--json");

        assertThat(code).isZero();
        assertThat(std.out().trim()).isEqualTo("{\"updates\":[],\"skipped\":[],\"notInStore\":[]}");
    }

    @Test
    void upToDateSaysSo() {
        int code = check("--platform", "10.0.0", "--app", "apporder=0.3.3");

        assertThat(code).isZero();
        assertThat(std.out()).contains("All 1 apps are up to date");
    }

    @Test
    void aRateLimitedStoreFailsWithAClearMessage() {
        wm.resetMappings();
        wm.stubFor(get(urlEqualTo("/api/v1/apps.json"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "3600")
                        .withBody("<html><title>429 Too Many Requests</title></html>")));

        int code = check("--platform", "32.0.1.2", "--app", "apporder=0.3.2");

        assertThat(code).isEqualTo(1);
        assertThat(std.err()).contains("error:").contains("429");
        assertThat(std.out()).doesNotContain("up to date");
    }

    @Test
    void badInputIsRejected() {
        assertThat(check("--platform", "32.x", "--app", "a=1.0.0")).isNotZero();
        assertThat(check("--platform", "32.0.1")).isNotZero();
        assertThat(check("--platform", "32.0.1", "--channel", "nightly", "--app", "a=1.0.0"))
                .isNotZero();
        assertThat(std.err()).contains("--installed or --app").contains("unknown channel");
    }

    @Test
    void theStoreReadStartedBeforeParsingIsTheOneUsed() {
        int code = check("--platform", "11.0.5.1", "--app=apporder=0.3.2", "--json");

        assertThat(code).isZero();
        assertThat(std.out()).contains("\"app\":\"apporder\"", "\"available\":\"0.3.3\"");
        wm.verify(1, getRequestedFor(urlEqualTo("/api/v1/apps.json")));
    }

    @Test
    void anEarlyReadThatDoesNotMatchTheParsedOptionsIsDroppedAndTheRightOneMade() {
        WireMockServer other = new WireMockServer(options().dynamicPort());
        other.start();
        try {
            other.stubFor(
                    get(urlEqualTo("/api/v1/apps.json")).willReturn(aResponse().withBody("[]")));
            UpdateCheckCommand command = new UpdateCheckCommand();
            // what the quick look saw: another store and another app
            command.startEarly(new String[] {
                "update-check",
                "--store",
                other.baseUrl() + "/api/v1",
                "--platform",
                "11.0.5.1",
                "--app",
                "other_app=1.0.0"
            });
            CommandLine cl = new CommandLine(command);
            java.io.StringWriter out = new java.io.StringWriter();
            cl.setOut(new java.io.PrintWriter(out));

            int code = cl.execute("--store", store(), "--platform", "11.0.5.1", "--app", "apporder=0.3.2", "--json");

            assertThat(code).isZero();
            assertThat(out.toString()).contains("\"available\":\"0.3.3\"");
            wm.verify(1, getRequestedFor(urlEqualTo("/api/v1/apps.json")));
        } finally {
            other.stop();
        }
    }

    @Test
    void theEarlyReadUsesTheCacheDirectorySoTheNextRunNeedsNoRequest() {
        for (int run = 0; run < 2; run++) {
            int code = check("--platform", "11.0.5.1", "--app", "apporder=0.3.2", "--cache", tmp.toString());

            assertThat(code).isZero();
            assertThat(std.out()).contains("1 of 1 apps can be updated.");
        }
        wm.verify(1, getRequestedFor(urlEqualTo("/api/v1/apps.json")));
    }

    @Test
    void noStoreReadWhenOnlyHelpIsAskedFor() {
        int code = check("--platform", "11.0.5.1", "--app", "apporder=0.3.2", "--help");

        assertThat(code).isZero();
        assertThat(std.out()).contains("Usage:");
        wm.verify(0, getRequestedFor(urlEqualTo("/api/v1/apps.json")));
    }

    // ---- apps that could not be judged are never reported as up to date ----

    @Test
    void anUnreadableInstalledVersionIsListedAndFailsTheRun() {
        int code = check("--platform", "10.0.0", "--app", "apporder=abc", "--app", "direct_menu=0.9.2");

        String text = std.out();
        assertThat(code).isEqualTo(1);
        assertThat(text).doesNotContain("up to date");
        assertThat(text).contains("No updates for the 1 of 2 apps that could be judged.");
        assertThat(text).contains("Could not be judged (1):");
        assertThat(text).containsPattern("apporder\\s+abc\\s+\\S");
    }

    @Test
    void anEmptyInstalledVersionIsListedAndFailsTheRun() {
        int code = check("--platform", "10.0.0", "--app", "apporder=", "--app", "direct_menu=0.9.2");

        assertThat(code).isEqualTo(1);
        assertThat(std.out()).doesNotContain("up to date").contains("Could not be judged (1):");
        assertThat(std.out()).containsPattern("apporder\\s+\\(none\\)\\s+no installed version given");
    }

    @Test
    void appsMissingFromTheStoreAreListedAndFailTheRun() {
        int code = check("--platform", "10.0.0", "--app", "apporder=0.3.3", "--app", "files=2.0.0");

        assertThat(code).isEqualTo(1);
        assertThat(std.out()).doesNotContain("up to date").contains("Not in the store (1): files");
    }

    @Test
    void ignoreNotInStoreKeepsListingThemButExitsZero() {
        int code = check(
                "--platform", "10.0.0", "--app", "apporder=0.3.3", "--app", "files=2.0.0", "--ignore-not-in-store");

        assertThat(code).isEqualTo(0);
        assertThat(std.out()).contains("Not in the store (1): files");
    }

    @Test
    void ignoreNotInStoreStillFailsOnAnUnreadableInstalledVersion() {
        int code =
                check("--platform", "10.0.0", "--app", "apporder=abc", "--app", "files=2.0.0", "--ignore-not-in-store");

        assertThat(code).isEqualTo(1);
        assertThat(std.out()).contains("Could not be judged (1):");
    }

    @Test
    void jsonNamesEveryAppThatCouldNotBeJudged() throws IOException {
        int code = check(
                "--platform",
                "11.0.5.1",
                "--app",
                "apporder=0.3.2",
                "--app",
                "direct_menu=abc",
                "--app",
                "files=2.0.0",
                "--json");

        assertThat(code).isEqualTo(1);
        JsonNode doc = new ObjectMapper().readTree(std.out());
        assertThat(doc.get("updates")).hasSize(1);
        assertThat(doc.get("updates").get(0).get("app").asText()).isEqualTo("apporder");
        assertThat(doc.get("skipped")).hasSize(1);
        assertThat(doc.get("skipped").get(0).get("app").asText()).isEqualTo("direct_menu");
        assertThat(doc.get("skipped").get(0).get("installed").asText()).isEqualTo("abc");
        assertThat(doc.get("skipped").get(0).get("reason").asText()).isNotBlank();
        assertThat(doc.get("notInStore")).hasSize(1);
        assertThat(doc.get("notInStore").get(0).asText()).isEqualTo("files");
    }

    @Test
    void everyAppJudgedAndUpToDateExitsZero() throws IOException {
        int code = check("--platform", "10.0.0", "--app", "apporder=0.3.3", "--json");

        assertThat(code).isZero();
        JsonNode doc = new ObjectMapper().readTree(std.out());
        assertThat(doc.get("updates")).isEmpty();
        assertThat(doc.get("skipped")).isEmpty();
        assertThat(doc.get("notInStore")).isEmpty();
    }

    // ---- the installed-apps file is bounded ----

    @Test
    void anInstalledFileOverTheLimitIsRefusedWithOneLine() throws IOException {
        Path big = tmp.resolve("big.json");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(16L * 1024 * 1024 + 1); // sparse: no disk used
        }

        int code = check("--platform", "32.0.1.2", "--installed", big.toString());

        assertThat(code).isEqualTo(2);
        assertThat(std.err().trim())
                .startsWith("error: update-check: --installed:")
                .contains("larger than 16 MiB")
                .doesNotContain("\n");
        wm.verify(0, getRequestedFor(urlEqualTo("/api/v1/apps.json")));
    }

    @Test
    void aDeviceIsRefusedAsInstalledFileBeforeAnythingIsRead() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "needs /dev/zero");

        int code = check("--platform", "32.0.1.2", "--installed", zero.toString());

        assertThat(code).isEqualTo(2);
        assertThat(std.err().trim())
                .isEqualTo("error: update-check: --installed: cannot read /dev/zero: it is a device, FIFO or socket,"
                        + " not a regular file");
    }
}
