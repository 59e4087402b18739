package dev.ncsdk.appapi.exapp;

import java.util.Objects;

/**
 * Who sent an authenticated AppAPI request: the user AppAPI acts for (empty for the system context, such as
 * {@code /init}, {@code /enabled} and {@code occ}), Nextcloud's request id, and the app version AppAPI has on record.
 *
 * @param userId the Nextcloud user id, empty for a system call
 * @param requestId the {@code AA-REQUEST-ID} header (Nextcloud's request id, or {@code CLI}), empty when absent
 * @param appVersion the {@code EX-APP-VERSION} header
 * @since 0.1.0
 */
public record ExAppCaller(String userId, String requestId, String appVersion) {
    /**
     * Replaces {@code null} with empty strings.
     *
     * @param userId the user
     * @param requestId the request id
     * @param appVersion the version
     */
    public ExAppCaller {
        userId = Objects.requireNonNullElse(userId, "");
        requestId = Objects.requireNonNullElse(requestId, "");
        appVersion = Objects.requireNonNullElse(appVersion, "");
    }

    /**
     * Whether the call runs in the system context (no user).
     *
     * @return {@code true} when {@link #userId()} is empty
     */
    public boolean isSystem() {
        return userId.isEmpty();
    }
}
