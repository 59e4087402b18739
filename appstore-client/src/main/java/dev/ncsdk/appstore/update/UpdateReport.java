package dev.ncsdk.appstore.update;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of an update check.
 *
 * <p>An installed app is <em>judged</em> when the store lists it and its installed version could be read; only then
 * does "no update" mean "up to date". {@link #unjudgedApps()} and {@link #notInStore()} name the others, and
 * {@link #allJudged()} says whether there are none.
 *
 * @param updates the apps with a newer compatible release, ordered by app id
 * @param skipped releases (and installed versions) that could not be judged, with the reason
 * @param notInStore installed app ids the store does not list (shipped apps, private apps), ordered
 * @since 0.1.0
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

    /**
     * The installed apps whose installed version could not be judged (unparsable, blank, {@code "0"}): the entries
     * of {@link #skipped()} with {@link SkippedRelease#installed()} set. A store release that could not be read
     * skips only that release; its app is still judged by its other releases.
     *
     * @return the entries, ordered by app id
     */
    public List<SkippedRelease> unjudgedApps() {
        // plain loops, no lambdas: this runs on the command-line tools' cold start
        List<SkippedRelease> out = new ArrayList<>();
        for (SkippedRelease s : skipped) {
            if (s.installed()) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Whether every installed app was judged: none is missing from the store and every installed version could be
     * read. When false, "no update" for the others does not mean the whole installation is up to date.
     *
     * @return the flag
     */
    public boolean allJudged() {
        if (!notInStore.isEmpty()) {
            return false;
        }
        for (SkippedRelease s : skipped) {
            if (s.installed()) {
                return false;
            }
        }
        return true;
    }
}
