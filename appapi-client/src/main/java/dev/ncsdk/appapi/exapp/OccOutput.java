package dev.ncsdk.appapi.exapp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * The terminal of an admin running one of the ExApp's {@code occ} commands ({@link OccHandler}): text written here
 * is sent at once, as one HTTP chunk of the handler route's answer, and AppAPI writes it to the terminal as it
 * arrives (AppAPI {@code lib/Service/ExAppOccService.php} reads the answer as a stream, without a time limit).
 *
 * <pre>{@code
 * out.println("scanning " + folders.size() + " folders");
 * for (String f : folders) {
 *     out.printf("%-40s %8d%n", f, count(f));
 * }
 * }</pre>
 *
 * <p>Text is UTF-8. AppAPI prints it as it comes, so write the line ends ({@code \n}) yourself when using
 * {@link #print}. When the admin interrupts the command, the next write throws {@link UncheckedIOException}, which
 * ends the handler. Thread-safe.
 *
 * @since 0.1.0
 */
public final class OccOutput {
    private final OutputStream out;
    private boolean written;

    OccOutput(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Writes text as it is and sends it.
     *
     * @param text the text
     * @return this output
     * @throws UncheckedIOException when AppAPI is gone (the command was interrupted)
     */
    public synchronized OccOutput print(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            return this;
        }
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            written = true;
        } catch (IOException e) {
            throw new UncheckedIOException("the occ command's terminal is gone: " + e.getMessage(), e);
        }
        return this;
    }

    /**
     * Writes one line and sends it.
     *
     * @param line the line, without its end
     * @return this output
     * @throws UncheckedIOException when AppAPI is gone
     */
    public OccOutput println(String line) {
        return print(Objects.requireNonNull(line, "line") + "\n");
    }

    /**
     * Writes an empty line.
     *
     * @return this output
     * @throws UncheckedIOException when AppAPI is gone
     */
    public OccOutput println() {
        return print("\n");
    }

    /**
     * Writes formatted text ({@link String#format}, {@link Locale#ROOT}; {@code %n} is {@code \n}) and sends it.
     *
     * @param format the format
     * @param args the values
     * @return this output
     * @throws UncheckedIOException when AppAPI is gone
     */
    public OccOutput printf(String format, Object... args) {
        String text = String.format(Locale.ROOT, Objects.requireNonNull(format, "format"), args);
        String sep = System.lineSeparator();
        return print(sep.equals("\n") ? text : text.replace(sep, "\n"));
    }

    /**
     * Whether anything was sent yet (after that, the command's status cannot change any more).
     *
     * @return {@code true} once text went out
     */
    public synchronized boolean written() {
        return written;
    }
}
