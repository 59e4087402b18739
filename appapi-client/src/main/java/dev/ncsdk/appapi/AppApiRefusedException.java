package dev.ncsdk.appapi;

import dev.ncsdk.ocs.ErrorResponse;
import dev.ncsdk.ocs.NcResponseException;

/**
 * AppAPI answered HTTP 200 but said the operation failed: {@code {"success": false}} after registering, updating
 * or removing a daemon. AppAPI gives no reason in the answer; it writes it to the Nextcloud log (a duplicate name,
 * a host with a scheme, a HaRP daemon without a shared key, a database error).
 *
 * @since 0.1.0
 */
public class AppApiRefusedException extends NcResponseException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused, free of secrets
     * @param response the answer
     */
    public AppApiRefusedException(String message, ErrorResponse response) {
        super(message, response);
    }
}
