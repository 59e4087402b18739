package dev.ncsdk.appapi.exapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ncsdk.appapi.app.ui.OccArgument;
import dev.ncsdk.appapi.app.ui.OccCommand;
import dev.ncsdk.appapi.app.ui.OccOption;
import dev.ncsdk.appapi.manifest.AccessLevel;
import dev.ncsdk.appapi.testkit.AppApiSimulator;
import dev.ncsdk.appapi.testkit.OccResult;
import dev.ncsdk.appapi.testkit.RecordedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * occ commands on the runtime side, driven by the simulator as AppAPI runs them: AppAPI
 * lib/Service/ExAppOccService.php (buildCommand/execute) POSTs {"occ":{"arguments":…|null,"options":…|null}} to the
 * execute_handler route in the system context, with stream=true and no timeout, writes each 1024-byte read of a 200
 * body to the terminal, and fails the command ("[name] command executeHandler failed", exit 1) on any other status.
 * The handler route needs no manifest entry: AppAPI calls it directly, and HaRP (haproxy_agent.py) skips its route
 * checks for requests AppAPI signs with the shared key.
 */
class ExAppOccCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private static OccCommand scan() {
        return OccCommand.builder("hello:scan", "/occ/scan")
                .description("Scans a user's files")
                .argument(OccArgument.required("user", "The user"))
                .argument(OccArgument.optional("path", "Folder", "/"))
                .argument(OccArgument.array("files", "Files"))
                .option(OccOption.flag("dry-run", "d", "Only report"))
                .option(OccOption.required("limit", "l", "How many", "100"))
                .option(OccOption.optional("format", null, "Format", "plain"))
                .option(OccOption.negatable("color", "Colours"))
                .build();
    }

    /** Starts the app, runs AppAPI's init (which enables it: the commands register then). */
    private AppApiSimulator run(ExApp.Builder builder) {
        AppApiSimulator nc = AppApiSimulator.builder().appId("hello").start();
        open.add(nc);
        ExApp app = builder.environment(nc.environment(0)).build().start();
        open.add(app::close);
        nc.exAppPort(app.port());
        nc.init(WAIT);
        return nc;
    }

    @Test
    void commandsRegisterWhenEnabledAndRunWithTheParsedArgumentsAndOptions() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        AppApiSimulator nc =
                run(ExApp.builder().onEnabled(n -> events.add("onEnabled")).occCommand(scan(), (occ, out, n) -> {
                    out.println("user " + occ.argument("user").orElseThrow());
                    out.println("path " + occ.argument("path").orElseThrow());
                    out.println("files " + occ.argumentList("files"));
                    out.printf(
                            "dry-run %s, limit %s, format %s%n",
                            occ.flag("dry-run"),
                            occ.option("limit").orElseThrow(),
                            occ.option("format").orElse("-"));
                    out.print("no line end");
                }));

        RecordedCall registered = nc.awaitCall("POST", "/apps/app_api/api/v1/occ_command", WAIT);
        assertThat(registered.json().get("name").asText()).isEqualTo("hello:scan");
        assertThat(registered.json().get("execute_handler").asText()).isEqualTo("occ/scan");
        assertThat(events).containsExactly("onEnabled");

        OccResult r = nc.occ("hello:scan", "alice", "--dry-run", "-l", "5", "--no-color", "a.txt", "b.txt");
        // a positional after the optional "path" fills it; the rest go to the array argument
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.lines())
                .containsExactly(
                        "user alice",
                        "path a.txt",
                        "files [b.txt]",
                        "dry-run true, limit 5, format plain",
                        "no line end");
        assertThat(JSON.readTree(r.request()))
                .isEqualTo(JSON.readTree("{\"occ\":{"
                        + "\"arguments\":{\"user\":\"alice\",\"path\":\"a.txt\",\"files\":[\"b.txt\"]},"
                        + "\"options\":{\"dry-run\":true,\"limit\":\"5\",\"format\":\"plain\",\"color\":false}}}"));

        OccResult defaults = nc.occ("hello:scan", "bob");
        assertThat(defaults.lines()).startsWith("user bob", "path /", "files []");
        assertThat(JSON.readTree(defaults.request()).at("/occ/options/color").isNull())
                .isTrue();

        // the handler route is authenticated like every route and stays out of the manifest
        assertThat(nc.forged().wrongSecret().post("/occ/scan", "{\"occ\":{}}").status())
                .isEqualTo(401);
        assertThat(nc.system().post("/occ/scan", "{\"nope\":1}").status()).isEqualTo(400);
    }

    @Test
    void outputReachesTheTerminalWhileTheHandlerStillRuns() {
        CountDownLatch firstLineSeen = new CountDownLatch(1);
        AtomicBoolean seenBeforeTheEnd = new AtomicBoolean();
        AppApiSimulator nc = run(ExApp.builder()
                .occCommand(OccCommand.builder("hello:slow", "/occ/slow").build(), (occ, out, n) -> {
                    out.println("started");
                    // returns once the simulator has printed "started": only possible when it was streamed
                    seenBeforeTheEnd.set(firstLineSeen.await(WAIT.toSeconds(), TimeUnit.SECONDS));
                    out.println("done");
                }));

        List<String> terminal = new CopyOnWriteArrayList<>();
        OccResult r = nc.occ(List.of("hello:slow"), line -> {
            terminal.add(line);
            if (line.equals("started")) {
                firstLineSeen.countDown();
            }
        });

        assertThat(seenBeforeTheEnd).isTrue();
        assertThat(terminal).containsExactly("started", "done");
        assertThat(r.exitCode()).isZero();
        assertThat(r.request()).isEqualTo("{\"occ\":{\"arguments\":null,\"options\":null}}");
    }

    @Test
    void aFailureBeforeAnyOutputFailsTheCommandAndOneAfterItPrintsAnErrorLine() {
        AppApiSimulator nc = run(ExApp.builder()
                .occCommand(OccCommand.builder("hello:broken", "/occ/broken").build(), (occ, out, n) -> {
                    throw new IllegalStateException("database down");
                })
                .occCommand(OccCommand.builder("hello:refuses", "/occ/refuses").build(), (occ, out, n) -> {
                    throw new ExAppHttpException(409, "a scan is running");
                })
                .occCommand(OccCommand.builder("hello:half", "/occ/half").build(), (occ, out, n) -> {
                    out.println("step 1 done");
                    throw new IllegalStateException("step 2 broke");
                }));

        OccResult broken = nc.occ("hello:broken");
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.status()).isEqualTo(500);
        assertThat(broken.output()).isEqualTo("[hello:broken] command executeHandler failed\n");

        OccResult refused = nc.occ("hello:refuses");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.status()).isEqualTo(409);

        OccResult half = nc.occ("hello:half");
        assertThat(half.exitCode()).as("AppAPI has the 200 already").isZero();
        assertThat(half.lines())
                .containsExactly("step 1 done", "hello:half: failed: internal error in the ExApp (see its log)");
        assertThat(half.output()).doesNotContain("step 2 broke");
    }

    @Test
    void commandLinesSymfonyRefusesNeverReachTheExApp() {
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        AppApiSimulator nc = run(ExApp.builder().occCommand(scan(), (occ, out, n) -> {
            runs.incrementAndGet();
            out.println("ran");
        }));

        assertThat(nc.occ("hello:scan").output()).isEqualTo("Not enough arguments (missing: \"user\").\n");
        assertThat(nc.occ("hello:scan", "alice", "--nope").output())
                .isEqualTo("The \"--nope\" option does not exist.\n");
        assertThat(nc.occ("hello:scan", "alice", "--limit").output())
                .isEqualTo("The \"--limit\" option requires a value.\n");
        assertThat(nc.occ("hello:scan", "alice", "--dry-run=1").output())
                .isEqualTo("The \"--dry-run\" option does not accept a value.\n");
        assertThat(nc.occ("hello:unknown").output()).isEqualTo("Command \"hello:unknown\" is not defined.\n");
        assertThat(nc.occ("hello:scan", "alice", "-v", "--no-interaction").lines())
                .containsExactly("ran");
        assertThat(runs).hasValue(1);

        nc.disable();
        OccResult disabled = nc.occ("hello:scan", "alice");
        assertThat(disabled.exitCode()).isEqualTo(1);
        assertThat(disabled.output())
                .as("AppAPI lists enabled apps' commands only")
                .contains("is not defined");
    }

    @Test
    void aRegistrationRefusedByNextcloudKeepsTheAppDisabled() {
        AppApiSimulator nc =
                AppApiSimulator.builder().appId("hello").aaVersion("2.4.0").start();
        open.add(nc);
        ExApp app = ExApp.builder()
                .environment(nc.environment(0))
                .occCommand(scan(), (occ, out, n) -> out.println("ran"))
                .build()
                .start();
        open.add(app::close);
        nc.exAppPort(app.port());

        assertThatThrownBy(() -> nc.init(WAIT)).hasMessageContaining("occ commands");
        assertThat(nc.isEnabled()).isFalse();
    }

    @Test
    void declarationsAreChecked() {
        ExApp.Builder b = ExApp.builder().occCommand(scan(), (occ, out, n) -> {});
        assertThatThrownBy(() -> b.occCommand(scan(), (occ, out, n) -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("declared twice");
        assertThatThrownBy(() -> ExApp.builder()
                        .occCommand(OccCommand.builder("hello:init", "/init").build(), (occ, out, n) -> {}))
                .isInstanceOf(IllegalArgumentException.class);

        ExApp app = b.environment(Map.of("APP_ID", "hello", "APP_VERSION", "1.0.0"))
                .route(HttpMethod.GET, "/", AccessLevel.USER, req -> Response.text("hi"))
                .build();
        assertThat(app.occCommands()).containsExactly(scan());
        assertThat(app.manifest().routes()).hasSize(1);
    }
}
