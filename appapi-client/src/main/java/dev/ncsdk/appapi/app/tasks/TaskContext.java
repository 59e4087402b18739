package dev.ncsdk.appapi.app.tasks;

import dev.ncsdk.appapi.app.NextcloudApp;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link TaskHandler} gets: the task, its provider, and the calls it may make while working on it (progress,
 * input files, output files). Failures of a progress report are logged, never thrown: the work goes on.
 *
 * <pre>{@code
 * TaskHandler h = ctx -> {
 *     TaskFile image = ctx.inputFile("input");
 *     byte[] png = upscale(image.content());
 *     if (!ctx.progress(0.9)) {
 *         throw new TaskFailedException("cancelled");   // the user cancelled; Nextcloud drops the result anyway
 *     }
 *     return Map.of("output", ctx.uploadFile(png, "upscaled.png"));
 * };
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TaskContext {
    private static final System.Logger LOG = System.getLogger("dev.ncsdk.appapi.tasks");

    private final ClaimedTask claimed;
    private final TaskProcessing tasks;
    private final NextcloudApp nextcloud;
    private volatile boolean cancelled;

    TaskContext(ClaimedTask claimed, TaskProcessing tasks, NextcloudApp nextcloud) {
        this.claimed = Objects.requireNonNull(claimed, "claimed");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.nextcloud = Objects.requireNonNull(nextcloud, "nextcloud");
    }

    /**
     * The task.
     *
     * <pre>{@code
     * String prompt = ctx.task().inputText("input").orElse("");
     * }</pre>
     *
     * @return the task as it was handed out
     */
    public Task task() {
        return claimed.task();
    }

    /**
     * The provider Nextcloud chose for the task.
     *
     * <pre>{@code
     * String provider = ctx.providerId();
     * }</pre>
     *
     * @return the provider's id
     */
    public String providerId() {
        return claimed.providerId();
    }

    /**
     * Nextcloud as the ExApp, in the system context; {@code nextcloud().asUser(ctx.task().userId())} acts as the
     * user who scheduled the task.
     *
     * <pre>{@code
     * ctx.nextcloud().log().info("working on task " + ctx.task().id());
     * }</pre>
     *
     * @return the client
     */
    public NextcloudApp nextcloud() {
        return nextcloud;
    }

    /**
     * Reports progress ({@link TaskProcessing#progress}); a failed report is logged and ignored.
     *
     * <pre>{@code
     * for (int i = 0; i < steps; i++) { work(i); if (!ctx.progress((i + 1) / (double) steps)) break; }
     * }</pre>
     *
     * @param fraction from 0.0 to 1.0
     * @return {@code false} when the task was cancelled or is gone, so the work may stop; {@code true} otherwise
     * @throws IllegalArgumentException when the fraction is outside 0..1
     */
    public boolean progress(double fraction) {
        try {
            Optional<Task> t = tasks.progress(task().id(), fraction);
            if (t.isEmpty() || t.get().status() == TaskStatus.CANCELLED) {
                cancelled = true;
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "progress of task {0} not reported: {1}", task().id(), e.getMessage());
        }
        return !cancelled;
    }

    /**
     * Whether a progress report found the task cancelled or gone.
     *
     * <pre>{@code
     * if (ctx.cancelled()) { return Map.of(); }
     * }</pre>
     *
     * @return whether the work is no longer wanted
     */
    public boolean cancelled() {
        return cancelled;
    }

    /**
     * The file of a file input slot ({@link TaskProcessing#downloadFile}).
     *
     * <pre>{@code
     * TaskFile audio = ctx.inputFile("input");
     * }</pre>
     *
     * @param slot the slot's key
     * @return the file (the first one of a list slot)
     * @throws IllegalArgumentException when the slot holds no file id
     */
    public TaskFile inputFile(String slot) {
        long id = task().inputFileId(slot)
                .orElseThrow(() -> new IllegalArgumentException("input slot '" + slot + "' holds no file id"));
        return tasks.downloadFile(task().id(), id);
    }

    /**
     * The files of a list-of-files input slot, in order.
     *
     * <pre>{@code
     * for (TaskFile f : ctx.inputFiles("images")) { ... }
     * }</pre>
     *
     * @param slot the slot's key
     * @return the files, none when the slot is empty or missing
     */
    public List<TaskFile> inputFiles(String slot) {
        List<TaskFile> out = new ArrayList<>();
        for (long id : task().inputFileIds(slot)) {
            out.add(tasks.downloadFile(task().id(), id));
        }
        return List.copyOf(out);
    }

    /**
     * Uploads an output file ({@link TaskProcessing#uploadFile}); put the id in the output.
     *
     * <pre>{@code
     * return Map.of("output", ctx.uploadFile(wav, "speech.wav"));
     * }</pre>
     *
     * @param content the bytes
     * @param fileName the name, or {@code null}
     * @return the file id
     */
    public long uploadFile(byte[] content, String fileName) {
        return tasks.uploadFile(task().id(), content, fileName);
    }

    @Override
    public String toString() {
        return "TaskContext[task " + task().id() + " " + task().type() + " for " + providerId() + "]";
    }
}
