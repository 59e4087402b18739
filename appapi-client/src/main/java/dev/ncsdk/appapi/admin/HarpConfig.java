package dev.ncsdk.appapi.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ncsdk.appapi.internal.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * HaRP settings of a daemon ({@code deploy_config.harp}); a daemon is a HaRP daemon exactly when these are set.
 *
 * @param frpAddress {@code host:port} of HaRP's FRP server (default port 8782), without a scheme
 * @param dockerSocketPort the Docker Engine port HaRP exposes to AppAPI (default 24000)
 * @param exAppDirect whether HaRP reaches ExApps directly instead of through FRP tunnels (not with {@code net=host})
 * @since 0.1.0
 */
public record HarpConfig(String frpAddress, int dockerSocketPort, boolean exAppDirect) {
    /** HaRP's default Docker socket port. */
    public static final int DEFAULT_DOCKER_SOCKET_PORT = 24000;
    /** HaRP's default FRP port. */
    public static final int DEFAULT_FRP_PORT = 8782;

    /**
     * Normalises the address; {@link DaemonConfig#problems()} checks the values, so that whatever a server stored
     * can still be read.
     *
     * @param frpAddress the FRP address, may be empty only for Kubernetes
     * @param dockerSocketPort the port, 1 to 65535
     * @param exAppDirect direct mode
     */
    public HarpConfig {
        frpAddress = frpAddress == null ? "" : frpAddress.trim();
    }

    List<String> problems() {
        List<String> p = new ArrayList<>();
        if (frpAddress.contains("://")) {
            p.add("HaRP's FRP address must be host:port without a scheme, got: " + frpAddress);
        }
        if (dockerSocketPort < 1 || dockerSocketPort > 65535) {
            p.add("HaRP's Docker socket port must be 1-65535, got: " + dockerSocketPort);
        }
        return p;
    }

    /**
     * HaRP with FRP tunnels at the given address and the default Docker socket port.
     *
     * @param frpAddress {@code host:port}
     * @return the settings
     */
    public static HarpConfig tunnels(String frpAddress) {
        return new HarpConfig(frpAddress, DEFAULT_DOCKER_SOCKET_PORT, false);
    }

    static HarpConfig fromJson(JsonNode n) {
        if (n == null) {
            return null;
        }
        return new HarpConfig(
                Json.strOrEmpty(n, "frp_address"),
                Json.integer(n, "docker_socket_port", DEFAULT_DOCKER_SOCKET_PORT),
                Json.bool(n, "exapp_direct", false));
    }

    ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("frp_address", frpAddress);
        o.put("docker_socket_port", dockerSocketPort);
        o.put("exapp_direct", exAppDirect);
        return o;
    }
}
