package dev.ncsdk.appapi.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.AppApiCapabilities;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.OcsRequest;
import dev.ncsdk.ocs.OcsResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What the log calls of an instance and its views share: the server's threshold (read once from the {@code
 * app_api.loglevel} capability) and the ordered, bounded queue of the {@link System.Logger} bridge.
 */
final class LogState {
    /** Lines the bridge holds at most by default (queued or in flight); more are dropped, never blocking. */
    static final int DEFAULT_CAPACITY = 1000;

    private static final ThreadLocal<Boolean> SENDING = new ThreadLocal<>();

    private final OcsClient system;
    private final LogLevel fallback;
    private final int capacity;
    private final AtomicReference<CompletableFuture<LogLevel>> threshold = new AtomicReference<>();
    private final Object lock = new Object();
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null); // guarded by lock
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();

    LogState(OcsClient system, LogLevel fallback, int capacity) {
        this.system = system;
        this.fallback = fallback;
        this.capacity = capacity;
    }

    /**
     * The lowest level the server logs: {@code app_api.loglevel} of the capabilities, read once. AppAPI reports it
     * only to a logged-in user (capture 01) and not to an ExApp in the system context (capture 114), so the
     * configured fallback applies then, and when the capabilities cannot be read.
     */
    CompletableFuture<LogLevel> threshold() {
        CompletableFuture<LogLevel> f = threshold.get();
        if (f != null) {
            return f;
        }
        CompletableFuture<LogLevel> mine = new CompletableFuture<>();
        if (!threshold.compareAndSet(null, mine)) {
            return threshold.get();
        }
        CompletableFuture<OcsResponse<JsonNode>> read;
        try {
            read = system.ocsAsync(OcsRequest.get("/cloud/capabilities").build());
        } catch (RuntimeException e) {
            read = CompletableFuture.failedFuture(e);
        }
        read.handle((r, t) -> {
            LogLevel level = fallback;
            if (t == null) {
                AppApiCapabilities caps =
                        AppApiCapabilities.fromJson(r.rawData().at("/capabilities/app_api"));
                if (caps.serverLogLevel().isPresent()) {
                    level = LogLevel.of(caps.serverLogLevel().getAsInt());
                }
            }
            return mine.complete(level);
        });
        return mine;
    }

    /** The threshold when already known, else {@code null} (and the read is started). */
    LogLevel thresholdNow() {
        CompletableFuture<LogLevel> f = threshold();
        return f.isDone() ? f.getNow(fallback) : null;
    }

    /** Whether this thread is inside the bridge (formatting, queueing or sending a line). */
    static boolean inBridge() {
        return SENDING.get() != null;
    }

    /** Runs an action with this thread marked as inside the bridge. */
    static <T> T guarded(Supplier<T> action) {
        if (SENDING.get() != null) {
            return action.get();
        }
        SENDING.set(Boolean.TRUE);
        try {
            return action.get();
        } finally {
            SENDING.remove();
        }
    }

    /**
     * Queues a line of the bridge behind the lines before it; never blocks. The send runs on the thread that
     * completed the previous one (or this thread when the queue is idle), marked as inside the bridge.
     */
    void submit(Supplier<CompletableFuture<Boolean>> send) {
        if (pending.incrementAndGet() > capacity) {
            pending.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        synchronized (lock) {
            tail = tail.thenCompose(v -> guarded(() -> {
                        try {
                            return send.get();
                        } catch (RuntimeException e) {
                            return CompletableFuture.<Boolean>failedFuture(e);
                        }
                    }))
                    .handle((sent, t) -> {
                        if (t != null) {
                            dropped.incrementAndGet();
                        }
                        pending.decrementAndGet();
                        return null;
                    });
        }
    }

    /** Counts a line the bridge refused (re-entry, queue full, or failed to send). */
    void drop() {
        dropped.incrementAndGet();
    }

    long dropped() {
        return dropped.get();
    }

    int pending() {
        return pending.get();
    }

    /** Waits until the lines queued so far are sent (or failed), at most the timeout. */
    boolean flush(Duration timeout) {
        CompletableFuture<Void> t;
        synchronized (lock) {
            t = tail;
        }
        try {
            t.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true; // the chain never fails; kept for completeness
        }
    }
}
