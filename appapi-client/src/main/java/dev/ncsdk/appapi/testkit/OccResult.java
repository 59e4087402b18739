package dev.ncsdk.appapi.testkit;

import java.util.List;
import java.util.Objects;

/**
 * How an {@code occ} command of the ExApp ended ({@link AppApiSimulator#occ(String...)}), as the admin's terminal
 * shows it: AppAPI writes the handler route's 200 body as it arrives and exits with 0; any other status prints
 * {@code [<name>] command executeHandler failed} and exits with 1; a command line Symfony refuses prints Symfony's
 * message and exits with 1 without calling the ExApp.
 *
 * <pre>{@code
 * OccResult r = nc.occ("my_app:count", "alice", "--limit=5");
 * assertEquals(0, r.exitCode());
 * assertEquals(List.of("counting alice's files...", "12 entries"), r.lines());
 * }</pre>
 *
 * @param command the command name
 * @param exitCode 0 for success, 1 for a failure
 * @param status the handler route's HTTP status, 0 when the ExApp was not called (or did not answer)
 * @param output everything printed, UTF-8 decoded
 * @param request the JSON body AppAPI sent to the handler ({@code {"occ": {...}}}), empty when none was sent
 * @since 0.1.0
 */
public record OccResult(String command, int exitCode, int status, String output, String request) {
    /**
     * Checks the values.
     *
     * @param command name
     * @param exitCode exit code
     * @param status HTTP status
     * @param output output
     * @param request request body
     */
    public OccResult {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(output, "output");
        request = Objects.requireNonNullElse(request, "");
    }

    /**
     * The output's lines, without their ends (a last line without an end included).
     *
     * @return the lines
     */
    public List<String> lines() {
        if (output.isEmpty()) {
            return List.of();
        }
        String o = output.endsWith("\n") ? output.substring(0, output.length() - 1) : output;
        return List.of(o.split("\n", -1));
    }
}
