package dev.ncsdk.ocs.internal.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads a response body into memory, refusing one larger than a limit before it is all read. A gzip body
 * ({@code Content-Encoding: gzip}) is inflated while it arrives, so inflation overlaps the download and a gzip bomb
 * stops at the limit.
 */
final class BoundedBody {
    private BoundedBody() {}

    /** The body exceeded the limit. Carries the answer's status line so the error can describe it. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        final transient HttpResponse.ResponseInfo info;
        final long limit;

        TooLargeException(HttpResponse.ResponseInfo info, long limit) {
            super("response body exceeds the limit of " + limit + " bytes");
            this.info = info;
            this.limit = limit;
        }
    }

    /** The body says it is gzip but is not valid gzip. */
    static final class CorruptGzipException extends IOException {
        private static final long serialVersionUID = 1L;
        final transient HttpResponse.ResponseInfo info;

        CorruptGzipException(HttpResponse.ResponseInfo info, String what) {
            super("the gzip body is corrupt: " + what);
            this.info = info;
        }
    }

    /**
     * A handler that keeps the body (inflated when it is gzip) up to a limit of bytes.
     *
     * @param limit the most bytes kept, after inflation
     * @return the handler
     */
    static HttpResponse.BodyHandler<byte[]> handler(long limit) {
        return handler(limit, null);
    }

    /**
     * A handler that keeps the body (inflated when it is gzip) up to a limit of bytes and shows it to a listener
     * while it arrives.
     *
     * @param limit the most bytes kept, after inflation
     * @param listeners makes the listener of each answer (may return null), or null for none
     * @return the handler
     */
    static HttpResponse.BodyHandler<byte[]> handler(
            long limit, Function<HttpResponse.ResponseInfo, BodyListener> listeners) {
        return info -> {
            Collector c = isGzip(info) ? new GzipSubscriber(info, limit) : new Subscriber(info, limit);
            c.listener = listeners == null ? null : listeners.apply(info);
            return c;
        };
    }

    /**
     * Whether the answer's body is gzip, and inflated by {@link #handler}.
     *
     * @param info the answer's status and headers
     * @return whether it says {@code Content-Encoding: gzip}
     */
    static boolean isGzip(HttpResponse.ResponseInfo info) {
        return info.headers().firstValue("Content-Encoding").orElse("").trim().equalsIgnoreCase("gzip");
    }

    /** A growable output buffer with the limit check. */
    private abstract static class Collector implements HttpResponse.BodySubscriber<byte[]> {
        final CompletableFuture<byte[]> result = new CompletableFuture<>();
        final HttpResponse.ResponseInfo info;
        final long limit;
        Flow.Subscription subscription;
        BodyListener listener;
        byte[] out;
        int size;

        Collector(HttpResponse.ResponseInfo info, long limit) {
            this.info = info;
            this.limit = limit;
        }

        /** Room for at least {@code more} bytes, or false (and the body fails) past the limit. */
        final boolean reserve(long more) {
            long need = (long) size + more;
            if (need > limit) {
                fail(new TooLargeException(info, limit));
                return false;
            }
            if (need > out.length) {
                long grown = Math.max(need, Math.min(limit, (long) out.length * 2));
                out = Arrays.copyOf(out, (int) Math.min(grown, Integer.MAX_VALUE - 16));
            }
            return true;
        }

        final void fail(Throwable t) {
            if (subscription != null) {
                subscription.cancel();
            }
            out = null;
            result.completeExceptionally(t);
            tellError(t);
        }

        /** Shows the listener what arrived; a listener that throws is dropped (the body itself is unaffected). */
        final void tellData() {
            BodyListener l = listener;
            if (l != null && out != null) {
                try {
                    l.onData(out, size);
                } catch (RuntimeException e) {
                    listener = null;
                    tellError(l, e);
                }
            }
        }

        final void completeBody() {
            BodyListener l = listener;
            if (l != null) {
                try {
                    l.onComplete(out, size);
                } catch (RuntimeException e) {
                    listener = null;
                }
            }
            result.complete(trimmed());
        }

