package dev.ncsdk.appstore.update;

import dev.ncsdk.ocs.NcException;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The update check of one server of a fleet: its report, or why it could not be checked.
 *
 * @param server the server's base URL
 * @param inventory what the server has installed, or {@code null} when it could not be read
 * @param report the check's outcome, or {@code null} when the server could not be read
 * @param error why the server could not be read (down, credentials refused, maintenance mode, timeout), or
 *     {@code null}
 * @since 0.1.0
 */
public record ServerCheck(URI server, ServerInventory inventory, UpdateReport report, NcException error) {
    public ServerCheck {
        // Exactly one of (inventory and report) or error.
        Objects.requireNonNull(server, "server");
        if ((error == null) == (report == null) || (report == null) != (inventory == null)) {
            throw new IllegalArgumentException("either an inventory and a report, or an error");
        }
    }

    /**
     * Whether the server was read and checked.
     *
     * @return true when {@link #report()} is set
     */
    public boolean checked() {
        return error == null;
    }

    /**
     * Whether the server was checked and every one of its apps judged (see {@link UpdateReport#allJudged()}).
     *
     * @return the flag
     */
    public boolean allJudged() {
        return error == null && report.allJudged();
    }

    /**
     * What the check had to do without (for instance the PHP version), in words.
     *
     * @return the notes, empty when the server could not be read
     */
    public List<String> notes() {
        return inventory == null ? List.of() : inventory.notes();
    }

    /** Shows the server and the outcome in short, never a credential. */
    @Override
    public String toString() {
        return "ServerCheck[" + server + ", "
                + (error != null
                        ? "error " + error.getClass().getSimpleName() + ": " + error.getMessage()
                        : report.updates().size() + " updates, "
                                + report.unjudgedApps().size() + " skipped, "
                                + report.notInStore().size() + " not in store")
                + "]";
    }
}
