package dev.ncsdk.samples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures {@code System.out} and {@code System.err} around each test ({@code @RegisterExtension}), or around one
 * {@link #run(String...) run of Main}, since {@link Main#run(String...)} writes to the standard streams.
 */
final class StdCapture implements BeforeEachCallback, AfterEachCallback {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    /** What one run of {@link Main#run(String...)} returned and printed. */
    record Run(int exit, String out, String err) {}

    /**
     * Runs the samples jar's main entry and captures its output.
     *
     * @param args the command line
     * @return the exit code and what went to standard output and error
     */
    static Run run(String... args) {
        StdCapture c = new StdCapture();
        c.start();
        try {
            int exit = Main.run(args);
            return new Run(exit, c.out(), c.err());
        } finally {
            c.stop();
        }
    }

    /**
     * Arguments after a command's fixed leading arguments.
     *
     * @param first the leading arguments
     * @param rest the arguments after them
     * @return both, in order
     */
    static String[] concat(String[] first, String... rest) {
        String[] all = Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stop();
    }

    private void start() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private void stop() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    /** @return what went to standard output so far */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** @return what went to standard error so far */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what went to standard output so far. */
    void resetOut() {
        out.reset();
    }
}