        final void tellError(Throwable t) {
            BodyListener l = listener;
            listener = null;
            if (l != null) {
                tellError(l, t);
            }
        }

        private static void tellError(BodyListener l, Throwable t) {
            try {
                l.onError(t);
            } catch (RuntimeException ignored) {
                // the listener's failure changes nothing for the body
            }
        }

        final long declaredLength() {
            return info.headers().firstValueAsLong("Content-Length").orElse(-1);
        }

        @Override
        public void onError(Throwable t) {
            out = null;
            result.completeExceptionally(t);
            tellError(t);
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        final byte[] trimmed() {
            return size == out.length ? out : Arrays.copyOf(out, size);
        }
    }

    /** An identity-encoded body. */
    private static final class Subscriber extends Collector {
        Subscriber(HttpResponse.ResponseInfo info, long limit) {
            super(info, limit);
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            long declared = declaredLength();
            if (declared > limit) {
                fail(new TooLargeException(info, limit));
                return;
            }
            out = new byte[declared > 0 ? (int) declared : 8192];
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                int n = b.remaining();
                if (!reserve(n)) {
                    return;
                }
                b.get(out, size, n);
                size += n;
            }
            tellData();
        }

        @Override
        public void onComplete() {
            if (!result.isDone()) {
                completeBody();
            }
        }
    }

    /**
     * A gzip body (RFC 1952, one or more members), inflated as it arrives. The header and trailer are read by
     * hand so that nothing blocks; the CRC-32 and length of every member are checked, as {@code GZIPInputStream}
     * does; bytes after the last member that do not start another member are ignored, as it does too.
     */
    private static final class GzipSubscriber extends Collector {
        private static final int HEADER = 0;
        private static final int DATA = 1;
        private static final int TRAILER = 2;
        private static final int DONE = 3;
        private static final int FHCRC = 2;
        private static final int FEXTRA = 4;
        private static final int FNAME = 8;
        private static final int FCOMMENT = 16;

        private final Inflater inflater = new Inflater(true);
        private final CRC32 crc = new CRC32();
        private int state = HEADER;
        private final byte[] pending = new byte[16]; // a header or trailer that spans buffers (fixed parts only)
        private int pendingLength;
        private int headerStage; // 0 fixed part, 1 extra length, 2 extra, 3 name, 4 comment, 5 header crc
        private int headerFlags;
        private int extraLeft;
        private int memberStart; // where this member's output begins
        private boolean anyMember;

