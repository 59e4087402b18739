package dev.ncsdk.samples;

import dev.ncsdk.ocs.NcException;
import dev.ncsdk.ocs.NcInsecureHttpException;
import dev.ncsdk.ocs.NcResponseException;
import dev.ncsdk.ocs.NcTimeoutException;
import dev.ncsdk.ocs.NcTransportException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one failure policy of every command: which exit code a failure gets and how it is told.
 *
 * <ul>
 *   <li>{@value #OK}: success;
 *   <li>{@value #FAILED}: the command ran and found a problem (an update when {@code --fail-on-update} asks, a
 *       release that fails verification, an archive the store would refuse, apps that could not be judged, a
 *       server that answered with a failure);
 *   <li>{@value #USAGE}: bad usage or unreadable input (an unknown option, a bad version or URL, a missing file, an
 *       unset environment variable), found before anything is sent;
 *   <li>{@value #NO_ANSWER}: no answer from a server (connection refused, timeout, unknown host, TLS failure).
 * </ul>
 *
 * <p>A failure is one line on standard error, {@code error: COMMAND: what was being done: why}, with no Java class
 * name and no stack trace; {@code --verbose} adds the stack trace.
 */
final class Failures {
    /** Exit code of success. */
    static final int OK = 0;
    /** Exit code when the command ran and found a problem (or a server answered with a failure). */
    static final int FAILED = 1;
    /** Exit code of bad usage or unreadable input (picocli's for usage too). */
    static final int USAGE = 2;
    /** Exit code when a server gave no answer (connection refused, timeout, unknown host). */
    static final int NO_ANSWER = 3;

    /** The heading of every command's exit code list. */
    static final String EXIT_CODE_HEADING = "%nExit codes:%n";

    /** The option that adds a failure's stack trace. */
    static final String VERBOSE = "--verbose";

    /** A Java class name in a message (qualified, or a simple name ending in Exception or Error), with its colon. */
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\b(?:[a-z_][A-Za-z0-9_$]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*"
                    + "|\\b[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");

    /** The origin of the first http(s) URL in a message. */
    private static final Pattern URL_IN_MESSAGE = Pattern.compile("https?://[^\\s/:?#]+(?::[0-9]+)?");

    private Failures() {}

    /**
     * The exit code list of a command's usage help, the same for every command but for what "found a problem"
     * means for it.
     *
     * @param problem what exit code 1 means for this command
     * @return the list, code to meaning, in order
     */
    static Map<String, String> exitCodes(String problem) {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(Integer.toString(OK), "success");
        codes.put(Integer.toString(FAILED), problem);
        codes.put(Integer.toString(USAGE), "bad usage or unreadable input (nothing was sent)");
        codes.put(Integer.toString(NO_ANSWER), "no answer from a server (connection refused, timeout, unknown host)");
        return codes;
    }

    /**
     * A failure a command found, with its exit code and one-line message. Thrown from a command and printed by
     * {@link Handler}; its cause, if any, is only shown with {@code --verbose}.
     */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** The exit code. */
        final int exit;

        Failure(int exit, String message, Throwable cause) {
            super(message, cause);
            this.exit = exit;
        }
    }

    /**
     * Bad usage: a value the command refuses before sending anything.
     *
     * @param message what is wrong
     * @return the failure to throw
     */
    static Failure usage(String message) {
        return new Failure(USAGE, message, null);
    }

    /**
     * An input that cannot be read.
     *
     * @param message what could not be read and why
     * @param cause the I/O failure, or null
     * @return the failure to throw
     */
    static Failure unreadable(String message, Throwable cause) {
        return new Failure(USAGE, message, cause);
    }

    /**
     * The command ran and found a problem.
     *
     * @param message the problem
     * @return the failure to throw
     */
    static Failure problem(String message) {
        return new Failure(FAILED, message, null);
    }

    /**
     * A server that did not answer, or an SDK failure while talking to one, as the failure to throw: exit code
     * {@value #NO_ANSWER} and {@code cannot reach URL: why} when there was no answer, {@value #FAILED} and the SDK's
     * message when the server answered with a failure, {@value #USAGE} when the SDK refused to send.
     *
     * @param server the server the command was talking to (shown without path, query or user info), or null
     * @param e the SDK's exception
     * @return the failure to throw
     */
    static Failure talkingTo(String server, NcException e) {
        if (e instanceof NcTransportException) {
            return new Failure(NO_ANSWER, "cannot reach " + origin(server, e) + ": " + reason(e), e);
        }
        if (e instanceof NcInsecureHttpException) {
            return new Failure(USAGE, clean(e.getMessage()), e);
        }
        return new Failure(FAILED, clean(e.getMessage()), e);
    }

    /**
     * The exit code an exception gets when no command turned it into a {@link Failure}.
     *
     * @param e the exception
     * @return its exit code
     */
    static int exitCode(Throwable e) {
        if (e instanceof Failure) {
            return ((Failure) e).exit;
        }
        if (e instanceof NcTransportException) {
            return NO_ANSWER;
        }
        if (e instanceof NcInsecureHttpException
                || e instanceof IllegalArgumentException
                || e instanceof IOException
                || e instanceof UncheckedIOException) {
            return USAGE;
        }
        if (e instanceof NcException && !(e instanceof NcResponseException) && unreadableFile(e)) {
            return USAGE; // the SDK could not read a file it was given (a key, trust files)
        }
        return FAILED;
    }

    /** Whether an SDK exception is about a file that could not be read ("cannot read FILE: ..."). */
    private static boolean unreadableFile(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException
                    || (t.getMessage() != null && t.getMessage().startsWith("cannot read "))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The one-line message of an exception: its own message without Java class names, the kind of I/O failure
     * when there is none.
     *
     * @param e the exception
     * @return the message
     */
    static String message(Throwable e) {
        if (e instanceof NcTransportException) {
            return "cannot reach " + origin(null, e) + ": " + reason(e);
        }
        if (e instanceof NoSuchFileException) {
            return "cannot read " + ((NoSuchFileException) e).getFile() + ": no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot read " + ((AccessDeniedException) e).getFile() + ": permission denied";
        }
        if (e instanceof UncheckedIOException && e.getCause() != null) {
            return message(e.getCause());
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "failed without a message (run with " + VERBOSE + " for the stack trace)";
        }
        return clean(m);
    }

    /**
     * A message as one line without Java class names.
     *
     * @param message a message, perhaps from the JDK or a library
     * @return the cleaned message
     */
    static String clean(String message) {
        if (message == null) {
            return "";
        }
        // a line break becomes a space; other control characters stay, for Terminal to show them visibly
        String one = message.replaceAll("[ \\t]*\\r?\\n[ \\t]*", " ");
        String cleaned = CLASS_NAME.matcher(one).replaceAll("").replaceAll("^ +| +$", "");
        return cleaned.isEmpty() ? "failed" : cleaned;
    }

    /**
     * Why a request got no answer, in words: {@code connection refused}, {@code timed out}, {@code unknown host
     * NAME}...
     *
     * @param e the transport failure
     * @return the reason
     */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return "connecting timed out";
            }
            if (t instanceof ConnectException) {
                String m = t.getMessage();
                return m == null || m.isBlank() || m.toLowerCase(Locale.ROOT).contains("refused")
                        ? "connection refused"
                        : clean(m).toLowerCase(Locale.ROOT);
            }
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "unknown host (DNS lookup failed)";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (t instanceof SSLException) {
                return "TLS failed: " + clean(t.getMessage());
            }
        }
        if (e instanceof NcTimeoutException) {
            String m = e.getMessage();
            int at = m == null ? -1 : m.indexOf("no complete answer within ");
            return at >= 0
                    ? "no answer within " + m.substring(at + "no complete answer within ".length())
                    : "timed out";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException) {
                return "timed out";
            }
        }
        String m = e.getMessage();
        int colon = m == null ? -1 : m.indexOf(": ");
        return colon > 0 ? clean(m.substring(colon + 2)) : "the connection failed";
    }

    /** {@code scheme://host[:port]} of the server, from the argument or else from the SDK's "METHOD URL: ..." message. */
    private static String origin(String server, Throwable e) {
        String url = server;
        if (url == null && e.getMessage() != null) {
            java.util.regex.Matcher m = URL_IN_MESSAGE.matcher(e.getMessage());
            if (m.find()) {
                url = m.group();
            }
        }
        if (url == null) {
            return "the server";
        }
        try {
            URI u = URI.create(url);
            if (u.getHost() == null) {
                return url;
            }
            return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
        } catch (IllegalArgumentException notAUri) {
            return url;
        }
    }

    /**
     * Prints a failure as one line, {@code error: COMMAND: message}, and with {@code verbose} its stack trace.
     *
     * @param err where it goes
     * @param command the command's name, or null for the top level
     * @param message the message
     * @param e the exception, or null
     * @param verbose whether to print the stack trace
     */
    static void print(PrintWriter err, String command, String message, Throwable e, boolean verbose) {
        err.println("error: " + (command == null ? "" : command + ": ") + message);
        if (verbose && e != null) {
            e.printStackTrace(err);
        }
        err.flush();
    }

    /** Whether the command line asks for stack traces: {@code --verbose} before a {@code --} that ends options. */
    static boolean verbose(String[] args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals(VERBOSE)) {
                return true;
            }
        }
        return false;
    }

    /** The name of the command a picocli command line runs, or null for the top level. */
    private static String commandName(CommandLine line) {
        return line == null || line.getParent() == null ? null : line.getCommandName();
    }

    /**
     * Any exception a command throws: one line, its exit code by this class's policy. A named class, not a lambda,
     * to keep the lambda machinery out of start-up.
     */
    static final class Handler implements IExecutionExceptionHandler {
        private final String[] args;

        /** A handler that takes {@code --verbose} from the command alone. */
        Handler() {
            this(new String[0]);
        }

        Handler(String[] args) {
            this.args = args;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine line, ParseResult parse) {
            Object command = line.getCommand();
            boolean verbose = verbose(args) || (command instanceof SampleCommand && ((SampleCommand) command).verbose);
            Failures.print(line.getErr(), commandName(line), message(ex), ex, verbose);
            return exitCode(ex);
        }
    }

    /**
     * Bad usage picocli found while reading the command line: one line ({@code error: COMMAND: message}, with
     * picocli's suggestions in it), exit code {@value #USAGE}; the usage help is one {@code --help} away.
     */
    static final class UsageHandler implements IParameterExceptionHandler {
        private final String[] args;

        UsageHandler(String[] args) {
            this.args = args;
        }

        @Override
        public int handleParseException(ParameterException ex, String[] ignored) {
            CommandLine line = ex.getCommandLine();
            StringBuilder m = new StringBuilder(clean(ex.getMessage()).replaceFirst("^Error: ", ""));
            if (ex instanceof CommandLine.UnmatchedArgumentException) {
                List<String> suggestions = ((CommandLine.UnmatchedArgumentException) ex).getSuggestions();
                if (!suggestions.isEmpty()) {
                    m.append(" (did you mean ")
                            .append(String.join(" or ", suggestions))
                            .append("?)");
                }
            }
            String name = commandName(line);
            m.append("; see 'ncsdk-samples ")
                    .append(name == null ? "" : name + " ")
                    .append("--help'");
            boolean verbose = verbose(args);
            print(line.getErr(), name, m.toString(), verbose ? ex : null, verbose);
            return USAGE;
        }
    }
}
