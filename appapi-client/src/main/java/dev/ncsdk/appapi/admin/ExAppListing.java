package dev.ncsdk.appapi.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;
import java.util.Optional;

/**
 * One entry of AppAPI's app page ({@code GET /apps/app_api/apps/list}): store ExApps merged with installed ones.
 *
 * @param id the app id
 * @param name the app name
 * @param version the installed version, or the store's latest when not installed
 * @param installed whether it is registered
 * @param active whether it is enabled
 * @param fromAppStore whether the entry comes from the App Store
 * @param daemon the daemon it runs on, or {@code null} when not installed
 * @param status its status, or {@code null} when not installed
 * @param updateVersion the version an update would bring, or {@code null}
 * @param error the last error, empty when none
 * @param raw the whole entry, for fields this SDK does not model
 * @since 0.1.0
 */
public record ExAppListing(
        String id,
        String name,
        String version,
        boolean installed,
        boolean active,
        boolean fromAppStore,
        DaemonConfig daemon,
        ExAppStatus status,
        String updateVersion,
        String error,
        JsonNode raw) {

    /**
     * Fills empty strings for absent text and copies the raw node.
     *
     * @param id the id
     * @param name the name
     * @param version the version
     * @param installed installed
     * @param active enabled
     * @param fromAppStore from the store
     * @param daemon the daemon
     * @param status the status
     * @param updateVersion the update
     * @param error the error
     * @param raw the raw entry
     */
    public ExAppListing {
        id = id == null ? "" : id;
        name = name == null ? id : name;
        version = version == null ? "" : version;
        error = error == null ? "" : error;
        raw = raw == null ? Json.object() : raw.deepCopy();
    }

    /**
     * The raw entry (a copy).
     *
     * @return the entry
     */
    @Override
    public JsonNode raw() {
        return raw.deepCopy();
    }

    /**
     * The version an update would bring.
     *
     * @return the version, or empty when up to date or not installed
     */
    public Optional<String> update() {
        return Optional.ofNullable(updateVersion);
    }

    static ExAppListing fromJson(JsonNode n) {
        JsonNode daemon = Json.obj(n, "daemon");
        JsonNode status = Json.obj(n, "status");
        return new ExAppListing(
                Json.str(n, "id"),
                Json.str(n, "name"),
                Json.str(n, "version"),
                Json.bool(n, "installed", false),
                Json.bool(n, "active", false),
                Json.bool(n, "fromAppStore", false),
                daemon == null ? null : DaemonConfig.fromJson(daemon),
                status == null ? null : ExAppStatus.fromJson(status),
                Json.str(n, "update"),
                Json.str(n, "error"),
                n);
    }
}
