package dev.ncsdk.appstore.archive;

import java.util.Objects;

/**
 * One broken rule.
 *
 * @param rule the rule
 * @param entry the entry's path in the archive, or {@code null} when the problem is the archive's as a whole
 * @param message what is wrong, for a person
 * @since 0.1.0
 */
public record ArchiveProblem(ArchiveRule rule, String entry, String message) {
    /**
     * Checks the values.
     *
     * @param rule the rule
     * @param entry the entry or {@code null}
     * @param message the message
     */
    public ArchiveProblem {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return rule + (entry == null ? "" : " [" + entry + "]") + ": " + message;
    }
}
