package dev.ncsdk.appapi.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ncsdk.appapi.internal.Json;
import java.util.Locale;
import java.util.Objects;

/**
 * The compute device of a daemon ({@code deploy_config.computeDevice}): AppAPI pulls the image tag suffixed with
 * the device id first ({@code <tag>-cuda}) and passes {@code COMPUTE_DEVICE} to the ExApp.
 *
 * @param id {@code cpu}, {@code cuda} or {@code rocm} (kept as sent)
 * @param label the label shown in the admin UI
 * @since 0.1.0
 */
public record ComputeDevice(String id, String label) {
    /** The CPU. */
    public static final ComputeDevice CPU = new ComputeDevice("cpu", "CPU");
    /** An NVIDIA GPU (CUDA). */
    public static final ComputeDevice CUDA = new ComputeDevice("cuda", "CUDA (Nvidia)");
    /** An AMD GPU (ROCm). */
    public static final ComputeDevice ROCM = new ComputeDevice("rocm", "ROCm (AMD)");

    /**
     * Checks the id.
     *
     * @param id the device id
     * @param label the label; {@code null} means the id
     */
    public ComputeDevice {
        Objects.requireNonNull(id, "compute device id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("compute device id must not be blank");
        }
        label = label == null ? id : label;
    }

    /**
     * Reads {@code {"id": ..., "label": ...}}; {@code null} when absent.
     *
     * @param n the node
     * @return the device or {@code null}
     */
    static ComputeDevice fromJson(JsonNode n) {
        String id = Json.str(n, "id");
        return id == null || id.isBlank() ? null : new ComputeDevice(id.toLowerCase(Locale.ROOT), Json.str(n, "label"));
    }

    ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("id", id);
        o.put("label", label);
        return o;
    }
}
