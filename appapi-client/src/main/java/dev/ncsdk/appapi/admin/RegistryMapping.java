package dev.ncsdk.appapi.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ncsdk.appapi.internal.Json;
import java.util.Objects;

/**
 * A Docker registry rewrite of a daemon ({@code deploy_config.registries}): images from {@code from} are pulled
 * from {@code to}; {@code to = "local"} skips pulling (the image must already be on the Docker host).
 *
 * @param from the registry named in the ExApp's manifest, such as {@code ghcr.io}
 * @param to the registry to pull from instead, or {@value #LOCAL}
 * @since 0.1.0
 */
public record RegistryMapping(String from, String to) {
    /** The target that means "do not pull, use the local image". */
    public static final String LOCAL = "local";

    /**
     * Checks what AppAPI would refuse: empty values and identical source and target.
     *
     * @param from the source registry
     * @param to the target registry
     */
    public RegistryMapping {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isBlank() || to.isBlank()) {
            throw new IllegalArgumentException("the source and target registry cannot be empty");
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException("the source and target registry cannot be the same: " + from);
        }
    }

    /**
     * A mapping that skips pulling images of a registry.
     *
     * @param from the registry
     * @return the mapping to {@value #LOCAL}
     */
    public static RegistryMapping skipPull(String from) {
        return new RegistryMapping(from, LOCAL);
    }

    static RegistryMapping fromJson(JsonNode n) {
        String from = Json.str(n, "from");
        String to = Json.str(n, "to");
        if (from == null || to == null || from.equals(to)) {
            return null;
        }
        return new RegistryMapping(from, to);
    }

    ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("from", from);
        o.put("to", to);
        return o;
    }
}
