package dev.ncsdk.appapi.app;

import dev.ncsdk.ocs.OcsApiVersion;
import dev.ncsdk.ocs.OcsRequest;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Writes to Nextcloud's log as the ExApp ({@code POST /ocs/v1.php/apps/app_api/api/v1/log}, shown with {@code
 * app=<appid>}). Lines below the server's level are not sent: the level comes from the {@code app_api.loglevel}
 * capability, read once per instance; AppAPI shows it only to logged-in users, so an ExApp in the system context
 * uses {@link NextcloudApp.Builder#fallbackLogLevel} (default {@link LogLevel#WARNING}, Nextcloud's default).
 *
 * <pre>{@code
 * nc.log().info("model loaded");                         // sent if the server logs INFO
 * nc.log().log(LogLevel.ERROR, "cannot reach the GPU");
 * System.Logger log = nc.systemLogger("my.exapp");        // the app's own logging, to Nextcloud's log
 * log.log(System.Logger.Level.WARNING, "queue is {0} long", size);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class NextcloudLog {
    private final NextcloudApp app;
    private final LogState state;

    NextcloudLog(NextcloudApp app, LogState state) {
        this.app = app;
        this.state = state;
    }

    /**
     * Writes a line when the server logs its level.
     *
     * <pre>{@code
     * boolean sent = nc.log().log(LogLevel.INFO, "started");
     * }</pre>
     *
     * @param level the level
     * @param message the text
     * @return whether it was sent ({@code false} when below the server's level)
     * @throws ExAppDisabledException when the ExApp is disabled
     */
    public boolean log(LogLevel level, String message) {
        return HttpTransport.await(logAsync(level, message));
    }

    /**
     * Async twin of {@link #log(LogLevel, String)}.
     *
     * <pre>{@code
     * nc.log().logAsync(LogLevel.INFO, "started");
     * }</pre>
     *
     * @param level the level
     * @param message the text
     * @return whether it was sent
     */
    public CompletableFuture<Boolean> logAsync(LogLevel level, String message) {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        return state.threshold()
                .thenCompose(min ->
                        level.value() < min.value() ? CompletableFuture.completedFuture(false) : send(level, message));
    }

    private CompletableFuture<Boolean> send(LogLevel level, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("level", level.value());
        body.put("message", message);
        return app.send(OcsRequest.post(NextcloudApp.APP_API + "/api/v1/log")
                        .version(OcsApiVersion.V1)
                        .jsonBody(body)
                        .build())
                .thenApply(d -> true);
    }

    /**
     * Writes a {@link LogLevel#DEBUG} line.
     *
     * <pre>{@code
     * nc.log().debug("cache miss for " + key);
     * }</pre>
     *
     * @param message the text
     */
    public void debug(String message) {
        log(LogLevel.DEBUG, message);
    }

    /**
     * Writes an {@link LogLevel#INFO} line.
     *
     * <pre>{@code
     * nc.log().info("model loaded");
     * }</pre>
     *
     * @param message the text
     */
    public void info(String message) {
        log(LogLevel.INFO, message);
    }

    /**
     * Writes a {@link LogLevel#WARNING} line.
     *
     * <pre>{@code
     * nc.log().warning("slow answer from the GPU");
     * }</pre>
     *
     * @param message the text
     */
    public void warning(String message) {
        log(LogLevel.WARNING, message);
    }

    /**
     * Writes an {@link LogLevel#ERROR} line.
     *
     * <pre>{@code
     * nc.log().error("task failed: " + e.getMessage());
     * }</pre>
     *
     * @param message the text
     */
    public void error(String message) {
        log(LogLevel.ERROR, message);
    }

    /**
     * Writes a {@link LogLevel#FATAL} line.
     *
     * <pre>{@code
     * nc.log().fatal("cannot start");
     * }</pre>
     *
     * @param message the text
     */
    public void fatal(String message) {
        log(LogLevel.FATAL, message);
    }

    /**
     * The lowest level sent: the server's {@code app_api.loglevel}, or the fallback when the server does not say.
     * Read once per instance and cached.
     *
     * <pre>{@code
     * if (nc.log().threshold().value() <= LogLevel.DEBUG.value()) { ... }
     * }</pre>
     *
     * @return the level
     */
    public LogLevel threshold() {
        return HttpTransport.await(state.threshold());
    }

    /**
     * A {@link System.Logger} writing to Nextcloud's log through this view: the app's own logging reaches the
     * admin's log. It never blocks the caller: lines are sent one after another in the background, in order, at
     * most {@link NextcloudApp.Builder#logQueueCapacity} waiting (1000 by default); more, and lines that fail to send, are dropped and counted
     * ({@link #droppedLines()}). It is guarded against re-entry: a log call made while this thread formats,
     * queues or sends a line is dropped, and the records of the SDK's own loggers ({@code dev.ncsdk.*}) and of the
     * JDK's HTTP client are never forwarded, so that sending a line can never log another. Messages are formatted
     * like {@link java.text.MessageFormat} when parameters are given; a throwable's class, message and first stack
     * frames are appended.
     *
     * <pre>{@code
     * System.Logger log = nc.log().systemLogger("my.exapp.worker");
     * log.log(System.Logger.Level.INFO, "processed {0} files", count);
     * }</pre>
     *
     * @param name the logger's name, shown in brackets before each line
     * @return the logger
     */
    public System.Logger systemLogger(String name) {
        return new NextcloudSystemLogger(Objects.requireNonNull(name, "name"), this);
    }

    /**
     * Waits until the lines the {@link #systemLogger} bridge queued so far are sent, at most the timeout.
     *
     * <pre>{@code
     * nc.log().flush(Duration.ofSeconds(2));
     * }</pre>
     *
     * @param timeout the longest wait
     * @return whether all were sent (or dropped) in time
     */
    public boolean flush(Duration timeout) {
        return state.flush(Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * How many lines the bridge dropped: made during re-entry, beyond the queue's bound, or failed to send.
     *
     * <pre>{@code
     * long lost = nc.log().droppedLines();
     * }</pre>
     *
     * @return the count since the instance was built
     */
    public long droppedLines() {
        return state.dropped();
    }

    LogState state() {
        return state;
    }

    /** Queues a bridged line; the threshold is applied when it is sent. */
    void enqueue(LogLevel level, String message) {
        state.submit(() -> logAsync(level, message));
    }
}
