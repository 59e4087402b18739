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
                    capture =
                            current.isGNULongNameEntry() ? new LongName() : new PaxRecords(current.isGlobalPaxHeader());
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
     * PAX extended header records, {@code "<length> <keyword>=<value>\n"}, read as they stream by. Parsing stops
     * at the first malformed record (Commons Compress then fails the archive, or ignores the rest as it does).
     */
    private final class PaxRecords implements Capture {
        private static final int LENGTH = 0;
        private static final int KEYWORD = 1;
        private static final int VALUE = 2;
        private static final int STOPPED = 3;
        private static final int MAX_KEYWORD = 64;

        private final boolean global;
        private int state = LENGTH;
        private long length;
        private long consumed;
        private final StringBuilder keyword = new StringBuilder();
        private final ByteArrayOutputStream value = new ByteArrayOutputStream();
        private boolean truncated;

        PaxRecords(boolean global) {
            this.global = global;
        }

        @Override
        public void accept(byte[] b, int off, int len) {
            for (int i = off; i < off + len && state != STOPPED; i++) {
                step(b[i]);
            }
        }

        private void step(byte c) {
            consumed++;
            switch (state) {
                case LENGTH:
                    if (c >= '0' && c <= '9' && length < 100_000_000_000L) {
                        length = length * 10 + (c - '0');
                    } else if (c == ' ' && length > 0) {
                        state = KEYWORD;
                    } else {
                        state = STOPPED;
                    }
                    break;
                case KEYWORD:
                    if (c == '=') {
                        state = consumed < length ? VALUE : STOPPED;
                    } else if (keyword.length() < MAX_KEYWORD && c != '\n' && c != 0) {
                        keyword.append((char) (c & 0xff));
                    } else {
                        state = STOPPED;
                    }
                    break;
                case VALUE:
                    if (consumed == length) {
                        record(c == '\n');
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

        private void record(boolean wellFormed) {
            if (!wellFormed) {
                state = STOPPED;
                return;
            }
            String key = keyword.toString();
            if (key.equals("path") || key.equals("GNU.sparse.name")) {
                String v = text(value, truncated);
                if (global) {
                    if (key.equals("path")) {
                        globalPath = v.isEmpty() ? null : v;
                        globalPathNew = globalPath != null;
                    }
                } else if (!v.isEmpty()) {
                    names.add(new RawName("a PAX header", v));
                }
            }
            state = LENGTH;
            length = 0;
            consumed = 0;
            keyword.setLength(0);
            value.reset();
            truncated = false;
        }

        @Override
        public void finish() {
            // a record cut short is not applied by Commons Compress either
        }
    }
}
