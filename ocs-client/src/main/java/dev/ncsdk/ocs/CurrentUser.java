package dev.ncsdk.ocs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The authenticated user ({@code /cloud/user}). Fields the server did not send are {@code null} (lists empty).
 *
 * @param id the user id (login name)
 * @param displayName the display name
 * @param email the primary e-mail address
 * @param enabled whether the account is enabled
 * @param quota the storage quota
 * @param groups the groups the user is in
 * @param subadmin the groups the user administers
 * @param language the language code
 * @param locale the locale
 * @param timezone the time zone
 * @param backend the user backend ({@code Database}, {@code LDAP}...)
 * @param lastLogin the last login, milliseconds since the epoch
 * @since 0.1.0
 */
public record CurrentUser(
        String id,
        @JsonProperty("displayname") String displayName,
        String email,
        Boolean enabled,
        Quota quota,
        List<String> groups,
        List<String> subadmin,
        String language,
        String locale,
        String timezone,
        String backend,
        Long lastLogin) {

    /**
     * Creates the user; lists are copied, {@code null} lists become empty.
     *
     * @param id the user id
     * @param displayName the display name
     * @param email the e-mail address
     * @param enabled whether enabled
     * @param quota the quota
     * @param groups the groups
     * @param subadmin the administered groups
     * @param language the language
     * @param locale the locale
     * @param timezone the time zone
     * @param backend the backend
     * @param lastLogin the last login
     */
    public CurrentUser {
        groups = groups == null ? List.of() : List.copyOf(groups);
        subadmin = subadmin == null ? List.of() : List.copyOf(subadmin);
    }

    /**
     * A user's storage quota. Nextcloud reports unlimited as a negative {@code quota} ({@code -3}) or
     * {@code "none"}.
     *
     * @param free free bytes (negative when unknown)
     * @param used used bytes
     * @param total total bytes (negative when unlimited)
     * @param relative used percentage
     * @param quota the quota as the server states it (bytes, {@code -3}, or {@code "none"})
     * @since 0.1.0
     */
    public record Quota(Long free, Long used, Long total, Double relative, String quota) {

        /**
         * Whether the user has no quota.
         *
         * @return {@code true} for a negative quota or {@code "none"}
         */
        public boolean unlimited() {
            if (quota == null || quota.isEmpty() || quota.equalsIgnoreCase("none")) {
                return true;
            }
            return quota.startsWith("-");
        }
    }
}
