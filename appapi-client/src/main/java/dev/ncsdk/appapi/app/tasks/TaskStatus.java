package dev.ncsdk.appapi.app.tasks;

import java.util.Locale;

/**
 * A task's status as Nextcloud reports it ({@code OCP\TaskProcessing\Task::statusToString}).
 *
 * <pre>{@code
 * if (task.status() == TaskStatus.CANCELLED) { stopWorking(); }
 * }</pre>
 *
 * @since 0.1.0
 */
public enum TaskStatus {
    /** {@code STATUS_SCHEDULED}: waiting for a provider. */
    SCHEDULED,
    /** {@code STATUS_RUNNING}: taken by a provider. */
    RUNNING,
    /** {@code STATUS_SUCCESSFUL}: finished with an output. */
    SUCCESSFUL,
    /** {@code STATUS_FAILED}: finished with an error. */
    FAILED,
    /** {@code STATUS_CANCELLED}: the user cancelled it; results are dropped. */
    CANCELLED,
    /** {@code STATUS_UNKNOWN} or a value this SDK does not know. */
    UNKNOWN;

    /**
     * Reads the server's text ({@code STATUS_RUNNING} or {@code running}).
     *
     * <pre>{@code
     * TaskStatus s = TaskStatus.parse("STATUS_SCHEDULED");
     * }</pre>
     *
     * @param text the text, may be null
     * @return the status, {@link #UNKNOWN} when not known
     */
    public static TaskStatus parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.startsWith("STATUS_")) {
            t = t.substring("STATUS_".length());
        }
        for (TaskStatus s : values()) {
            if (s.name().equals(t)) {
                return s;
            }
        }
        return UNKNOWN;
    }

    /**
     * Whether the task is over (successful, failed or cancelled).
     *
     * <pre>{@code
     * boolean over = task.status().isFinal();
     * }</pre>
     *
     * @return whether no more results are taken
     */
    public boolean isFinal() {
        return this == SUCCESSFUL || this == FAILED || this == CANCELLED;
    }
}
