package dev.ncsdk.appstore.internal;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Local input files (archives, keys, certificates) read safely: only regular files (never a device such as
 * {@code /dev/zero}, a FIFO that would block, or a directory), never more than a stated number of bytes, and
 * failures described in words a person can act on ("no such file", not the bare path an {@link IOException}
 * carries).
 */
public final class LocalFiles {
    private LocalFiles() {}

    /** A local input that cannot be used; its message is complete ("cannot read x: no such file"). */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the failure.
         *
         * @param message the complete message
         * @param cause the cause, or {@code null}
         */
        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Checks that a path names a regular file (links are followed: a link to a regular file is fine) of at most
     * {@code maxBytes}.
     *
     * @param file the file
     * @param maxBytes the size limit
     * @return the file's size
     * @throws Refused when the file is missing, unreadable, not a regular file or too large
     */
    public static long requireRegularFile(Path file, long maxBytes) throws Refused {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new Refused("cannot read " + file + ": " + describe(e), e);
        }
        if (!a.isRegularFile()) {
            String kind = a.isDirectory() ? "a directory" : "a device, FIFO or socket";
            throw new Refused("cannot read " + file + ": it is " + kind + ", not a regular file", null);
        }
        if (a.size() > maxBytes) {
            throw new Refused(
                    "cannot read " + file + ": it has " + a.size() + " bytes, more than the limit of " + maxBytes,
                    null);
        }
        return a.size();
    }

    /**
     * Opens a regular file of at most {@code maxBytes}; reading more than that (a file that grows) fails.
     *
     * @param file the file
     * @param maxBytes the size limit
     * @return the stream, to close
     * @throws Refused when the file cannot be used
     */
    public static InputStream openBounded(Path file, long maxBytes) throws Refused {
        requireRegularFile(file, maxBytes);
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw new Refused("cannot read " + file + ": " + describe(e), e);
        }
        return new FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    count += n;
                    if (count > maxBytes) {
                        throw new Refused(
                                "cannot read " + file + ": it grew past the limit of " + maxBytes + " bytes", null);
                    }
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                byte[] buf = new byte[8192];
                long done = 0;
                while (done < n) {
                    int r = read(buf, 0, (int) Math.min(buf.length, n - done));
                    if (r < 0) {
                        break;
                    }
                    done += r;
                }
                return done;
            }
        };
    }

    /**
     * Reads a whole regular file of at most {@code maxBytes}.
     *
     * @param file the file
     * @param maxBytes the size limit
     * @return the bytes
     * @throws Refused when the file cannot be used
     */
    public static byte[] readBounded(Path file, long maxBytes) throws Refused {
        try (InputStream in = openBounded(file, maxBytes)) {
            return in.readAllBytes();
        } catch (Refused e) {
            throw e;
        } catch (IOException e) {
            throw new Refused("cannot read " + file + ": " + describe(e), e);
        }
    }

    /**
     * Describes a failed file operation in words: "no such file", "permission denied", "not a directory", or the
     * exception's own message.
     *
     * @param e the failure
     * @return the words
     */
    public static String describe(IOException e) {
        if (e instanceof Refused) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a directory";
        }
        if (e instanceof FileSystemLoopException) {
            return "too many levels of symbolic links";
        }
        if (e instanceof EOFException) {
            return "unexpected end of data";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
