package dev.ncsdk.appapi.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An entry of the Files app's action menu: when a user picks it on files matching {@link #mime} with at least
 * {@link #permissions}, the browser POSTs the selected files ({@link FileActionRequest}) to the ExApp route {@link
 * #actionHandler} through AppAPI's proxy. Registered with {@code nc.ui().fileActions().register(...)}; also what
 * AppAPI answers for a registered entry.
 *
 * <pre>{@code
 * FileAction a = FileAction.builder("to_pdf", "Convert to PDF", "/convert")
 *         .mime("text/plain,text/markdown")
 *         .permissions(FileAction.READ)
 *         .order(10)
 *         .icon("img/pdf.svg")
 *         .build();
 * }</pre>
 *
 * @param name the entry's name, unique per ExApp
 * @param displayName the label in the menu
 * @param actionHandler the ExApp route the browser POSTs to (a declared route must cover it)
 * @param mime the MIME types it applies to, comma separated; {@code file} for every file, {@code dir} for folders
 * @param permissions the permissions the user needs on the files, a sum of {@link #READ} … {@link #SHARE}
 * @param order the position in the menu, lower first
 * @param icon the icon's path in the ExApp (served through the proxy), empty for none
 * @param defaultAction whether it is the default action of matching files (AppAPI 32.0.x+; older ones ignore it)
 * @param version {@code 2.0} for entries registered with the v2 route (the files in a {@code files} list), {@code
 *     1.0} for the deprecated v1 route (one file per call)
 * @since 0.1.0
 */
public record FileAction(
        String name,
        String displayName,
        String actionHandler,
        String mime,
        int permissions,
        int order,
        String icon,
        DefaultAction defaultAction,
        String version) {
    /** Read permission ({@code 1}). */
    public static final int READ = 1;
    /** Update permission ({@code 2}). */
    public static final int UPDATE = 2;
    /** Create permission ({@code 4}). */
    public static final int CREATE = 4;
    /** Delete permission ({@code 8}). */
    public static final int DELETE = 8;
    /** Share permission ({@code 16}). */
    public static final int SHARE = 16;
    /** All permissions ({@code 31}), AppAPI's default. */
    public static final int ALL = 31;

    /**
     * Fills defaults and checks the values.
     *
     * @param name name, not empty
     * @param displayName label, not empty
     * @param actionHandler route, not empty
     * @param mime MIME filter, {@code file} when empty
     * @param permissions 0..31
     * @param order order
     * @param icon icon path
     * @param defaultAction default-action mode, {@link DefaultAction#NONE} when null
     * @param version route version, {@code 2.0} when empty
     */
    public FileAction {
        UiCalls.notEmpty(name, "name");
        UiCalls.notEmpty(displayName, "displayName");
        UiCalls.notEmpty(actionHandler, "actionHandler");
        mime = mime == null || mime.isBlank() ? "file" : mime;
        if (permissions < 0 || permissions > ALL) {
            throw new IllegalArgumentException("permissions must be within 0..31, was " + permissions);
        }
        icon = Objects.requireNonNullElse(icon, "");
        defaultAction = Objects.requireNonNullElse(defaultAction, DefaultAction.NONE);
        version = version == null || version.isBlank() ? "2.0" : version;
    }

    /**
     * Starts an entry with AppAPI's defaults: every file ({@code file}), all permissions, order 0, no icon.
     *
     * <pre>{@code
     * FileAction a = FileAction.builder("to_pdf", "Convert to PDF", "/convert").build();
     * }</pre>
     *
     * @param name the entry's name
     * @param displayName the label
     * @param actionHandler the ExApp route
     * @return the builder
     */
    public static Builder builder(String name, String displayName, String actionHandler) {
        return new Builder(name, displayName, actionHandler);
    }

    /**
     * Reads AppAPI's answer ({@code {name, display_name, action_handler, mime, permissions, order, icon, version,
     * default_action}}) leniently.
     *
     * <pre>{@code
     * FileAction a = FileAction.fromJson(data);
     * }</pre>
     *
     * @param o the OCS data object
     * @return the entry
     */
    public static FileAction fromJson(JsonNode o) {
        return new FileAction(
                Json.strOrEmpty(o, "name"),
                Json.strOrEmpty(o, "display_name"),
                Json.strOrEmpty(o, "action_handler"),
                Json.strOrEmpty(o, "mime"),
                Math.max(0, Math.min(ALL, Json.integer(o, "permissions", ALL))),
                Json.integer(o, "order", 0),
                Json.strOrEmpty(o, "icon"),
                DefaultAction.of(Json.strOrEmpty(o, "default_action")),
                Json.strOrEmpty(o, "version"));
    }

    /** The body of {@code POST /api/v2/ui/files-actions-menu}; {@code defaultAction} only when set. */
    Map<String, Object> toBody() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", name);
        b.put("displayName", displayName);
        b.put("actionHandler", actionHandler);
        b.put("icon", icon);
        b.put("mime", mime);
        b.put("permissions", permissions);
        b.put("order", order);
        if (defaultAction != DefaultAction.NONE) {
            b.put("defaultAction", defaultAction.wire());
        }
        return b;
    }

    /**
     * Whether an entry is the default action of matching files ({@code defaultAction} of the v2 route).
     *
     * @since 0.1.0
     */
    public enum DefaultAction {
        /** An ordinary menu entry ({@code ""}). */
        NONE(""),
        /** The default action, run when the file is clicked ({@code default}). */
        DEFAULT("default"),
        /** The default action, not shown in the menu ({@code hidden}). */
        HIDDEN("hidden");

        private final String wire;

        DefaultAction(String wire) {
            this.wire = wire;
        }

        /**
         * The value AppAPI expects.
         *
         * @return {@code ""}, {@code default} or {@code hidden}
         */
        public String wire() {
            return wire;
        }

        /**
         * Reads a value leniently; unknown ones are {@link #NONE}.
         *
         * @param text the value
         * @return the mode
         */
        public static DefaultAction of(String text) {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            for (DefaultAction d : values()) {
                if (d.wire.equals(t)) {
                    return d;
                }
            }
            return NONE;
        }
    }

    /**
     * Builds a {@link FileAction}; see {@link FileAction#builder}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final String name;
        private final String displayName;
        private final String actionHandler;
        private String mime = "file";
        private int permissions = ALL;
        private int order;
        private String icon = "";
        private DefaultAction defaultAction = DefaultAction.NONE;

        private Builder(String name, String displayName, String actionHandler) {
            this.name = name;
            this.displayName = displayName;
            this.actionHandler = actionHandler;
        }

        /**
         * Sets the MIME filter (default {@code file}: every file).
         *
         * @param mime comma-separated MIME types, {@code file} or {@code dir}
         * @return this builder
         */
        public Builder mime(String mime) {
            this.mime = Objects.requireNonNull(mime, "mime");
            return this;
        }

        /**
         * Sets the permissions the user needs (default {@link #ALL}).
         *
         * @param permissions a sum of {@link #READ} … {@link #SHARE}
         * @return this builder
         */
        public Builder permissions(int permissions) {
            this.permissions = permissions;
            return this;
        }

        /**
         * Sets the position in the menu (default 0).
         *
         * @param order lower first
         * @return this builder
         */
        public Builder order(int order) {
            this.order = order;
            return this;
        }

        /**
         * Sets the icon's path in the ExApp (default none).
         *
         * @param icon the path, such as {@code img/pdf.svg}
         * @return this builder
         */
        public Builder icon(String icon) {
            this.icon = Objects.requireNonNull(icon, "icon");
            return this;
        }

        /**
         * Makes the entry the default action of matching files (default {@link DefaultAction#NONE}).
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder defaultAction(DefaultAction mode) {
            this.defaultAction = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Builds the entry.
         *
         * @return the entry
         * @throws IllegalArgumentException when a value is empty or out of range
         */
        public FileAction build() {
            return new FileAction(
                    name, displayName, actionHandler, mime, permissions, order, icon, defaultAction, "2.0");
        }
    }
}
