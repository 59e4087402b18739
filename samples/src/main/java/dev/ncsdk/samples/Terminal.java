package dev.ncsdk.samples;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Output to a terminal that a server's text cannot take over.
 *
 * <p>The samples print text the server chose: download URLs, daemon and app names, OCS messages, titles of HTML
 * error pages. Printed raw, a control character in such text is an instruction to the terminal: {@code ESC ] 0;…}
 * retitles the window, {@code ESC [2J} clears it, a carriage return lets a line overwrite the one before, and a C1
 * control (U+009B is a one-character {@code ESC [}) does the same on terminals that read them. So every command
 * writes through a {@link SafeWriter} ({@link Main#run(PrintWriter, PrintWriter, String...)} wraps the writers it
 * hands to picocli, which the commands reach through {@link SampleCommand#out()} and {@link SampleCommand#err()}),
 * and that writer shows such characters visibly instead of sending them: ESC as {@code \e}, the other C0 controls
 * as {@code \x07}, DEL and the C1 controls (U+0080 to U+009F) as <code>&#92;u007f</code> and
 * <code>&#92;u009b</code>. New line and tab
 * pass, and so does a carriage return directly before a new line (a Windows line end). The DEL and C1 forms are
 * JSON's own escapes, so {@code --json} output (whose strings Jackson has already escaped for C0) stays valid JSON.
 *
 * <p>Colour and line redraws are the deliberate exceptions: {@link SafeWriter#styled(Style, String)} writes a fixed
 * SGR sequence from this class (never text from outside) around escaped text, and {@link SafeWriter#redraw(String)}
 * a carriage return and the fixed erase-line sequence before escaped text (a progress bar), both only when the writer
 * colours: by default when {@link #colourAllowed()}, standard output is a terminal and {@code NO_COLOR} is unset or
 * empty (<a href="https://no-color.org">no-color.org</a>); {@link SafeWriter#withColour(boolean)} overrides it.
 */
final class Terminal {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Terminal() {}

    /** The styles trusted output may use: fixed SGR parameters, nothing from outside. */
    enum Style {
        /** Bold. */
        BOLD("1"),
        /** Dim (faint). */
        DIM("2"),
        /** Red foreground. */
        RED("31"),
        /** Green foreground. */
        GREEN("32"),
        /** Yellow foreground. */
        YELLOW("33");

        private final String sgr;

        Style(String sgr) {
            this.sgr = sgr;
        }
    }

    /**
     * Whether a control character is shown escaped: C0 except new line and tab, DEL, and C1. A carriage return is
     * one too; {@link SafeWriter} lets it pass only directly before a new line.
     *
     * @param c a character
     * @return true when it must not reach the terminal as it is
     */
    static boolean isControl(char c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f);
    }

    /**
     * The text with every control character shown visibly (see the class description).
     *
     * @param text any text
     * @return the text as it may be printed
     */
    static String escape(CharSequence text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                if (b == null) {
                    b = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                appendEscaped(b, c);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? text.toString() : b.toString();
    }

    private static void appendEscaped(StringBuilder b, char c) {
        if (c == 0x1b) {
            b.append("\\e");
        } else if (c < 0x20) {
            b.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
        } else {
            b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
        }
    }

    /**
     * Whether trusted colour may be written to standard output: it is a terminal and {@code NO_COLOR} is unset or
     * empty.
     *
     * @return true when {@link SafeWriter#styled(Style, String)} may colour
     */
    static boolean colourAllowed() {
        return colourAllowed(System.console(), System.getenv());
    }

    /**
     * Whether trusted colour may be written, for this console and environment.
     *
     * @param console {@link System#console()}: null unless standard input and output are a terminal up to Java 21;
     *     from Java 22 it may exist without a terminal, and its {@code isTerminal()} tells
     * @param env the environment
     * @return true when colour is allowed
     */
    static boolean colourAllowed(Console console, Map<String, String> env) {
        String noColour = env.get("NO_COLOR");
        if (console == null || (noColour != null && !noColour.isEmpty())) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (NoSuchMethodException e) {
            return true; // before Java 22 a console exists only on a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /**
     * A writer that escapes what a command prints, on a target writer; returns the writer itself when it already
     * is one.
     *
     * @param target where the text goes
     * @param colour whether {@link SafeWriter#styled(Style, String)} may colour
     * @return the safe writer
     */
    static SafeWriter safe(Writer target, boolean colour) {
        if (target instanceof SafeWriter) {
            return (SafeWriter) target;
        }
        return new SafeWriter(new Escaping(target), colour);
    }

    /** The {@link PrintWriter} every command prints to: escapes control characters, flushes on each line. */
    static final class SafeWriter extends PrintWriter {
        private final Escaping escaping;
        private final boolean colour;

        private SafeWriter(Escaping escaping, boolean colour) {
            super(escaping, true);
            this.escaping = escaping;
            this.colour = colour;
        }

        /**
         * Whether this writer colours {@link #styled(Style, String) styled} text.
         *
         * @return true on a colour terminal
         */
        boolean colour() {
            return colour;
        }

        /**
         * The same writer (same target, same escaping) with colour on or off: {@code demo --color=always} colours
         * output that is not a terminal, {@code --color=never} keeps a terminal plain.
         *
         * @param on whether the returned writer colours styled text and redraws lines
         * @return this writer when it already is so, else a writer sharing its target
         */
        SafeWriter withColour(boolean on) {
            return on == colour ? this : new SafeWriter(escaping, on);
        }

        /**
         * Replaces the current line of a terminal with this text (a progress bar): a carriage return and the fixed
         * erase-line sequence, then the text escaped as all text is, without a line end; flushed. Does nothing when
         * colour is off, since only a terminal can redraw a line: piped output keeps the lines a command prints.
         *
         * @param text the new content of the line, shorter than the terminal is wide; empty to clear it
         */
        void redraw(String text) {
            if (!colour) {
                return;
            }
            synchronized (lock) {
                escaping.trusted("\r\033[2K");
                print(text);
                flush();
            }
        }

        /**
         * Prints text in a style: the style's fixed SGR sequence, the text escaped as all text is, and a reset;
         * only the text when colour is not allowed.
         *
         * @param style the style
         * @param text the text, escaped like everything else
         */
        void styled(Style style, String text) {
            synchronized (lock) {
                if (colour) {
                    escaping.trusted("\033[" + style.sgr + "m");
                }
                print(text);
                if (colour) {
                    escaping.trusted("\033[0m");
                }
            }
        }
    }

    /** Escapes control characters on their way to the target writer. */
    private static final class Escaping extends Writer {
        private final Writer target;
        private final StringBuilder chunk = new StringBuilder(256);
        /** A carriage return seen last, held until the next character shows whether a new line follows. */
        private boolean pendingCr;

        Escaping(Writer target) {
            super(target);
            this.target = target;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            synchronized (lock) {
                chunk.setLength(0);
                for (int i = off; i < off + len; i++) {
                    char c = cbuf[i];
                    if (pendingCr) {
                        pendingCr = false;
                        if (c == '\n') {
                            chunk.append('\r');
                        } else {
                            appendEscaped(chunk, '\r');
                        }
                    }
                    if (c == '\r') {
                        pendingCr = true;
                    } else if (isControl(c)) {
                        appendEscaped(chunk, c);
                    } else {
                        chunk.append(c);
                    }
                }
                target.append(chunk);
            }
        }

        /** Writes a sequence this program chose, as it is. */
        void trusted(String sequence) {
            synchronized (lock) {
                try {
                    releaseCr();
                    target.write(sequence);
                } catch (IOException e) {
                    // PrintWriter's contract: errors are not thrown; the next write to the target fails the same way
                }
            }
        }

        private void releaseCr() throws IOException {
            if (pendingCr) {
                pendingCr = false;
                target.write("\\x0d");
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (lock) {
                releaseCr();
                target.flush();
            }
        }

        @Override
        public void close() throws IOException {
            synchronized (lock) {
                releaseCr();
                target.close();
            }
        }
    }
}
