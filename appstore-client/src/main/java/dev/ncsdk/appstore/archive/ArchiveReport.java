package dev.ncsdk.appstore.archive;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@link ArchiveInspector} found: every broken rule at once, the app folder, the parsed {@code info.xml},
 * sizes, and warnings that do not make the archive invalid (over the store's documented 20 MiB).
 *
 * @param appFolder the one top-level folder's name, or {@code null}
 * @param appInfo the parsed info.xml, or {@code null} when missing or unreadable
 * @param problems every broken rule, in the order found
 * @param warnings notes that do not fail the archive
 * @param compressedBytes the archive's size as read
 * @param unpackedBytes the unpacked size read (tar headers included)
 * @param entries the number of entries
 * @since 0.1.0
 */
public record ArchiveReport(
        String appFolder,
        AppInfo appInfo,
        List<ArchiveProblem> problems,
        List<String> warnings,
        long compressedBytes,
        long unpackedBytes,
        int entries) {

    /**
     * Copies the lists.
     *
     * @param appFolder the folder
     * @param appInfo the info
     * @param problems the problems
     * @param warnings the warnings
     * @param compressedBytes compressed size
     * @param unpackedBytes unpacked size
     * @param entries entry count
     */
    public ArchiveReport {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** @return whether no rule is broken */
    public boolean isValid() {
        return problems.isEmpty();
    }

    /**
     * Whether a rule is broken.
     *
     * @param rule the rule
     * @return whether some problem names it
     */
    public boolean has(ArchiveRule rule) {
        return problems.stream().anyMatch(p -> p.rule() == rule);
    }

    /** @return the app id: info.xml's {@code <id>}, else the folder name, else empty */
    public Optional<String> appId() {
        if (appInfo != null && appInfo.id() != null) {
            return Optional.of(appInfo.id());
        }
        return Optional.ofNullable(appFolder);
    }

    /** @return the problems, one per line */
    public String describeProblems() {
        return problems.stream().map(ArchiveProblem::toString).collect(Collectors.joining("\n"));
    }

    /**
     * Returns this report when valid, else throws.
     *
     * @return this report
     * @throws ArchiveException when a rule is broken
     */
    public ArchiveReport orThrow() {
        if (!problems.isEmpty()) {
            throw new ArchiveException(this);
        }
        return this;
    }
}
