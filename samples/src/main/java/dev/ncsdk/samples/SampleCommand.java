package dev.ncsdk.samples;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every sample command shares: picocli's spec of the command and its output and error writers.
 *
 * <p>The writers escape control characters (see {@link Terminal}): a command may print a server's text as it is,
 * and a server cannot retitle, clear or overwrite the user's terminal through it. Colour goes only through
 * {@link #styled(Terminal.Style, String)}.
 */
abstract class SampleCommand implements Callable<Integer> {
    /** Injected by picocli. */
    @Spec
    CommandSpec spec;

    /** Adds the stack trace to a failure's one-line message. */
    @Option(names = Failures.VERBOSE, description = "On failure, also print the stack trace.")
    boolean verbose;

    /**
     * What exit code {@value Failures#FAILED} means for this command, for its usage help's exit code list.
     *
     * @return the meaning
     */
    String problemExit() {
        return "a server answered with a failure";
    }

    /**
     * Where the command's output goes.
     *
     * @return the output writer
     */
    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /**
     * Where warnings and errors go.
     *
     * @return the error writer
     */
    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Prints text to the output in a style, when the output is a colour terminal (a TTY, {@code NO_COLOR} unset);
     * the text alone otherwise. The text is escaped like all output.
     *
     * @param style one of the fixed styles
     * @param text the text
     */
    final void styled(Terminal.Style style, String text) {
        PrintWriter out = out();
        if (out instanceof Terminal.SafeWriter) {
            ((Terminal.SafeWriter) out).styled(style, text);
        } else {
            out.print(Terminal.escape(text));
        }
    }

    /**
     * Prints a failure as the handler of {@link Main} would (one line, the stack trace with {@code --verbose}) and
     * returns its exit code: for a command that reports a failure itself instead of throwing it.
     *
     * @param failure the failure
     * @return its exit code
     */
    final int fail(Failures.Failure failure) {
        flush();
        Failures.print(err(), spec.name(), failure.getMessage(), failure, verbose);
        return failure.exit;
    }

    /** Flushes the output and error writers, so that all a command printed is out before it exits. */
    final void flush() {
        out().flush();
        err().flush();
    }
}
