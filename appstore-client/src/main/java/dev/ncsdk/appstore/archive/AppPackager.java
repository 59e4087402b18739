package dev.ncsdk.appstore.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Packages an app folder into a reproducible release {@code .tar.gz}: the same files give the same bytes, so the
 * same signature. Every entry is under {@code <app id>/}; entries are sorted by path; every entry has the same
 * modification time (default 1980-01-01T00:00:00Z), owner and group 0 with empty names, mode 0755 for folders
 * and executable files and 0644 for the others; the gzip header carries the same time, no file name and OS
 * "Unix"; long names use PAX headers. The bytes are the same for the same input on the same JDK (the deflate
 * output of another zlib build may differ).
 *
 * <p>Left out: {@code .git}, {@code .DS_Store}, {@code ._*}, {@code .nextcloudignore} itself, and what
 * {@code .nextcloudignore} in the app folder names (gitignore-style patterns). A symbolic link in the folder is
 * refused. The app id is {@code info.xml}'s {@code <id>}, else the folder's name. The result is inspected with
 * {@link ArchiveInspector}, and its report is returned.
 *
 * <pre>{@code
 * AppPackager.Result r = AppPackager.defaults().pack(Path.of("news"), Path.of("build/news.tar.gz"));
 * r.report().orThrow();
 * String signature = AppSigner.fromFile(keyFile).sign(r.archive());
 * }</pre>
 *
 * @since 0.1.0
 */
public final class AppPackager {
    /** The default timestamp of every entry: 1980-01-01T00:00:00Z. */
    public static final Instant DEFAULT_TIMESTAMP = Instant.parse("1980-01-01T00:00:00Z");

    private final Instant timestamp;
    private final String appId;
    private final List<String> extraIgnores;
    private final ArchiveInspector inspector;

    private AppPackager(Builder b) {
        this.timestamp = b.timestamp;
        this.appId = b.appId;
        this.extraIgnores = List.copyOf(b.extraIgnores);
        this.inspector = b.inspector;
    }

    /**
     * A packager with the defaults.
     *
     * @return the packager
     */
    public static AppPackager defaults() {
        return builder().build();
    }

