package dev.ncsdk.appstore.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A Commons Compress tar reader that also keeps the names as the archive wrote them in PAX extended headers
 * ({@code path}, {@code GNU.sparse.name}, local and global) and GNU long-name records (type {@code L}), and that
 * refuses what would make Commons Compress spend memory or time out of proportion to the archive.
 *
 * <p>Commons Compress normalises those names when it applies them ({@code TarArchiveEntry.setName} strips leading
 * slashes, and on Windows drive letters and backslashes), so {@link TarArchiveEntry#getName()} can be relative
 * where the archive (and Python's {@code tarfile}, which the store uses) says {@code /etc/x}. The reader reads the
 * content of those records itself, through {@link #read(byte[], int, int)}, while Commons Compress consumes them:
 * the tar framing stays Commons Compress's, there is still one pass, and the bytes keep flowing through the same
 * bounded stream. Only the first {@value #KEEP} bytes of a value are kept (a name's leading characters decide
 * whether it is absolute; the full name, with any {@code ..}, is in the entry).
 *
 * <p>Refused, with a {@link BoundedStreams.Refused} naming the rule, before anything is buffered:
 *
 * <ul>
 *   <li>a PAX extended header, a global PAX header, a GNU long name or long link larger than the header record
 *       limit (Commons Compress buffers each whole), and global PAX headers larger than that limit together (they
 *       accumulate for the rest of the archive);
 *   <li>more than {@value #MAX_HEADER_CHAIN} header records in a row before one entry (Commons Compress reads them
 *       recursively), and more than {@value #MAX_HEADER_BYTES} bytes of header blocks read directly between two
 *       entries (old GNU sparse extension blocks, end-of-archive padding);
 *   <li>sparse entries, in every format (PAX 0.0 and 0.1 {@code GNU.sparse.*} keys, PAX 1.0
 *       {@code GNU.sparse.major/minor/realsize}, old GNU type {@code S}, star's {@code SCHILY.filetype=sparse}):
 *       Commons Compress fills their holes with zeros after the unpacked-size counter, so a few hundred bytes can
 *       declare gigabytes. The holes are never read; the entry is refused as soon as it is recognised.
 * </ul>
 */
final class RawNameTarInputStream extends TarArchiveInputStream {
    /** The longest value prefix kept, in bytes. */
    static final int KEEP = 4096;
    /** The most header records (PAX, GNU long name or link) in a row before one entry. */
    static final int MAX_HEADER_CHAIN = 16;
    /** The most bytes of header blocks read directly between two entries. */
    static final int MAX_HEADER_BYTES = 256 * 1024;

    /**
     * One name the archive wrote for the entry just returned.
     *
     * @param source where it was written, for a person ("a PAX header", "a GNU long name")
     * @param value the name as written (truncated past {@value #KEEP} bytes, with a trailing "...")
     */
    record RawName(String source, String value) {}

    private final List<RawName> names = new ArrayList<>();
    private final Watch watch;
    private final long maxHeaderRecordBytes;
    private long globalHeaderBytes;
    private String globalPath;
    private boolean globalPathNew;
    private int depth;
    private TarArchiveEntry capturing;
    private TarArchiveEntry sized;
    private Capture capture;
    private String sparseKey;

    private RawNameTarInputStream(Watch watch, long maxHeaderRecordBytes) {
        super(watch, "UTF-8");
        this.watch = watch;
        this.maxHeaderRecordBytes = maxHeaderRecordBytes;
    }

    /**
     * A reader over uncompressed tar bytes.
     *
     * @param in the tar bytes
     * @param maxHeaderRecordBytes the largest header record (PAX, global PAX, GNU long name or link) accepted
     * @return the reader
     */
    static RawNameTarInputStream over(InputStream in, long maxHeaderRecordBytes) {
        return new RawNameTarInputStream(new Watch(in), maxHeaderRecordBytes);
    }

    /**
     * The names written in PAX or GNU records for the entry last returned by {@link #getNextEntry()}, in the order
     * the records came; empty for a plain ustar entry. A global PAX {@code path} is listed once, with the first
     * entry it applies to.
     */
    List<RawName> rawNames() {
        return List.copyOf(names);
    }

    @Override
    public TarArchiveEntry getNextEntry() throws IOException {
        if (depth == 0) {
            names.clear();
            if (getCurrentEntry() != null) {
                // what Commons Compress would skip first, skipped here so that only header bytes are watched below
                byte[] buf = new byte[8192];
                while (read(buf, 0, buf.length) >= 0) {
                    // discard the rest of the entry
                }
            }
            watch.start();
        } else {
            if (sparseKey != null) {
                throw sparse(lastName(), "its PAX header says " + sparseKey);
            }
            if (depth >= MAX_HEADER_CHAIN) {
                throw new BoundedStreams.Refused(
                        ArchiveRule.HEADER_TOO_LARGE,
                        lastName(),
                        "more than " + MAX_HEADER_CHAIN + " header records (PAX headers, GNU long names) in a row");
            }
        }
        depth++;
        TarArchiveEntry e;
        try {
            e = super.getNextEntry();
        } finally {
            depth--;
            if (depth == 0) {
                watch.disarm();
            }
        }
        if (depth == 0) {
            finishCapture();
            if (sparseKey != null) {
                throw sparse(e == null ? lastName() : e.getName(), "its PAX header says " + sparseKey);
            }
            if (e != null && e.isSparse()) {
                throw sparse(
                        e.getName(),
                        "it declares " + e.getRealSize() + " bytes, of which " + e.getSize() + " are stored");
            }
            if (globalPathNew && globalPath != null && e != null) {
                names.add(new RawName("a global PAX header", globalPath));
            }
            if (e != null) {
                globalPathNew = false;
            }
        }
        return e;
    }

    private String lastName() {
        return names.isEmpty() ? null : names.get(names.size() - 1).value();
    }

    private static BoundedStreams.Refused sparse(String name, String why) {
        return new BoundedStreams.Refused(
                ArchiveRule.SPARSE_ENTRY,
                name,
                "sparse file (" + why + "): refused unread, an app release never needs one");
    }

    private void checkHeaderRecord(TarArchiveEntry current) throws IOException {
        boolean global = current.isGlobalPaxHeader();
        if (!(global || current.isPaxHeader() || current.isGNULongNameEntry() || current.isGNULongLinkEntry())
                || current == sized) {
            return;
        }
        sized = current;
        String kind = global
                ? "a global PAX header"
                : current.isPaxHeader()
                        ? "a PAX extended header"
                        : current.isGNULongNameEntry() ? "a GNU long name" : "a GNU long link name";
        long size = current.getSize();
        if (size > maxHeaderRecordBytes) {
            throw new BoundedStreams.Refused(
                    ArchiveRule.HEADER_TOO_LARGE,
                    null,
                    kind + " of " + size + " bytes; at most " + maxHeaderRecordBytes + " are read");
        }
        if (global) {
            globalHeaderBytes += size;
            if (globalHeaderBytes > maxHeaderRecordBytes) {
                throw new BoundedStreams.Refused(
                        ArchiveRule.HEADER_TOO_LARGE,
                        null,
                        "global PAX headers of more than " + maxHeaderRecordBytes + " bytes together");
            }
        }
    }

    @Override
    public int read(byte[] buf, int offset, int numToRead) throws IOException {
        TarArchiveEntry current = getCurrentEntry();
        if (current != null) {
            if (current.isSparse()) {
                throw sparse(current.getName(), "its holes are not read");
            }
            checkHeaderRecord(current);
        }
        boolean armed = watch.disarm();
        int n;
        try {
            n = super.read(buf, offset, numToRead);
        } finally {
            if (armed) {
                watch.resume();
            }
        }
        if (n > 0) {
            if (current != null
                    && (current.isPaxHeader() || current.isGlobalPaxHeader() || current.isGNULongNameEntry())) {
                if (current != capturing) {
                    finishCapture();
                    capturing = current;
                    capture = current.isGNULongNameEntry()
                            ? new LongName()
                            : new PaxRecords(current.isGlobalPaxHeader(), current.getSize());
                }
                capture.accept(buf, offset, n);
            }
        }
        return n;
    }

    /**
     * Counts the bytes Commons Compress reads past this reader's own {@link #read} while it looks for the next
     * entry: header blocks, sparse extension blocks, padding.
     */
    private static final class Watch extends BoundedStreams.Metered {
        private boolean armed;
        private long count;

        Watch(InputStream in) {
            super(in);
        }

        /** Starts counting from zero. */
        void start() {
            count = 0;
            armed = true;
        }

        /** Counts on. */
        void resume() {
            armed = true;
        }

        /** Stops counting; returns whether it was counting. */
        boolean disarm() {
            boolean was = armed;
            armed = false;
            return was;
        }

        @Override
        void add(long n) throws IOException {
            if (armed && n > 0) {
                count += n;
                if (count > MAX_HEADER_BYTES) {
                    throw new BoundedStreams.Refused(
                            ArchiveRule.HEADER_TOO_LARGE,
                            null,
                            "more than " + MAX_HEADER_BYTES + " bytes of tar header blocks before one entry");
                }
            }
        }
    }

    private void finishCapture() {
        if (capture != null) {
            capture.finish();
            capture = null;
        }
    }

    private static String text(ByteArrayOutputStream kept, boolean truncated) {
        String s = kept.toString(StandardCharsets.UTF_8);
        return truncated ? s + "..." : s;
    }

    private interface Capture {
        void accept(byte[] b, int off, int len);

        void finish();
    }

    /** The content of a GNU long-name record: the name, NUL-terminated. */
    private final class LongName implements Capture {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private boolean truncated;

        @Override
        public void accept(byte[] b, int off, int len) {
            int room = KEEP - kept.size();
            if (len > room) {
                truncated = true;
            }
            kept.write(b, off, Math.min(len, Math.max(room, 0)));
        }

        @Override
        public void finish() {
            byte[] raw = kept.toByteArray();
            int end = raw.length;
            while (end > 0 && raw[end - 1] == 0) {
                end--;
            }
            ByteArrayOutputStream name = new ByteArrayOutputStream();
            name.write(raw, 0, end);
            if (end > 0) {
                names.add(new RawName("a GNU long name", text(name, truncated)));
            }
        }
    }

    /**
     * PAX extended header records, {@code "<length> <keyword>=<value>\n"}, read as they stream by, following the
     * steps of Commons Compress's own parser (a newline where a length is expected is skipped; a record whose
     * length leaves no value removes the keyword and parsing goes on after the {@code =}; a keyword that reaches
     * the end of the header ends it), so both see the same records. Where Commons Compress fails the archive (a
     * non-digit in a length, a value past the header or without its newline), parsing stops: the archive is then
     * reported corrupt anyway.
     */
    private final class PaxRecords implements Capture {
        private static final int LENGTH = 0;
        private static final int KEYWORD = 1;
        private static final int VALUE = 2;
        private static final int STOPPED = 3;
        private static final int MAX_KEYWORD = 64;

        private final boolean global;
        private final long headerSize;
        private int state = LENGTH;
        private long total;
        private int length;
        private int read;
        private int valueLeft;
        private final ByteArrayOutputStream keyword = new ByteArrayOutputStream();
        private boolean keywordTooLong;
        private final ByteArrayOutputStream value = new ByteArrayOutputStream();
        private boolean truncated;

        PaxRecords(boolean global, long headerSize) {
            this.global = global;
            this.headerSize = headerSize;
        }

        @Override
        public void accept(byte[] b, int off, int len) {
            for (int i = off; i < off + len && state != STOPPED; i++) {
                step(b[i]);
            }
        }

        private void step(byte c) {
            total++;
            switch (state) {
                case LENGTH:
                    read++;
                    if (c == '\n') {
                        next();
                    } else if (c == ' ') {
                        state = KEYWORD;
                    } else if (c >= '0' && c <= '9') {
                        length = length * 10 + (c - '0');
                    } else {
                        state = STOPPED;
                    }
                    break;
                case KEYWORD:
                    read++;
                    if (total >= headerSize) {
                        next();
                    } else if (c == '=') {
                        valueLeft = length - read;
                        if (valueLeft <= 1) {
                            removed();
                            next();
                        } else if (valueLeft > headerSize - total) {
                            state = STOPPED;
                        } else {
                            state = VALUE;
                        }
                    } else if (keyword.size() < MAX_KEYWORD) {
                        keyword.write(c);
                    } else {
                        keywordTooLong = true;
                    }
                    break;
                case VALUE:
                    valueLeft--;
                    if (valueLeft == 0) {
                        if (c == '\n') {
                            record();
                            next();
                        } else {
                            state = STOPPED;
                        }
                    } else if (value.size() < KEEP) {
                        value.write(c);
                    } else {
                        truncated = true;
                    }
                    break;
                default:
                    break;
            }
        }

        private String key() {
            return keywordTooLong ? "" : keyword.toString(StandardCharsets.UTF_8);
        }

        private void removed() {
            if (global && key().equals("path")) {
                globalPath = null;
                globalPathNew = false;
            }
        }

        private void record() {
            String key = key();
            if (sparseKey == null && isSparseKey(key, value)) {
                sparseKey = key + "=" + text(value, truncated);
            }
            if (key.equals("path") || key.equals("GNU.sparse.name")) {
                String v = text(value, truncated);
                if (!global) {
                    names.add(new RawName("a PAX header", v));
                } else if (key.equals("path")) {
                    globalPath = v;
                    globalPathNew = true;
                }
            }
        }

        private boolean isSparseKey(String key, ByteArrayOutputStream v) {
            if (key.startsWith("GNU.sparse.")) {
                return !key.equals("GNU.sparse.name");
            }
            return key.equals("SCHILY.realsize")
                    || key.equals("SCHILY.filetype")
                            && v.toString(StandardCharsets.UTF_8).equals("sparse");
        }

        private void next() {
            state = LENGTH;
            length = 0;
            read = 0;
            keyword.reset();
            keywordTooLong = false;
            value.reset();
            truncated = false;
        }

        @Override
        public void finish() {
            // a record cut short is not applied by Commons Compress either
        }
    }
}
