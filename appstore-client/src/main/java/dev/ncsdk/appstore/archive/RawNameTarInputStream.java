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
 * ({@code path}, {@code GNU.sparse.name}, local and global) and GNU long-name records (type {@code L}).
 *
 * <p>Commons Compress normalises those names when it applies them ({@code TarArchiveEntry.setName} strips leading
 * slashes, and on Windows drive letters and backslashes), so {@link TarArchiveEntry#getName()} can be relative
 * where the archive (and Python's {@code tarfile}, which the store uses) says {@code /etc/x}. The reader reads the
 * content of those records itself, through {@link #read(byte[], int, int)}, while Commons Compress consumes them:
 * the tar framing stays Commons Compress's, there is still one pass, and the bytes keep flowing through the same
 * bounded stream. Only the first {@value #KEEP} bytes of a value are kept (a name's leading characters decide
 * whether it is absolute; the full name, with any {@code ..}, is in the entry).
 */
final class RawNameTarInputStream extends TarArchiveInputStream {
    /** The longest value prefix kept, in bytes. */
    static final int KEEP = 4096;

    /**
     * One name the archive wrote for the entry just returned.
     *
     * @param source where it was written, for a person ("a PAX header", "a GNU long name")
     * @param value the name as written (truncated past {@value #KEEP} bytes, with a trailing "...")
     */
    record RawName(String source, String value) {}

    private final List<RawName> names = new ArrayList<>();
    private String globalPath;
    private boolean globalPathNew;
    private int depth;
    private TarArchiveEntry capturing;
    private Capture capture;

    RawNameTarInputStream(InputStream in) {
        super(in, "UTF-8");
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
        }
        depth++;
        TarArchiveEntry e;
        try {
            e = super.getNextEntry();
        } finally {
            depth--;
        }
        if (depth == 0) {
            finishCapture();
            if (globalPathNew && globalPath != null && e != null) {
                names.add(new RawName("a global PAX header", globalPath));
            }
            if (e != null) {
                globalPathNew = false;
            }
        }
        return e;
    }

    @Override
    public int read(byte[] buf, int offset, int numToRead) throws IOException {
        int n = super.read(buf, offset, numToRead);
        if (n > 0) {
            TarArchiveEntry current = getCurrentEntry();
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
