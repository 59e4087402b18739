package dev.ncsdk.ocs.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.zip.GZIPInputStream;

/** Reads a response body into memory, refusing one larger than a limit before it is all read. */
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

    static HttpResponse.BodyHandler<byte[]> handler(long limit) {
        return info -> new Subscriber(info, limit);
    }

    /**
     * Inflates a gzip body, refusing output over the limit (a gzip bomb stops at the limit).
     *
     * @throws TooLargeException past the limit
     * @throws IOException when the data is not gzip
     */
    static byte[] gunzip(byte[] gz, long limit, HttpResponse.ResponseInfo info) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz), 8192)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(32, gz.length * 4));
            byte[] buf = new byte[16384];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > limit) {
                    throw new TooLargeException(info, limit);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final HttpResponse.ResponseInfo info;
        private final long limit;
        private ByteArrayOutputStream out;
        private Flow.Subscription subscription;

        Subscriber(HttpResponse.ResponseInfo info, long limit) {
            this.info = info;
            this.limit = limit;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > limit) {
                s.cancel();
                result.completeExceptionally(new TooLargeException(info, limit));
                return;
            }
            out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if ((long) out.size() + b.remaining() > limit) {
                    subscription.cancel();
                    out = null;
                    result.completeExceptionally(new TooLargeException(info, limit));
                    return;
                }
                if (b.hasArray()) {
                    out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
                    b.position(b.limit());
                } else {
                    byte[] chunk = new byte[b.remaining()];
                    b.get(chunk);
                    out.write(chunk, 0, chunk.length);
                }
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            if (!result.isDone()) {
                result.complete(out.toByteArray());
            }
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }
    }
}
