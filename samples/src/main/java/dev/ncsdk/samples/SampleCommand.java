package dev.ncsdk.samples;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every sample command shares: picocli's spec of the command and its output and error writers. */
abstract class SampleCommand implements Callable<Integer> {
    /** Injected by picocli. */
    @Spec
    CommandSpec spec;

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

    /** Flushes the output and error writers, so that all a command printed is out before it exits. */
    final void flush() {
        out().flush();
        err().flush();
    }
}
