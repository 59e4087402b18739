package dev.ncsdk.appapi.app.files;

import dev.ncsdk.ocs.NcException;
import dev.ncsdk.ocs.NcTimeoutException;
import dev.ncsdk.ocs.NcTransportException;
import dev.ncsdk.ocs.internal.http.HttpResult;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import dev.ncsdk.ocs.internal.http.SendThreads;
import dev.ncsdk.ocs.internal.http.Uris;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Streamed request and response bodies on the transport's HTTP client, with its credentials and user agent: a
 * download is written piece by piece to an {@link OutputStream} as it arrives (the HTTP client's back-pressure keeps
 * a few buffers in memory, never the file), an upload body is pulled from its publisher as the socket takes it.
 *
 * <p>Timeouts are about progress, not the whole transfer (a 5 GB file may take an hour): the call fails with {@link
 * NcTimeoutException} when no body bytes moved for the idle timeout, or when the answer's headers did not arrive
 * within the response timeout after the request was sent. Streamed calls are never retried.
 */
final class Streaming {
    /** The most of a failed answer's body kept (an error document is small). */
    static final int MAX_ERROR_BODY = 64 * 1024;

    private final HttpTransport transport;
    private final Duration idleTimeout;
    private final Duration responseTimeout;

    Streaming(HttpTransport transport, Duration idleTimeout, Duration responseTimeout) {
        this.transport = transport;
        this.idleTimeout = idleTimeout;
        this.responseTimeout = responseTimeout;
    }

    /** The result of a download: the bytes written, or the failed answer. */
    static final class Downloaded {
        final long bytes;
        final HttpResult failure;

        Downloaded(long bytes, HttpResult failure) {
            this.bytes = bytes;
            this.failure = failure;
        }
    }

    /**
     * GETs a resource into a stream. A 2xx body goes to {@code out}; any other answer is returned as {@link
     * Downloaded#failure} with its body (cut at {@link #MAX_ERROR_BODY}).
     *
     * @throws NcTransportException when the connection failed or was cut before the whole body arrived
     * @throws UncheckedIOException when writing to {@code out} failed
     */
    Downloaded download(URI uri, OutputStream out, TransferListener listener) {
        Activity activity = new Activity(Activity.WAITING);
        // A 2xx body is read through the JDK's own input stream subscriber, which the HTTP client feeds on its
        // selector thread; a subscriber of ours would be fed through the executor, a thread hand-off per buffer.
        HttpResponse.BodyHandler<InputStream> handler = info -> {
            activity.phase(Activity.RECEIVING);
            if (info.statusCode() / 100 == 2) {
                return HttpResponse.BodySubscribers.ofInputStream();
            }
            Sink errors = new Sink(activity);
            return HttpResponse.BodySubscribers.mapping(errors, n -> new ByteArrayInputStream(errors.error()));
        };
        HttpRequest request = request(uri, "GET", List.of(), HttpRequest.BodyPublishers.noBody());
        HttpResponse<InputStream> r = await(send(request, handler), activity, "GET", uri);
        if (r.statusCode() / 100 != 2) {
            byte[] body;
            try (InputStream in = r.body()) {
                body = in.readAllBytes();
            } catch (IOException e) {
                body = new byte[0];
            }
            return new Downloaded(0, new HttpResult("GET", r.uri(), r.statusCode(), r.headers(), body));
        }
        long declared = r.headers().firstValueAsLong("Content-Length").orElse(-1);
        long count = copy(r.body(), out, listener, declared, activity, uri);
        if (declared >= 0 && declared != count) {
            throw new NcTransportException(
                    "GET " + Uris.redact(uri) + ": the body ended after " + count + " of " + declared + " bytes",
                    null,
                    true);
        }
        return new Downloaded(count, null);
    }

