package dev.ncsdk.appapi.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;

/**
 * A value of the ExApp's app config as AppAPI stored it ({@code POST /api/v1/ex-app/config}). A sensitive value is
 * stored encrypted by Nextcloud; {@link #toString()} hides it.
 *
 * <pre>{@code
 * AppConfigValue v = nc.appConfig().set("api_key", key, true);
 * boolean encrypted = v.sensitive();
 * }</pre>
 *
 * @param id the row id (0 when the server did not say)
 * @param appId the ExApp
 * @param key the key
 * @param value the value as stored (always text)
 * @param sensitive whether it is stored encrypted
 * @since 0.1.0
 */
public record AppConfigValue(long id, String appId, String key, String value, boolean sensitive) {
    /**
     * Fills absent text with {@code ""}.
     *
     * @param id the row id
     * @param appId the ExApp
     * @param key the key
     * @param value the value
     * @param sensitive whether encrypted
     */
    public AppConfigValue {
        appId = appId == null ? "" : appId;
        key = key == null ? "" : key;
        value = value == null ? "" : value;
    }

    static AppConfigValue read(JsonNode n) {
        Long id = Json.lng(n, "id");
        return new AppConfigValue(
                id == null ? 0 : id,
                Json.str(n, "appid"),
                Json.str(n, "configkey"),
                Json.str(n, "configvalue"),
                Json.bool(n, "sensitive", false));
    }

    /** Shows the key; the value only when it is not sensitive. */
    @Override
    public String toString() {
        return "AppConfigValue[" + appId + " " + key + "=" + (sensitive ? "****" : value) + "]";
    }
}
