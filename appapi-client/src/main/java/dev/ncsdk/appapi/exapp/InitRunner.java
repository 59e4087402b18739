package dev.ncsdk.appapi.exapp;

import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.ocs.NcTransportException;
import java.lang.System.Logger.Level;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs the app's {@link InitTask} on a thread of its own after {@code POST /init}, reporting through
 * {@link NextcloudApp#setInitProgress}: the task's reports, then 100 when it returns, or its failure as the error.
 * One run at a time: a second {@code /init} while one runs is answered and ignored.
 */
final class InitRunner {
    private static final System.Logger LOG = System.getLogger("dev.ncsdk.appapi.exapp");

    private final InitTask task;
    private final Supplier<NextcloudApp> nextcloud;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "exapp-init");
        t.setDaemon(true);
        return t;
    });

    InitRunner(InitTask task, Supplier<NextcloudApp> nextcloud) {
        this.task = task;
        this.nextcloud = nextcloud;
    }

    /** Starts a run unless one is going on; returns at once. */
    void start() {
        if (!running.compareAndSet(false, true)) {
            LOG.log(Level.INFO, "/init called while the initialisation runs; the running one goes on");
            return;
        }
        try {
            thread.execute(this::run);
        } catch (RejectedExecutionException e) {
            running.set(false);
            LOG.log(Level.WARNING, "/init called while the ExApp stops; not started");
        }
    }

    boolean running() {
        return running.get();
    }

    void shutdown() {
        thread.shutdownNow();
    }

    private void run() {
        Progress progress = new Progress(nextcloud.get());
        try {
            if (task != null) {
                task.run(progress);
            }
            if (!progress.failed && progress.last != 100) {
                try {
                    progress.report(100);
                } catch (NcTransportException e) {
                    // AppAPI enables the app inside this call (heartbeat, /enabled, then its answer): without an
                    // answer the report may well have been taken, so reporting an error now could be wrong
                    LOG.log(
                            Level.WARNING,
                            "progress 100 got no answer ({0}); AppAPI enables the app inside that call, so check "
                                    + "the app's state in Nextcloud",
                            e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.log(Level.WARNING, "the initialisation was interrupted");
        } catch (Exception | Error e) {
            LOG.log(Level.ERROR, "the initialisation failed", e);
            if (!progress.failed) {
                String message = e.getMessage() == null || e.getMessage().isBlank()
                        ? e.getClass().getSimpleName()
                        : e.getMessage();
                progress.fail(message);
            }
        } finally {
            running.set(false);
        }
    }

    private static final class Progress implements InitProgress {
        private final NextcloudApp nc;
        volatile int last = -1;
        volatile boolean failed;

        Progress(NextcloudApp nc) {
            this.nc = nc;
        }

        @Override
        public void report(int percent) {
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException("init progress is 0-100, got " + percent);
            }
            nc.setInitProgress(percent);
            last = percent;
        }

        @Override
        public void fail(String message) {
            String m = message == null || message.isBlank() ? "initialisation failed" : message;
            failed = true;
            try {
                nc.setInitError(m);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "reporting the initialisation error failed: {0}", e.getMessage());
            }
        }
    }
}
