package dev.ncsdk.appapi.app.tasks;

import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.ocs.NcNotFoundException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs the ExApp's task-processing providers: takes tasks from Nextcloud, runs each provider's {@link TaskHandler}
 * on its own threads, a bounded number at a time, and reports progress, output files, results and errors.
 *
 * <p>How it waits for work: on Nextcloud 33 with AppAPI 33 ({@link TaskProcessingFeatures#trigger()}) Nextcloud
 * calls the ExApp's {@code POST /trigger?providerId=} when tasks arrive; wire it with {@code
 * ExApp.Builder.onTrigger(worker::trigger)}. The worker then takes tasks until none is left, asks again each time a
 * task ends (Nextcloud triggers only while none of the type runs), and otherwise only checks every {@link
 * Builder#triggeredPollInterval} in case a trigger was lost. On older servers it polls: every {@link
 * Builder#pollInterval} while tasks come, backing off to {@link Builder#maxPollInterval} while none do, and on
 * errors. It takes tasks with {@code next_batch} where the server has it (Nextcloud 33), {@code next} otherwise.
 *
 * <p>Guarantees: a task taken is never dropped silently: its result or its error is reported; a handler that
 * throws fails the task; on {@link #stop(Duration)} running tasks get the grace period to finish, then are
 * reported failed (tasks taken while stopping are reported failed at once). Several replicas may run the same
 * providers: Nextcloud hands each task to one, and a task gone meanwhile (HTTP 404 on progress or result) is logged
 * and dropped. Every call has the client's timeout; the worker never spins; it uses its own threads (never the
 * common pool).
 *
 * <pre>{@code
 * TaskProvider reverse = TaskProvider.builder("hello_exapp-reverse", "Reverse text", "core:text2text").build();
 * TaskWorker worker = TaskWorker.builder()
 *         .provider(reverse, ctx -> Map.of("output",
 *                 new StringBuilder(ctx.task().inputText("input").orElse("")).reverse().toString()))
 *         .concurrency(4)
 *         .build();
 * ExApp.builder()
 *         .onEnabled(nc -> { worker.register(nc); worker.start(nc); })
 *         .onDisabled(nc -> worker.stop(Duration.ofSeconds(10)))
 *         .onTrigger(worker::trigger)
 *         .onStop(worker::stop)
 *         .build()
 *         .runUntilStopped();
 * }</pre>
 *
 * <p>Thread-safe. Logs through {@code System.Logger} {@code dev.ncsdk.appapi.tasks}.
 *
 * @since 0.1.0
 */
public final class TaskWorker implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.ncsdk.appapi.tasks");
    /** The error reported for a task still running when the worker stopped. */
    static final String STOPPED = "the ExApp stopped before the task finished";
    /** What the user sees then (Nextcloud 33+). */
    static final String STOPPED_USER = "The service was restarted before the task finished; please try again.";

    private final Map<String, Entry> providers; // by provider id
    private final List<String> providerIds;
    private final List<String> taskTypeIds;
    private final int concurrency;
    private final Duration pollInterval;
    private final Duration maxPollInterval;
    private final Duration triggeredPollInterval;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean wakeRequested; // guarded by lock
    private Run run; // guarded by lock; null when not running
    private boolean started; // guarded by lock; once start() ran, a trigger no longer starts the worker
    private final AtomicInteger taken = new AtomicInteger();

    private TaskWorker(Builder b) {
        this.providers = Map.copyOf(b.providers);
        this.providerIds = List.copyOf(b.providers.keySet());
        LinkedHashSet<String> types = new LinkedHashSet<>();
        b.providers.values().forEach(e -> types.add(e.taskType));
        this.taskTypeIds = List.copyOf(types);
        this.concurrency = b.concurrency;
        this.pollInterval = b.pollInterval;
        this.maxPollInterval = b.maxPollInterval;
        this.triggeredPollInterval = b.triggeredPollInterval;
    }

    /**
     * Starts a configuration.
     *
     * <pre>{@code
     * TaskWorker worker = TaskWorker.builder().provider("my_app-ocr", "core:image2text:ocr", ctx -> ...).build();
     * }</pre>
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Registers the providers given as {@link TaskProvider} (and their task types) with AppAPI; call it from the
     * {@code onEnabled} handler. Providers given by id only are left alone.
     *
     * <pre>{@code
     * .onEnabled(nc -> { worker.register(nc); worker.start(nc); })
     * }</pre>
     *
     * @param nc the ExApp's client
     */
    public void register(NextcloudApp nc) {
        TaskProcessing tp = Objects.requireNonNull(nc, "nc").taskProcessing();
        for (Entry e : providers.values()) {
            if (e.provider != null && e.customTaskType != null) {
                tp.register(e.provider, e.customTaskType);
            } else if (e.provider != null) {
                tp.register(e.provider);
            }
        }
    }

    /**
     * Removes the providers given as {@link TaskProvider} from AppAPI.
     *
     * <pre>{@code
     * worker.unregister(nc);
     * }</pre>
     *
     * @param nc the ExApp's client
     */
    public void unregister(NextcloudApp nc) {
        TaskProcessing tp = Objects.requireNonNull(nc, "nc").taskProcessing();
        for (Entry e : providers.values()) {
            if (e.provider != null) {
                tp.unregister(e.provider.id());
            }
        }
    }

    /**
     * Starts taking tasks (a loop thread and {@link Builder#concurrency} task threads); does nothing while already
     * running. May be called again after {@link #stop}.
     *
     * <pre>{@code
     * worker.start(app.nextcloud());
     * }</pre>
     *
     * @param nc the ExApp's client (its system context is used)
     */
    public void start(NextcloudApp nc) {
        Objects.requireNonNull(nc, "nc");
        lock.lock();
        try {
            if (run != null) {
                return;
            }
            started = true;
            run = new Run(nc.asUser(""));
            run.loop.start();
        } finally {
            lock.unlock();
        }
        LOG.log(Level.INFO, "task worker started for {0}", providerIds);
    }

    /**
     * Nextcloud's signal that tasks wait ({@code POST /trigger?providerId=}); a {@code TriggerHandler}, so wire it
     * with {@code onTrigger(worker::trigger)}. Wakes the loop at once and returns. A worker never started is
     * started (a trigger may come before {@code onEnabled} on a restarted ExApp); one stopped stays stopped until
     * {@link #start} (a trigger racing with the ExApp's stop must not revive it).
     *
     * <pre>{@code
     * ExApp.builder().onTrigger(worker::trigger)
     * }</pre>
     *
     * @param providerId the provider with new tasks
     * @param nc the ExApp's client
     */
    public void trigger(String providerId, NextcloudApp nc) {
        if (!providers.containsKey(providerId)) {
            LOG.log(Level.DEBUG, "trigger for provider {0}, which this worker does not run", providerId);
        }
        boolean first;
        lock.lock();
        try {
            first = !started;
        } finally {
            lock.unlock();
        }
        if (first) {
            start(nc);
        }
        wakeUp();
    }

    /**
     * Wakes the loop, as a trigger does, without starting it.
     *
     * <pre>{@code
     * worker.wakeUp();   // after an admin changed the preferred provider, say
     * }</pre>
     */
    public void wakeUp() {
        lock.lock();
        try {
            wakeRequested = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether the loop runs.
     *
     * <pre>{@code
     * if (!worker.isRunning()) { worker.start(nc); }
     * }</pre>
     *
     * @return whether started and not stopped
     */
    public boolean isRunning() {
        lock.lock();
        try {
            return run != null && !run.stopping.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * How many tasks run now.
     *
     * <pre>{@code
     * int busy = worker.activeTasks();
     * }</pre>
     *
     * @return the count
     */
    public int activeTasks() {
        lock.lock();
        try {
            return run == null ? 0 : run.active.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * How many tasks this worker took since it was built.
     *
     * <pre>{@code
     * long total = worker.tasksTaken();
     * }</pre>
     *
     * @return the count
     */
    public int tasksTaken() {
        return taken.get();
    }

    /**
     * Stops: no more tasks are taken, running tasks get {@code grace} to finish, those still running then are
     * reported failed ("the ExApp stopped before the task finished", with a user-facing "please try again") and
     * their threads interrupted. Waits for those reports at most the client's timeout. Idempotent. Wire it with
     * {@code ExApp.Builder.onStop(worker::stop)} so that {@code ExApp.stop} and SIGTERM end the work cleanly.
     *
     * <pre>{@code
     * worker.stop(Duration.ofSeconds(30));
     * }</pre>
     *
     * @param grace how long running tasks may take to finish
     */
    public void stop(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        Run r;
        lock.lock();
        try {
            r = run;
            if (r == null || !r.stopping.compareAndSet(false, true)) {
                return;
            }
            wakeRequested = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        long deadline = System.nanoTime() + Math.max(0, grace.toNanos());
        r.stop(deadline);
        lock.lock();
        try {
            if (run == r) {
                run = null;
            }
        } finally {
            lock.unlock();
        }
        LOG.log(Level.INFO, "task worker stopped for {0}", providerIds);
    }

    /** Stops with a 10 s grace period. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    @Override
    public String toString() {
        return "TaskWorker[" + providerIds + ", concurrency " + concurrency + (isRunning() ? ", running" : "") + "]";
    }

    // ------------------------------------------------------------------------------------------ one run

    /** Waits until woken or the time passes; returns whether it was woken. */
    private boolean await(Duration d, AtomicBoolean stopping) {
        lock.lock();
        try {
            long nanos = d.toNanos();
            while (!wakeRequested && !stopping.get() && nanos > 0) {
                nanos = wake.awaitNanos(nanos);
            }
            boolean woken = wakeRequested;
            wakeRequested = false;
            return woken;
        } catch (InterruptedException e) {
            // someone interrupted the loop thread: end this run's loop rather than spin on the flag
            Thread.currentThread().interrupt();
            stopping.set(true);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** One start-to-stop cycle: a loop thread, a task pool and the tasks it runs. */
    private final class Run {
        final NextcloudApp nc;
        final TaskProcessing tp;
        final Thread loop;
        final ThreadPoolExecutor pool;
        final Semaphore slots = new Semaphore(concurrency);
        final Map<Long, Active> active = new ConcurrentHashMap<>();
        final AtomicBoolean stopping = new AtomicBoolean();
        volatile boolean batchMissing;

        Run(NextcloudApp nc) {
            this.nc = nc;
            this.tp = nc.taskProcessing();
            AtomicInteger n = new AtomicInteger();
            String app = nc.appId();
            this.pool = new ThreadPoolExecutor(
                    concurrency, concurrency, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "ncsdk-task-" + app + "-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            this.loop = new Thread(this::loop, "ncsdk-task-loop-" + app);
            loop.setDaemon(true);
        }

        void loop() {
            Duration idle = pollInterval;
            Duration errorWait = pollInterval;
            while (!stopping.get()) {
                int free = slots.availablePermits();
                if (free == 0) {
                    await(maxPollInterval, stopping); // a finished task wakes the loop
                    continue;
                }
                List<ClaimedTask> got;
                boolean pushed;
                try {
                    TaskProcessingFeatures f = tp.features();
                    pushed = f.trigger();
                    got = fetch(f, free);
                    errorWait = pollInterval;
                } catch (RuntimeException e) {
                    LOG.log(
                            Level.WARNING,
                            "could not ask Nextcloud for tasks (next try in {0} s): {1}",
                            errorWait.toSeconds(),
                            e.getMessage());
                    await(errorWait, stopping);
                    errorWait = min(errorWait.multipliedBy(2), maxPollInterval);
                    continue;
                }
                for (ClaimedTask c : got) {
                    dispatch(c);
                }
                if (!got.isEmpty()) {
                    idle = pollInterval;
                    continue; // ask again at once: more may wait
                }
                if (pushed) {
                    await(triggeredPollInterval, stopping);
                } else if (await(idle, stopping)) {
                    idle = pollInterval;
                } else {
                    idle = min(idle.multipliedBy(2), maxPollInterval);
                }
            }
        }

        List<ClaimedTask> fetch(TaskProcessingFeatures f, int free) {
            if (f.nextBatch() && !batchMissing) {
                try {
                    return tp.nextBatch(providerIds, taskTypeIds, free).tasks();
                } catch (NcNotFoundException e) {
                    batchMissing = true;
                    LOG.log(Level.INFO, "the server has no tasks_provider/next_batch; taking tasks one by one");
                }
            }
            List<ClaimedTask> out = new ArrayList<>();
            while (out.size() < free && !stopping.get()) {
                Optional<ClaimedTask> c = tp.next(providerIds, taskTypeIds);
                if (c.isEmpty()) {
                    break;
                }
                out.add(c.get());
            }
            return out;
        }

        void dispatch(ClaimedTask c) {
            taken.incrementAndGet();
            Active a = new Active(c);
            if (stopping.get() || !slots.tryAcquire()) {
                fail(a, STOPPED, STOPPED_USER);
                return;
            }
            active.put(c.task().id(), a);
            try {
                a.future = pool.submit(() -> runTask(a));
            } catch (RejectedExecutionException e) {
                active.remove(c.task().id());
                slots.release();
                fail(a, STOPPED, STOPPED_USER);
            }
        }

        void runTask(Active a) {
            ClaimedTask c = a.claimed;
            long id = c.task().id();
            try {
                Entry e = providers.get(c.providerId());
                if (e == null) {
                    e = providers.values().stream()
                            .filter(x -> x.taskType.equals(c.task().type()))
                            .findFirst()
                            .orElse(null);
                }
                if (e == null) {
                    fail(a, "no handler for provider '" + c.providerId() + "' in this ExApp", null);
                    return;
                }
                Map<String, ?> out;
                try {
                    out = e.handler.process(new TaskContext(c, tp, nc));
                } catch (TaskFailedException ex) {
                    fail(
                            a,
                            nonEmpty(ex.getMessage(), "the task failed"),
                            ex.userFacingMessage().orElse(null));
                    return;
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    fail(a, STOPPED, STOPPED_USER);
                    return;
                } catch (Exception | Error ex) {
                    LOG.log(Level.WARNING, "task " + id + " of " + c.providerId() + " failed", ex);
                    fail(a, describe(ex), null);
                    return;
                }
                succeed(a, out == null ? Map.of() : out);
            } finally {
                active.remove(id);
                slots.release();
                wakeUp(); // Nextcloud triggers only while no task of the type runs: ask again now
            }
        }

        void succeed(Active a, Map<String, ?> out) {
            if (!a.reported.compareAndSet(false, true)) {
                return;
            }
            long id = a.claimed.task().id();
            try {
                gone(a, tp.reportResult(id, out));
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "result of task {0} not accepted ({1}); reporting it failed",
                        id,
                        e.getMessage());
                a.reported.set(false);
                fail(a, "the result could not be reported: " + e.getMessage(), null);
            }
        }

        void fail(Active a, String error, String userFacing) {
            if (!a.reported.compareAndSet(false, true)) {
                return;
            }
            long id = a.claimed.task().id();
            try {
                gone(a, tp.reportError(id, cut(error), userFacing));
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "the failure of task {0} could not be reported: {1}", id, e.getMessage());
            }
        }

        CompletableFuture<Void> failAsync(Active a, String error, String userFacing) {
            if (!a.reported.compareAndSet(false, true)) {
                return CompletableFuture.completedFuture(null);
            }
            long id = a.claimed.task().id();
            try {
                return tp.reportErrorAsync(id, error, userFacing).handle((t, e) -> {
                    if (e != null) {
                        LOG.log(
                                Level.ERROR,
                                "the failure of task {0} could not be reported: {1}",
                                id,
                                TaskProcessing.cause(e).getMessage());
                    } else {
                        gone(a, t);
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                return CompletableFuture.completedFuture(null);
            }
        }

        void gone(Active a, Optional<Task> answer) {
            if (answer.isEmpty()) {
                LOG.log(
                        Level.INFO,
                        "task {0} is gone (deleted, or handled by another worker); its result was dropped",
                        a.claimed.task().id());
            }
        }

        void stop(long deadline) {
            // no interrupt: a task claimed by a call in flight must still be reported; that call ends within its
            // timeout
            join(loop, deadline);
            pool.shutdown();
            try {
                pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<CompletableFuture<Void>> reports = new ArrayList<>();
            for (Active a : active.values()) {
                LOG.log(
                        Level.WARNING,
                        "task {0} still running at stop: reporting it failed",
                        a.claimed.task().id());
                reports.add(failAsync(a, STOPPED, STOPPED_USER));
            }
            pool.shutdownNow();
            try {
                CompletableFuture.allOf(reports.toArray(CompletableFuture[]::new))
                        .get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.log(Level.WARNING, "not every failure report finished: {0}", e.getMessage());
            }
            join(loop, System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
        }
    }

    private static void join(Thread t, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || t == Thread.currentThread()) {
            return;
        }
        try {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A task taken, and whether its outcome was reported (exactly once). */
    private static final class Active {
        final ClaimedTask claimed;
        final AtomicBoolean reported = new AtomicBoolean();
        volatile java.util.concurrent.Future<?> future;

        Active(ClaimedTask claimed) {
            this.claimed = claimed;
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    private static String nonEmpty(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }

    private static String cut(String s) {
        return s.length() > 1000 ? s.substring(0, 999) + "…" : s; // Nextcloud keeps 1000 characters
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** A provider this worker runs. */
    private record Entry(String taskType, TaskProvider provider, TaskType customTaskType, TaskHandler handler) {}

    /**
     * Configures a {@link TaskWorker}. Defaults: one task at a time; polling every 2 s while tasks come, backing
     * off to 30 s while none do; with triggers (Nextcloud 33) a check every 5 minutes in case one was lost.
     *
     * <pre>{@code
     * TaskWorker w = TaskWorker.builder()
     *         .provider(provider, handler)
     *         .concurrency(2)
     *         .pollInterval(Duration.ofSeconds(1))
     *         .maxPollInterval(Duration.ofSeconds(20))
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final Map<String, Entry> providers = new LinkedHashMap<>();
        private int concurrency = 1;
        private Duration pollInterval = Duration.ofSeconds(2);
        private Duration maxPollInterval = Duration.ofSeconds(30);
        private Duration triggeredPollInterval = Duration.ofMinutes(5);

        private Builder() {}

        /**
         * Runs a provider of an existing task type; {@link TaskWorker#register} registers it.
         *
         * @param provider the provider
         * @param handler its work
         * @return this builder
         */
        public Builder provider(TaskProvider provider, TaskHandler handler) {
            return add(provider.id(), provider.taskType(), provider, null, handler);
        }

        /**
         * Runs a provider with its own task type; {@link TaskWorker#register} registers both.
         *
         * @param provider the provider
         * @param customTaskType its task type (id = the provider's task type)
         * @param handler its work
         * @return this builder
         */
        public Builder provider(TaskProvider provider, TaskType customTaskType, TaskHandler handler) {
            Objects.requireNonNull(customTaskType, "customTaskType");
            if (!customTaskType.id().equals(provider.taskType())) {
                throw new IllegalArgumentException("the custom task type's id must be the provider's task type");
            }
            return add(provider.id(), provider.taskType(), provider, customTaskType, handler);
        }

        /**
         * Runs a provider registered elsewhere, by id.
         *
         * @param providerId the provider's id
         * @param taskTypeId its task type
         * @param handler its work
         * @return this builder
         */
        public Builder provider(String providerId, String taskTypeId, TaskHandler handler) {
            return add(
                    TaskProcessing.notEmpty(providerId, "providerId"),
                    TaskProcessing.notEmpty(taskTypeId, "taskTypeId"),
                    null,
                    null,
                    handler);
        }

        private Builder add(String id, String type, TaskProvider p, TaskType t, TaskHandler h) {
            Objects.requireNonNull(h, "handler");
            if (providers.putIfAbsent(id, new Entry(type, p, t, h)) != null) {
                throw new IllegalArgumentException("provider '" + id + "' is given twice");
            }
            return this;
        }

        /**
         * How many tasks run at once (default 1).
         *
         * @param tasks a positive count
         * @return this builder
         */
        public Builder concurrency(int tasks) {
            if (tasks <= 0) {
                throw new IllegalArgumentException("concurrency must be positive");
            }
            this.concurrency = tasks;
            return this;
        }

        /**
         * The first wait after Nextcloud had no task, when polling (default 2 s); also the first wait after an
         * error.
         *
         * @param d a positive duration
         * @return this builder
         */
        public Builder pollInterval(Duration d) {
            this.pollInterval = positive(d, "pollInterval");
            return this;
        }

        /**
         * The longest wait between polls while no task comes, and after repeated errors (default 30 s).
         *
         * @param d a positive duration
         * @return this builder
         */
        public Builder maxPollInterval(Duration d) {
            this.maxPollInterval = positive(d, "maxPollInterval");
            return this;
        }

        /**
         * The wait between checks when Nextcloud sends triggers (default 5 minutes), in case one was lost.
         *
         * @param d a positive duration
         * @return this builder
         */
        public Builder triggeredPollInterval(Duration d) {
            this.triggeredPollInterval = positive(d, "triggeredPollInterval");
            return this;
        }

        /**
         * Builds the worker (not started).
         *
         * @return the worker
         * @throws IllegalStateException when no provider was given
         */
        public TaskWorker build() {
            if (providers.isEmpty()) {
                throw new IllegalStateException("a task worker needs at least one provider");
            }
            if (maxPollInterval.compareTo(pollInterval) < 0) {
                maxPollInterval = pollInterval;
            }
            return new TaskWorker(this);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return d;
        }
    }
}
