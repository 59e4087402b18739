package dev.ncsdk.appapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * AppAPI's capabilities ({@code capabilities.app_api}): its version, and for authenticated callers the server's
 * log level. Anonymous callers see only the version.
 *
 * @param installed whether AppAPI is installed and enabled (the capability is present)
 * @param versionText the version as reported, empty when not installed
 * @param logLevel the server's {@code loglevel} (0 debug … 4 fatal), or {@code null} when not reported
 * @since 0.1.0
 */
public record AppApiCapabilities(boolean installed, String versionText, Integer logLevel) {
    /** Capabilities of a server without AppAPI. */
    public static final AppApiCapabilities NOT_INSTALLED = new AppApiCapabilities(false, "", null);

    /**
     * Fills defaults.
     *
     * @param installed whether present
     * @param versionText the version
     * @param logLevel the log level
     */
    public AppApiCapabilities {
        versionText = versionText == null ? "" : versionText;
    }

    /**
     * Reads the {@code app_api} object of a capabilities document.
     *
     * @param appApi the object, or {@code null} when absent
     * @return the capabilities
     */
    public static AppApiCapabilities fromJson(JsonNode appApi) {
        if (appApi == null || !appApi.isObject()) {
            return NOT_INSTALLED;
        }
        return new AppApiCapabilities(true, Json.strOrEmpty(appApi, "version"), Json.intOrNull(appApi, "loglevel"));
    }

    /**
     * The parsed version.
     *
     * @return the version, or empty when not installed or unreadable
     */
    public Optional<AppApiVersion> version() {
        try {
            return versionText.isEmpty() ? Optional.empty() : Optional.of(AppApiVersion.parse(versionText));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The server's log level.
     *
     * @return the level, or empty for anonymous callers
     */
    public OptionalInt serverLogLevel() {
        return logLevel == null ? OptionalInt.empty() : OptionalInt.of(logLevel);
    }

    /**
     * Whether the server's AppAPI has a feature.
     *
     * @param feature the feature
     * @return {@code false} when AppAPI is missing or older
     */
    public boolean supports(AppApiFeature feature) {
        return version().map(v -> v.atLeast(feature.since())).orElse(false);
    }

    /**
     * Whether AppAPI deprecates the Docker Socket Proxy (AppAPI 34+; removal is planned for Nextcloud 35).
     *
     * @return whether new daemons should use HaRP only
     */
    public boolean dockerSocketProxyDeprecated() {
        return version().map(v -> v.atLeast(AppApiVersion.of(34, 0, 0))).orElse(false);
    }

    /**
     * Whether a message of this level would be logged by the server (ExApps skip sending lower levels).
     *
     * @param level 0 debug … 4 fatal
     * @return whether the server logs it; {@code true} when the level is unknown
     */
    public boolean logs(int level) {
        return logLevel == null || level >= logLevel;
    }
}
