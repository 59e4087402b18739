package dev.ncsdk.samples;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The samples jar: {@code java -jar samples/target/ncsdk-samples.jar COMMAND [OPTIONS]}. Each command shows one
 * use of the SDK and can drive it from outside.
 */
@Command(
        name = "ncsdk-samples",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Runnable samples of the ncsdk Java SDK for Nextcloud.",
        subcommands = {
            CommandLine.HelpCommand.class,
            DemoCommand.class,
            OcsCommand.class,
            UpdateCheckCommand.class,
            SignCommand.class,
            VerifyReleaseCommand.class,
            PackageCommand.class,
            PublishCommand.class,
            AppApiCommand.class
        })
public final class Main {

    private Main() {}

    /**
     * Runs the command the first argument names.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs a command line and returns its exit code (for tests).
     *
     * @param args the command line
     * @return the exit code
     */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /**
     * Runs a command line with the given output and error writers and returns its exit code (for tests).
     *
     * @param out where the command's output goes
     * @param err where errors go
     * @param args the command line
     * @return the exit code
     */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            line.getErr().println("error: " + ex.getMessage());
            return 1;
        });
        return cl.execute(args);
    }

    /** Prints the SDK's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ncsdk samples " + dev.ncsdk.ocs.internal.http.HttpTransport.SDK_VERSION};
        }
    }
}
