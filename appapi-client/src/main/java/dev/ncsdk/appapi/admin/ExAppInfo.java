package dev.ncsdk.appapi.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;

/**
 * A registered ExApp as AppAPI's OCS API lists it ({@code /api/v1/ex-app/all}, {@code /info/{appId}}).
 *
 * @param id the app id
 * @param name the app name
 * @param version the registered version
 * @param enabled whether it is enabled
 * @param status its install/update status
 * @since 0.1.0
 */
public record ExAppInfo(String id, String name, String version, boolean enabled, ExAppStatus status) {
    /**
     * Fills defaults for absent values.
     *
     * @param id the id
     * @param name the name
     * @param version the version
     * @param enabled enabled
     * @param status the status
     */
    public ExAppInfo {
        id = id == null ? "" : id;
        name = name == null ? id : name;
        version = version == null ? "" : version;
        status = status == null ? ExAppStatus.fromJson(null) : status;
    }

    /**
     * Reads one entry.
     *
     * @param n the object
     * @return the ExApp
     */
    public static ExAppInfo fromJson(JsonNode n) {
        return new ExAppInfo(
                Json.str(n, "id"),
                Json.str(n, "name"),
                Json.str(n, "version"),
                Json.bool(n, "enabled", false),
                ExAppStatus.fromJson(Json.obj(n, "status")));
    }
}
