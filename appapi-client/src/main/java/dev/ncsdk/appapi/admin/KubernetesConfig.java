package dev.ncsdk.appapi.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ncsdk.appapi.internal.Json;

/**
 * Kubernetes settings of a {@code kubernetes-install} daemon ({@code deploy_config.kubernetes}, AppAPI 34+).
 *
 * @param exposeType how ExApp services are exposed: {@code nodeport}, {@code clusterip}, {@code loadbalancer} or
 *     {@code manual}
 * @param nodePort the node port, or {@code null}
 * @param upstreamHost the host HaRP uses to reach exposed services, or {@code null}
 * @param externalTrafficPolicy {@code Cluster} or {@code Local}, or {@code null}
 * @param loadBalancerIp a fixed load balancer IP, or {@code null}
 * @param nodeAddressType {@code InternalIP} or {@code ExternalIP}, or {@code null}
 * @since 0.1.0
 */
public record KubernetesConfig(
        String exposeType,
        Integer nodePort,
        String upstreamHost,
        String externalTrafficPolicy,
        String loadBalancerIp,
        String nodeAddressType) {

    /**
     * Defaults of {@code occ app_api:daemon:register --k8s}: {@code clusterip}, {@code InternalIP}.
     *
     * @return the settings
     */
    public static KubernetesConfig clusterIp() {
        return new KubernetesConfig("clusterip", null, null, null, null, "InternalIP");
    }

    static KubernetesConfig fromJson(JsonNode n) {
        if (n == null) {
            return null;
        }
        return new KubernetesConfig(
                Json.str(n, "expose_type"),
                Json.intOrNull(n, "node_port"),
                Json.str(n, "upstream_host"),
                Json.str(n, "external_traffic_policy"),
                Json.str(n, "load_balancer_ip"),
                Json.str(n, "node_address_type"));
    }

    ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("expose_type", exposeType);
        if (nodePort != null) {
            o.put("node_port", nodePort);
        } else {
            o.putNull("node_port");
        }
        o.put("upstream_host", upstreamHost);
        o.put("external_traffic_policy", externalTrafficPolicy);
        o.put("load_balancer_ip", loadBalancerIp);
        o.put("node_address_type", nodeAddressType);
        return o;
    }
}