    /**
     * Starts a packager configuration.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Packages a folder. The output is written to a temporary file beside it and moved into place.
     *
     * @param appFolder the app's folder (holding {@code appinfo/info.xml})
     * @param output the {@code .tar.gz} to write (replaced when it exists; left out when inside the folder)
     * @return the result
     * @throws ArchiveException when the folder cannot be read or holds a symbolic link, or the app id (info.xml's
     *     {@code <id>}, else the folder's name) is not a valid app id; then nothing is written
     */
    public Result pack(Path appFolder, Path output) {
        if (!Files.isDirectory(appFolder)) {
            throw new ArchiveException(appFolder + " is not a folder", null);
        }
        String id = appId != null ? appId : idOf(appFolder);
        // the id becomes every entry's first segment: validated before anything is written
        requireValidId(id, appId != null ? "the app id" : "the app id (info.xml's <id>, else the folder name)");
        TreeMap<String, Path> entries =
                collect(appFolder, id, output.toAbsolutePath().normalize());
        Path dir = output.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, ".pack-", ".tmp");
            String sha256 = write(entries, tmp);
            Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            ArchiveReport report = inspector.inspect(output);
            return new Result(output, id, entries.size(), Files.size(output), sha256, report);
        } catch (IOException e) {
            throw new ArchiveException("cannot write " + output + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    /**
     * Checks an app id against the store's rule ({@code [a-z]+[a-z0-9_]*[a-z0-9]}, at most 32 characters; the
     * store's {@code info.xsd} and its release parser): lower-case ASCII letters, digits and underscores, so it can
     * never be a path.
     */
    private static void requireValidId(String id, String what) {
        List<ArchiveProblem> problems = new ArrayList<>();
        if (!ArchiveInspector.APP_ID.matcher(id).matches()) {
            problems.add(new ArchiveProblem(
                    ArchiveRule.INVALID_APP_ID,
                    null,
                    what + " " + quoted(id) + " is not a valid app id (lower-case ASCII letters, digits and"
                            + " underscores, starting with a letter, not ending with an underscore)"));
        }
        if (id.length() > ArchiveInspector.MAX_APP_ID) {
            problems.add(new ArchiveProblem(
                    ArchiveRule.APP_ID_TOO_LONG,
                    null,
                    what + " " + quoted(id) + " has " + id.length() + " characters; at most "
                            + ArchiveInspector.MAX_APP_ID));
        }
        if (!problems.isEmpty()) {
            ArchiveReport report = new ArchiveReport(null, null, problems, List.of(), 0, 0, 0);
            throw new ArchiveException(report, "cannot package: nothing was written:\n" + report.describeProblems());
        }
    }

    private static String quoted(String id) {
        String s = id.length() > 80 ? id.substring(0, 80) + "..." : id;
        StringBuilder b = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return b.append('\'').toString();
    }

    private static String idOf(Path folder) {
        Path info = folder.resolve("appinfo").resolve("info.xml");
        if (Files.isRegularFile(info, LinkOption.NOFOLLOW_LINKS)) {
            try {
                if (Files.size(info) <= ArchiveInspector.MAX_INFO_XML_BYTES) {
                    AppInfo ai = AppInfo.parse(Files.readAllBytes(info));
                    if (ai.id() != null && !ai.id().isEmpty()) {
                        return ai.id();
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                // fall back to the folder name; the inspection reports the broken info.xml
            }
        }
        Path name = folder.toAbsolutePath().normalize().getFileName();
        if (name == null) {
            throw new ArchiveException("cannot name the app of " + folder, null);
        }
        return name.toString();
    }

    private TreeMap<String, Path> collect(Path folder, String id, Path output) {
        List<String> lines = new ArrayList<>(extraIgnores);
        Path ignoreFile = folder.resolve(".nextcloudignore");
        try {
            if (Files.isRegularFile(ignoreFile, LinkOption.NOFOLLOW_LINKS)) {
                lines.addAll(Files.readAllLines(ignoreFile, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new ArchiveException("cannot read " + ignoreFile + ": " + e.getMessage(), e);
        }
        IgnoreRules rules = IgnoreRules.parse(lines);
        TreeMap<String, Path> out = new TreeMap<>();
        out.put(id + "/", folder);
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(folder)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String rel = relative(folder, dir);
                    String name = dir.getFileName().toString();
                    if (name.equals(".git") || rules.ignored(rel, true)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    out.put(id + "/" + rel + "/", dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String rel = relative(folder, file);
                    String name = file.getFileName().toString();
                    if (file.toAbsolutePath().normalize().equals(output)
                            || name.startsWith(".pack-") && name.endsWith(".tmp")) {
                        return FileVisitResult.CONTINUE; // our own output, when written inside the folder
                    }
                    if (name.equals(".DS_Store")
                            || name.startsWith("._")
                            || name.equals(".git")
                            || rel.equals(".nextcloudignore")
                            || rules.ignored(rel, false)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink()) {
                        throw new ArchiveException(
                                "refusing the symbolic link " + rel + ": the store rejects links", null);
                    }
                    if (!attrs.isRegularFile()) {
                        throw new ArchiveException("refusing the special file " + rel, null);
                    }
                    out.put(id + "/" + rel, file);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new ArchiveException("cannot read " + folder + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static String relative(Path root, Path p) {
        List<String> parts = new ArrayList<>();
        for (Path seg : root.relativize(p)) {
            parts.add(seg.toString());
        }
        return String.join("/", parts);
    }

    private String write(TreeMap<String, Path> entries, Path tmp) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        GzipParameters gp = new GzipParameters();
        gp.setCompressionLevel(Deflater.BEST_COMPRESSION);
        gp.setModificationInstant(timestamp);
        gp.setOperatingSystem(3);
        try (OutputStream file = Files.newOutputStream(tmp);
                DigestOutputStream digest = new DigestOutputStream(file, sha);
                GzipCompressorOutputStream gz = new GzipCompressorOutputStream(digest, gp);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            for (var en : entries.entrySet()) {
                String name = en.getKey();
                Path src = en.getValue();
                boolean dir = name.endsWith("/");
                TarArchiveEntry te = new TarArchiveEntry(name);
                te.setModTime(timestamp.toEpochMilli());
                te.setUserId(0);
                te.setGroupId(0);
                te.setUserName("");
                te.setGroupName("");
                if (dir) {
                    te.setMode(TarArchiveEntry.DEFAULT_DIR_MODE);
                    tar.putArchiveEntry(te);
                } else {
                    long size = Files.size(src);
                    te.setSize(size);
                    te.setMode(Files.isExecutable(src) ? 0100755 : 0100644);
                    tar.putArchiveEntry(te);
                    try (InputStream in = Files.newInputStream(src, LinkOption.NOFOLLOW_LINKS)) {
                        long copied = copy(in, tar, size);
                        if (copied != size) {
                            throw new IOException(name + " changed while it was packaged");
                        }
                    }
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static long copy(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total < max && (n = in.read(buf, 0, (int) Math.min(buf.length, max - total))) >= 0) {
            out.write(buf, 0, n);
            total += n;
        }
        return total;
    }

    /**
     * What {@link #pack} produced.
     *
     * @param archive the written {@code .tar.gz}
     * @param appId the app id used as the top-level folder
     * @param entries the number of entries (folders and files)
     * @param bytes the archive's size
     * @param sha256 the archive's SHA-256, hex
     * @param report the inspection of the written archive
     * @since 0.1.0
     */
    public record Result(Path archive, String appId, int entries, long bytes, String sha256, ArchiveReport report) {
        /**
         * Checks the values.
         *
         * @param archive the archive
         * @param appId the app id
         * @param entries entry count
         * @param bytes size
         * @param sha256 digest
         * @param report the report
         */
        public Result {
            Objects.requireNonNull(archive, "archive");
            Objects.requireNonNull(appId, "appId");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(report, "report");
        }
    }

    /**
     * Configures an {@link AppPackager}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private Instant timestamp = DEFAULT_TIMESTAMP;
        private String appId;
        private final List<String> extraIgnores = new ArrayList<>();
        private ArchiveInspector inspector = ArchiveInspector.defaults();

        private Builder() {}

        /**
         * Sets the modification time of every entry and of the gzip header (default 1980-01-01T00:00:00Z).
         *
         * @param time the time, whole seconds
         * @return this builder
         */
        public Builder timestamp(Instant time) {
            this.timestamp = Objects.requireNonNull(time, "timestamp");
            return this;
        }

        /**
         * Names the top-level folder explicitly instead of reading info.xml's {@code <id>}.
         *
         * @param appId the app id
         * @return this builder
         */
        public Builder appId(String appId) {
            this.appId = Objects.requireNonNull(appId, "appId");
            return this;
        }

        /**
         * Adds ignore patterns (same syntax as {@code .nextcloudignore}, applied before its lines).
         *
         * @param patterns the patterns
         * @return this builder
         */
        public Builder ignore(String... patterns) {
            extraIgnores.addAll(List.of(patterns));
            return this;
        }

        /**
         * Uses an inspector with other limits for the final check.
         *
         * @param inspector the inspector
         * @return this builder
         */
        public Builder inspector(ArchiveInspector inspector) {
            this.inspector = Objects.requireNonNull(inspector, "inspector");
            return this;
        }

        /**
         * Builds the packager.
         *
         * @return the packager
         */
        public AppPackager build() {
            return new AppPackager(this);
        }
    }
}
