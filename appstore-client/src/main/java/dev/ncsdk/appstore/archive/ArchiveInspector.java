package dev.ncsdk.appstore.archive;

import dev.ncsdk.appstore.internal.LocalFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Inspects a release {@code .tar.gz} in one streaming pass, without writing anything to disk, against the rules
 * the store applies when it accepts a release and the ones a careful installer adds. Every broken rule is
 * reported at once ({@link ArchiveReport#problems()}):
 *
 * <ul>
 *   <li>gzip and tar well-formed; the archive at most {@link Builder#maxArchiveBytes} (30 MiB, what the store
 *       enforces; a warning above the documented 20 MiB); at most {@link Builder#maxUnpackedBytes} unpacked
 *       (512 MiB: a gzip bomb is refused after reading that much) and {@link Builder#maxEntries} entries;
 *   <li>no header record (PAX extended or global header, GNU long name or link) over
 *       {@link Builder#maxHeaderRecordBytes} (1 MiB), refused before it is read into memory; no sparse entries
 *       (refused without reading their holes); running out of memory or stack is reported as
 *       {@link ArchiveRule#RESOURCES_EXHAUSTED}, never thrown;
 *   <li>exactly one top-level folder, named as the app id: {@code [a-z]+[a-z0-9_]*[a-z0-9]}, at most 32
 *       characters;
 *   <li>{@code <folder>/appinfo/info.xml} present, at most 1 MiB, well-formed (parsed with DTDs and entities
 *       off), its {@code <id>} equal to the folder name, its {@code <version>} a semantic version without build
 *       metadata;
 *   <li>no absolute paths, no {@code ..} segments, no path twice, no symbolic or hard links, no devices or
 *       FIFOs, no {@code .git}, no {@code ._*} or {@code .DS_Store}.
 * </ul>
 *
 * <p>Every rule but the top-level folder's sees names normalised as an extractor resolves them: backslashes are
 * separators, empty segments ({@code a//b}) and {@code .} segments are dropped, a directory's trailing slash too. So
 * {@code news/./appinfo/info.xml}, {@code news//appinfo/info.xml} and {@code news\appinfo\info.xml} are the same
 * path as {@code news/appinfo/info.xml}, and a second copy is a {@link ArchiveRule#DUPLICATE_ENTRY}. The
 * top-level folder is taken as written (the store refuses {@code ./news/...}).
 *
 * <p>The tar reader is Apache Commons Compress. Names are checked as the archive wrote them, also those in PAX
 * extended headers and GNU long-name records, which Commons Compress hands over without their leading {@code /}
 * (the store reads them as written). Immutable and thread-safe.
 *
 * <pre>{@code
 * ArchiveReport report = ArchiveInspector.defaults().inspect(Path.of("build/news.tar.gz"));
 * if (!report.isValid()) {
 *     log.log(System.Logger.Level.WARNING, report.describeProblems()); // or report.orThrow()
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ArchiveInspector {
    /** The store's documented archive limit: 20 MiB. */
    public static final long DOCUMENTED_MAX_ARCHIVE_BYTES = 20L * 1024 * 1024;
    /** The archive limit the store enforces today: 30 MiB. */
    public static final long DEFAULT_MAX_ARCHIVE_BYTES = 30L * 1024 * 1024;
    /** The default cap on unpacked bytes: 512 MiB. */
    public static final long DEFAULT_MAX_UNPACKED_BYTES = 512L * 1024 * 1024;
    /** The store's cap on {@code info.xml}: 1 MiB. */
    public static final int MAX_INFO_XML_BYTES = 1024 * 1024;
    /** The default cap on entries. */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;
    /**
     * The default cap on one header record (PAX extended header, global PAX headers together, GNU long name or
     * long link): 1 MiB.
     */
    public static final int DEFAULT_MAX_HEADER_RECORD_BYTES = 1024 * 1024;

    static final Pattern APP_ID = Pattern.compile("[a-z]+[a-z0-9_]*[a-z0-9]");
    static final int MAX_APP_ID = 32;
    private static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(-((0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(\\.(0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?");
    private static final int MAX_PROBLEMS = 500;
    static final int MAX_SHOWN_NAME = 512;
    private static final String TRUNCATED = "the archive is truncated (unexpected end of gzip/tar data)";

    private final long maxArchiveBytes;
    private final long maxUnpackedBytes;
    private final int maxEntries;
    private final int maxHeaderRecordBytes;

    private ArchiveInspector(Builder b) {
        this.maxArchiveBytes = b.maxArchiveBytes;
        this.maxUnpackedBytes = b.maxUnpackedBytes;
        this.maxEntries = b.maxEntries;
        this.maxHeaderRecordBytes = b.maxHeaderRecordBytes;
    }

    /**
     * An inspector with the default limits.
     *
     * @return the inspector
     */
    public static ArchiveInspector defaults() {
        return builder().build();
    }

    /**
     * Starts an inspector configuration.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    long maxUnpackedBytes() {
        return maxUnpackedBytes;
    }

    int maxEntries() {
        return maxEntries;
    }

    /**
     * The largest archive accepted.
     *
     * @return bytes
     */
    public long maxArchiveBytes() {
        return maxArchiveBytes;
    }

    RawNameTarInputStream tarReader(InputStream unpacked) {
        return RawNameTarInputStream.over(unpacked, maxHeaderRecordBytes);
    }

    /**
     * The message for a read failure: a truncated archive says so, anything else keeps its message.
     *
     * @param e the failure
     * @return the words
     */
    static String describe(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.io.EOFException) {
                return TRUNCATED;
            }
            String m = c.getMessage();
            if (m != null && m.toLowerCase(java.util.Locale.ROOT).contains("truncated")) {
                return TRUNCATED;
            }
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /**
     * Inspects an archive file.
     *
     * @param archive the {@code .tar.gz}
     * @return the report
     * @throws ArchiveException when the file is missing, cannot be opened, or is not a regular file (a device such
     *     as {@code /dev/zero}, a FIFO, a directory)
     */
    public ArchiveReport inspect(Path archive) {
        long size;
        try {
            size = LocalFiles.requireRegularFile(archive, Long.MAX_VALUE);
        } catch (IOException e) {
            throw new ArchiveException(LocalFiles.describe(e), e);
        }
        List<ArchiveProblem> early = new ArrayList<>();
        if (size > maxArchiveBytes) {
            early.add(new ArchiveProblem(
                    ArchiveRule.ARCHIVE_TOO_LARGE,
                    null,
                    "the archive has " + size + " bytes; the store accepts at most " + maxArchiveBytes));
        }
        try (InputStream in = Files.newInputStream(archive)) {
            return run(in, early, Long.MAX_VALUE);
        } catch (IOException e) {
            throw new ArchiveException("cannot read " + archive + ": " + LocalFiles.describe(e), e);
        }
    }

    /**
     * Inspects an archive read from a stream (to its end or to the first limit; not closed).
     *
     * @param archive the {@code .tar.gz} bytes
     * @return the report
     */
    public ArchiveReport inspect(InputStream archive) {
        return run(archive, new ArrayList<>(), maxArchiveBytes);
    }

    private ArchiveReport run(InputStream raw, List<ArchiveProblem> problems, long compressedLimit) {
        State st = new State(problems);
        BoundedStreams.Counting compressed =
                new BoundedStreams.Counting(raw, compressedLimit, ArchiveRule.ARCHIVE_TOO_LARGE);
        BoundedStreams.Counting unpacked = null;
        try {
            BufferedInputStream buffered = new BufferedInputStream(compressed, 64 * 1024);
            buffered.mark(2);
            int b1 = buffered.read();
            int b2 = buffered.read();
            buffered.reset();
            if (b1 != 0x1f || b2 != 0x8b) {
                st.add(ArchiveRule.NOT_GZIP, null, "the file is not gzip-compressed (a .tar.gz is required)");
                return st.report(compressed.count(), 0, null);
            }
            GzipCompressorInputStream gz = new GzipCompressorInputStream(buffered, true);
            unpacked = new BoundedStreams.Counting(gz, maxUnpackedBytes, ArchiveRule.UNPACKED_TOO_LARGE);
            RawNameTarInputStream tar = tarReader(unpacked);
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (++st.entries > maxEntries) {
                    st.add(ArchiveRule.TOO_MANY_ENTRIES, null, "more than " + maxEntries + " entries");
                    break;
                }
                entry(st, e, tar);
                rawNames(st, e.getName(), tar.rawNames());
            }
            drain(buffered);
        } catch (OutOfMemoryError | StackOverflowError ex) {
            st.stopped = true;
            // a hostile archive found a way past the limits: what it allocated is unreachable again now
            st.add(
                    ArchiveRule.RESOURCES_EXHAUSTED,
                    null,
                    "reading the archive ran out of " + (ex instanceof OutOfMemoryError ? "memory" : "stack")
                            + "; refused as hostile");
        } catch (IOException | RuntimeException ex) {
            st.stopped = true;
            BoundedStreams.LimitExceeded limit = BoundedStreams.limitIn(ex);
            BoundedStreams.Refused refused = BoundedStreams.refusalIn(ex);
            if (refused != null) {
                st.add(refused.rule, refused.entry, refused.getMessage());
            } else if (limit != null && limit.rule == ArchiveRule.UNPACKED_TOO_LARGE) {
                st.add(
                        ArchiveRule.UNPACKED_TOO_LARGE,
                        null,
                        "more than " + limit.limit + " bytes unpacked (a gzip bomb, or an app too large); stopped");
            } else if (limit != null) {
                st.add(
                        ArchiveRule.ARCHIVE_TOO_LARGE,
                        null,
                        "the archive is larger than " + limit.limit + " bytes, the most the store accepts; stopped");
            } else {
                String why = describe(ex);
                st.add(
                        ArchiveRule.CORRUPT,
                        null,
                        why.equals(TRUNCATED) ? why : "the archive is corrupt or truncated: " + why);
            }
        }
        return finish(st, compressed.count(), unpacked == null ? 0 : unpacked.count());
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        while (in.read(buf) >= 0) {
            // count the trailing bytes too
        }
    }

    private void entry(State st, TarArchiveEntry e, InputStream tar) throws IOException {
        String name = e.getName();
        if (name == null || name.isEmpty()) {
            st.add(ArchiveRule.CORRUPT, null, "an entry has no name");
            return;
        }
        if (isAbsolute(name)) {
            st.add(ArchiveRule.ABSOLUTE_PATH, name, "absolute path");
        }
        List<String> parts = segments(name);
        List<String> written = writtenSegments(name);
        if (parts.contains("..")) {
            st.add(ArchiveRule.PARENT_PATH, name, "path leaves the archive with '..'");
        }
        if (e.isSymbolicLink()) {
            st.add(ArchiveRule.SYMBOLIC_LINK, name, "symbolic link to " + shorten(e.getLinkName()));
        } else if (e.isLink()) {
            st.add(ArchiveRule.HARD_LINK, name, "hard link to " + shorten(e.getLinkName()));
        } else if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
            st.add(ArchiveRule.SPECIAL_FILE, name, "device or FIFO");
        }
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).equals(".git")) {
                String prefix = String.join("/", parts.subList(0, i + 1));
                if (st.gitFolders.add(key(prefix))) {
                    st.add(ArchiveRule.GIT_FOLDER, prefix, ".git must not be shipped");
                }
                break;
            }
        }
        if (!parts.isEmpty()) {
            String base = parts.get(parts.size() - 1);
            if (base.startsWith("._") || base.equals(".DS_Store")) {
                st.add(ArchiveRule.MAC_METADATA, name, "macOS metadata file");
            }
        }
        if (parts.isEmpty()) {
            return;
        }
        String path = String.join("/", parts);
        String pathKey = key(path);
        String seenAs = st.paths.putIfAbsent(pathKey, shorten(name));
        if (seenAs != null && !(e.isDirectory() && st.directories.contains(pathKey))) {
            st.add(
                    ArchiveRule.DUPLICATE_ENTRY,
                    name,
                    seenAs.equals(shorten(name))
                            ? "the path appears more than once"
                            : "the path appears more than once: " + seenAs + " and " + shorten(name)
                                    + " are the same path " + shorten(path));
        }
        if (e.isDirectory()) {
            st.directories.add(pathKey);
        }
        String writtenTop = written.get(0);
        boolean folder = written.size() > 1 || e.isDirectory();
        st.topLevel(writtenTop, folder);
        String top = parts.get(0);
        if (parts.size() == 3
                && parts.get(1).equals("appinfo")
                && parts.get(2).equals("info.xml")
                && !e.isDirectory()
                && !e.isSymbolicLink()
                && !e.isLink()
                && top.equals(st.firstTop)
                && !st.infoXml.containsKey(top)) {
            if (e.getSize() > MAX_INFO_XML_BYTES) {
                st.add(
                        ArchiveRule.INFO_XML_TOO_LARGE,
                        name,
                        "info.xml has " + e.getSize() + " bytes; at most " + MAX_INFO_XML_BYTES + " are accepted");
                st.infoXml.put(top, null);
            } else {
                byte[] xml = tar.readNBytes(MAX_INFO_XML_BYTES + 1);
                if (xml.length > MAX_INFO_XML_BYTES) {
                    st.add(ArchiveRule.INFO_XML_TOO_LARGE, name, "info.xml is larger than " + MAX_INFO_XML_BYTES);
                    st.infoXml.put(top, null);
                } else {
                    st.infoXml.put(top, xml);
                }
            }
        }
    }

    /**
     * Checks the names the archive wrote in PAX or GNU records, which Commons Compress normalises before
     * {@code getName()} (a leading {@code /} is stripped): the store reads them as written.
     */
    private static void rawNames(State st, String name, List<RawNameTarInputStream.RawName> raw) {
        boolean nameLeaves = name != null && segments(name).contains("..");
        Set<String> seen = new LinkedHashSet<>();
        for (RawNameTarInputStream.RawName r : raw) {
            String v = r.value();
            if (v.equals(name) || !seen.add(v)) {
                continue;
            }
            if (isAbsolute(v)) {
                st.add(ArchiveRule.ABSOLUTE_PATH, v, "absolute path (written in " + r.source() + ")");
            }
            if (!nameLeaves && segments(v).contains("..")) {
                st.add(ArchiveRule.PARENT_PATH, v, "path leaves the archive with '..' (written in " + r.source() + ")");
            }
        }
    }

    /** Whether a name is absolute: a leading {@code /} or backslash, or a drive letter ({@code C:}). */
    static boolean isAbsolute(String name) {
        if (name.startsWith("/") || name.startsWith("\\")) {
            return true;
        }
        if (name.length() < 2 || name.charAt(1) != ':') {
            return false;
        }
        char d = name.charAt(0);
        return d >= 'A' && d <= 'Z' || d >= 'a' && d <= 'z';
    }

    /**
     * A name's segments as an extractor resolves them: backslashes and slashes separate, empty and {@code .}
     * segments are dropped ({@code ..} is kept, for the rule that refuses it).
     */
    static List<String> segments(String name) {
        List<String> parts = new ArrayList<>();
        for (String s : name.split("[/\\\\]+")) {
            if (!s.isEmpty() && !s.equals(".")) {
                parts.add(s);
            }
        }
        return parts;
    }

    /**
     * The normalised form of a name ({@link #segments} joined with {@code /}, no trailing slash).
     *
     * @param name the name as written
     * @return the normalised path, empty for a name that is only separators and dots
     */
    static String normalise(String name) {
        return String.join("/", segments(name));
    }

    /** A name's segments as written, but for empty ones: the top-level folder as the store reads it. */
    private static List<String> writtenSegments(String name) {
        List<String> parts = new ArrayList<>();
        for (String s : name.split("[/\\\\]+")) {
            if (!s.isEmpty()) {
                parts.add(s);
            }
        }
        if (parts.isEmpty()) {
            parts.add(".");
        }
        return parts;
    }

    /** A short key for a path in the sets of seen paths: the path itself, or a digest of a long one. */
    private static String key(String path) {
        if (path.length() <= 64) {
            return path;
        }
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "#" + java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** A name cut for a message: at most {@value #MAX_SHOWN_NAME} characters. */
    static String shorten(String s) {
        return s == null || s.length() <= MAX_SHOWN_NAME ? s : s.substring(0, MAX_SHOWN_NAME) + "...";
    }

    private ArchiveReport finish(State st, long compressedBytes, long unpackedBytes) {
        if (compressedBytes > DOCUMENTED_MAX_ARCHIVE_BYTES && compressedBytes <= maxArchiveBytes) {
            st.warnings.add("the archive has " + compressedBytes + " bytes, over the store's documented limit of "
                    + DOCUMENTED_MAX_ARCHIVE_BYTES);
        }
        if (st.problems.stream().anyMatch(p -> p.rule() == ArchiveRule.NOT_GZIP)) {
            return st.report(compressedBytes, unpackedBytes, null);
        }
        String folder = null;
        if (st.stopped) {
            st.warnings.add("reading stopped at the first fatal problem; the entries after it were not checked");
        }
        if (st.topLevel.isEmpty()) {
            if (!st.stopped) {
                st.add(ArchiveRule.NO_APP_FOLDER, null, "the archive holds no app folder");
            }
        } else if (st.topLevel.size() > 1) {
            st.add(
                    ArchiveRule.MULTIPLE_TOP_LEVEL_ENTRIES,
                    null,
                    "exactly one top-level folder is allowed, found " + st.topLevel.size() + ": "
                            + String.join(", ", limit(st.topNames, 10)));
        } else {
            boolean isFolder = st.topLevel.values().iterator().next();
            if (!isFolder) {
                st.add(ArchiveRule.NO_APP_FOLDER, st.firstTop, "the only top-level entry is a file, not a folder");
            } else {
                folder = st.firstTop;
            }
        }
        AppInfo info = null;
        if (folder != null) {
            checkId(st, folder, "the app folder " + (folder.equals(".") ? "'.' (paths start with ./)" : folder));
            if (!st.infoXml.containsKey(folder)) {
                if (!st.stopped) {
                    st.add(ArchiveRule.INFO_XML_MISSING, folder + "/appinfo/info.xml", "info.xml is missing");
                }
            } else if (st.infoXml.get(folder) != null) {
                info = parseInfo(st, folder, st.infoXml.get(folder));
            }
        }
        return st.report(compressedBytes, unpackedBytes, info);
    }

    private static AppInfo parseInfo(State st, String folder, byte[] xml) {
        String where = folder + "/appinfo/info.xml";
        AppInfo info;
        try {
            info = AppInfo.parse(xml);
        } catch (IllegalArgumentException ex) {
            st.add(ArchiveRule.INFO_XML_INVALID, where, ex.getMessage());
            return null;
        }
        if (info.id() == null || info.id().isEmpty()) {
            st.add(ArchiveRule.INFO_XML_INVALID, where, "info.xml has no <id>");
        } else if (!info.id().equals(folder)) {
            st.add(
                    ArchiveRule.ID_MISMATCH,
                    where,
                    "the app folder is " + folder + " but info.xml reports id " + info.id());
            checkId(st, info.id(), "info.xml's id " + info.id());
        }
        if (info.version() == null || info.version().isEmpty()) {
            st.add(ArchiveRule.INFO_XML_INVALID, where, "info.xml has no <version>");
        } else if (!SEMVER.matcher(info.version()).matches()) {
            st.add(
                    ArchiveRule.INVALID_VERSION,
                    where,
                    "version " + info.version() + " is not MAJOR.MINOR.PATCH(-prerelease) without build metadata");
        }
        return info;
    }

    private static void checkId(State st, String id, String what) {
        if (!APP_ID.matcher(id).matches()) {
            st.add(
                    ArchiveRule.INVALID_APP_ID,
                    null,
                    what + " is not a valid app id (lower-case ASCII letters, digits and underscores, starting"
                            + " with a letter, not ending with an underscore)");
        }
        if (id.length() > MAX_APP_ID) {
            st.add(ArchiveRule.APP_ID_TOO_LONG, null, what + " has " + id.length() + " characters; at most 32");
        }
    }

    private static List<String> limit(List<String> names, int n) {
        List<String> out = new ArrayList<>();
        for (String s : names) {
            if (out.size() == n) {
                out.add("...");
                break;
            }
            out.add(s);
        }
        return out;
    }

    private static final class State {
        final List<ArchiveProblem> problems;
        final List<String> warnings = new ArrayList<>();
        /** Each top-level name (by {@link #key}): whether it is a folder. */
        final Map<String, Boolean> topLevel = new LinkedHashMap<>();
        /** The first top-level names, shortened, for a message. */
        final List<String> topNames = new ArrayList<>();
        /** The first top-level name, in full: the app folder when it is the only one. */
        String firstTop;

        final Map<String, byte[]> infoXml = new LinkedHashMap<>();
        final Set<String> gitFolders = new java.util.HashSet<>();
        /** Normalised paths seen (by {@link #key}) and the name that first wrote each (shortened). */
        final Map<String, String> paths = new java.util.HashMap<>();

        final Set<String> directories = new java.util.HashSet<>();
        int entries;
        boolean truncated;
        /** Reading stopped early (a limit, a refusal, corruption): what was not read cannot be missing. */
        boolean stopped;

        State(List<ArchiveProblem> early) {
            this.problems = new ArrayList<>(early);
        }

        void topLevel(String name, boolean folder) {
            String k = key(name);
            if (firstTop == null) {
                firstTop = name;
            }
            Boolean was = topLevel.putIfAbsent(k, folder);
            if (was == null) {
                if (topNames.size() <= 10) {
                    topNames.add(shorten(name));
                }
            } else if (folder && !was) {
                topLevel.put(k, Boolean.TRUE);
            }
        }

        void add(ArchiveRule rule, String entry, String message) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new ArchiveProblem(rule, shorten(entry), message));
            } else if (!truncated) {
                truncated = true;
                warnings.add("more than " + MAX_PROBLEMS + " problems; the rest are not listed");
            }
        }

        ArchiveReport report(long compressed, long unpacked, AppInfo info) {
            String folder = topLevel.size() == 1 && topLevel.values().iterator().next() ? firstTop : null;
            return new ArchiveReport(folder, info, problems, warnings, compressed, unpacked, entries);
        }
    }

    /**
     * Configures an {@link ArchiveInspector}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private long maxArchiveBytes = DEFAULT_MAX_ARCHIVE_BYTES;
        private long maxUnpackedBytes = DEFAULT_MAX_UNPACKED_BYTES;
        private int maxEntries = DEFAULT_MAX_ENTRIES;
        private int maxHeaderRecordBytes = DEFAULT_MAX_HEADER_RECORD_BYTES;

        private Builder() {}

        /**
         * Sets the cap on one tar header record: a PAX extended header, the global PAX headers together, a GNU long
         * name or long link (default 1 MiB). A larger record is refused before it is read into memory.
         *
         * @param bytes a positive size
         * @return this builder
         */
        public Builder maxHeaderRecordBytes(int bytes) {
            this.maxHeaderRecordBytes = (int) positive(bytes);
            return this;
        }

        /**
         * Sets the largest archive accepted (default 30 MiB, what the store enforces; its docs say 20 MiB).
         *
         * @param bytes a positive size
         * @return this builder
         */
        public Builder maxArchiveBytes(long bytes) {
            this.maxArchiveBytes = positive(bytes);
            return this;
        }

        /**
         * Sets the cap on unpacked bytes (default 512 MiB).
         *
         * @param bytes a positive size
         * @return this builder
         */
        public Builder maxUnpackedBytes(long bytes) {
            this.maxUnpackedBytes = positive(bytes);
            return this;
        }

        /**
         * Sets the cap on entries (default 100,000).
         *
         * @param entries a positive count
         * @return this builder
         */
        public Builder maxEntries(int entries) {
            this.maxEntries = (int) positive(entries);
            return this;
        }

        /**
         * Builds the inspector.
         *
         * @return the inspector
         */
        public ArchiveInspector build() {
            return new ArchiveInspector(this);
        }

        private static long positive(long v) {
            if (v <= 0) {
                throw new IllegalArgumentException("limits must be positive");
            }
            return v;
        }
    }
}
