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
import java.util.Set;

/**
 * A daemon's {@code deploy_config}: where ExApps run and how they reach Nextcloud. Fields AppAPI adds later are
 * kept in {@link #extra()} and sent back unchanged on update (AppAPI replaces the whole document on update).
 *
 * @param net the Docker network ExApp containers join ({@code host} by default, {@code bridge} on Kubernetes)
 * @param nextcloudUrl the URL ExApps use to reach Nextcloud
 * @param secret HaRP's shared key or the Docker Socket Proxy password; never shown by {@code toString()}
 * @param computeDevice the compute device, or {@code null}
 * @param harp HaRP settings, or {@code null} when the daemon is not a HaRP daemon
 * @param kubernetes Kubernetes settings, or {@code null}
 * @param registries registry rewrites
 * @param resourceLimits container limits, or {@code null}
 * @param additionalOptions free options such as {@code OVERRIDE_APP_HOST}
 * @param extra fields this SDK does not model, kept for the round trip
 * @since 0.1.0
 */
public record DeployConfig(
        String net,
        String nextcloudUrl,
        DaemonSecret secret,
        ComputeDevice computeDevice,
        HarpConfig harp,
        KubernetesConfig kubernetes,
        List<RegistryMapping> registries,
        ResourceLimits resourceLimits,
        Map<String, String> additionalOptions,
        Map<String, JsonNode> extra) {

    private static final Set<String> KNOWN = Set.of(
            "net",
            "nextcloud_url",
            "haproxy_password",
            "computeDevice",
            "harp",
            "kubernetes",
            "registries",
            "resourceLimits",
            "additional_options");

    /**
     * Copies the collections and fills defaults ({@link DaemonSecret#none()}, empty collections).
     *
     * @param net the network
     * @param nextcloudUrl the Nextcloud URL
     * @param secret the secret
     * @param computeDevice the device
     * @param harp HaRP settings
     * @param kubernetes Kubernetes settings
     * @param registries registry rewrites
     * @param resourceLimits limits
     * @param additionalOptions options
     * @param extra unknown fields
     */
    public DeployConfig {
        net = net == null ? "" : net;
        nextcloudUrl = nextcloudUrl == null ? "" : nextcloudUrl;
        secret = secret == null ? DaemonSecret.none() : secret;
        registries = registries == null ? List.of() : List.copyOf(registries);
        additionalOptions = Json.copyMap(additionalOptions);
        extra = Json.copyExtra(extra);
    }

    /**
     * Starts an empty deploy config ({@code net=host}).
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this config's values.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.net = net;
        b.nextcloudUrl = nextcloudUrl;
        b.secret = secret;
        b.computeDevice = computeDevice;
        b.harp = harp;
        b.kubernetes = kubernetes;
        b.registries = new ArrayList<>(registries);
        b.resourceLimits = resourceLimits;
        b.additionalOptions = new LinkedHashMap<>(additionalOptions);
        b.extra = new LinkedHashMap<>(extra);
        return b;
    }

    /**
     * Whether HaRP settings are present (AppAPI treats such a daemon as HaRP whatever its deploy method).
     *
     * @return whether this is a HaRP daemon's config
     */
    public boolean isHarp() {
        return harp != null;
    }

    /**
     * Reads a {@code deploy_config} object leniently.
     *
     * @param n the object, may be {@code null}
     * @return the config
     */
    public static DeployConfig fromJson(JsonNode n) {
        List<RegistryMapping> regs = new ArrayList<>();
        for (JsonNode r : Json.list(n, "registries")) {
            RegistryMapping m = RegistryMapping.fromJson(r);
            if (m != null) {
                regs.add(m);
            }
        }
        return new DeployConfig(
                Json.str(n, "net"),
                Json.str(n, "nextcloud_url"),
                DaemonSecret.fromWire(Json.str(n, "haproxy_password")),
                ComputeDevice.fromJson(Json.obj(n, "computeDevice")),
                HarpConfig.fromJson(Json.obj(n, "harp")),
                KubernetesConfig.fromJson(Json.obj(n, "kubernetes")),
                regs,
                ResourceLimits.fromJson(Json.obj(n, "resourceLimits")),
                Json.stringMap(n, "additional_options"),
                Json.extra(n, KNOWN));
    }

    /**
     * The JSON AppAPI expects. Contains the secret in clear when one was set: send it, never log it.
     *
     * @return the object
     */
    ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("net", net);
        o.put("nextcloud_url", nextcloudUrl);
        String s = secret.toWire();
        if (s != null) {
            o.put("haproxy_password", s);
        }
        if (computeDevice != null) {
            o.set("computeDevice", computeDevice.toJson());
        }
        if (harp != null) {
            o.set("harp", harp.toJson());
        } else {
            o.putNull("harp");
        }
        if (kubernetes != null) {
            o.set("kubernetes", kubernetes.toJson());
        }
        if (!registries.isEmpty()) {
            ArrayNode a = o.putArray("registries");
            registries.forEach(r -> a.add(r.toJson()));
        }
        if (resourceLimits != null) {
            o.set("resourceLimits", resourceLimits.toJson());
        }
        if (!additionalOptions.isEmpty()) {
            ObjectNode a = o.putObject("additional_options");
            additionalOptions.forEach(a::put);
        }
        extra.forEach((k, v) -> o.set(k, v.deepCopy()));
        return o;
    }

    /**
     * Builds a {@link DeployConfig}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private String net = "host";
        private String nextcloudUrl;
        private DaemonSecret secret = DaemonSecret.none();
        private ComputeDevice computeDevice;
        private HarpConfig harp;
        private KubernetesConfig kubernetes;
        private List<RegistryMapping> registries = new ArrayList<>();
        private ResourceLimits resourceLimits;
        private Map<String, String> additionalOptions = new LinkedHashMap<>();
        private Map<String, JsonNode> extra = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Sets the Docker network.
         *
         * @param net the network name
         * @return this builder
         */
        public Builder net(String net) {
            this.net = Objects.requireNonNull(net, "net");
            return this;
        }

        /**
         * Sets the URL ExApps use to reach Nextcloud; a trailing slash is removed (as AppAPI does).
         *
         * @param url the URL
         * @return this builder
         */
        public Builder nextcloudUrl(String url) {
            String u = Objects.requireNonNull(url, "nextcloudUrl").trim();
            while (u.endsWith("/")) {
                u = u.substring(0, u.length() - 1);
            }
            this.nextcloudUrl = u;
            return this;
        }

        /**
         * Sets the secret.
         *
         * @param secret the secret
         * @return this builder
         */
        public Builder secret(DaemonSecret secret) {
            this.secret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /**
         * Sets the compute device.
         *
         * @param device the device, or {@code null}
         * @return this builder
         */
        public Builder computeDevice(ComputeDevice device) {
            this.computeDevice = device;
            return this;
        }

        /**
         * Sets the HaRP settings.
         *
         * @param harp the settings, or {@code null} for a daemon without HaRP
         * @return this builder
         */
        public Builder harp(HarpConfig harp) {
            this.harp = harp;
            return this;
        }

        /**
         * Sets the Kubernetes settings.
         *
         * @param kubernetes the settings, or {@code null}
         * @return this builder
         */
        public Builder kubernetes(KubernetesConfig kubernetes) {
            this.kubernetes = kubernetes;
            return this;
        }

        /**
         * Adds a registry rewrite.
         *
         * @param mapping the rewrite
         * @return this builder
         */
        public Builder addRegistry(RegistryMapping mapping) {
            this.registries.add(Objects.requireNonNull(mapping, "mapping"));
            return this;
        }

        /**
         * Replaces the registry rewrites.
         *
         * @param mappings the rewrites
         * @return this builder
         */
        public Builder registries(List<RegistryMapping> mappings) {
            this.registries = new ArrayList<>(mappings);
            return this;
        }

        /**
         * Sets container limits.
         *
         * @param limits the limits, or {@code null}
         * @return this builder
         */
        public Builder resourceLimits(ResourceLimits limits) {
            this.resourceLimits = limits;
            return this;
        }

        /**
         * Sets one additional option, such as {@code OVERRIDE_APP_HOST}.
         *
         * @param key the option
         * @param value its value
         * @return this builder
         */
        public Builder additionalOption(String key, String value) {
            this.additionalOptions.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Replaces the additional options.
         *
         * @param options the options
         * @return this builder
         */
        public Builder additionalOptions(Map<String, String> options) {
            this.additionalOptions = new LinkedHashMap<>(options);
            return this;
        }

        /**
         * Sets a field this SDK does not model.
         *
         * @param field the field
         * @param value its value
         * @return this builder
         */
        public Builder extra(String field, JsonNode value) {
            if (KNOWN.contains(field)) {
                throw new IllegalArgumentException(field + " is modelled: use its own setter");
            }
            this.extra.put(field, value);
            return this;
        }

        /**
         * Builds the config.
         *
         * @return the config
         */
        public DeployConfig build() {
            return new DeployConfig(
                    net,
                    nextcloudUrl,
                    secret,
                    computeDevice,
                    harp,
                    kubernetes,
                    registries,
                    resourceLimits,
                    additionalOptions,
                    extra);
        }
    }
}
