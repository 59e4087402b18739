package dev.ncsdk.appapi.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;
import dev.ncsdk.appapi.testing.Capture;
import dev.ncsdk.ocs.Secret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Daemon models: lenient reading, strict writing, builders that refuse what AppAPI would refuse. */
class DaemonConfigTest {

    @Test
    void unknownDeployMethodsAreKeptRaw() {
        DaemonConfig d = DaemonConfig.fromJson(Json.parse("{\"name\":\"x\",\"accepts_deploy_id\":\"nomad-install\"}"));
        assertThat(d.deployMethod()).isEqualTo(DeployMethod.UNKNOWN);
        assertThat(d.acceptsDeployId()).isEqualTo("nomad-install");
        assertThat(d.toJson().get("accepts_deploy_id").asText()).isEqualTo("nomad-install");
        assertThat(DeployMethod.fromWire("Kubernetes-Install")).isEqualTo(DeployMethod.KUBERNETES_INSTALL);
        assertThat(DeployMethod.fromWire(null)).isEqualTo(DeployMethod.UNKNOWN);
    }

    @Test
    void phpQuirksAreReadLeniently() {
        JsonNode n = Json.parse("{\"id\":\"7\",\"name\":\"k\",\"accepts_deploy_id\":\"kubernetes-install\","
                + "\"deploy_config\":{\"net\":\"bridge\",\"harp\":{\"frp_address\":\"\",\"docker_socket_port\":\"24001\","
                + "\"exapp_direct\":\"1\"},\"kubernetes\":{\"expose_type\":\"nodeport\",\"node_port\":\"30080\"},"
                + "\"registries\":[{\"from\":\"ghcr.io\",\"to\":\"local\"},{\"from\":\"\",\"to\":\"\"}],"
                + "\"resourceLimits\":{\"memory\":\"1073741824\",\"nanoCPUs\":0},\"additional_options\":[],"
                + "\"computeDevice\":{\"id\":\"CUDA\",\"label\":\"CUDA (Nvidia)\"},\"future_field\":{\"a\":1}},"
                + "\"exAppsCount\":\"2\"}");
        DaemonConfig d = DaemonConfig.fromJson(n);
        assertThat(d.id()).isEqualTo(7);
        assertThat(d.exApps()).hasValue(2);
        DeployConfig c = d.deployConfig();
        assertThat(c.harp()).isEqualTo(new HarpConfig("", 24001, true));
        assertThat(c.kubernetes().exposeType()).isEqualTo("nodeport");
        assertThat(c.kubernetes().nodePort()).isEqualTo(30080);
        assertThat(c.registries()).containsExactly(RegistryMapping.skipPull("ghcr.io"));
        assertThat(c.resourceLimits()).isEqualTo(new ResourceLimits(1073741824L, null));
        assertThat(c.additionalOptions()).isEmpty();
        assertThat(c.computeDevice()).isEqualTo(ComputeDevice.CUDA);
        assertThat(c.extra()).containsOnlyKeys("future_field");
        // unknown fields survive the round trip
        assertThat(c.toJson().get("future_field")).isEqualTo(Json.parse("{\"a\":1}"));
    }

