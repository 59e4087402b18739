package dev.ncsdk.appapi.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * A task as the simulator's Nextcloud holds it at one moment: what the ExApp reported for it (progress, output,
 * error) and which provider took it. Status names are the server's ({@code STATUS_SCHEDULED}, {@code
 * STATUS_RUNNING}, {@code STATUS_SUCCESSFUL}, {@code STATUS_FAILED}, {@code STATUS_CANCELLED}).
 *
 * <pre>{@code
 * SimulatedTask t = nc.tasks().awaitFinished(id, Duration.ofSeconds(5));
 * assertEquals("STATUS_SUCCESSFUL", t.status());
 * assertEquals("olleh", t.output().path("output").asText());
 * }</pre>
 *
 * @param id the task id
 * @param type the task type
 * @param status the status name
 * @param providerId the provider that took it, {@code ""} before that
 * @param input the input slots
 * @param output the output slots, {@code NullNode} before a result
 * @param progress the progress values reported, in order
 * @param errorMessage the reported error, when failed
 * @param userFacingErrorMessage the reported user-facing error, when sent
 * @param resultCalls how many result reports arrived (more than one means a task was answered twice)
 * @since 0.1.0
 */
public record SimulatedTask(
        long id,
        String type,
        String status,
        String providerId,
        JsonNode input,
        JsonNode output,
        List<Double> progress,
        Optional<String> errorMessage,
        Optional<String> userFacingErrorMessage,
        int resultCalls) {
    /**
     * Copies the list.
     *
     * @param id id
     * @param type type
     * @param status status
     * @param providerId provider
     * @param input input
     * @param output output
     * @param progress progress values
     * @param errorMessage error
     * @param userFacingErrorMessage user-facing error
     * @param resultCalls result reports
     */
    public SimulatedTask {
        progress = List.copyOf(progress);
    }

    /**
     * Whether the task is over (successful, failed or cancelled).
     *
     * <pre>{@code
     * boolean done = nc.tasks().task(id).finished();
     * }</pre>
     *
     * @return whether it is
     */
    public boolean finished() {
        return status.equals("STATUS_SUCCESSFUL")
                || status.equals("STATUS_FAILED")
                || status.equals("STATUS_CANCELLED");
    }
}
