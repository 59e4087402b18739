package dev.ncsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The offline demo, run in-process: every step's results, exit code 0, and output that reads well. */
class DemoCommandTest {
    private static final String ESC = "\u001b";

    /** What a run printed. */
    private record Run(int exit, String out, String err) {}

    /** Runs the demo with an output writer that is (or is not) a colour terminal, and this environment. */
    private static Run demo(boolean terminal, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        DemoCommand command = new DemoCommand();
        command.environment = env;
        CommandLine cl = new CommandLine(command);
        cl.setOut(Terminal.safe(out, terminal));
        cl.setErr(Terminal.safe(err, false));
        cl.setExecutionExceptionHandler(new Failures.Handler());
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** The lines as a terminal shows them: colour removed, a carriage return or line erase starting a new one. */
    private static List<String> shownLines(String text) {
        String plain = text.replaceAll(ESC + "\\[[0-9;]*[mK]", "");
        return Arrays.asList(plain.split("\r?\n|\r"));
    }

    private static void assertNoLineOver100Columns(String text) {
        for (String line : shownLines(text)) {
            assertThat(line.length()).as("columns of: %s", line).isLessThanOrEqualTo(DemoCommand.WIDTH);
        }
    }

    @Test
    void demoRunsOfflineShowsEachStepsResultAndReadsWellWhenPiped() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo");

        assertThat(exit).as("exit code, stderr: %s", err).isZero();
        assertThat(err.toString()).isEmpty();
        String text = out.toString();
        // a heading per step, in order
        int at = -1;
        for (int i = 0; i < DemoCommand.STEPS.size(); i++) {
            int next = text.indexOf("[" + (i + 1) + "/5] " + DemoCommand.STEPS.get(i));
            assertThat(next)
                    .as("heading of step %d after the one before", i + 1)
                    .isGreaterThan(at);
            at = next;
        }
        // OCS
        assertThat(text).contains("status.php     Demo Cloud 32.0.1.2, not in maintenance");
        assertThat(text).contains("Nextcloud 32.0.1; apps app_api, core, theming");
        assertThat(text).contains("JSON and XML   same typed capabilities in both");
        assertThat(text).contains("throws NcNotFoundException (HTTP 404");
        assertThat(text).doesNotContain("demo-app-password");
        // App Store: translations, channel rules, stable order, ETag revalidation
        assertThat(text).contains("demo_notes is \"Demo Notes (de)\" in German");
        assertThat(text).contains("installed      demo_maps 0.9.1, demo_notes 2.0.3, demo_tasks 1.4.0");
        assertThat(text).contains("stable updates demo_notes 2.0.3 -> 2.1.0");
        assertThat(text).contains("beta updates   demo_notes 2.0.3 -> 2.2.0-beta.1");
        assertThat(text).doesNotContain("demo_tasks 1.4.0 ->"); // a nightly of the installed version is no update
        assertThat(text).contains("4 catalogue reads, 3 answered 304 Not Modified");
        // releases
        assertThat(text).contains("store rules passed").contains("packed twice, the same SHA-256: yes");
        assertThat(text).contains("the archive: valid; a copy with one bit flipped: refused");
        // AppAPI manifests: a summary, not the XML
        assertThat(text).contains("route ^api/.* GET,POST for USER").doesNotContain("<access_level>");
        assertThat(text).contains("\"Hello Java!\" is refused").contains("- name is required");
        // the ExApp lifecycle, AppAPI played by the simulator
        assertThat(text).containsPattern("started +hello_exapp 1\\.0\\.0 on 127\\.0\\.0\\.1:\\d+");
        assertThat(text).contains("heartbeat      GET /heartbeat -> 200 {\"status\":\"ok\"}");
        assertThat(text).contains("POST /init -> 200, then progress reported 25%, 50%, 75%, 100%");
        assertThat(text).contains("PUT /enabled?enabled=1 -> 200: enabled");
        assertThat(text).contains("GET / signed for alice -> 200 {\"hello\":\"alice\"}");
        assertThat(text).contains("GET / with a wrong secret -> 401, unsigned -> 401: refused");
        assertThat(text).contains("PUT /enabled?enabled=0 -> 200");
        assertThat(text).contains("demo done: 5 steps, every result as expected");
        assertThat(text).doesNotContain("UNEXPECTED");
        // reads well: no record dump, no line over 100 columns, plain text when not a terminal
        assertThat(text).doesNotContainPattern("[A-Z][A-Za-z]+\\[[a-z]+=");
        assertNoLineOver100Columns(text);
        assertThat(text).doesNotContain(ESC).doesNotContain("\r");
    }

    @Test
    void onATerminalNoColorKeepsThePlainTextAndWithoutItColourAndAProgressBarAppear() {
        Run plain = demo(true, Map.of("NO_COLOR", "1"), "--init-step-ms", "40");
        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(plain.out()).doesNotContain(ESC).doesNotContain("\r");

        Run rich = demo(true, Map.of(), "--init-step-ms", "40");
        assertThat(rich.exit()).as(rich.err()).isZero();
        assertThat(rich.out())
                .contains(ESC + "[1m[1/5] OCS API")
                .containsPattern("\r" + ESC + "\\[2K  init +\\[[#.]{30}] +\\d+%")
                .contains(ESC + "[32mdemo done: 5 steps, every result as expected");
        assertNoLineOver100Columns(rich.out());
        // the progress bar gives way to the same line as in plain text
        assertThat(shownLines(rich.out()))
                .contains("  init           POST /init -> 200, then progress reported 25%, 50%, 75%, 100%");
    }

    @Test
    void colourCanBeForcedWhenPipedAndRefusedOnATerminal() {
        Run forced = demo(false, Map.of(), "--color=always", "--init-step-ms", "0");
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(forced.out()).contains(ESC + "[1m[5/5] ExApp lifecycle").contains(ESC + "[2K");

        Run never = demo(true, Map.of(), "--color=never", "--init-step-ms", "0");
        assertThat(never.exit()).as(never.err()).isZero();
        assertThat(never.out()).doesNotContain(ESC);
    }

    @Test
    void anUnexpectedResultIsMarkedAndCounted() {
        StringWriter out = new StringWriter();
        DemoCommand.Report r = new DemoCommand.Report(Terminal.safe(out, false));
        r.check("verify", true, "as expected");
        r.check("verify", false, "a copy with one bit flipped: ACCEPTED");

        assertThat(r.failures).isEqualTo(1);
        assertThat(out.toString())
                .isEqualTo("  verify         as expected\n"
                        + "  verify         UNEXPECTED: a copy with one bit flipped: ACCEPTED\n");
    }

    @Test
    void longTextWrapsAtSpacesUnderItsColumnAndALongWordIsCut() {
        String words = "word ".repeat(30).strip();
        List<String> lines = DemoCommand.Report.wrap(words, "  label  ", "         ");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("  label  word word").hasSizeLessThanOrEqualTo(100);
        assertThat(lines.get(1)).startsWith("         word");
        assertThat(String.join(" ", lines).replaceAll(" +", " ").strip()).isEqualTo("label " + words);

        List<String> cut = DemoCommand.Report.wrap("x".repeat(150), "", "  ");
        assertThat(cut).containsExactly("x".repeat(100), "  " + "x".repeat(50));
    }
}
