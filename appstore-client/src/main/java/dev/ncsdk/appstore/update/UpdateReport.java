package dev.ncsdk.appstore.update;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of an update check.
 *
 * @param updates the apps with a newer compatible release, ordered by app id
 * @param skipped releases (and installed versions) that could not be judged, with the reason
 * @param notInStore installed app ids the store does not list (shipped apps, private apps), ordered
 */
public record UpdateReport(List<AppUpdate> updates, List<SkippedRelease> skipped, List<String> notInStore) {
    public UpdateReport {
        // Copies the lists.
        updates = List.copyOf(updates);
        skipped = List.copyOf(skipped);
        notInStore = List.copyOf(notInStore);
    }

    /**
     * The update for one app.
     *
     * @param appId the app id
     * @return the update, or empty when the app is up to date or unknown
     */
    public Optional<AppUpdate> update(String appId) {
        return updates.stream().filter(u -> u.appId().equals(appId)).findFirst();
    }
}
