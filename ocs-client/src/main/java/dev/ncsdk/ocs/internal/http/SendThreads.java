package dev.ncsdk.ocs.internal.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a request with the JDK client's blocking {@code send}, on a thread of the SDK's own, and returns a future.
 *
 * <p>Why not {@code HttpClient.sendAsync}: its future is completed through {@code CompletableFuture}'s default
 * executor (the JDK client hops there so that the caller's dependent stages never run on its own threads). That
 * executor is the common {@code ForkJoinPool}, and from Java 25 on it is so even when the pool has a single worker
 * (a 2-CPU machine or container; Java 17 used a thread per task there). An application that blocks the common
 * pool's workers, for example with {@code CompletableFuture.supplyAsync(server::run)}, then stalls every answer the
 * SDK waits for, although the exchange itself completed: an ExApp's init task waited for its "progress" call until the
 * call's timeout. The blocking {@code send} completes on the client's own threads and never touches the common
 * pool. It costs one thread per request in flight; idle threads end after 30 seconds.
 *
 * <p>Cancelling the returned future interrupts the sending thread, which makes the JDK client abort the exchange.
 */
public final class SendThreads {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService POOL =
            new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "ncsdk-http-send-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    private SendThreads() {}

    /**
     * Sends a request on an SDK thread.
     *
     * @param client the client
     * @param request the request
     * @param handler the body handler
     * @param <T> the body type
     * @return the answer's future; it fails with the exception the JDK client's asynchronous send would give
     */
    public static <T> CompletableFuture<HttpResponse<T>> send(
            HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        Sending<T> f = new Sending<>();
        try {
            f.task = POOL.submit(() -> {
                try {
                    f.complete(client.send(request, handler));
                } catch (InterruptedException e) {
                    f.cancel(false); // interrupted by a cancel: the future is cancelled already
                } catch (Throwable t) {
                    f.completeExceptionally(original(t));
                }
            });
        } catch (RejectedExecutionException e) {
            f.completeExceptionally(e);
        }
        if (f.isCancelled()) {
            f.task.cancel(true); // cancelled before the task was known
        }
        return f;
    }

    /**
     * The failure as the asynchronous send reports it: the blocking send wraps what it cannot rethrow as it is (a
     * body subscriber's own exception, an unresolved address) in a plain {@link IOException}.
     */
    private static Throwable original(Throwable t) {
        if (t.getClass() == IOException.class && t.getCause() != null) {
            return t.getCause();
        }
        return t;
    }

    /** A future whose cancellation interrupts the thread sending its request. */
    private static final class Sending<T> extends CompletableFuture<HttpResponse<T>> {
        volatile Future<?> task;

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            Future<?> t = task;
            if (t != null && !t.isDone()) {
                t.cancel(true);
            }
            return cancelled;
        }
    }
}
