package dev.ncsdk.appapi.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;

/**
 * A user preference of the ExApp as AppAPI stored it ({@code POST /api/v1/ex-app/preference}). A sensitive value is
 * stored encrypted by Nextcloud; {@link #toString()} hides it.
 *
 * <pre>{@code
 * PreferenceValue p = nc.asUser("alice").preferences().set("theme", "dark");
 * }</pre>
 *
 * @param id the row id (0 when the server did not say)
 * @param userId the user
 * @param appId the ExApp
 * @param key the key
 * @param value the value as stored (always text)
 * @param sensitive whether it is stored encrypted
 * @since 0.1.0
 */
public record PreferenceValue(long id, String userId, String appId, String key, String value, boolean sensitive) {
    /**
     * Fills absent text with {@code ""}.
     *
     * @param id the row id
     * @param userId the user
     * @param appId the ExApp
     * @param key the key
     * @param value the value
     * @param sensitive whether encrypted
     */
    public PreferenceValue {
        userId = userId == null ? "" : userId;
        appId = appId == null ? "" : appId;
        key = key == null ? "" : key;
        value = value == null ? "" : value;
    }

    static PreferenceValue read(JsonNode n) {
        Long id = Json.lng(n, "id");
        return new PreferenceValue(
                id == null ? 0 : id,
                Json.str(n, "user_id"),
                Json.str(n, "appid"),
                Json.str(n, "configkey"),
                Json.str(n, "configvalue"),
                Json.bool(n, "sensitive", false));
    }

    /** Shows the user and key; the value only when it is not sensitive. */
    @Override
    public String toString() {
        return "PreferenceValue[" + userId + " " + appId + " " + key + "=" + (sensitive ? "****" : value) + "]";
    }
}
