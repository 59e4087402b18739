package dev.ncsdk.appapi.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ncsdk.appapi.internal.Json;

/**
 * Container resource limits of a daemon ({@code deploy_config.resourceLimits}, Docker's {@code HostConfig}).
 *
 * @param memoryBytes the memory limit in bytes, or {@code null} for none
 * @param nanoCpus the CPU limit in billionths of a CPU, or {@code null} for none
 * @since 0.1.0
 */
public record ResourceLimits(Long memoryBytes, Long nanoCpus) {
    /**
     * Checks the values.
     *
     * @param memoryBytes positive or {@code null}
     * @param nanoCpus positive or {@code null}
     */
    public ResourceLimits {
        if (memoryBytes != null && memoryBytes <= 0) {
            throw new IllegalArgumentException("memory limit must be positive");
        }
        if (nanoCpus != null && nanoCpus <= 0) {
            throw new IllegalArgumentException("CPU limit must be positive");
        }
    }

    /**
     * Limits in familiar units.
     *
     * @param memoryMiB memory in MiB, 0 for no limit
     * @param cpus CPUs (1.5 = one and a half), 0 for no limit
     * @return the limits
     */
    public static ResourceLimits of(long memoryMiB, double cpus) {
        return new ResourceLimits(
                memoryMiB > 0 ? memoryMiB * 1024 * 1024 : null, cpus > 0 ? Math.round(cpus * 1_000_000_000d) : null);
    }

    static ResourceLimits fromJson(JsonNode n) {
        if (n == null) {
            return null;
        }
        Long mem = Json.lng(n, "memory");
        Long cpu = Json.lng(n, "nanoCPUs");
        mem = mem != null && mem > 0 ? mem : null;
        cpu = cpu != null && cpu > 0 ? cpu : null;
        return mem == null && cpu == null ? null : new ResourceLimits(mem, cpu);
    }

    ObjectNode toJson() {
        ObjectNode o = Json.object();
        if (memoryBytes != null) {
            o.put("memory", memoryBytes);
        }
        if (nanoCpus != null) {
            o.put("nanoCPUs", nanoCpus);
        }
        return o;
    }
}