        GzipSubscriber(HttpResponse.ResponseInfo info, long limit) {
            super(info, limit);
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            long declared = declaredLength();
            // a first guess at the inflated size; JSON usually inflates 3-5 times
            long guess = declared > 0 ? Math.min(limit, declared * 4) : 64 * 1024;
            out = new byte[(int) Math.max(1024, Math.min(Math.min(guess, limit + 1), 64L * 1024 * 1024))];
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            try {
                for (ByteBuffer b : items) {
                    while (b.hasRemaining() && !result.isDone()) {
                        step(b);
                    }
                    if (result.isDone()) {
                        return;
                    }
                }
                tellData();
            } catch (DataFormatException e) {
                fail(new CorruptGzipException(info, String.valueOf(e.getMessage())));
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        private void step(ByteBuffer b) throws DataFormatException {
            switch (state) {
                case HEADER:
                    header(b);
                    break;
                case DATA:
                    data(b);
                    break;
                case TRAILER:
                    trailer(b);
                    break;
                default:
                    b.position(b.limit()); // after the last member: ignored
            }
        }

        private void header(ByteBuffer b) {
            switch (headerStage) {
                case 0:
                    if (!fill(b, 10)) {
                        return;
                    }
                    if ((pending[0] & 0xFF) != 0x1F || (pending[1] & 0xFF) != 0x8B || pending[2] != 8) {
                        if (anyMember) {
                            state = DONE; // trailing bytes that are not another member
                            b.position(b.limit());
                            return;
                        }
                        fail(new CorruptGzipException(info, "not in gzip format"));
                        return;
                    }
                    headerFlags = pending[3] & 0xFF;
                    pendingLength = 0;
                    headerStage = 1;
                    return;
                case 1:
                    if ((headerFlags & FEXTRA) != 0) {
                        if (!fill(b, 2)) {
                            return;
                        }
                        extraLeft = (pending[0] & 0xFF) | ((pending[1] & 0xFF) << 8);
                        pendingLength = 0;
                    }
                    headerStage = 2;
                    return;
                case 2:
                    int skip = Math.min(extraLeft, b.remaining());
                    b.position(b.position() + skip);
                    extraLeft -= skip;
                    if (extraLeft == 0) {
                        headerStage = 3;
                    }
                    return;
                case 3:
                    if ((headerFlags & FNAME) == 0 || skipZeroTerminated(b)) {
                        headerStage = 4;
                    }
                    return;
                case 4:
                    if ((headerFlags & FCOMMENT) == 0 || skipZeroTerminated(b)) {
                        headerStage = 5;
                    }
                    return;
                default:
                    if ((headerFlags & FHCRC) != 0) {
                        if (!fill(b, 2)) {
                            return;
                        }
                        pendingLength = 0;
                    }
                    headerStage = 0;
                    state = DATA;
                    anyMember = true;
                    memberStart = size;
                    crc.reset();
                    inflater.reset();
            }
        }

        /** Collects bytes into {@link #pending} until it holds {@code n}; true when it does. */
        private boolean fill(ByteBuffer b, int n) {
            int take = Math.min(n - pendingLength, b.remaining());
            b.get(pending, pendingLength, take);
            pendingLength += take;
            return pendingLength == n;
        }

        private static boolean skipZeroTerminated(ByteBuffer b) {
            while (b.hasRemaining()) {
                if (b.get() == 0) {
                    return true;
                }
            }
            return false;
        }

        private void data(ByteBuffer b) throws DataFormatException {
            inflater.setInput(b);
            while (true) {
                if (size == out.length) {
                    // room for one byte past the limit, so that going over it is seen
                    long grown = Math.min(limit + 1, Math.max(8192, (long) out.length * 2));
                    out = Arrays.copyOf(out, (int) Math.min(grown, Integer.MAX_VALUE - 16));
                }
                int n = inflater.inflate(out, size, out.length - size);
                if (n > 0) {
                    crc.update(out, size, n);
                    size += n;
                    if (size > limit) {
                        fail(new TooLargeException(info, limit));
                        return;
                    }
                }
                if (inflater.finished()) {
                    state = TRAILER;
                    pendingLength = 0;
                    return;
                }
                if (inflater.needsDictionary()) {
                    fail(new CorruptGzipException(info, "a preset dictionary is not allowed"));
                    return;
                }
                if (n == 0 && inflater.needsInput()) {
                    return; // the buffer is used up; its position says so
                }
            }
        }

        private void trailer(ByteBuffer b) {
            if (!fill(b, 8)) {
                return;
            }
            long expectedCrc = le32(0);
            long expectedSize = le32(4);
            if (expectedCrc != crc.getValue()) {
                fail(new CorruptGzipException(info, "CRC-32 mismatch"));
                return;
            }
            if (expectedSize != ((size - memberStart) & 0xFFFFFFFFL)) {
                fail(new CorruptGzipException(info, "length mismatch"));
                return;
            }
            pendingLength = 0;
            state = HEADER; // another member may follow
        }

        private long le32(int at) {
            return (pending[at] & 0xFFL)
                    | ((pending[at + 1] & 0xFFL) << 8)
                    | ((pending[at + 2] & 0xFFL) << 16)
                    | ((pending[at + 3] & 0xFFL) << 24);
        }

        @Override
        public void onComplete() {
            inflater.end();
            if (result.isDone()) {
                return;
            }
            boolean complete = (state == HEADER && headerStage == 0 && pendingLength == 0 && anyMember)
                    || state == DONE
                    || (!anyMember && state == HEADER && headerStage == 0 && pendingLength == 0);
            if (!complete) {
                fail(new CorruptGzipException(info, "truncated"));
                return;
            }
            completeBody();
        }

        @Override
        public void onError(Throwable t) {
            inflater.end();
            super.onError(t);
        }
    }
}
