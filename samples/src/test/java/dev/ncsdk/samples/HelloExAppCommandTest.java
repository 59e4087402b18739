package dev.ncsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ncsdk.appapi.exapp.ExApp;
import dev.ncsdk.appapi.testkit.AppApiSimulator;
import dev.ncsdk.appapi.testkit.ExAppResponse;
import dev.ncsdk.appapi.testkit.InitOutcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code hello-exapp} sample, run in-process against the SDK's AppAPI simulator. */
class HelloExAppCommandTest {
    private final ExecutorService runner = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopRunner() {
        runner.shutdownNow();
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine commandLine(HelloExAppCommand command) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler(new Failures.Handler());
        return cl;
    }

    @Test
    void jsonInfoPrintsWhatOccAppRegisterNeeds() throws Exception {
        HelloExAppCommand command = new HelloExAppCommand();
        command.environment =
                Map.of("APP_SECRET", "s3cr3t-s3cr3t", "APP_PORT", "23000", "NEXTCLOUD_URL", "http://nc.local");

        int exit = commandLine(command).execute("--json-info");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode info = new ObjectMapper().readTree(out.toString());
        assertThat(info.get("id").asText()).isEqualTo("hello_exapp");
        assertThat(info.get("name").asText()).isEqualTo("Hello ExApp");
        assertThat(info.get("version").asText()).isEqualTo("1.0.0");
        assertThat(info.get("secret").asText()).isEqualTo("s3cr3t-s3cr3t");
        assertThat(info.get("port").asInt()).isEqualTo(23000);
        assertThat(info.get("daemon_config_name").asText()).isEqualTo("manual_install");
        assertThat(info.at("/routes/0/url").asText()).isEqualTo("^\\/?$");
        assertThat(info.at("/routes/0/verb").asText()).isEqualTo("GET");
        assertThat(info.at("/routes/0/access_level").asInt()).isEqualTo(1);
        // the top-menu page's script and icon, its API, the file action's handler; not the occ handler
        assertThat(info.get("routes").findValuesAsText("url"))
                .containsExactly(
                        "^\\/?$",
                        "^\\/?js\\/hello\\.js$",
                        "^\\/?img(\\/.*)?$",
                        "^\\/?api\\/greeting$",
                        "^\\/?actions\\/hash$");
        assertThat(info.get("routes").findValuesAsText("verb")).containsExactly("GET", "GET", "GET", "GET", "POST");
        assertThat(info.get("routes").findValuesAsText("access_level")).containsExactly("1", "1", "0", "1", "1");
        assertThat(command.running).as("--json-info does not start the server").isNull();
    }

    @Test
    void withoutTheSecretTheCommandSaysWhatIsMissing() {
        HelloExAppCommand command = new HelloExAppCommand();
        command.environment = Map.of("NEXTCLOUD_URL", "http://nc.local");

        int exit = commandLine(command).execute("--json-info");

        assertThat(exit).isEqualTo(Failures.USAGE);
        assertThat(err.toString()).startsWith("error: ").contains("APP_SECRET");
    }

    @Test
    void theSampleLivesThroughAppApisWholeLifecycle() throws Exception {
        try (AppApiSimulator nc = AppApiSimulator.builder().appId("hello_exapp").start()) {
            HelloExAppCommand command = new HelloExAppCommand();
            command.environment = new HashMap<>(nc.environment(0));
            CompletableFuture<Integer> exit =
                    // on a thread of its own, as `java -jar` runs it on main: the command blocks until stopped, and
                    // on a 2-core machine the common pool has a single worker (see the note in docs/compatibility.md)
                    CompletableFuture.supplyAsync(() -> commandLine(command).execute("--init-step-ms", "20"), runner);
            ExApp app = awaitStarted(command, exit);
            nc.exAppPort(app.port());

            nc.heartbeat();
            InitOutcome init = nc.init(Duration.ofSeconds(10));
            assertThat(init.progress()).containsExactly(25, 50, 75, 100);
            assertThat(nc.isEnabled()).isTrue();

            ExAppResponse hello = nc.asUser("alice").get("/");
            assertThat(hello.status()).isEqualTo(200);
            assertThat(hello.json().get("hello").asText()).isEqualTo("alice");
            assertThat(nc.asUser("bob").get("/").json().get("hello").asText()).isEqualTo("bob");
            assertThat(nc.forged().wrongSecret().get("/").status()).isEqualTo(401);
            assertThat(nc.forged().unsigned().get("/").status()).isEqualTo(401);

            nc.disable();
            assertThat(nc.isEnabled()).isFalse();

            app.stop(Duration.ofSeconds(2));
            assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
            assertThat(out.toString()).contains("hello-exapp hello_exapp listening on port " + app.port());
            assertThat(out.toString() + err).doesNotContain(nc.secret().reveal());
        }
    }

    private static ExApp awaitStarted(HelloExAppCommand command, CompletableFuture<Integer> exit) throws Exception {
        for (int i = 0; i < 1000 && command.running == null; i++) {
            if (exit.isDone()) {
                throw new AssertionError("hello-exapp ended with exit code " + exit.get());
            }
            Thread.sleep(10);
        }
        assertThat(command.running).as("hello-exapp started").isNotNull();
        return command.running;
    }
}
