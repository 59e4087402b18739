package dev.ncsdk.appstore.update;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a {@link FleetUpdateCheck}: one {@link ServerCheck} per server, in the order the servers were
 * given. A server that could not be read has its error here and never hides the others.
 *
 * @param servers the servers' checks
 * @since 0.1.0
 */
public record FleetReport(List<ServerCheck> servers) {
    public FleetReport {
        // Copies the list.
        servers = List.copyOf(servers);
    }

    /**
     * Whether every server was checked and every app of every server judged.
     *
     * @return the flag
     */
    public boolean allJudged() {
        for (ServerCheck s : servers) {
            if (!s.allJudged()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The servers that could not be read.
     *
     * @return their checks, in order
     */
    public List<ServerCheck> failed() {
        List<ServerCheck> out = new ArrayList<>();
        for (ServerCheck s : servers) {
            if (!s.checked()) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }
}
