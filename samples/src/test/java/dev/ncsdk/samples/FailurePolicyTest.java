package dev.ncsdk.samples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one failure policy, command by command: for each failure class a command has (bad usage, unreadable input, no
 * answer from a server, found a problem), its exit code and its one-line message, with no Java class name and no
 * stack trace, and the stack trace with {@code --verbose}.
 */
class FailurePolicyTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().dynamicHttpsPort())
            .build();

    @TempDir
    static Path tmp;

    /** A loopback port nothing listens on. */
    static int closedPort;

    /** An environment variable that is set (its value is never printed by the commands). */
    static final String SET_VAR = "HOME";

    static final String UNSET_VAR = "NCSDK_SURELY_UNSET_VARIABLE_7";

    /** A Java class name (simple or qualified) in a message. */
    private static final java.util.regex.Pattern CLASS_NAME =
            java.util.regex.Pattern.compile("\\b[A-Z][A-Za-z0-9]*(Exception|Error)\\b|\\b[a-z]+\\.[a-z]+\\.[A-Z]\\w+");

    @BeforeAll
    static void closedPortAndFiles() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Path app = Files.createDirectories(tmp.resolve("badapp/appinfo")).getParent();
        Files.writeString(app.resolve("appinfo/info.xml"), "<info><id>news</id><version>3</version></info>");
    }

    @BeforeEach
    void stubs() throws IOException {
        wm.resetAll();
        wm.stubFor(get(urlEqualTo("/api/v1/apps.json"))
                .willReturn(aResponse()
                        .withBody(Files.readAllBytes(Path.of(
                                System.getProperty("ncsdk.fixtures"),
                                "appstore",
                                "server-AppFetcherTest-apps-excerpt.json")))));
        wm.stubFor(get(urlPathEqualTo("/ocs/v2.php/cloud/nothing"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ocs\":{\"meta\":{\"status\":\"failure\",\"statuscode\":404,\"message\":"
                                + "\"no such route\"},\"data\":[]}}")));
        wm.stubFor(any(urlPathEqualTo("/ocs/v2.php/cloud/slow"))
                .willReturn(aResponse().withFixedDelay(4000).withBody("{}")));
        wm.stubFor(get(urlPathEqualTo("/index.php/apps/app_api/daemons"))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ocs\":{\"meta\":{\"status\":\"failure\",\"statuscode\":403,\"message\":"
                                + "\"Logged in account must be an admin\"},\"data\":[]}}")));
        wm.stubFor(
                get(urlPathEqualTo("/dl/garbage.tar.gz")).willReturn(aResponse().withBody("this is no gzip archive")));
        wm.stubFor(any(urlPathEqualTo("/never")).willReturn(aResponse().withStatus(500)));
    }

    /** The mock's plain http address (its baseUrl() is the https one when both are on). */
    private static String base() {
        return "http://localhost:" + wm.getPort();
    }

    private static String closed() {
        return "http://127.0.0.1:" + closedPort;
    }

    private static String fixture(String dir, String name) {
        return Path.of(System.getProperty("ncsdk.fixtures"), dir, name).toString();
    }

    /** One failure: the command line, and the exit code and the start of the message it must give. */
    static Arguments failure(String kind, Supplier<String[]> args, int exit, Supplier<String> message) {
        return Arguments.of(kind, args, exit, message);
    }

    static Stream<Arguments> failures() {
        String key = fixture("appstore", "pushaction-test_appkey.key");
        List<Arguments> all = new ArrayList<>();
        // ---- ocs
        all.add(failure(
                "ocs: usage",
                () -> new String[] {"ocs", "--url", base(), "--method", "FOO", "/cloud/capabilities"},
                2,
                () -> "error: ocs: unknown method 'FOO' (one of GET, POST, PUT, PATCH, DELETE)"));
        all.add(failure(
                "ocs: usage (URL)",
                () -> new String[] {"ocs", "--url", "ftp://cloud.example.com", "GET", "/x"},
                2,
                () -> "error: ocs: --url: not an http or https URL: ftp://cloud.example.com"));
        all.add(failure(
                "ocs: unreadable input",
                () -> new String[] {"ocs", "--url", base(), "--user", "admin", "--password-env", UNSET_VAR, "GET", "/x"
                },
                2,
                () -> "error: ocs: --password-env: environment variable " + UNSET_VAR + " is not set or empty"));
        all.add(failure(
                "ocs: no answer (refused)",
                () -> new String[] {"ocs", "--url", closed(), "GET", "/cloud/capabilities"},
                3,
                () -> "error: ocs: cannot reach " + closed() + ": connection refused"));
        all.add(failure(
                "ocs: no answer (timeout)",
                () -> new String[] {"ocs", "--url", base(), "--timeout", "1", "--method", "POST", "/cloud/slow"},
                3,
                () -> "error: ocs: cannot reach " + base() + ": "));
        all.add(failure(
                "ocs: found a problem",
                () -> new String[] {"ocs", "--url", base(), "GET", "/cloud/nothing"},
                1,
                () -> "error: ocs: GET " + base() + "/ocs/v2.php/cloud/nothing"));
        // ---- update-check
        all.add(failure(
                "update-check: usage",
                () -> new String[] {
                    "update-check", "--store", base() + "/api/v1", "--platform", "banana", "--app", "news=1.0.0"
                },
                2,
                () -> "error: update-check: --platform: "));
        all.add(failure(
                "update-check: usage (app id)",
                () -> new String[] {
                    "update-check", "--store", base() + "/api/v1", "--platform", "32.0.1", "--app", "News!=1.0.0"
                },
                2,
                () -> "error: update-check: --app: 'News!' is not an app id"));
        all.add(failure(
                "update-check: unreadable input",
                () -> new String[] {
                    "update-check",
                    "--store",
                    base() + "/api/v1",
                    "--platform",
                    "32.0.1",
                    "--installed",
                    "/nonexistent/x.json"
                },
                2,
                () -> "error: update-check: --installed: cannot read /nonexistent/x.json: no such file"));
        all.add(failure(
                "update-check: no answer",
                () -> new String[] {
                    "update-check", "--store", closed() + "/api/v1", "--platform", "32.0.1", "--app", "news=1.0.0"
                },
                3,
                () -> "error: update-check: cannot reach " + closed() + ": connection refused"));
        all.add(failure(
                "update-check: found a problem",
                () -> new String[] {
                    "update-check",
                    "--store",
                    base() + "/api/v1",
                    "--platform",
                    "11.0.5.1",
                    "--app",
                    "apporder=0.3.2",
                    "--fail-on-update"
                },
                1,
                () -> "error: update-check: 1 app can be updated (--fail-on-update)"));
        // ---- sign
        all.add(failure(
                "sign: usage",
                () -> new String[] {"sign", "--key", key, "--app-id", "news", "--archive", key},
                2,
                () -> "error: sign: --archive=FILE, --app-id=ID are mutually exclusive"));
        all.add(failure(
                "sign: unreadable input",
                () -> new String[] {"sign", "--key", "/nonexistent/news.key", "--app-id", "news"},
                2,
                () -> "error: sign: --key: cannot read /nonexistent/news.key: no such file"));
        // ---- verify-release
        all.add(failure(
                "verify-release: usage",
                () -> verify("ownbackup", "--at", "yesterday"),
                2,
                () -> "error: verify-release: Invalid value for option '--at': 'yesterday' is not an ISO-8601"));
        all.add(failure(
                "verify-release: unreadable input",
                () -> verify("ownbackup", "--crl", "/nonexistent/root.crl"),
                2,
                () -> "error: verify-release: --crl: cannot read /nonexistent/root.crl: no such file"));
        all.add(failure(
                "verify-release: found a problem",
                () -> verify("ownbackup", "--at", "2026-01-01T00:00:00Z"),
                1,
                () -> "error: verify-release: invalid release " + tmp.resolve("release.tar.gz") + ": REVOKED"));
        // ---- package
        all.add(failure(
                "package: usage",
                () -> new String[] {
                    "package", "--dir", tmp.resolve("badapp").toString(), "--out", "x.tar.gz", "--timestamp", "soon"
                },
                2,
                () -> "error: package: Invalid value for option '--timestamp': 'soon' is not an ISO-8601 instant"));
        all.add(failure(
                "package: unreadable input",
                () -> new String[] {
                    "package",
                    "--dir",
                    "/nonexistent/app",
                    "--out",
                    tmp.resolve("x.tar.gz").toString()
                },
                2,
                () -> "error: package: --dir: cannot read /nonexistent/app: no such directory"));
        all.add(failure(
                "package: found a problem",
                () -> new String[] {
                    "package",
                    "--dir",
                    tmp.resolve("badapp").toString(),
                    "--out",
                    tmp.resolve("bad.tar.gz").toString()
                },
                1,
                () -> "error: package: the store would refuse "));
        // ---- publish
        all.add(failure(
                "publish: usage",
                () -> new String[] {"publish", "--token-env", SET_VAR, "--key", key, "--download", "ftp://x/a.tar.gz"},
                2,
                () -> "error: publish: --download: not an http or https URL: ftp://x/a.tar.gz"));
        all.add(failure(
                "publish: unreadable input",
                () -> new String[] {
                    "publish",
                    "--token-env",
                    SET_VAR,
                    "--key",
                    "/nonexistent/news.key",
                    "--download",
                    "https://example.com/news.tar.gz"
                },
                2,
                () -> "error: publish: --key: cannot read /nonexistent/news.key: no such file"));
        all.add(failure(
                "publish: no answer",
                () -> new String[] {
                    "publish",
                    "--token-env",
                    SET_VAR,
                    "--key",
                    key,
                    "--download",
                    "https://127.0.0.1:" + closedPort + "/news.tar.gz",
                    "--dry-run"
                },
                3,
                () -> "error: publish: cannot reach https://127.0.0.1:" + closedPort + ": connection refused"));
        all.add(failure(
                "publish: found a problem",
                () -> new String[] {
                    "publish",
                    "--token-env",
                    SET_VAR,
                    "--key",
                    key,
                    "--download",
                    "https://localhost:" + wm.getHttpsPort() + "/dl/garbage.tar.gz",
                    "--dry-run",
                    "--insecure"
                },
                1,
                () -> "error: publish: "));
        // ---- appapi
        all.add(failure(
                "appapi: usage",
                () -> appapi(base(), "reboot"),
                2,
                () -> "error: appapi: unknown action 'reboot' (one of daemons, exapps, register-manual-daemon)"));
        all.add(failure(
                "appapi: usage (extra argument)",
                () -> appapi(base(), "daemons", "extra"),
                2,
                () -> "error: appapi: daemons takes no NAME, got 'extra'"));
        all.add(failure(
                "appapi: unreadable input",
                () -> new String[] {"appapi", "--url", base(), "--user", "admin", "--password-env", UNSET_VAR, "daemons"
                },
                2,
                () -> "error: appapi: --password-env: environment variable " + UNSET_VAR + " is not set or empty"));
        all.add(failure(
                "appapi: no answer",
                () -> appapi(closed(), "daemons"),
                3,
                () -> "error: appapi: cannot reach " + closed() + ": connection refused"));
        all.add(failure("appapi: found a problem", () -> appapi(base(), "daemons"), 1, () -> "error: appapi: "));
        // ---- hello-exapp, demo
        all.add(failure(
                "hello-exapp: usage",
                () -> new String[] {"hello-exapp", "--init-steps", "0"},
                2,
                () -> "error: hello-exapp: --init-steps must be at least 1"));
        all.add(failure(
                "hello-exapp: usage (unknown option)",
                () -> new String[] {"hello-exapp", "--port", "80"},
                2,
                () -> "error: hello-exapp: Unknown options: '--port', '80'"));
        all.add(failure(
                "demo: usage",
                () -> new String[] {"demo", "extra"},
                2,
                () -> "error: demo: Unmatched argument at index "));
        return all.stream();
    }

    private static String[] appapi(String url, String... action) {
        return StdCapture.concat(
                new String[] {"appapi", "--url", url, "--user", "admin", "--password-env", SET_VAR}, action);
    }

    /** verify-release of a release signed by the real, revoked ownbackup certificate, with extra arguments. */
    private static String[] verify(String app, String... extra) {
        try {
            Path archive = tmp.resolve("release.tar.gz");
            if (!Files.exists(archive)) {
                Files.write(archive, new byte[] {1, 2, 3});
                Files.writeString(
                        tmp.resolve("release.sig"),
                        java.util.Base64.getEncoder().encodeToString(new byte[512]));
            }
            List<String> args = new ArrayList<>(List.of(
                    "verify-release",
                    "--app",
                    app,
                    "--archive",
                    archive.toString(),
                    "--signature",
                    tmp.resolve("release.sig").toString(),
                    "--certificate",
                    fixture("appstore", "real-app-cert-ownbackup-REVOKED.crt"),
                    "--trust",
                    fixture("appstore", "server-root.crt")));
            if (!List.of(extra).contains("--crl")) {
                args.add("--crl");
                args.add(fixture("appstore", "server-root.crl"));
            }
            args.addAll(List.of(extra));
            return args.toArray(new String[0]);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Exit code and output of one run. */
    record Result(int exit, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exit, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void eachFailureHasItsExitCodeAndOneLineWithoutClassNamesOrStackTrace(
            String kind, Supplier<String[]> args, int exit, Supplier<String> message) {
        Result r = run(args.get());

        assertThat(r.exit()).as(r.err()).isEqualTo(exit);
        // the error line is the last line (package lists every problem it found before it)
        List<String> lines =
                r.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertThat(lines).as(r.err()).hasSize(1);
        assertThat(lines.get(0)).startsWith(message.get()).doesNotContainPattern(CLASS_NAME);
        assertThat(r.err()).endsWith(lines.get(0) + "\n");
        assertThat(r.err()).doesNotContain("at dev.ncsdk").doesNotContain("\tat ");
    }

    /**
     * The failures that come from an exception, so {@code --verbose} has a stack trace to print: not the timeout
     * case (run once, without --verbose, for its wait), nor update-check's found-a-problem (a report).
     */
    static Stream<Arguments> failuresWithAStackTrace() {
        return failures().filter(a -> {
            String kind = (String) a.get()[0];
            return !kind.contains("timeout") && !kind.equals("update-check: found a problem");
        });
    }

    @ParameterizedTest(name = "{0} --verbose")
    @MethodSource("failuresWithAStackTrace")
    void withVerboseTheSameFailureAlsoPrintsItsStackTrace(
            String kind, Supplier<String[]> args, int exit, Supplier<String> message) {
        String[] plain = args.get();
        String[] verbose = StdCapture.concat(plain, "--verbose");
        if (kind.startsWith("ocs") || kind.startsWith("demo")) {
            // ocs takes any number of arguments after PATH, demo none: the global form, before the command
            verbose = StdCapture.concat(new String[] {"--verbose"}, plain);
        }
        Result r = run(verbose);

        assertThat(r.exit()).as(r.err()).isEqualTo(exit);
        assertThat(r.err().lines().filter(l -> l.startsWith("error: ")).findFirst())
                .hasValueSatisfying(l -> assertThat(l).startsWith(message.get()));
        assertThat(r.err()).contains("\tat dev.ncsdk.samples.");
    }

    @Test
    void aBadArgumentIsRefusedBeforeTheStoreIsRead() {
        Result r = run("update-check", "--store", base() + "/api/v1", "--platform", "banana", "--app", "news=1.0.0");

        assertThat(r.exit()).isEqualTo(2);
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theMutuallyExclusiveMethodsAreRefused() {
        Result r = run("ocs", "--url", base(), "--method", "POST", "GET", "/cloud/capabilities");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: ocs: give the method once: --method POST or GET, not both\n");
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theUnreadableHelloExAppEnvironmentIsOneLine() {
        Assumptions.assumeTrue(System.getenv("APP_SECRET") == null, "needs APP_SECRET unset");
        Result r = run("hello-exapp", "--json-info");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .startsWith("error: hello-exapp: ")
                .contains("APP_SECRET")
                .hasLineCount(1);
    }

    @ParameterizedTest(name = "{0} -V")
    @ValueSource(
            strings = {
                "demo",
                "ocs",
                "update-check",
                "sign",
                "verify-release",
                "package",
                "publish",
                "appapi",
                "hello-exapp"
            })
    void everyCommandPrintsTheVersion(String command) {
        for (String flag : new String[] {"-V", "--version"}) {
            Result r = run(command, flag);

            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("ncsdk samples ").hasLineCount(1);
        }
    }
}
