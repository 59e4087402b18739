package dev.ncsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@link Main} builds picocli's model for the named command only, and the full model for the top level. */
class MainTest {
    private static final String[] ALL = {
        "help", "demo", "ocs", "update-check", "sign", "verify-release", "package", "publish", "appapi", "hello-exapp"
    };

    /** Exit code and output of one {@link Main#run(PrintWriter, PrintWriter, String...)}. */
    private record Result(int exit, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exit, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0} --help")
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
    void eachCommandNameReachesThatCommand(String name) {
        Result r = run(name, "--help");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Usage: ncsdk-samples " + name + " ");
        assertThat(r.err()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
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
    void theModelForACommandHoldsOnlyThatCommandAndTheSameSpecAsTheFullModel(String name) {
        CommandLine only = Main.commandLine(name);
        CommandLine full = Main.commandLine(null);

        assertThat(only.getSubcommands()).containsOnlyKeys(name);
        assertThat(only.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF))
                .isEqualTo(full.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF));
        assertThat(only.getUsageMessage(CommandLine.Help.Ansi.OFF))
                .startsWith("Usage: ncsdk-samples [-hV] [--verbose] [COMMAND]");
    }

    @Test
    void theFullModelHasEveryCommandInTheListedOrder() {
        assertThat(Main.commandLine(null).getSubcommands().keySet()).containsExactly(ALL);
        assertThat(Main.commandLine("--help").getSubcommands().keySet()).containsExactly(ALL);
        assertThat(Main.commandLine("no-such-command").getSubcommands().keySet())
                .containsExactly(ALL);
        assertThat(Main.command("no-such-command")).isNull();
    }

    @Test
    void topLevelHelpListsEveryCommand() {
        for (String[] args : new String[][] {{"--help"}, {"-h"}, {"help"}}) {
            Result r = run(args);

            assertThat(r.exit()).as(String.join(" ", args)).isZero();
            assertThat(r.out())
                    .startsWith("Usage: ncsdk-samples [-hV] [--verbose] [COMMAND]")
                    .contains("Commands:");
            for (String name : ALL) {
                assertThat(r.out()).as(name).containsPattern("(?m)^  " + name + "\\s");
            }
        }
    }

    @Test
    void helpForACommandGoesThroughTheHelpCommand() {
        Result r = run("help", "sign");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Usage: ncsdk-samples sign ").contains("--key");
    }

    @Test
    void versionNamesTheSdk() {
        Result r = run("-V");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("ncsdk samples ");
    }

    @Test
    void anUnknownCommandIsBadUsageWithASuggestionFromAllCommands() {
        Result r = run("verify-relase");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .startsWith("error: Unmatched argument at index 0: 'verify-relase' (did you mean verify-release")
                .hasLineCount(1);
    }

    @Test
    void aCommandsOwnBadUsageStillExitsWith2() {
        Result r = run("update-check");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .startsWith("error: update-check: ")
                .contains("--platform")
                .hasLineCount(1);
    }

    @Test
    void anUnreadableInputIsOneLineAndExitsWith2() {
        Result r = run("sign", "--key", "/nonexistent/ncsdk-test.key", "--app-id", "news");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: sign: --key: cannot read /nonexistent/ncsdk-test.key: no such file\n");
    }
}