    /** Copies a response body on the caller's thread; a watchdog closes the body when it stalls. */
    private long copy(
            InputStream in, OutputStream out, TransferListener listener, long total, Activity activity, URI uri) {
        Watchdog watchdog = new Watchdog(in, activity);
        watchdog.schedule();
        long count = 0;
        byte[] buffer = new byte[64 * 1024];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                count += n;
                activity.received = count;
                activity.touch();
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw new UncheckedIOException("writing the download of " + Uris.redact(uri) + " failed", e);
                }
                activity.touch();
                listener.onProgress(count, total);
            }
        } catch (IOException e) {
            if (watchdog.reason == null) {
                throw failure("GET", uri, e, activity);
            }
        } finally {
            watchdog.done = true;
        }
        if (watchdog.reason != null) {
            throw new NcTimeoutException("GET " + Uris.redact(uri) + ": " + watchdog.reason, null, true);
        }
        return count;
    }

    /** Closes a body that made no progress for the idle timeout, so that a blocked read returns. */
    private final class Watchdog implements Runnable {
        private final InputStream in;
        private final Activity activity;
        volatile boolean done;
        volatile String reason;

        Watchdog(InputStream in, Activity activity) {
            this.in = in;
            this.activity = activity;
        }

        void schedule() {
            long poll = Math.max(10, Math.min(200, idleTimeout.toMillis() / 4));
            CompletableFuture.runAsync(
                    this, CompletableFuture.delayedExecutor(poll, TimeUnit.MILLISECONDS, Runnable::run));
        }

        @Override
        public void run() {
            if (done) {
                return;
            }
            String why = activity.stalled(idleTimeout, responseTimeout);
            if (why == null) {
                schedule();
                return;
            }
            reason = why;
            try {
                in.close(); // cancels the exchange; a blocked read ends
            } catch (IOException ignored) {
                // closing is all we can do
            }
        }
    }

    /**
     * Sends a request with a streamed body and returns the answer, whatever its status (its body cut at {@link
     * #MAX_ERROR_BODY}).
     *
     * @param headers name/value pairs
     * @param body the body; its length is sent as {@code Content-Length} when known
     */
    HttpResult upload(
            String method, URI uri, List<String[]> headers, HttpRequest.BodyPublisher body, TransferListener listener) {
        Activity activity = new Activity(Activity.SENDING);
        AtomicReference<Sink> sink = new AtomicReference<>();
        HttpResponse.BodyHandler<Long> handler = info -> {
            activity.phase(Activity.RECEIVING);
            Sink s = new Sink(activity);
            sink.set(s);
            return s;
        };
        HttpRequest request = request(uri, method, headers, new Counting(body, listener, activity));
        HttpResponse<Long> r = await(send(request, handler), activity, method, uri);
        return new HttpResult(
                method, r.uri(), r.statusCode(), r.headers(), sink.get().error());
    }

    private <T> CompletableFuture<HttpResponse<T>> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        if (transport.isClosed()) {
            throw new IllegalStateException("client is closed");
        }
        // on an SDK thread, not sendAsync, whose answer would wait for a free common-pool worker (see SendThreads)
        return SendThreads.send(transport.httpClient(), request, handler);
    }

    private HttpRequest request(URI uri, String method, List<String[]> headers, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri);
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            rb.version(HttpClient.Version.HTTP_1_1); // as the transport does: the JDK's h2c upgrade breaks proxies
        }
        rb.header("User-Agent", transport.userAgent());
        for (String[] h : headers) {
            rb.header(h[0], h[1]);
        }
        for (Map.Entry<String, String> e : transport.credentials().headers().entrySet()) {
            rb.setHeader(e.getKey(), e.getValue());
        }
        // no Accept-Encoding: a file comes as it is stored, so its length can be checked
        return rb.method(method, body).build();
    }

    /** Waits for the answer, failing the call when it makes no progress. */
    private <T> HttpResponse<T> await(
            CompletableFuture<HttpResponse<T>> future, Activity activity, String method, URI uri) {
        long poll = Math.max(10, Math.min(200, idleTimeout.toMillis() / 4));
        while (true) {
            try {
                return future.get(poll, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                String stalled = activity.stalled(idleTimeout, responseTimeout);
                if (stalled != null) {
                    future.cancel(true); // aborts the exchange
                    throw new NcTimeoutException(
                            method + " " + Uris.redact(uri) + ": " + stalled,
                            null,
                            activity.phase != Activity.WAITING || activity.sentAny);
                }
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new NcTransportException("interrupted during " + method + " " + Uris.redact(uri), e, true);
            } catch (ExecutionException e) {
                throw failure(method, uri, e.getCause(), activity);
            }
        }
    }

    private static RuntimeException failure(String method, URI uri, Throwable t, Activity activity) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        String what = method + " " + Uris.redact(uri);
        if (c instanceof NcException) {
            return (NcException) c;
        }
        if (c instanceof HttpConnectTimeoutException) {
            return new NcTimeoutException(what + ": connecting timed out", c, false);
        }
        if (c instanceof ConnectException || c instanceof UnresolvedAddressException) {
            return new NcTransportException(what + ": cannot connect (" + detail(c) + ")", c, false);
        }
        if (c instanceof IOException) {
            String where = activity.received > 0 ? " after " + activity.received + " bytes of the body" : "";
            return new NcTransportException(what + ": the connection failed" + where + " (" + detail(c) + ")", c, true);
        }
        if (c instanceof RuntimeException) {
            return (RuntimeException) c;
        }
        return new NcTransportException(what + ": " + c, c, true);
    }

    private static String detail(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** What a streamed call is doing, and when it last made progress. */
    static final class Activity {
        static final int SENDING = 0;
        static final int WAITING = 1;
        static final int RECEIVING = 2;

        volatile int phase;
        volatile long last = System.nanoTime();
        volatile boolean sentAny;
        volatile long received;

        Activity(int phase) {
            this.phase = phase;
        }

        void phase(int p) {
            phase = p;
            last = System.nanoTime();
        }

        void touch() {
            last = System.nanoTime();
        }

        /** Why the call is stalled, or {@code null} while it is not. */
        String stalled(Duration idle, Duration response) {
            long quiet = System.nanoTime() - last;
            int p = phase;
            if (p == WAITING) {
                return quiet > response.toNanos() ? "no answer within " + response.toMillis() + " ms" : null;
            }
            return quiet > idle.toNanos()
                    ? (p == SENDING ? "sending" : "receiving") + " stalled: no data for " + idle.toMillis() + " ms"
                    : null;
        }
    }

    /** Counts an upload body as the HTTP client pulls it. */
    private static final class Counting implements HttpRequest.BodyPublisher {
        private final HttpRequest.BodyPublisher delegate;
        private final TransferListener listener;
        private final Activity activity;

        Counting(HttpRequest.BodyPublisher delegate, TransferListener listener, Activity activity) {
            this.delegate = delegate;
            this.listener = listener;
            this.activity = activity;
        }

        @Override
        public long contentLength() {
            return delegate.contentLength();
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            long total = delegate.contentLength();
            delegate.subscribe(new Flow.Subscriber<ByteBuffer>() {
                private long sent;

                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscriber.onSubscribe(subscription);
                }

                @Override
                public void onNext(ByteBuffer item) {
                    sent += item.remaining();
                    activity.sentAny = true;
                    activity.touch();
                    subscriber.onNext(item);
                    listener.onProgress(sent, total);
                }

                @Override
                public void onError(Throwable throwable) {
                    subscriber.onError(throwable);
                }

                @Override
                public void onComplete() {
                    if (activity.phase == Activity.SENDING) {
                        activity.phase(Activity.WAITING);
                    }
                    subscriber.onComplete();
                }
            });
        }
    }

    /**
     * Keeps the first {@link #MAX_ERROR_BODY} bytes of a response body (an error document, an upload's answer) and
     * drops the rest, asking for one buffer list at a time.
     */
    private static final class Sink implements HttpResponse.BodySubscriber<Long> {
        private final Activity activity;
        private final CompletableFuture<Long> result = new CompletableFuture<>();
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private Flow.Subscription subscription;
        private long count;

        Sink(Activity activity) {
            this.activity = activity;
        }

        byte[] error() {
            return kept.toByteArray();
        }

        @Override
        public CompletionStage<Long> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                count += b.remaining();
                int n = Math.min(MAX_ERROR_BODY - kept.size(), b.remaining());
                if (n > 0) {
                    byte[] part = new byte[n];
                    b.get(part);
                    kept.write(part, 0, n);
                }
                b.position(b.limit());
            }
            activity.received = count;
            activity.touch();
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(count);
        }
    }
}
