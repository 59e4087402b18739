package dev.ncsdk.appapi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.AppApiCapabilities;
import dev.ncsdk.appapi.internal.Json;

/**
 * Whatever JSON a server sends, the admin models read it without throwing (lenient readers), never show a
 * daemon's secret, and write it back.
 */
class AdminModelsFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void readsAnyAnswer(byte[] input) {
        JsonNode n;
        try {
            n = Json.parse(input);
        } catch (IllegalArgumentException notJson) {
            return;
        }
        DaemonList list = DaemonList.fromJson(n);
        for (DaemonConfig d : list.daemons()) {
            assertThat(d.problems()).isNotNull();
            assertThat(d.toJson()).isNotNull();
            String secret = Json.str(Json.obj(n, "deploy_config"), "haproxy_password");
            if (secret != null && secret.length() > 8) {
                assertThat(d.toString()).doesNotContain(secret);
            }
        }
        DaemonConfig one = DaemonConfig.fromJson(n);
        assertThat(one.toJson().get("deploy_config")).isNotNull();
        assertThat(ExAppStatus.fromJson(n).toString()).isNotNull();
        assertThat(ExAppInfo.fromJson(n).id()).isNotNull();
        assertThat(DeployOptions.fromJson(n).toJson()).isNotNull();
        assertThat(ExAppListing.fromJson(n).raw()).isNotNull();
        assertThat(AppApiCapabilities.fromJson(n).version()).isNotNull();
    }
}
