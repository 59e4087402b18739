package dev.ncsdk.appapi.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ncsdk.appapi.internal.Json;
import dev.ncsdk.ocs.Secret;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A deploy daemon as AppAPI stores it (table {@code ex_apps_daemons}). Read from the server with
 * {@link Daemons#list()}, or built for registration with {@link #harp}, {@link #manualInstall},
 * {@link #kubernetes} or {@link #builder()}.
 *
 * <pre>{@code
 * DaemonConfig harp = DaemonConfig.harp("harp_proxy", "appapi-harp:8780", "https://cloud.example.com",
 *                                       Secret.fromEnv("HP_SHARED_KEY"))
 *         .displayName("HaRP")
 *         .net("nextcloud")
 *         .build();
 * }</pre>
 *
 * @param id the database id, or {@code null} for a daemon not yet registered
 * @param name the unique name
 * @param displayName the name shown to admins
 * @param acceptsDeployId the raw deploy method, see {@link #deployMethod()}
 * @param protocol {@code http} or {@code https}
 * @param host {@code host:port} of the daemon (HaRP, the Docker Socket Proxy) or of the ExApp host (manual-install)
 * @param deployConfig the deploy configuration
 * @param exAppsCount how many ExApps the daemon runs (only in {@link Daemons#list()}), or {@code null}
 * @since 0.1.0
 */
public record DaemonConfig(
        Integer id,
        String name,
        String displayName,
        String acceptsDeployId,
        String protocol,
        String host,
        DeployConfig deployConfig,
        Integer exAppsCount) {

    /**
     * Fills defaults: empty strings for absent text, an empty {@link DeployConfig}.
     *
     * @param id the id
     * @param name the name
     * @param displayName the display name
     * @param acceptsDeployId the deploy method
     * @param protocol the protocol
     * @param host the host
     * @param deployConfig the deploy config
     * @param exAppsCount the ExApp count
     */
    public DaemonConfig {
        name = name == null ? "" : name;
        displayName = displayName == null ? name : displayName;
        acceptsDeployId = acceptsDeployId == null ? "" : acceptsDeployId;
        protocol = protocol == null ? "" : protocol;
        host = host == null ? "" : host;
        deployConfig = deployConfig == null ? DeployConfig.builder().build() : deployConfig;
    }

    /**
     * The deploy method; {@link DeployMethod#UNKNOWN} for values this SDK does not know (see
     * {@link #acceptsDeployId()} for the raw value).
     *
     * @return the method
     */
    public DeployMethod deployMethod() {
        return DeployMethod.fromWire(acceptsDeployId);
    }

    /**
     * Whether this is a HaRP daemon ({@code deploy_config.harp} is set).
     *
     * @return whether HaRP is used
     */
    public boolean isHarp() {
        return deployConfig.isHarp();
    }

    /**
     * Whether this is a Docker Socket Proxy (or direct Docker) daemon, which AppAPI deprecates.
     *
     * @return whether it is {@code docker-install} without HaRP
     */
    public boolean isDockerSocketProxy() {
        return deployMethod() == DeployMethod.DOCKER_INSTALL && !isHarp();
    }

    /**
     * The number of ExApps on this daemon, when the server said.
     *
     * @return the count, or empty
     */
    public OptionalInt exApps() {
        return exAppsCount == null ? OptionalInt.empty() : OptionalInt.of(exAppsCount);
    }

    /**
     * Starts a daemon from scratch; prefer {@link #harp}, {@link #manualInstall} or {@link #kubernetes}.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this daemon's values (for {@link Daemons#update}); the id and ExApp count are dropped.
     * A secret read from the server stays {@link DaemonSecret#stored()}, so an update keeps it.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.displayName = displayName;
        b.acceptsDeployId = acceptsDeployId;
        b.protocol = protocol;
        b.host = host;
        b.deploy = deployConfig.toBuilder();
        return b;
    }

    /**
     * A HaRP daemon (the recommended kind): Docker through HaRP, ExApps reached through FRP tunnels. The FRP
     * address defaults to HaRP's host with port {@value HarpConfig#DEFAULT_FRP_PORT}.
     *
     * @param name the unique name
     * @param harpHost HaRP's {@code host:port} (HaRP listens on 8780 by default), without a scheme
     * @param nextcloudUrl the URL ExApps use to reach Nextcloud
     * @param sharedKey HaRP's {@code HP_SHARED_KEY}
     * @return a builder with these values
     */
    public static Builder harp(String name, String harpHost, String nextcloudUrl, Secret sharedKey) {
        Builder b = new Builder()
                .name(name)
                .displayName(name)
                .deployMethod(DeployMethod.DOCKER_INSTALL)
                .protocol("http")
                .host(harpHost)
                .nextcloudUrl(nextcloudUrl)
                .secret(DaemonSecret.of(Objects.requireNonNull(sharedKey, "sharedKey")));
        b.deploy.harp(HarpConfig.tunnels(hostOnly(harpHost) + ":" + HarpConfig.DEFAULT_FRP_PORT));
        return b;
    }

    /**
     * A Docker Socket Proxy daemon. AppAPI deprecates it (AppAPI 34) and plans to remove it (Nextcloud 35): use
     * {@link #harp} for new installations.
     *
     * @param name the unique name
     * @param proxyHost the proxy's {@code host:port} (2375 by default), without a scheme
     * @param nextcloudUrl the URL ExApps use to reach Nextcloud
     * @param password the proxy's {@code NC_HAPROXY_PASSWORD}
     * @return a builder with these values
     * @deprecated AppAPI is removing the Docker Socket Proxy; register a HaRP daemon with {@link #harp} instead.
     */
    @Deprecated
    public static Builder dockerSocketProxy(String name, String proxyHost, String nextcloudUrl, Secret password) {
        return new Builder()
                .name(name)
                .displayName(name)
                .deployMethod(DeployMethod.DOCKER_INSTALL)
                .protocol("http")
                .host(proxyHost)
                .nextcloudUrl(nextcloudUrl)
                .secret(DaemonSecret.of(Objects.requireNonNull(password, "password")));
    }

    /**
     * A manual-install daemon for development: AppAPI deploys nothing and calls an ExApp the developer started
     * on {@code exAppHost} (the port comes from each ExApp's registration).
     *
     * @param name the unique name
     * @param exAppHost the host the ExApps listen on, such as {@code 127.0.0.1}
     * @param nextcloudUrl the URL ExApps use to reach Nextcloud
     * @return a builder with these values
     */
    public static Builder manualInstall(String name, String exAppHost, String nextcloudUrl) {
        return new Builder()
                .name(name)
                .displayName(name)
                .deployMethod(DeployMethod.MANUAL_INSTALL)
                .protocol("http")
                .host(exAppHost)
                .nextcloudUrl(nextcloudUrl)
                .computeDevice(ComputeDevice.CPU);
    }

    /**
     * A Kubernetes daemon (AppAPI 34+): always HaRP, ExApps reached directly, network {@code bridge}.
     *
     * @param name the unique name
     * @param harpHost HaRP's {@code host:port}
     * @param nextcloudUrl the URL ExApps use to reach Nextcloud
     * @param sharedKey HaRP's {@code HP_SHARED_KEY}
     * @param kubernetes the Kubernetes settings
     * @return a builder with these values
     */
    public static Builder kubernetes(
            String name, String harpHost, String nextcloudUrl, Secret sharedKey, KubernetesConfig kubernetes) {
        Builder b = new Builder()
                .name(name)
                .displayName(name)
                .deployMethod(DeployMethod.KUBERNETES_INSTALL)
                .protocol("http")
                .host(harpHost)
                .nextcloudUrl(nextcloudUrl)
                .net("bridge")
                .secret(DaemonSecret.of(Objects.requireNonNull(sharedKey, "sharedKey")));
        b.deploy.harp(new HarpConfig("", HarpConfig.DEFAULT_DOCKER_SOCKET_PORT, true));
        b.deploy.kubernetes(Objects.requireNonNull(kubernetes, "kubernetes"));
        return b;
    }

    private static String hostOnly(String hostPort) {
        String h = Objects.requireNonNull(hostPort, "host").trim();
        if (h.contains("://")) {
            throw new IllegalArgumentException("host must not include a protocol: " + h);
        }
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 ? h.substring(0, end + 1) : h;
        }
        int colon = h.lastIndexOf(':');
        return colon > 0 && h.indexOf(':') == colon ? h.substring(0, colon) : h;
    }

    /**
     * What AppAPI would refuse when registering this daemon (it answers only {@code {"success": false}} and writes
     * the reason to its log), plus the SDK's own checks of the secret.
     *
     * @return the problems, empty when none
     */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (name.isBlank()) {
            p.add("name is required");
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            p.add("name must not contain control characters");
        }
        if (acceptsDeployId.isBlank()) {
            p.add("accepts_deploy_id is required");
        }
        if (!protocol.equals("http") && !protocol.equals("https")) {
            p.add("protocol must be http or https, got '" + protocol + "'");
        }
        for (String scheme : List.of("http", "https", "tcp", "udp", "ssh")) {
            if (host.toLowerCase(Locale.ROOT).startsWith(scheme + "://")) {
                p.add("host must not include a protocol: " + host);
            }
        }
        if (host.isBlank()) {
            p.add("host is required");
        }
        if (deployConfig.net().isBlank()) {
            p.add("deploy_config.net is required");
        }
        String url = deployConfig.nextcloudUrl();
        if (url.isBlank()) {
            p.add("deploy_config.nextcloud_url is required");
        } else {
            try {
                URI u = URI.create(url);
                if (u.getScheme() == null
                        || !(u.getScheme().equalsIgnoreCase("http")
                                || u.getScheme().equalsIgnoreCase("https"))
                        || u.getHost() == null) {
                    p.add("deploy_config.nextcloud_url must be an http(s) URL: " + url);
                }
            } catch (IllegalArgumentException e) {
                p.add("deploy_config.nextcloud_url is not a URL: " + url);
            }
        }
        HarpConfig harp = deployConfig.harp();
        if (harp != null) {
            p.addAll(harp.problems());
            if (deployConfig.secret().isNone()) {
                p.add("a HaRP daemon needs the shared key (HP_SHARED_KEY) as its secret");
            }
            if (deployMethod() != DeployMethod.KUBERNETES_INSTALL
                    && harp.frpAddress().isEmpty()) {
                p.add("a HaRP daemon needs the FRP address (host:port)");
            }
            if (deployMethod() != DeployMethod.MANUAL_INSTALL
                    && harp.exAppDirect()
                    && "host".equals(deployConfig.net())) {
                p.add("HaRP with direct ExApp access does not support net=host");
            }
        }
        if (deployMethod() == DeployMethod.KUBERNETES_INSTALL && harp == null) {
            p.add("a kubernetes-install daemon must use HaRP");
        }
        return List.copyOf(p);
    }

    /**
     * Reads a daemon as AppAPI serialises it.
     *
     * @param n the object
     * @return the daemon
     */
    public static DaemonConfig fromJson(JsonNode n) {
        return new DaemonConfig(
                Json.intOrNull(n, "id"),
                Json.str(n, "name"),
                Json.str(n, "display_name"),
                Json.str(n, "accepts_deploy_id"),
                Json.str(n, "protocol"),
                Json.str(n, "host"),
                DeployConfig.fromJson(Json.obj(n, "deploy_config")),
                Json.intOrNull(n, "exAppsCount"));
    }

    /**
     * The registration document ({@code daemonConfigParams}). Contains a set secret in clear.
     *
     * @return the object
     */
    ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("name", name);
        o.put("display_name", displayName);
        o.put("accepts_deploy_id", acceptsDeployId);
        o.put("protocol", protocol);
        o.put("host", host);
        o.set("deploy_config", deployConfig.toJson());
        return o;
    }

    /**
     * The same daemon under another display name.
     *
     * @param newDisplayName the display name
     * @return the changed copy
     */
    public DaemonConfig withDisplayName(String newDisplayName) {
        return new DaemonConfig(id, name, newDisplayName, acceptsDeployId, protocol, host, deployConfig, exAppsCount);
    }

    /**
     * The same daemon with another deploy config.
     *
     * @param config the deploy config
     * @return the changed copy
     */
    public DaemonConfig withDeployConfig(DeployConfig config) {
        return new DaemonConfig(id, name, displayName, acceptsDeployId, protocol, host, config, exAppsCount);
    }

    /**
     * The name, for lookups.
     *
     * @param other a name
     * @return whether this daemon has it
     */
    public boolean hasName(String other) {
        return name.equals(other);
    }

    /**
     * Builds a {@link DaemonConfig}; {@link #build()} checks what AppAPI would refuse.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private String name;
        private String displayName;
        private String acceptsDeployId;
        private String protocol = "http";
        private String host;
        private DeployConfig.Builder deploy = DeployConfig.builder();

        private Builder() {}

        /**
         * Sets the unique name.
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets the display name.
         *
         * @param displayName the display name
         * @return this builder
         */
        public Builder displayName(String displayName) {
            this.displayName = Objects.requireNonNull(displayName, "displayName");
            return this;
        }

        /**
         * Sets the deploy method.
         *
         * @param method a known method
         * @return this builder
         */
        public Builder deployMethod(DeployMethod method) {
            if (method == DeployMethod.UNKNOWN) {
                throw new IllegalArgumentException("use acceptsDeployId(String) for a method this SDK does not know");
            }
            this.acceptsDeployId = method.wireValue();
            return this;
        }

        /**
         * Sets the raw deploy method.
         *
         * @param value the {@code accepts_deploy_id}
         * @return this builder
         */
        public Builder acceptsDeployId(String value) {
            this.acceptsDeployId = Objects.requireNonNull(value, "acceptsDeployId");
            return this;
        }

        /**
         * Sets the protocol.
         *
         * @param protocol {@code http} or {@code https}
         * @return this builder
         */
        public Builder protocol(String protocol) {
            this.protocol = Objects.requireNonNull(protocol, "protocol").toLowerCase(Locale.ROOT);
            return this;
        }

        /**
         * Sets the host.
         *
         * @param host {@code host:port}, without a scheme
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host").trim();
            return this;
        }

        /**
         * Sets the Docker network.
         *
         * @param net the network
         * @return this builder
         */
        public Builder net(String net) {
            deploy.net(net);
            return this;
        }

        /**
         * Sets the URL ExApps use to reach Nextcloud.
         *
         * @param url the URL
         * @return this builder
         */
        public Builder nextcloudUrl(String url) {
            deploy.nextcloudUrl(url);
            return this;
        }

        /**
         * Sets the secret.
         *
         * @param secret the secret
         * @return this builder
         */
        public Builder secret(DaemonSecret secret) {
            deploy.secret(secret);
            return this;
        }

        /**
         * Sets the compute device.
         *
         * @param device the device
         * @return this builder
         */
        public Builder computeDevice(ComputeDevice device) {
            deploy.computeDevice(device);
            return this;
        }

        /**
         * Sets the HaRP settings.
         *
         * @param harp the settings, or {@code null}
         * @return this builder
         */
        public Builder harp(HarpConfig harp) {
            deploy.harp(harp);
            return this;
        }

        /**
         * Sets the Kubernetes settings.
         *
         * @param kubernetes the settings, or {@code null}
         * @return this builder
         */
        public Builder kubernetes(KubernetesConfig kubernetes) {
            deploy.kubernetes(kubernetes);
            return this;
        }

        /**
         * Adds a registry rewrite.
         *
         * @param mapping the rewrite
         * @return this builder
         */
        public Builder addRegistry(RegistryMapping mapping) {
            deploy.addRegistry(mapping);
            return this;
        }

        /**
         * Sets container limits.
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder resourceLimits(ResourceLimits limits) {
            deploy.resourceLimits(limits);
            return this;
        }

        /**
         * Sets an additional option such as {@code OVERRIDE_APP_HOST}.
         *
         * @param key the option
         * @param value the value
         * @return this builder
         */
        public Builder additionalOption(String key, String value) {
            deploy.additionalOption(key, value);
            return this;
        }

        /**
         * Replaces the whole deploy config.
         *
         * @param config the config
         * @return this builder
         */
        public Builder deployConfig(DeployConfig config) {
            this.deploy = config.toBuilder();
            return this;
        }

        /**
         * Gives access to the deploy config's builder for settings without a shortcut here.
         *
         * @return the deploy config builder
         */
        public DeployConfig.Builder deployConfig() {
            return deploy;
        }

        /**
         * Builds the daemon and checks it ({@link DaemonConfig#problems()}).
         *
         * @return the daemon
         * @throws IllegalArgumentException listing every problem
         */
        public DaemonConfig build() {
            DaemonConfig d =
                    new DaemonConfig(null, name, displayName, acceptsDeployId, protocol, host, deploy.build(), null);
            List<String> problems = d.problems();
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid daemon '" + d.name() + "': " + String.join("; ", problems));
            }
            return d;
        }
    }

    /**
     * Looks up a daemon by name in a list.
     *
     * @param daemons the list
     * @param name the name
     * @return the daemon, or empty
     */
    static Optional<DaemonConfig> find(List<DaemonConfig> daemons, String name) {
        return daemons.stream().filter(d -> d.hasName(name)).findFirst();
    }
}
