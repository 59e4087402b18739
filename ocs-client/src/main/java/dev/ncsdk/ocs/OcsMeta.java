package dev.ncsdk.ocs;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code meta} part of an OCS envelope.
 *
 * @param status {@code "ok"} or {@code "failure"}
 * @param statusCode the OCS status code: 100 (v1) or 200 (v2) on success, else the failure's code
 * @param message the server's message, {@code null} when it sent none
 * @param totalItems {@code totalitems}, {@code null} when absent or empty (v1 sends {@code ""})
 * @param itemsPerPage {@code itemsperpage}, {@code null} when absent or empty
 * @since 0.1.0
 */
public record OcsMeta(String status, int statusCode, String message, Integer totalItems, Integer itemsPerPage) {

    /**
     * Whether the status code means success in either API version (100 or 2xx).
     *
     * @return {@code true} for 100 and 200-299
     */
    public boolean isSuccessCode() {
        return statusCode == 100 || (statusCode >= 200 && statusCode < 300);
    }

    /**
     * The message, when the server sent a non-empty one.
     *
     * @return the message, or empty
     */
    public Optional<String> messageText() {
        return message == null || message.isEmpty() ? Optional.empty() : Optional.of(message);
    }

    /**
     * {@code totalitems} as an optional.
     *
     * @return the total, or empty
     */
    public OptionalInt total() {
        return totalItems == null ? OptionalInt.empty() : OptionalInt.of(totalItems);
    }
}
