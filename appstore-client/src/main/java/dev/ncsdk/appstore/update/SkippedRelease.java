package dev.ncsdk.appstore.update;

/**
 * A release (or an installed app) the checker could not judge: its version or one of its specs cannot be parsed.
 * Only that release is skipped; the app's other releases and all other apps are still checked.
 *
 * @param appId the app id
 * @param version the release's version (or the installed version when {@code installed} is true)
 * @param installed whether the problem is the installed version rather than a store release
 * @param reason what could not be parsed
 * @since 0.1.0
 */
public record SkippedRelease(String appId, String version, boolean installed, String reason) {}
