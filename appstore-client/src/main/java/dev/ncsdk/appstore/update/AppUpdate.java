package dev.ncsdk.appstore.update;

import dev.ncsdk.appstore.App;
import dev.ncsdk.appstore.AppRelease;
import java.util.Objects;

/**
 * An installed app with a newer compatible release.
 *
 * @param appId the app id
 * @param installedVersion the installed version, as given
 * @param app the app as the store lists it
 * @param release the release to update to
 * @since 0.1.0
 */
public record AppUpdate(String appId, String installedVersion, App app, AppRelease release) {
    public AppUpdate {
        // Checks required values.
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(installedVersion, "installedVersion");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(release, "release");
    }

    /**
     * The version to update to.
     *
     * @return the release's version
     */
    public String availableVersion() {
        return release.version();
    }

    /**
     * Whether the release is a nightly.
     *
     * @return the flag
     */
    public boolean nightly() {
        return release.nightly();
    }

    /**
     * Where to download the release's archive (verify its signature before installing it).
     *
     * @return the HTTPS URL
     */
    public String download() {
        return release.download();
    }

    @Override
    public String toString() {
        return "AppUpdate[" + appId + " " + installedVersion + " -> " + release.version()
                + (release.nightly() ? " (nightly)" : "") + "]";
    }
}
