package dev.ncsdk.appapi.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;
import java.util.Objects;

/**
 * An entry of Nextcloud's top menu registered by an ExApp, as AppAPI answers it ({@code GET
 * /ocs/v1.php/apps/app_api/api/v1/ui/top-menu?name=}: {@code {id, appid, name, display_name, icon,
 * admin_required}}).
 *
 * <pre>{@code
 * String label = nc.ui().topMenu().get("main").map(TopMenuEntry::displayName).orElse("");
 * }</pre>
 *
 * @param id AppAPI's row id, 0 when not reported
 * @param appId the ExApp owning the entry
 * @param name the entry's name, unique per ExApp; the page is {@code /index.php/apps/app_api/embedded/<appid>/<name>}
 * @param displayName the label shown in the menu
 * @param icon the icon's path in the ExApp (served through the proxy), empty for AppAPI's default
 * @param adminRequired whether only admins see it
 * @since 0.1.0
 */
public record TopMenuEntry(long id, String appId, String name, String displayName, String icon, boolean adminRequired) {
    /**
     * Replaces {@code null} texts by empty ones.
     *
     * @param id row id
     * @param appId app id
     * @param name name
     * @param displayName label
     * @param icon icon path
     * @param adminRequired admin only
     */
    public TopMenuEntry {
        appId = Objects.requireNonNullElse(appId, "");
        name = Objects.requireNonNullElse(name, "");
        displayName = Objects.requireNonNullElse(displayName, "");
        icon = Objects.requireNonNullElse(icon, "");
    }

    /**
     * Reads AppAPI's answer leniently ({@code "1"}, {@code 1} and {@code true} are all true).
     *
     * <pre>{@code
     * TopMenuEntry e = TopMenuEntry.fromJson(nc.call(request));
     * }</pre>
     *
     * @param o the OCS data object
     * @return the entry
     */
    public static TopMenuEntry fromJson(JsonNode o) {
        Long id = Json.lng(o, "id");
        return new TopMenuEntry(
                id == null ? 0 : id,
                Json.strOrEmpty(o, "appid"),
                Json.strOrEmpty(o, "name"),
                Json.strOrEmpty(o, "display_name"),
                Json.strOrEmpty(o, "icon"),
                Json.bool(o, "admin_required", false));
    }
}
