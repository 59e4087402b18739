package dev.ncsdk.appapi.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registered deploy daemons and which one is the default ({@code GET /apps/app_api/daemons}).
 *
 * @param daemons the daemons, each with its ExApp count; secrets are {@link DaemonSecret#stored()}
 * @param defaultDaemonName the default daemon's name, empty when none is set
 * @since 0.1.0
 */
public record DaemonList(List<DaemonConfig> daemons, String defaultDaemonName) {
    /**
     * Copies the list.
     *
     * @param daemons the daemons
     * @param defaultDaemonName the default's name, {@code null} for none
     */
    public DaemonList {
        daemons = List.copyOf(daemons);
        defaultDaemonName = defaultDaemonName == null ? "" : defaultDaemonName;
    }

    /**
     * The default daemon, when one is set and registered.
     *
     * @return the daemon, or empty (AppAPI then warns "default deploy daemon is not set")
     */
    public Optional<DaemonConfig> defaultDaemon() {
        return defaultDaemonName.isEmpty() ? Optional.empty() : find(defaultDaemonName);
    }

    /**
     * A daemon by name.
     *
     * @param name the name
     * @return the daemon, or empty
     */
    public Optional<DaemonConfig> find(String name) {
        return DaemonConfig.find(daemons, name);
    }

    static DaemonList fromJson(JsonNode n) {
        List<DaemonConfig> list = new ArrayList<>();
        for (JsonNode d : Json.list(n, "daemons")) {
            list.add(DaemonConfig.fromJson(d));
        }
        return new DaemonList(list, Json.str(n, "default_daemon_config"));
    }
}
