package dev.ncsdk.appstore.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Extracts a release archive into a directory, safely: nothing is ever written outside the target. The archive
 * is {@linkplain ArchiveInspector inspected} first and refused with every problem when it breaks a rule (unless
 * {@link Builder#requireValidApp(boolean)} is off, which still refuses links, special files, absolute paths and
 * {@code ..}). Then every entry's path is resolved under the target's real path and checked again; directories
 * are created one level at a time and never through a symbolic link; files are created new (never overwriting,
 * never following a link); sizes are capped as in inspection, and sparse entries are refused (their holes are never
 * read or written). File modes and owners are not restored.
 *
 * <p>The target must be missing or an empty directory. When extraction fails half way, what was written stays
 * inside the target.
 *
 * <pre>{@code
 * Path appDir = ArchiveExtractor.defaults().extract(Path.of("news.tar.gz"), Path.of("/tmp/unpacked")).appFolder();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ArchiveExtractor {
    private final ArchiveInspector inspector;
    private final boolean requireValidApp;

    private ArchiveExtractor(Builder b) {
        this.inspector = b.inspector;
        this.requireValidApp = b.requireValidApp;
    }

    /**
     * An extractor with the default inspector, refusing archives that break any rule.
     *
     * @return the extractor
     */
    public static ArchiveExtractor defaults() {
        return builder().build();
    }

    /**
     * Starts an extractor configuration.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Inspects, then extracts.
     *
     * @param archive the {@code .tar.gz}
     * @param target a missing or empty directory
     * @return what was extracted
     * @throws ArchiveException when the archive is refused or extraction fails
     */
    public Extraction extract(Path archive, Path target) {
        ArchiveReport report = inspector.inspect(archive);
        if (requireValidApp) {
            report.orThrow();
        } else {
            for (ArchiveProblem p : report.problems()) {
                switch (p.rule()) {
                    case ABSOLUTE_PATH:
                    case PARENT_PATH:
                    case SYMBOLIC_LINK:
                    case HARD_LINK:
                    case SPECIAL_FILE:
                    case NOT_GZIP:
                    case CORRUPT:
                    case UNPACKED_TOO_LARGE:
                    case TOO_MANY_ENTRIES:
                    case HEADER_TOO_LARGE:
                    case SPARSE_ENTRY:
                    case RESOURCES_EXHAUSTED:
                        report.orThrow();
                        break;
                    default:
                        break;
                }
            }
        }
        Path root = prepare(target);
        long files = 0;
        try (InputStream raw = Files.newInputStream(archive);
                GzipCompressorInputStream gz =
                        new GzipCompressorInputStream(new BufferedInputStream(raw, 64 * 1024), true)) {
            BoundedStreams.Counting unpacked =
                    new BoundedStreams.Counting(gz, inspector.maxUnpackedBytes(), ArchiveRule.UNPACKED_TOO_LARGE);
            // the same reader as inspection: sparse entries and oversized header records are refused here too,
            // should the file have changed since it was inspected
            TarArchiveInputStream tar = inspector.tarReader(unpacked);
            TarArchiveEntry e;
            int count = 0;
            while ((e = tar.getNextEntry()) != null) {
                if (++count > inspector.maxEntries()) {
                    throw new ArchiveException("more than " + inspector.maxEntries() + " entries", null);
                }
                if (write(root, e, tar)) {
                    files++;
                }
            }
        } catch (IOException ex) {
            BoundedStreams.Refused refused = BoundedStreams.refusalIn(ex);
            String why = refused != null
                    ? refused.rule + (refused.entry == null ? "" : " [" + refused.entry + "]") + ": "
                            + refused.getMessage()
                    : ArchiveInspector.describe(ex);
            throw new ArchiveException("extraction failed: " + why, ex);
        }
        Path folder = report.appFolder() == null ? null : root.resolve(report.appFolder());
        return new Extraction(root, folder, report, files);
    }

    private static Path prepare(Path target) {
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.isSymbolicLink(target) || !Files.isDirectory(target)) {
                    throw new ArchiveException("the target " + target + " is not a plain directory", null);
                }
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(target)) {
                    if (ds.iterator().hasNext()) {
                        throw new ArchiveException("the target " + target + " is not empty", null);
                    }
                }
            } else {
                Files.createDirectories(target);
            }
            return target.toRealPath();
        } catch (IOException e) {
            throw new ArchiveException("cannot prepare " + target + ": " + e.getMessage(), e);
        }
    }

    private static boolean write(Path root, TarArchiveEntry e, InputStream data) throws IOException {
        String name = e.getName();
        if (e.isSymbolicLink() || e.isLink() || e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
            throw new ArchiveException("refusing link or special file " + name, null);
        }
        if (ArchiveInspector.isAbsolute(name)) {
            throw new ArchiveException("refusing absolute path " + name, null);
        }
        Path current = root;
        String[] parts = name.split("[/\\\\]+");
        int last = -1;
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isEmpty() && !parts[i].equals(".")) {
                last = i;
            }
        }
        if (last < 0) {
            return false;
        }
        for (int i = 0; i <= last; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..") || p.indexOf('\0') >= 0) {
                throw new ArchiveException("refusing path " + name, null);
            }
            Path next = current.resolve(p).normalize();
            if (!next.startsWith(root) || !next.getParent().equals(current)) {
                throw new ArchiveException("refusing path outside the target: " + name, null);
            }
            boolean leaf = i == last;
            if (!leaf || e.isDirectory()) {
                if (Files.isSymbolicLink(next)) {
                    throw new ArchiveException("refusing to write through a symbolic link: " + name, null);
                }
                if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectory(next);
                } else if (!Files.isDirectory(next, LinkOption.NOFOLLOW_LINKS)) {
                    throw new ArchiveException("a file is in the way of folder " + name, null);
                }
            } else {
                try (OutputStream out = Files.newOutputStream(
                        next, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                    data.transferTo(out);
                }
                return true;
            }
            current = next;
        }
        return false;
    }

    /**
     * What {@link #extract} produced.
     *
     * @param target the target directory's real path
     * @param appFolder the extracted app folder, or {@code null} when there is not exactly one
     * @param report the inspection report
     * @param files the number of regular files written
     * @since 0.1.0
     */
    public record Extraction(Path target, Path appFolder, ArchiveReport report, long files) {
        /**
         * Checks the values.
         *
         * @param target the target
         * @param appFolder the app folder or {@code null}
         * @param report the report
         * @param files the file count
         */
        public Extraction {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(report, "report");
        }
    }

    /**
     * Configures an {@link ArchiveExtractor}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private ArchiveInspector inspector = ArchiveInspector.defaults();
        private boolean requireValidApp = true;

        private Builder() {}

        /**
         * Uses an inspector with other limits.
         *
         * @param inspector the inspector
         * @return this builder
         */
        public Builder inspector(ArchiveInspector inspector) {
            this.inspector = Objects.requireNonNull(inspector, "inspector");
            return this;
        }

        /**
         * Whether every store rule must hold (default yes). When off, only rules that protect the file system and
         * the limits are enforced.
         *
         * @param required whether the archive must be a valid app release
         * @return this builder
         */
        public Builder requireValidApp(boolean required) {
            this.requireValidApp = required;
            return this;
        }

        /**
         * Builds the extractor.
         *
         * @return the extractor
         */
        public ArchiveExtractor build() {
            return new ArchiveExtractor(this);
        }
    }
}
