package dev.ncsdk.appstore.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Byte counting with a hard limit; package-private helpers for the inspector and the extractor. */
final class BoundedStreams {
    private BoundedStreams() {}

    /** Thrown when a limit is passed; carries the rule to report. */
    static final class LimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;
        final ArchiveRule rule;
        final long limit;

        LimitExceeded(ArchiveRule rule, long limit) {
            super(rule + ": more than " + limit + " bytes");
            this.rule = rule;
            this.limit = limit;
        }
    }

    /**
     * A stream that reports every byte read through it, skips included (a skip reads, so nothing passes unseen), to
     * {@link #add(long)}.
     */
    abstract static class Metered extends FilterInputStream {
        Metered(InputStream in) {
            super(in);
        }

        /**
         * Called with the number of bytes just read (zero or negative at the end of the stream).
         *
         * @param n the bytes read
         * @throws IOException to refuse the stream
         */
        abstract void add(long n) throws IOException;

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            add(n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buf = new byte[(int) Math.min(8192, Math.max(1, n))];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }
    }

    /** Counts bytes read (skips included) and fails past the limit. */
    static final class Counting extends Metered {
        private final long limit;
        private final ArchiveRule rule;
        private long count;

        Counting(InputStream in, long limit, ArchiveRule rule) {
            super(in);
            this.limit = limit;
            this.rule = rule;
        }

        long count() {
            return count;
        }

        @Override
        void add(long n) throws LimitExceeded {
            if (n > 0) {
                count += n;
                if (count > limit) {
                    throw new LimitExceeded(rule, limit);
                }
            }
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /**
     * Thrown to refuse an archive for a reason other than a byte count (a sparse entry, a header record over its
     * limit); carries the rule, the entry (or {@code null}) and the message to report.
     */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        final ArchiveRule rule;
        final String entry;

        Refused(ArchiveRule rule, String entry, String message) {
            super(message);
            this.rule = rule;
            this.entry = entry;
        }
    }

    static Refused refusalIn(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof Refused) {
                return (Refused) c;
            }
        }
        return null;
    }

    static LimitExceeded limitIn(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof LimitExceeded) {
                return (LimitExceeded) c;
            }
        }
        return null;
    }
}
