package dev.ncsdk.samples;

import dev.ncsdk.ocs.NcException;
import dev.ncsdk.ocs.NcInsecureHttpException;
import dev.ncsdk.ocs.NcResponseException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** How the commands report a failure and which exit code it gets. */
final class Failures {
    /** Exit code when the server answered with a failure, or a command failed with an exception. */
    static final int FAILED = 1;
    /** Exit code of bad usage (picocli's too). */
    static final int USAGE = 2;
    /** Exit code when the server gave no answer (connection failure, timeout). */
    static final int NO_ANSWER = 3;

    private Failures() {}

    /**
     * Prints a typed SDK error as {@code error: TYPE: message} and chooses its exit code.
     *
     * @param err where the error goes
     * @param e the error
     * @return {@link #FAILED} when the server answered, {@link #USAGE} when the command line asked for something the
     *     SDK refuses before sending (credentials over plain http), {@link #NO_ANSWER} when the server did not answer
     */
    static int report(PrintWriter err, NcException e) {
        err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        if (e instanceof NcResponseException) {
            return FAILED;
        }
        return e instanceof NcInsecureHttpException ? USAGE : NO_ANSWER;
    }

    /**
     * Prints bad usage found by a command itself as {@code error: message}.
     *
     * @param err where the error goes
     * @param message what is wrong
     * @return {@link #USAGE}
     */
    static int usage(PrintWriter err, String message) {
        err.println("error: " + message);
        return USAGE;
    }

    /**
     * Any exception a command throws: {@code error: message} and exit code {@link #FAILED}. A named class, not a
     * lambda, to keep the lambda machinery out of start-up.
     */
    static final class Handler implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine line, ParseResult parse) {
            line.getErr().println("error: " + ex.getMessage());
            return FAILED;
        }
    }
}
