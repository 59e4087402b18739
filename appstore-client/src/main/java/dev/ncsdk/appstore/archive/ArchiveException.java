package dev.ncsdk.appstore.archive;

import dev.ncsdk.ocs.NcException;
import java.util.List;
import java.util.Optional;

/**
 * A release archive breaks the store's rules, or cannot be read, extracted or written. When the archive was
 * inspected, {@link #report()} holds every problem.
 *
 * @since 0.1.0
 */
public class ArchiveException extends NcException {
    private static final long serialVersionUID = 1L;

    private final transient ArchiveReport report;

    /**
     * Creates the exception for a report with problems.
     *
     * @param report the report
     */
    public ArchiveException(ArchiveReport report) {
        super("the archive breaks " + report.problems().size() + " rule(s):\n" + report.describeProblems());
        this.report = report;
    }

    /**
     * Creates the exception for a report with problems found before an archive was read or written (an invalid
     * app id when packaging).
     *
     * @param report the problems
     * @param message what failed
     */
    public ArchiveException(ArchiveReport report, String message) {
        super(message);
        this.report = report;
    }

    /**
     * Creates the exception for a failure outside inspection.
     *
     * @param message what failed
     * @param cause the cause, or {@code null}
     */
    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
        this.report = null;
    }

    /** @return the inspection report, when there was one */
    public Optional<ArchiveReport> report() {
        return Optional.ofNullable(report);
    }

    /** @return the problems, possibly none */
    public List<ArchiveProblem> problems() {
        return report == null ? List.of() : report.problems();
    }
}
