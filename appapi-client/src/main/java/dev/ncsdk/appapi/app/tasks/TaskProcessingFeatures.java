package dev.ncsdk.appapi.app.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.AppApiCapabilities;
import dev.ncsdk.appapi.AppApiFeature;
import dev.ncsdk.appapi.AppApiVersion;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the server offers a task-processing provider, from its capabilities ({@code version.major} and {@code
 * capabilities.app_api.version}), read once per {@link TaskProcessing}:
 *
 * <ul>
 *   <li>{@link #trigger()}: Nextcloud 33 ({@code OCP\TaskProcessing\ITriggerableProvider}) with AppAPI 33, whose
 *       providers call the ExApp's {@code POST /trigger?providerId=} when tasks arrive and none of the type runs;
 *       AppAPI 33 also installs on Nextcloud 32, where there is no trigger.
 *   <li>{@link #nextBatch()}: {@code GET /ocs/v2.php/taskprocessing/tasks_provider/next_batch}, Nextcloud 33.
 *   <li>{@link #userFacingErrorMessage()}: the {@code userFacingErrorMessage} field of a result, Nextcloud 33 (older
 *       servers ignore the field).
 * </ul>
 *
 * Unknown versions count as "not offered": the worker then polls, which works everywhere.
 *
 * <pre>{@code
 * TaskProcessingFeatures f = nc.taskProcessing().features();
 * if (!f.trigger()) { log.info("Nextcloud " + f.nextcloudMajor() + ": polling for tasks"); }
 * }</pre>
 *
 * @param nextcloudMajor the server's major version, when readable
 * @param appApiVersion AppAPI's version, when readable
 * @since 0.1.0
 */
public record TaskProcessingFeatures(OptionalInt nextcloudMajor, Optional<AppApiVersion> appApiVersion) {
    /** The first Nextcloud major version with triggers, {@code next_batch} and user-facing errors. */
    public static final int NEXTCLOUD_33 = 33;

    /**
     * Checks the values.
     *
     * @param nextcloudMajor not null
     * @param appApiVersion not null
     */
    public TaskProcessingFeatures {
        Objects.requireNonNull(nextcloudMajor, "nextcloudMajor");
        Objects.requireNonNull(appApiVersion, "appApiVersion");
    }

    /**
     * Reads {@code GET /ocs/v2.php/cloud/capabilities} data.
     *
     * <pre>{@code
     * TaskProcessingFeatures f = TaskProcessingFeatures.fromCapabilities(data);
     * }</pre>
     *
     * @param data the OCS data ({@code {"version": {...}, "capabilities": {...}}})
     * @return the features
     */
    public static TaskProcessingFeatures fromCapabilities(JsonNode data) {
        JsonNode major = data.path("version").path("major");
        OptionalInt m = major.isIntegralNumber()
                ? OptionalInt.of(major.intValue())
                : major.isTextual() && major.asText().trim().matches("\\d{1,4}")
                        ? OptionalInt.of(Integer.parseInt(major.asText().trim()))
                        : OptionalInt.empty();
        return new TaskProcessingFeatures(
                m,
                AppApiCapabilities.fromJson(data.path("capabilities").path("app_api"))
                        .version());
    }

    /**
     * Whether Nextcloud calls the ExApp's {@code /trigger} when tasks arrive (Nextcloud 33 and AppAPI 33).
     *
     * <pre>{@code
     * boolean pushed = features.trigger();
     * }</pre>
     *
     * @return whether triggers come
     */
    public boolean trigger() {
        return atLeast33()
                && appApiVersion
                        .map(v -> v.atLeast(AppApiFeature.TASK_PROCESSING_TRIGGER.since()))
                        .orElse(false);
    }

    /**
     * Whether {@code tasks_provider/next_batch} exists (Nextcloud 33).
     *
     * <pre>{@code
     * TaskBatch b = features.nextBatch() ? tp.nextBatch(ids, types, 4) : null;
     * }</pre>
     *
     * @return whether the route exists
     */
    public boolean nextBatch() {
        return atLeast33();
    }

    /**
     * Whether a result's {@code userFacingErrorMessage} is shown to the user (Nextcloud 33).
     *
     * <pre>{@code
     * boolean shown = features.userFacingErrorMessage();
     * }</pre>
     *
     * @return whether the field is read
     */
    public boolean userFacingErrorMessage() {
        return atLeast33();
    }

    private boolean atLeast33() {
        return nextcloudMajor.isPresent() && nextcloudMajor.getAsInt() >= NEXTCLOUD_33;
    }
}
