package dev.ncsdk.appstore.update;

import dev.ncsdk.ocs.NextcloudVersion;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a running Nextcloud server has installed, as {@link ServerReader} reads it over OCS: the same
 * {@link InstalledApps} the checker takes from {@code occ app:list --output=json}, plus the Nextcloud and PHP
 * versions.
 *
 * <p>The versions come from each app's {@code info.xml} as the server reads it ({@code cloud/apps/{id}}), where
 * {@code occ app:list} shows the version recorded at the last upgrade; the two differ only while an upgrade of the
 * app is pending ({@code status.php} then says {@code needsDbUpgrade}, and {@link #notes()} says so).
 *
 * @param server the server's base URL
 * @param platform the Nextcloud version ({@code status.php}, four parts)
 * @param php the PHP version, or {@code null} when the server did not tell it (see {@link #notes()})
 * @param enabled the enabled apps and their versions
 * @param disabled the disabled apps and their versions
 * @param unreadable app ids whose version could not be read, to the reason, ordered by id
 * @param notes what the reader could not find out and what the check does without it, in words
 * @since 0.1.0
 */
public record ServerInventory(
        URI server,
        NextcloudVersion platform,
        String php,
        InstalledApps enabled,
        InstalledApps disabled,
        Map<String, String> unreadable,
        List<String> notes) {
    public ServerInventory {
        // Checks the required values and copies the maps into ordered, unmodifiable ones.
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(enabled, "enabled");
        Objects.requireNonNull(disabled, "disabled");
        unreadable = java.util.Collections.unmodifiableMap(new TreeMap<>(unreadable));
        notes = List.copyOf(notes);
    }

    /**
     * The PHP version, when the server told it.
     *
     * @return the version, or empty
     */
    public Optional<String> phpVersion() {
        return Optional.ofNullable(php);
    }

    /**
     * Every installed app, enabled and disabled, as {@link InstalledApps#fromOccAppList(String, boolean)} returns
     * it; the apps in {@link #unreadable()} are included with an empty version, so that a check reports them as not
     * judged.
     *
     * @return the installed apps
     */
    public InstalledApps installed() {
        Map<String, String> all = new TreeMap<>(disabled.asMap());
        all.putAll(enabled.asMap());
        for (String id : unreadable.keySet()) {
            all.putIfAbsent(id, "");
        }
        return InstalledApps.of(all);
    }
}
