package dev.ncsdk.appapi.app.tasks;

import java.util.Map;

/**
 * The work of a provider: computes one task's output from its input. Runs on the {@link TaskWorker}'s own threads,
 * so it may block. The returned map is the task's output (texts, numbers, file ids from {@link
 * TaskContext#uploadFile}, lists of them). Throwing fails the task: a {@link TaskFailedException} with its messages,
 * any other exception with its class and message.
 *
 * <pre>{@code
 * TaskHandler reverse = ctx -> {
 *     String text = ctx.task().inputText("input").orElse("");
 *     ctx.progress(0.5);
 *     return Map.of("output", new StringBuilder(text).reverse().toString());
 * };
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TaskHandler {
    /**
     * Processes one task.
     *
     * @param context the task and what the handler may call
     * @return the output slots
     * @throws Exception a failure, reported as the task's error
     */
    Map<String, ?> process(TaskContext context) throws Exception;
}
