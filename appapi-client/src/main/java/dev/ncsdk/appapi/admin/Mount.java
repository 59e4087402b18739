package dev.ncsdk.appapi.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ncsdk.appapi.internal.Json;
import java.util.Objects;

/**
 * A host directory mounted into an ExApp container (Docker only; Kubernetes records but ignores it).
 *
 * @param hostPath the path on the Docker host
 * @param containerPath the path inside the container
 * @param readOnly whether the mount is read-only
 * @since 0.1.0
 */
public record Mount(String hostPath, String containerPath, boolean readOnly) {
    /**
     * Checks the paths. A {@code :} would break AppAPI's {@code --mount SRC:DST:MODE} argument.
     *
     * @param hostPath the host path
     * @param containerPath the container path
     * @param readOnly read-only
     */
    public Mount {
        Objects.requireNonNull(hostPath, "hostPath");
        Objects.requireNonNull(containerPath, "containerPath");
        if (hostPath.isBlank() || containerPath.isBlank()) {
            throw new IllegalArgumentException("mount paths must not be empty");
        }
        if (hostPath.contains(":") || containerPath.contains(":")) {
            throw new IllegalArgumentException("mount paths must not contain ':' (AppAPI passes SRC:DST:MODE)");
        }
    }

    static Mount fromJson(JsonNode n) {
        String host = Json.str(n, "hostPath");
        String container = Json.str(n, "containerPath");
        if (host == null || container == null || host.isBlank() || container.isBlank()) {
            return null;
        }
        try {
            return new Mount(host, container, Json.bool(n, "readonly", false));
        } catch (IllegalArgumentException e) {
            return null; // AppAPI could not have used it either
        }
    }

    ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("hostPath", hostPath);
        o.put("containerPath", containerPath);
        o.put("readonly", readOnly);
        return o;
    }
}
