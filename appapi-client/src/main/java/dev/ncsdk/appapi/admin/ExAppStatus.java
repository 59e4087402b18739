package dev.ncsdk.appapi.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An ExApp's install/update progress ({@code ex_apps.status}): deploy progress, init progress, the running action
 * and an error, if any.
 *
 * @param deploy deploy progress 0-100 (image pull, container start)
 * @param init init progress 0-100 as the ExApp reports it
 * @param action {@code deploy}, {@code healthcheck}, {@code init} or empty when idle
 * @param type {@code install}, {@code update} or empty when idle
 * @param error the error, empty when none
 * @param deployStartTime when deploying started, or {@code null}
 * @param initStartTime when init started, or {@code null}
 * @param heartbeatCount failed heartbeat rounds counted by AppAPI, or {@code null}
 * @since 0.1.0
 */
public record ExAppStatus(
        int deploy,
        int init,
        String action,
        String type,
        String error,
        Instant deployStartTime,
        Instant initStartTime,
        Integer heartbeatCount) {

    /**
     * Fills empty strings for absent text.
     *
     * @param deploy deploy progress
     * @param init init progress
     * @param action the action
     * @param type the type
     * @param error the error
     * @param deployStartTime deploy start
     * @param initStartTime init start
     * @param heartbeatCount heartbeat count
     */
    public ExAppStatus {
        action = action == null ? "" : action;
        type = type == null ? "" : type;
        error = error == null ? "" : error;
    }

    /**
     * Whether AppAPI recorded an error (install or update failed).
     *
     * @return whether there is an error
     */
    public boolean failed() {
        return !error.isEmpty();
    }

    /**
     * The error, when there is one.
     *
     * @return the error, or empty
     */
    public Optional<String> errorMessage() {
        return error.isEmpty() ? Optional.empty() : Optional.of(error);
    }

    /**
     * Whether deploy and init are complete and no error was recorded.
     *
     * @return whether the ExApp is ready
     */
    public boolean ready() {
        return deploy >= 100 && init >= 100 && !failed();
    }

    /**
     * Whether an install or update is running.
     *
     * @return whether work is in progress
     */
    public boolean inProgress() {
        return !failed() && !ready();
    }

    /**
     * Failed heartbeat rounds, when reported.
     *
     * @return the count, or empty
     */
    public OptionalInt heartbeats() {
        return heartbeatCount == null ? OptionalInt.empty() : OptionalInt.of(heartbeatCount);
    }

    /**
     * Reads the status object.
     *
     * @param n the object
     * @return the status
     */
    public static ExAppStatus fromJson(JsonNode n) {
        return new ExAppStatus(
                Json.integer(n, "deploy", 0),
                Json.integer(n, "init", 0),
                Json.str(n, "action"),
                Json.str(n, "type"),
                Json.str(n, "error"),
                instant(Json.lng(n, "deploy_start_time")),
                instant(Json.lng(n, "init_start_time")),
                Json.intOrNull(n, "heartbeat_count"));
    }

    private static Instant instant(Long epochSeconds) {
        return epochSeconds == null || epochSeconds <= 0 ? null : Instant.ofEpochSecond(epochSeconds);
    }
}
