package dev.ncsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command's usage help: at most {@value Main#USAGE_WIDTH} columns with no word or URL broken across lines,
 * the shared exit code list, one example line, labels from the shared set, and every option named in
 * {@code docs/samples.md}.
 */
class HelpTextTest {
    /** The labels option values use. */
    private static final List<String> LABELS = List.of(
            "URL",
            "FILE",
            "DIR",
            "VAR",
            "VERSION",
            "ID",
            "USER",
            "SECONDS",
            "METHOD",
            "INSTANT",
            "CHANNEL",
            "ID=VERSION",
            "HOST",
            "NAME",
            "N",
            "MS",
            "WHEN");

    static List<String> commands() {
        return Main.COMMANDS;
    }

    private static CommandLine command(String name) {
        return Main.commandLine(name).getSubcommands().get(name);
    }

    private static String usage(String name) {
        return command(name).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void theHelpFitsTheWidthWithoutBreakingAWord(String name) {
        String help = usage(name);
        for (String line : help.split("\n", -1)) {
            if (!line.startsWith("Example: ")) { // an example is one command line, printed whole
                assertThat(line.length()).as(line).isLessThanOrEqualTo(Main.USAGE_WIDTH);
            }
        }
        // the same help with room for everything: the same words, so none was cut in two by the wrapping
        CommandLine wide = command(name);
        wide.setUsageHelpWidth(1000);
        wide.setUsageHelpLongOptionsMaxWidth(200);
        String unwrapped = wide.getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertThat(words(help)).isEqualTo(words(unwrapped));
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>(Arrays.asList(text.strip().split("\\s+")));
        words.sort(null);
        return words;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void theHelpEndsWithTheExitCodesAndAOneLineExample(String name) {
        String help = usage(name);

        assertThat(help)
                .contains("\nExit codes:\n  0   success\n  1   ")
                .contains("\n  2   bad usage or unreadable input (nothing was sent)\n")
                .contains("\n  3   no answer from a server (connection refused, timeout, unknown host)\n");
        List<String> examples =
                help.lines().filter(l -> l.startsWith("Example: ")).toList();
        assertThat(examples).hasSize(1);
        assertThat(examples.get(0)).matches("Example: (\\S+=\\S+ )*ncsdk-samples " + name + "( .*)?");
        assertThat(help.strip()).endsWith(examples.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void everyOptionValueHasALabelFromTheSharedSet(String name) {
        for (OptionSpec o : command(name).getCommandSpec().options()) {
            if (o.arity().max() == 0) {
                continue;
            }
            assertThat(o.paramLabel()).as(o.longestName()).isIn(LABELS);
        }
        assertThat(usage(name)).doesNotContain("=<");
    }

    @Test
    void docsSamplesMdNamesEveryOptionOfEveryCommand() throws IOException {
        Path docs = Path.of(System.getProperty("ncsdk.fixtures")).getParent().resolve("docs/samples.md");
        String text = Files.readString(docs, StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (String name : Main.COMMANDS) {
            String section = section(text, name);
            if (section == null) {
                missing.add(name + " (no '### " + name + "' section)");
                continue;
            }
            for (OptionSpec o : command(name).getCommandSpec().options()) {
                for (String option : o.names()) {
                    if (!section.matches(
                            "(?s).*(?<![\\w-])" + java.util.regex.Pattern.quote(option) + "(?![\\w-]).*")) {
                        missing.add(name + " " + option);
                    }
                }
            }
        }
        assertThat(missing).as("options missing from docs/samples.md").isEmpty();
    }

    /** The text of the {@code ### NAME} section of the options reference, up to the next heading. */
    private static String section(String text, String name) {
        int start = text.indexOf("\n### " + name + "\n");
        if (start < 0) {
            return null;
        }
        int end = text.indexOf("\n#", start + 5);
        return end < 0 ? text.substring(start) : text.substring(start, end);
    }
}
