package dev.ncsdk.samples;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The samples jar: {@code java -jar samples/target/ncsdk-samples.jar COMMAND [OPTIONS]}. Each command shows one
 * use of the SDK and can drive it from outside.
 *
 * <p>Start-up matters for a command-line tool, so picocli's model (built by reflection) is built only for the
 * command the first argument names; the full model with every command is built only when the top-level command
 * itself runs ({@code --help}, {@code -V}, {@code help}, no or an unknown command), so its usage lists them all.
 */
@Command(
        name = "ncsdk-samples",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Runnable samples of the ncsdk Java SDK for Nextcloud.",
        footer = "%nExample: ncsdk-samples update-check --platform 32.0.1 --app news=25.0.0")
public final class Main {
    /** The width of every usage help, in columns: nothing in it is broken inside a word at this width. */
    static final int USAGE_WIDTH = 100;

    /** Adds the stack trace to a failure's one-line message (before the command, or after it). */
    @picocli.CommandLine.Option(names = Failures.VERBOSE, description = "On failure, also print the stack trace.")
    boolean verbose;

    /** The command names, in the order the top-level usage lists them (after {@code help}). */
    static final List<String> COMMANDS = List.of(
            "demo", "ocs", "update-check", "sign", "verify-release", "package", "publish", "appapi", "hello-exapp");

    private Main() {}

    /**
     * Runs the command the first argument names.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // in the launcher's child JVM: stop when the launcher is gone, even when it was killed outright
        Launcher.watchParent(System.getProperty(Launcher.PARENT_PROPERTY));
        System.exit(run(args));
    }

    /**
     * Runs a command line and returns its exit code (for tests).
     *
     * @param args the command line
     * @return the exit code
     */
    public static int run(String... args) {
        return run(
                Terminal.safe(new PrintWriter(System.out), Terminal.colourAllowed()),
                Terminal.safe(new PrintWriter(System.err), false),
                args);
    }

    /**
     * Runs a command line with the given output and error writers and returns its exit code (for tests).
     *
     * <p>Everything the commands and picocli print goes through {@link Terminal#safe(java.io.Writer, boolean)}
     * wrappers of these writers, so text a server chose cannot reach a terminal as control characters (see
     * {@link Terminal}). Picocli's own colours are off for the same reason (the escaping would show them as
     * {@code \e[1m}); trusted colour is written with {@link Terminal.SafeWriter#styled}.
     *
     * @param out where the command's output goes
     * @param err where errors go
     * @param args the command line
     * @return the exit code
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        out = Terminal.safe(out, false);
        err = Terminal.safe(err, false);
        Object only = args.length == 0 ? null : command(args[0]);
        if (only instanceof UpdateCheckCommand) {
            // its store read can start while picocli builds its model and parses the command line
            ((UpdateCheckCommand) only).startEarly(args);
        }
        CommandLine cl = commandLine(only);
        cl.setOut(out);
        cl.setErr(err);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setExecutionExceptionHandler(new Failures.Handler(args));
        cl.setParameterExceptionHandler(new Failures.UsageHandler(args));
        try {
            return cl.execute(args);
        } finally {
            if (only instanceof UpdateCheckCommand) {
                ((UpdateCheckCommand) only).dropEarly(); // when the command line was refused before the command ran
            }
        }
    }

    /**
     * The picocli model for a command line whose first argument is {@code first}: the top-level command with only
     * that subcommand when {@code first} names one, with every subcommand otherwise.
     *
     * @param first the first argument, or null when there is none
     * @return the command line to execute
     */
    static CommandLine commandLine(String first) {
        return commandLine(first == null ? null : command(first));
    }

    /**
     * The picocli model with only the given subcommand, or with every subcommand when it is null.
     *
     * @param only the command the first argument names, or null
     * @return the command line to execute
     */
    private static CommandLine commandLine(Object only) {
        CommandLine cl = new CommandLine(new Main());
        if (only != null) {
            cl.addSubcommand(only);
        } else {
            cl.addSubcommand(new CommandLine.HelpCommand());
            for (String name : COMMANDS) {
                cl.addSubcommand(command(name));
            }
        }
        return style(cl);
    }

    /**
     * What every command shares, set in one place: the version ({@code -V} on every command), the exit code list,
     * the usage width and the converters whose messages name no Java class.
     */
    private static CommandLine style(CommandLine cl) {
        Version version = new Version();
        for (CommandLine sub : cl.getSubcommands().values()) {
            Object command = sub.getCommand();
            if (!(command instanceof SampleCommand)) {
                continue;
            }
            sub.getCommandSpec().versionProvider(version);
            sub.getCommandSpec()
                    .usageMessage()
                    .exitCodeListHeading(Failures.EXIT_CODE_HEADING)
                    .exitCodeList(Failures.exitCodes(((SampleCommand) command).problemExit()));
        }
        for (CommandLine each : cl.getSubcommands().values()) {
            each.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, new Footer());
        }
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, new Footer());
        cl.registerConverter(java.time.Instant.class, new Inputs.InstantConverter());
        cl.setUsageHelpWidth(USAGE_WIDTH);
        cl.setUsageHelpLongOptionsMaxWidth(32);
        return cl;
    }

    /**
     * A new instance of the command with this name. A plain switch, not a map of lambdas or classes, so that
     * naming one command loads neither the others nor the lambda machinery.
     *
     * @param name a command name
     * @return the command, or null when no command has this name
     */
    static Object command(String name) {
        switch (name) {
            case "demo":
                return new DemoCommand();
            case "ocs":
                return new OcsCommand();
            case "update-check":
                return new UpdateCheckCommand();
            case "sign":
                return new SignCommand();
            case "verify-release":
                return new VerifyReleaseCommand();
            case "package":
                return new PackageCommand();
            case "publish":
                return new PublishCommand();
            case "appapi":
                return new AppApiCommand();
            case "hello-exapp":
                return new HelloExAppCommand();
            default:
                return null;
        }
    }

    /**
     * The footer, that is the example, unwrapped: an example is one command line to copy whole, even when it is
     * longer than the usage width (everything else wraps at {@link #USAGE_WIDTH}).
     */
    static final class Footer implements CommandLine.IHelpSectionRenderer {
        @Override
        public String render(CommandLine.Help help) {
            StringBuilder text = new StringBuilder();
            for (String line : help.commandSpec().usageMessage().footer()) {
                text.append(String.format(line)).append(System.lineSeparator());
            }
            return text.toString();
        }
    }

    /** Prints the SDK's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ncsdk samples " + dev.ncsdk.ocs.internal.http.HttpTransport.SDK_VERSION};
        }
    }
}