    @Test
    void harpBuilderDerivesTheFrpAddressAndValidates() {
        DaemonConfig d = DaemonConfig.harp(
                        "harp_proxy", "appapi-harp:8780", "https://cloud.example.com/", Secret.of("k"))
                .net("nextcloud")
                .computeDevice(ComputeDevice.CUDA)
                .addRegistry(new RegistryMapping("docker.io", "registry.local:5000"))
                .resourceLimits(ResourceLimits.of(2048, 1.5))
                .additionalOption("OVERRIDE_APP_HOST", "0.0.0.0")
                .build();
        assertThat(d.deployMethod()).isEqualTo(DeployMethod.DOCKER_INSTALL);
        assertThat(d.deployConfig().harp()).isEqualTo(HarpConfig.tunnels("appapi-harp:8782"));
        assertThat(d.deployConfig().nextcloudUrl()).isEqualTo("https://cloud.example.com");
        ObjectNodeAssert.assertJson(d.toJson(), "/deploy_config/resourceLimits/memory", "2147483648");
        ObjectNodeAssert.assertJson(d.toJson(), "/deploy_config/resourceLimits/nanoCPUs", "1500000000");
        ObjectNodeAssert.assertJson(d.toJson(), "/deploy_config/haproxy_password", "k");
        ObjectNodeAssert.assertJson(d.toJson(), "/deploy_config/additional_options/OVERRIDE_APP_HOST", "0.0.0.0");
        ObjectNodeAssert.assertJson(d.toJson(), "/deploy_config/computeDevice/id", "cuda");

        assertThatThrownBy(() -> DaemonConfig.harp("h", "http://harp:8780", "https://nc", Secret.of("k"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host must not include a protocol");
        assertThatThrownBy(() -> DaemonConfig.harp("h", "harp:8780", "nc.example.com", Secret.of("k"))
                        .build())
                .hasMessageContaining("nextcloud_url must be an http(s) URL");
        assertThatThrownBy(() -> DaemonConfig.harp("h", "harp:8780", "https://nc", Secret.of("k"))
                        .harp(new HarpConfig("harp:8782", 24000, true))
                        .build())
                .hasMessageContaining("does not support net=host");
        assertThatThrownBy(() -> DaemonConfig.harp("h", "harp", "https://nc", Secret.of("k"))
                        .protocol("unix-socket")
                        .build())
                .hasMessageContaining("protocol must be http or https");
    }

    @Test
    @SuppressWarnings("deprecation")
    void dockerSocketProxyAndKubernetesBuilders() {
        DaemonConfig dsp = DaemonConfig.dockerSocketProxy(
                        "dsp", "nextcloud-appapi-dsp:2375", "http://nc", Secret.of("p"))
                .build();
        assertThat(dsp.isDockerSocketProxy()).isTrue();
        assertThat(dsp.isHarp()).isFalse();
        assertThat(dsp.toJson().at("/deploy_config/harp").isNull()).isTrue();

        DaemonConfig k8s = DaemonConfig.kubernetes(
                        "k8s", "harp.k8s:8780", "https://nc", Secret.of("k"), KubernetesConfig.clusterIp())
                .build();
        assertThat(k8s.deployMethod()).isEqualTo(DeployMethod.KUBERNETES_INSTALL);
        assertThat(k8s.deployConfig().net()).isEqualTo("bridge");
        assertThat(k8s.deployConfig().harp().exAppDirect()).isTrue();
        ObjectNodeAssert.assertJson(k8s.toJson(), "/deploy_config/kubernetes/expose_type", "clusterip");
        ObjectNodeAssert.assertJson(k8s.toJson(), "/deploy_config/kubernetes/node_address_type", "InternalIP");
    }

    @Test
    void registryMappingsRefuseWhatAppApiRefuses() {
        assertThatThrownBy(() -> new RegistryMapping("ghcr.io", "ghcr.io")).hasMessageContaining("cannot be the same");
        assertThatThrownBy(() -> new RegistryMapping("", "local")).hasMessageContaining("cannot be empty");
        assertThatThrownBy(() -> new Mount("/a:b", "/c", true)).hasMessageContaining("':'");
        assertThatThrownBy(() -> DeployOptions.builder().env("A=B", "x").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deployOptionsWriteWhatTheInstallRouteReads() {
        DeployOptions o = DeployOptions.builder()
                .env("MODEL", "llama")
                .mount("/srv/models", "/models", true)
                .build();
        JsonNode j = o.toJson();
        assertThat(j.at("/environment_variables/MODEL").asText()).isEqualTo("llama");
        assertThat(j.at("/mounts/0/hostPath").asText()).isEqualTo("/srv/models");
        assertThat(j.at("/mounts/0/readonly").asBoolean()).isTrue();
        assertThat(DeployOptions.fromJson(j)).isEqualTo(o);
        // AppAPI keeps stored variables as {name, value} objects in some versions
        assertThat(DeployOptions.fromJson(
                                Json.parse(
                                        "{\"environment_variables\":{\"MODEL\":{\"name\":\"MODEL\",\"value\":\"x\"}},\"mounts\":[]}"))
                        .environmentVariables())
                .isEqualTo(Map.of("MODEL", "x"));
    }

    @Test
    void theOccTableOfCapture81ShowsTheDaemonOfCapture130() {
        // 81 is `occ app_api:daemon:list`: compare the row with the JSON model of the same daemon
        String table = Capture.text("81_occ_daemon_list.txt");
        String row = table.lines()
                .filter(l -> l.contains("manual_install"))
                .findFirst()
                .orElseThrow();
        List<String> cells =
                List.of(row.split("\\|")).stream().map(String::trim).toList();
        DaemonConfig d = DaemonConfig.fromJson(
                Json.parse(Capture.load("130_admin_daemons_list").bodyText())
                        .get("daemons")
                        .get(0));
        assertThat(cells.subList(2, 11))
                .containsExactly(
                        d.name(),
                        d.displayName(),
                        d.acceptsDeployId(),
                        d.protocol(),
                        d.host(),
                        d.deployConfig().nextcloudUrl(),
                        d.isHarp() ? "yes" : "no",
                        "(none)",
                        "(none)");
        // 80 is the register command's one-line confirmation: nothing to model
        assertThat(Capture.text("80_occ_daemon_register.txt").strip()).isEqualTo("Daemon successfully registered.");
    }

    @Test
    void oddServerValuesAreReadAndReportedNotThrown() {
        DaemonConfig d = DaemonConfig.fromJson(Json.parse("{\"name\":\"h\",\"accepts_deploy_id\":\"docker-install\","
                + "\"protocol\":\"http\",\"host\":\"harp:8780\",\"deploy_config\":{\"net\":\"host\","
                + "\"nextcloud_url\":\"http://nc\",\"haproxy_password\":\"dummySecret123\",\"computeDevice\":{\"id\":\"\"},"
                + "\"harp\":{\"frp_address\":\"tcp://harp:8782\",\"docker_socket_port\":0}}}"));
        assertThat(d.deployConfig().computeDevice()).isNull();
        assertThat(d.problems())
                .containsExactly(
                        "HaRP's FRP address must be host:port without a scheme, got: tcp://harp:8782",
                        "HaRP's Docker socket port must be 1-65535, got: 0");
        assertThat(
                        DeployOptions.fromJson(
                                Json.parse(
                                        "{\"environment_variables\":{\"A=B\":\"x\"},\"mounts\":[{\"hostPath\":\"/a:b\",\"containerPath\":\"/c\"}]}")))
                .isEqualTo(DeployOptions.NONE);
    }

    /** Small JSON pointer assertion. */
    static final class ObjectNodeAssert {
        static void assertJson(JsonNode n, String pointer, String expected) {
            assertThat(n.at(pointer).asText()).as(pointer).isEqualTo(expected);
        }
    }
}
