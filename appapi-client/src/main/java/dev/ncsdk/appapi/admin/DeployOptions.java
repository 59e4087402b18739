package dev.ncsdk.appapi.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ncsdk.appapi.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Environment variables and mounts for installing an ExApp. AppAPI only accepts values for variables the ExApp
 * declares in its manifest (an allow-list); it drops empty values and replays these options on update.
 *
 * @param environmentVariables variable values by name
 * @param mounts host directories to mount
 * @since 0.1.0
 */
public record DeployOptions(Map<String, String> environmentVariables, List<Mount> mounts) {
    /** No options. */
    public static final DeployOptions NONE = new DeployOptions(Map.of(), List.of());

    /**
     * Copies the collections.
     *
     * @param environmentVariables variables
     * @param mounts mounts
     */
    public DeployOptions {
        environmentVariables = Json.copyMap(environmentVariables);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        environmentVariables.keySet().forEach(k -> {
            if (k.isBlank() || k.contains("=")) {
                throw new IllegalArgumentException("invalid environment variable name: '" + k + "'");
            }
        });
    }

    /**
     * Starts a set of options.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads {@code {"environment_variables": {...} or [], "mounts": [...]}}.
     *
     * @param n the object
     * @return the options
     */
    public static DeployOptions fromJson(JsonNode n) {
        List<Mount> mounts = new ArrayList<>();
        for (JsonNode m : Json.list(n, "mounts")) {
            Mount mount = Mount.fromJson(m);
            if (mount != null) {
                mounts.add(mount);
            }
        }
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode e = n == null ? null : n.get("environment_variables");
        if (e != null && e.isObject()) {
            e.properties().forEach(p -> {
                if (p.getKey().isBlank() || p.getKey().contains("=")) {
                    return; // not a variable name AppAPI could pass on
                }
                JsonNode v = p.getValue();
                // AppAPI formats stored options as {NAME: {name, value}} in some versions, {NAME: value} in others
                env.put(p.getKey(), v.isObject() ? Json.strOrEmpty(v, "value") : v.isNull() ? "" : v.asText());
            });
        }
        return new DeployOptions(env, mounts);
    }

    ObjectNode toJson() {
        ObjectNode o = Json.object();
        ObjectNode env = o.putObject("environment_variables");
        environmentVariables.forEach(env::put);
        ArrayNode a = o.putArray("mounts");
        mounts.forEach(m -> a.add(m.toJson()));
        return o;
    }

    /**
     * Builds {@link DeployOptions}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<Mount> mounts = new ArrayList<>();

        private Builder() {}

        /**
         * Sets a declared environment variable.
         *
         * @param name the name
         * @param value the value
         * @return this builder
         */
        public Builder env(String name, String value) {
            env.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds a mount.
         *
         * @param hostPath the host path
         * @param containerPath the container path
         * @param readOnly whether read-only
         * @return this builder
         */
        public Builder mount(String hostPath, String containerPath, boolean readOnly) {
            mounts.add(new Mount(hostPath, containerPath, readOnly));
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public DeployOptions build() {
            return new DeployOptions(env, mounts);
        }
    }
}
