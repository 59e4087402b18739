package dev.ncsdk.appapi.app.tasks;

import java.util.List;

/**
 * The answer of {@code GET /ocs/v2.php/taskprocessing/tasks_provider/next_batch} (Nextcloud 33+): {@code {"tasks":
 * [{"task": {...}, "provider": "<id>"}], "has_more": bool}}. Note the provider is a bare id here, where {@code next}
 * sends {@code {"provider": {"name": "<id>"}}}.
 *
 * <pre>{@code
 * TaskBatch batch = nc.taskProcessing().nextBatch(providers, types, 4);
 * batch.tasks().forEach(c -> run(c));
 * if (batch.hasMore()) { askAgain(); }
 * }</pre>
 *
 * @param tasks the tasks handed out, possibly none
 * @param hasMore whether more were waiting
 * @since 0.1.0
 */
public record TaskBatch(List<ClaimedTask> tasks, boolean hasMore) {
    /**
     * Copies the list.
     *
     * @param tasks the tasks ({@code null} is none)
     * @param hasMore whether more were waiting
     */
    public TaskBatch {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }
}
