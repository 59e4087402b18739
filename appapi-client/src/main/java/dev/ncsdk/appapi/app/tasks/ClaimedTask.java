package dev.ncsdk.appapi.app.tasks;

import java.util.Objects;

/**
 * A task Nextcloud handed to this ExApp ({@code tasks_provider/next} or {@code next_batch}): Nextcloud marked it
 * running for the provider, so no other worker gets it.
 *
 * <pre>{@code
 * nc.taskProcessing().next(List.of("my_app-reverse"), List.of("core:text2text"))
 *         .ifPresent(c -> log.info("task " + c.task().id() + " for " + c.providerId()));
 * }</pre>
 *
 * @param task the task
 * @param providerId the provider Nextcloud chose for it (one of those asked for)
 * @since 0.1.0
 */
public record ClaimedTask(Task task, String providerId) {
    /**
     * Checks the values.
     *
     * @param task not null
     * @param providerId not null
     */
    public ClaimedTask {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(providerId, "providerId");
    }
}
