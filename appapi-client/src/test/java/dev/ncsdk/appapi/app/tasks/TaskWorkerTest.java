package dev.ncsdk.appapi.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.appapi.exapp.ExApp;
import dev.ncsdk.appapi.testkit.AppApiSimulator;
import dev.ncsdk.appapi.testkit.RecordedCall;
import dev.ncsdk.appapi.testkit.SimulatedTask;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The worker loop end to end against the simulator's Nextcloud. The loop's behaviour follows the server's
 * core/Controller/TaskProcessingApiController.php (next / next_batch claim a task once), lib/private/TaskProcessing/
 * Manager.php (progress and result on a cancelled task leave it cancelled), lib/public/TaskProcessing/
 * ITriggerableProvider.php (trigger only while no task of the type runs) and AppAPI's
 * lib/Service/ProvidersAI/TaskProcessingService.php (the trigger is POST /trigger?providerId=); nc_py_api's
 * nc_py_api/ex_app/providers/task_processing.py for how a worker uses them.
 */
class TaskWorkerTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String NEXT = "/ocs/v2.php/taskprocessing/tasks_provider/next";
    private static final String BATCH = "/ocs/v2.php/taskprocessing/tasks_provider/next_batch";

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private AppApiSimulator simulator(String nextcloud, String appApi) {
        AppApiSimulator nc = AppApiSimulator.builder()
                .appId("tasks_app")
                .nextcloudVersion(nextcloud)
                .aaVersion(appApi)
                .start();
        open.add(nc);
        return nc;
    }

    /** An ExApp that registers and starts the worker when enabled, wakes it on /trigger and stops it on stop. */
    private ExApp exApp(AppApiSimulator nc, TaskWorker worker, Duration grace) {
        ExApp app = ExApp.builder()
                .environment(nc.environment(0))
                .onEnabled(n -> {
                    worker.register(n);
                    worker.start(n);
                })
                .onTrigger(worker::trigger)
                .onStop(worker::stop)
                .stopGrace(grace)
                .build()
                .start();
        open.add(app::close);
        nc.exAppUrl(URI.create("http://127.0.0.1:" + app.port()));
        nc.enable();
        return app;
    }

    private static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    @Test
    void pollingServerRunsTasksInParallelWithProgressFilesAndErrors() {
        AppApiSimulator nc = simulator("32.0.1", "32.0.0");
        CountDownLatch allThreeRunning = new CountDownLatch(3);
        TaskType upper = new TaskType(
                "tasks_app:upper",
                "Upper-case a file",
                "",
                List.of(ShapeDescriptor.of("input", "File", ShapeType.FILE)),
                List.of(ShapeDescriptor.of("output", "File", ShapeType.FILE)));
        TaskType failing = new TaskType(
                "tasks_app:fail",
                "Fails",
                "",
                List.of(ShapeDescriptor.of("input", "Text", ShapeType.TEXT)),
                List.of(ShapeDescriptor.of("output", "Text", ShapeType.TEXT)));
        TaskWorker worker = TaskWorker.builder()
                .provider(
                        TaskProvider.builder("tasks_app-rev", "Reverse", "core:text2text")
                                .build(),
                        ctx -> {
                            allThreeRunning.countDown();
                            // returns only once all three run at the same time
                            assertThat(allThreeRunning.await(10, TimeUnit.SECONDS))
                                    .isTrue();
                            assertThat(ctx.progress(0.5)).isTrue();
                            return Map.of(
                                    "output",
                                    reverse(ctx.task().inputText("input").orElse("")));
                        })
                .provider(
                        TaskProvider.builder("tasks_app-upper", "Upper", "tasks_app:upper")
                                .build(),
                        upper,
                        ctx -> {
                            TaskFile in = ctx.inputFile("input");
                            String text = new String(in.content(), StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
                            return Map.of("output", ctx.uploadFile(text.getBytes(StandardCharsets.UTF_8), "upper.txt"));
                        })
                .provider(
                        TaskProvider.builder("tasks_app-fail", "Fails", "tasks_app:fail")
                                .build(),
                        failing,
                        ctx -> {
                            if (ctx.task().inputText("input").orElse("").equals("nice")) {
                                throw new TaskFailedException("boom for admins", "Sorry, that did not work");
                            }
                            throw new IllegalStateException("bad input");
                        })
                .concurrency(3)
                .pollInterval(Duration.ofMillis(50))
                .maxPollInterval(Duration.ofMillis(200))
                .build();
        long file = nc.tasks().addFile("in.txt", "hello file".getBytes(StandardCharsets.UTF_8));
        exApp(nc, worker, Duration.ofSeconds(5));
        assertThat(nc.calls("POST", "/apps/app_api/api/v1/ai_provider/task_processing"))
                .hasSize(3);

        long a = nc.tasks().enqueue("core:text2text", "alice", Map.of("input", "abc"));
        long b = nc.tasks().enqueue("core:text2text", Map.of("input", "hello"));
        long c = nc.tasks().enqueue("core:text2text", Map.of("input", "xyz"));
        long f = nc.tasks().enqueue("tasks_app:upper", Map.of("input", file));
        long e1 = nc.tasks().enqueue("tasks_app:fail", Map.of("input", "nice"));
        long e2 = nc.tasks().enqueue("tasks_app:fail", Map.of("input", "nasty"));

        assertThat(nc.tasks().awaitFinished(a, WAIT).output().path("output").asText())
                .isEqualTo("cba");
        assertThat(nc.tasks().awaitFinished(b, WAIT).output().path("output").asText())
                .isEqualTo("olleh");
        SimulatedTask tc = nc.tasks().awaitFinished(c, WAIT);
        assertThat(tc.status()).isEqualTo("STATUS_SUCCESSFUL");
        assertThat(tc.progress()).containsExactly(0.5);
        assertThat(tc.providerId()).isEqualTo("tasks_app-rev");
        assertThat(nc.tasks().maxRunning()).isGreaterThanOrEqualTo(3);

        SimulatedTask tf = nc.tasks().awaitFinished(f, WAIT);
        assertThat(tf.status()).isEqualTo("STATUS_SUCCESSFUL");
        long outId = tf.output().path("output").asLong();
        assertThat(new String(nc.tasks().file(outId).orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo("HELLO FILE");

        SimulatedTask t1 = nc.tasks().awaitFinished(e1, WAIT);
        assertThat(t1.status()).isEqualTo("STATUS_FAILED");
        assertThat(t1.errorMessage()).contains("boom for admins");
        assertThat(t1.userFacingErrorMessage()).contains("Sorry, that did not work");
        SimulatedTask t2 = nc.tasks().awaitFinished(e2, WAIT);
        assertThat(t2.status()).isEqualTo("STATUS_FAILED");
        assertThat(t2.errorMessage()).contains("IllegalStateException: bad input");
        assertThat(t2.userFacingErrorMessage()).isEmpty();

        // Nextcloud 32: no next_batch asked for, no trigger sent
        assertThat(nc.calls("GET", BATCH)).isEmpty();
        assertThat(nc.tasks().triggersSent()).isZero();
        assertThat(worker.tasksTaken()).isEqualTo(6);
    }

    @Test
    void pollingBacksOffWhileNoTaskComes() {
        AppApiSimulator nc = simulator("32.0.1", "32.0.0");
        TaskWorker worker = TaskWorker.builder()
                .provider("tasks_app-rev", "core:text2text", ctx -> Map.of())
                .pollInterval(Duration.ofMillis(100))
                .maxPollInterval(Duration.ofMillis(400))
                .build();
        open.add(worker);
        // the provider is registered elsewhere: the worker only takes its tasks
        try (NextcloudApp app =
                NextcloudApp.builder().environment(nc.environment(0)).build()) {
            app.taskProcessing()
                    .register(TaskProvider.builder("tasks_app-rev", "R", "core:text2text")
                            .build());
            worker.start(app);
            List<RecordedCall> polls = nc.awaitCalls("GET", NEXT, 5, WAIT);
            worker.stop(Duration.ofSeconds(1));
            long[] minimumGapMillis = {100, 200, 400, 400};
            for (int i = 0; i < 4; i++) {
                long gap = Duration.between(
                                polls.get(i).received(), polls.get(i + 1).received())
                        .toMillis();
                assertThat(gap).as("wait before poll %d", i + 2).isGreaterThanOrEqualTo(minimumGapMillis[i] - 15);
            }
        }
    }

    @Test
    void triggerWakesTheLoopAndAFinishedTaskAsksAgain() throws Exception {
        AppApiSimulator nc = simulator("33.0.0", "33.0.0");
        CountDownLatch secondQueued = new CountDownLatch(1);
        TaskWorker worker = TaskWorker.builder()
                .provider(
                        TaskProvider.builder("tasks_app-rev", "Reverse", "core:text2text")
                                .build(),
                        ctx -> {
                            if (ctx.task().inputText("input").orElse("").equals("first")) {
                                assertThat(secondQueued.await(10, TimeUnit.SECONDS))
                                        .isTrue();
                            }
                            return Map.of(
                                    "output",
                                    reverse(ctx.task().inputText("input").orElse("")));
                        })
                // only a trigger or a finished task can wake the loop within the test's time
                .triggeredPollInterval(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMinutes(10))
                .build();
        exApp(nc, worker, Duration.ofSeconds(5));
        nc.awaitCall("GET", BATCH, WAIT); // the first look found nothing; the loop now waits for a trigger

        long first = nc.tasks().enqueue("core:text2text", Map.of("input", "first"));
        assertThat(nc.tasks().triggersSent()).isEqualTo(1);
        awaitRunning(nc, first);
        // a task of the type runs: Nextcloud sends no trigger for the next one
        long second = nc.tasks().enqueue("core:text2text", Map.of("input", "second"));
        assertThat(nc.tasks().triggersSent()).isEqualTo(1);
        secondQueued.countDown();

        assertThat(nc.tasks().awaitFinished(first, WAIT).output().path("output").asText())
                .isEqualTo("tsrif");
        assertThat(nc.tasks()
                        .awaitFinished(second, WAIT)
                        .output()
                        .path("output")
                        .asText())
                .isEqualTo("dnoces");
        assertThat(nc.calls("GET", NEXT + "?")).isEmpty();
        assertThat(nc.calls("GET", BATCH))
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(200));
    }

    @Test
    void aServerWithoutNextBatchFallsBackToNext() {
        AppApiSimulator nc = simulator("33.0.0", "33.0.0");
        nc.tasks().nextBatch(false);
        TaskWorker worker = TaskWorker.builder()
                .provider(
                        TaskProvider.builder("tasks_app-rev", "Reverse", "core:text2text")
                                .build(),
                        ctx -> Map.of(
                                "output", reverse(ctx.task().inputText("input").orElse(""))))
                .concurrency(2)
                .build();
        exApp(nc, worker, Duration.ofSeconds(5));
        long id = nc.tasks().enqueue("core:text2text", Map.of("input", "abc"));
        assertThat(nc.tasks().awaitFinished(id, WAIT).output().path("output").asText())
                .isEqualTo("cba");
        List<RecordedCall> batches = nc.calls("GET", BATCH);
        assertThat(batches).hasSize(1); // asked once, then never again
        assertThat(batches.get(0).status()).isEqualTo(404);
        assertThat(nc.calls("GET", NEXT).stream().filter(c -> c.path().endsWith("/next")))
                .isNotEmpty();
    }

    @Test
    void stopLetsRunningTasksFinishWithinTheGraceAndReportsTheOthersFailed() throws Exception {
        AppApiSimulator nc = simulator("32.0.1", "32.0.0");
        CountDownLatch neverReleased = new CountDownLatch(1);
        AtomicBoolean slowInterrupted = new AtomicBoolean();
        TaskWorker worker = TaskWorker.builder()
                .provider(
                        TaskProvider.builder("tasks_app-rev", "Reverse", "core:text2text")
                                .build(),
                        ctx -> {
                            ctx.progress(0.1);
                            if (ctx.task().inputText("input").orElse("").equals("slow")) {
                                try {
                                    neverReleased.await(60, TimeUnit.SECONDS);
                                } catch (InterruptedException e) {
                                    slowInterrupted.set(true);
                                    throw e;
                                }
                                return Map.of("output", "too late");
                            }
                            Thread.sleep(300);
                            return Map.of("output", "in time");
                        })
                .concurrency(2)
                .pollInterval(Duration.ofMillis(50))
                .build();
        ExApp app = exApp(nc, worker, Duration.ofSeconds(2));
        long slow = nc.tasks().enqueue("core:text2text", Map.of("input", "slow"));
        long quick = nc.tasks().enqueue("core:text2text", Map.of("input", "quick"));
        awaitProgress(nc, slow);
        awaitProgress(nc, quick);

        app.stop(Duration.ofSeconds(2));

        SimulatedTask q = nc.tasks().task(quick);
        assertThat(q.status()).isEqualTo("STATUS_SUCCESSFUL");
        assertThat(q.output().path("output").asText()).isEqualTo("in time");
        SimulatedTask s = nc.tasks().task(slow);
        assertThat(s.status()).isEqualTo("STATUS_FAILED");
        assertThat(s.errorMessage()).contains(TaskWorker.STOPPED);
        assertThat(s.userFacingErrorMessage()).contains(TaskWorker.STOPPED_USER);
        assertThat(s.resultCalls()).isEqualTo(1); // the interrupted handler does not answer a second time
        assertThat(worker.isRunning()).isFalse();
        assertThat(worker.activeTasks()).isZero();
        for (int i = 0; i < 100 && !slowInterrupted.get(); i++) {
            Thread.sleep(20);
        }
        assertThat(slowInterrupted).isTrue();
    }

    @Test
    void replicasShareTasksAndAGoneTaskIsDroppedCleanly() throws Exception {
        AppApiSimulator nc = simulator("32.0.1", "32.0.0");
        TaskHandler handler = ctx -> {
            String in = ctx.task().inputText("input").orElse("");
            if (in.equals("vanish")) {
                nc.tasks().delete(ctx.task().id()); // deleted meanwhile: progress and result answer 404
                assertThat(ctx.progress(0.5)).isFalse();
                assertThat(ctx.cancelled()).isTrue();
            }
            Thread.sleep(10);
            return Map.of("output", reverse(in));
        };
        TaskWorker one = TaskWorker.builder()
                .provider("tasks_app-rev", "core:text2text", handler)
                .concurrency(2)
                .pollInterval(Duration.ofMillis(20))
                .maxPollInterval(Duration.ofMillis(50))
                .build();
        TaskWorker two = TaskWorker.builder()
                .provider("tasks_app-rev", "core:text2text", handler)
                .concurrency(2)
                .pollInterval(Duration.ofMillis(20))
                .maxPollInterval(Duration.ofMillis(50))
                .build();
        NextcloudApp a = NextcloudApp.builder().environment(nc.environment(0)).build();
        NextcloudApp b = NextcloudApp.builder().environment(nc.environment(0)).build();
        open.add(a);
        open.add(b);
        open.add(one);
        open.add(two);
        a.taskProcessing()
                .register(TaskProvider.builder("tasks_app-rev", "R", "core:text2text")
                        .build());
        List<Long> ids = new ArrayList<>();
        ids.add(nc.tasks().enqueue("core:text2text", Map.of("input", "vanish")));
        for (int i = 0; i < 12; i++) {
            ids.add(nc.tasks().enqueue("core:text2text", Map.of("input", "t" + i)));
        }
        one.start(a);
        two.start(b);
        for (int i = 1; i < ids.size(); i++) {
            SimulatedTask t = nc.tasks().awaitFinished(ids.get(i), WAIT);
            assertThat(t.status()).isEqualTo("STATUS_SUCCESSFUL");
            assertThat(t.output().path("output").asText()).isEqualTo(reverse("t" + (i - 1)));
            assertThat(t.resultCalls()).isEqualTo(1);
        }
        assertThatThrownBy(() -> nc.tasks().task(ids.get(0))).isInstanceOf(IllegalArgumentException.class);
        assertThat(one.tasksTaken() + two.tasksTaken()).isEqualTo(13);
        assertThat(nc.calls("POST", "/ocs/v2.php/taskprocessing/tasks_provider/" + ids.get(0) + "/result"))
                .singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(404));
    }

    @Test
    void aCancelledTaskShowsInProgressAndItsResultIsDropped() throws Exception {
        AppApiSimulator nc = simulator("32.0.1", "32.0.0");
        CountDownLatch cancelled = new CountDownLatch(1);
        AtomicBoolean sawCancel = new AtomicBoolean();
        TaskWorker worker = TaskWorker.builder()
                .provider(
                        TaskProvider.builder("tasks_app-rev", "Reverse", "core:text2text")
                                .build(),
                        ctx -> {
                            assertThat(ctx.progress(0.2)).isTrue();
                            assertThat(cancelled.await(10, TimeUnit.SECONDS)).isTrue();
                            sawCancel.set(!ctx.progress(0.6));
                            return Map.of("output", "ignored");
                        })
                .pollInterval(Duration.ofMillis(50))
                .build();
        exApp(nc, worker, Duration.ofSeconds(5));
        long id = nc.tasks().enqueue("core:text2text", Map.of("input", "x"));
        awaitProgress(nc, id);
        assertThat(nc.tasks().cancel(id)).isTrue();
        cancelled.countDown();
        nc.awaitCall("POST", "/ocs/v2.php/taskprocessing/tasks_provider/" + id + "/result", WAIT);
        SimulatedTask t = nc.tasks().task(id);
        assertThat(t.status()).isEqualTo("STATUS_CANCELLED");
        assertThat(t.output().isNull()).isTrue();
        assertThat(t.progress()).containsExactly(0.2);
        assertThat(sawCancel).isTrue();
    }

    @Test
    void aTriggerStartsANewWorkerButDoesNotReviveAStoppedOne() {
        AppApiSimulator nc = simulator("33.0.0", "33.0.0");
        TaskWorker worker = TaskWorker.builder()
                .provider("tasks_app-rev", "core:text2text", ctx -> Map.of())
                .build();
        open.add(worker);
        try (NextcloudApp app =
                NextcloudApp.builder().environment(nc.environment(0)).build()) {
            worker.trigger("tasks_app-rev", app); // a restarted ExApp may be triggered before it is enabled
            assertThat(worker.isRunning()).isTrue();
            worker.stop(Duration.ofSeconds(1));
            worker.trigger("tasks_app-rev", app); // racing with the ExApp's stop
            assertThat(worker.isRunning()).isFalse();
            worker.start(app); // enabled again
            assertThat(worker.isRunning()).isTrue();
            worker.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void builderChecksItsValues() {
        assertThatThrownBy(() -> TaskWorker.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TaskWorker.builder().concurrency(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskWorker.builder().pollInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        TaskHandler h = ctx -> Map.of();
        assertThatThrownBy(() -> TaskWorker.builder().provider("p", "t", h).provider("p", "t", h))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
        TaskWorker w = TaskWorker.builder().provider("p", "t", h).concurrency(2).build();
        assertThat(w.isRunning()).isFalse();
        assertThat(w.toString()).contains("p").contains("concurrency 2");
        w.stop(Duration.ZERO); // not started: nothing to do
    }

    private static void awaitRunning(AppApiSimulator nc, long id) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            if (nc.tasks().task(id).status().equals("STATUS_RUNNING")) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("task " + id + " never ran");
    }

    private static void awaitProgress(AppApiSimulator nc, long id) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            if (!nc.tasks().task(id).progress().isEmpty()) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("task " + id + " reported no progress");
    }
}
