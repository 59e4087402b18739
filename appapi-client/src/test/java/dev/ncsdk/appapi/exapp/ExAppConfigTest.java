package dev.ncsdk.appapi.exapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.ocs.Secret;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The configuration from AppAPI's container environment (AppAPI {@code DockerActions::buildDeployEnvs}). */
class ExAppConfigTest {
    static Map<String, String> full() {
        Map<String, String> env = new HashMap<>(ExAppTesting.env("https://cloud.example.com"));
        env.put("APP_PORT", "23000");
        env.put("APP_HOST", "0.0.0.0");
        env.put("APP_DISPLAY_NAME", "Java Stub");
        env.put("APP_PERSISTENT_STORAGE", "/nc_app_javastub_data");
        env.put("AA_VERSION", "32.0.0");
        env.put("COMPUTE_DEVICE", "cuda");
        env.put("HP_SHARED_KEY", "harp-shared-secret");
        return env;
    }

    @Test
    void everyVariableAppApiSetsIsRead() {
        ExAppConfig c = ExAppConfig.fromEnvironment(full());
        assertThat(c.appId()).isEqualTo("javastub");
        assertThat(c.appVersion()).isEqualTo("1.0.0");
        assertThat(c.displayName()).isEqualTo("Java Stub");
        assertThat(c.secret().reveal()).isEqualTo(ExAppTesting.SECRET);
        assertThat(c.host()).isEqualTo("0.0.0.0");
        assertThat(c.port()).isEqualTo(23000);
        assertThat(c.nextcloudUrl()).hasToString("https://cloud.example.com");
        assertThat(c.persistentStorage()).isEqualTo(Path.of("/nc_app_javastub_data"));
        assertThat(c.aaVersion()).isEqualTo("32.0.0");
        assertThat(c.computeDevice()).isEqualTo("CUDA");
        assertThat(c.harp()).isTrue();
        assertThat(c.unixSocket()).isEqualTo(Path.of("/tmp/exapp.sock"));
    }

    @Test
    void optionalVariablesHaveDefaults() {
        Map<String, String> env = ExAppTesting.env("http://nc");
        env.remove("APP_HOST");
        ExAppConfig c = ExAppConfig.fromEnvironment(env);
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.displayName()).isEqualTo("javastub");
        assertThat(c.persistentStorage()).isNull();
        assertThat(c.computeDevice()).isEqualTo("CPU");
        assertThat(c.harp()).isFalse();
        assertThat(c.aaVersion()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"APP_ID", "APP_VERSION", "APP_SECRET", "APP_PORT", "NEXTCLOUD_URL"})
    void aMissingRequiredVariableIsNamed(String variable) {
        Map<String, String> env = full();
        env.remove(variable);
        assertThatThrownBy(() -> ExAppConfig.fromEnvironment(env))
                .isInstanceOfSatisfying(
                        ExAppConfigException.class,
                        e -> assertThat(e.variable()).isEqualTo(variable))
                .hasMessageContaining(variable);
        env.put(variable, "  ");
        assertThatThrownBy(() -> ExAppConfig.fromEnvironment(env)).isInstanceOf(ExAppConfigException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "APP_PORT, http",
        "APP_PORT, 70000",
        "APP_PORT, -1",
        "NEXTCLOUD_URL, ftp://nc",
        "NEXTCLOUD_URL, not a url",
        "NEXTCLOUD_URL, nextcloud.example.com"
    })
    void aMalformedVariableIsNamed(String variable, String value) {
        Map<String, String> env = full();
        env.put(variable, value);
        assertThatThrownBy(() -> ExAppConfig.fromEnvironment(env))
                .isInstanceOfSatisfying(
                        ExAppConfigException.class,
                        e -> assertThat(e.variable()).isEqualTo(variable));
    }

    @Test
    void aSecretsValueNeverAppearsInAnErrorOrToString() {
        Map<String, String> env = full();
        env.put("APP_SECRET", "bad\u0001secret-value");
        assertThatThrownBy(() -> ExAppConfig.fromEnvironment(env))
                .isInstanceOfSatisfying(ExAppConfigException.class, e -> {
                    assertThat(e.variable()).isEqualTo("APP_SECRET");
                    assertThat(e.getMessage()).doesNotContain("secret-value");
                });
        String shown = ExAppConfig.fromEnvironment(full()).toString();
        assertThat(shown)
                .doesNotContain(ExAppTesting.SECRET)
                .doesNotContain("harp-shared-secret")
                .contains("****");
    }

    @Test
    void builderOverridesWinOverTheEnvironment() {
        ExApp app = ExApp.builder()
                .environment(full())
                .appId("other")
                .appVersion("2.0.0")
                .secret(Secret.of("s2"))
                .host("127.0.0.2")
                .port(0)
                .nextcloudUrl("http://127.0.0.1:8080/nextcloud")
                .persistentStorage("/data")
                .unixSocket("/run/exapp.sock")
                .build();
        ExAppConfig c = app.config();
        assertThat(c.appId()).isEqualTo("other");
        assertThat(c.appVersion()).isEqualTo("2.0.0");
        assertThat(c.secret().reveal()).isEqualTo("s2");
        assertThat(c.host()).isEqualTo("127.0.0.2");
        assertThat(c.port()).isZero();
        assertThat(c.nextcloudUrl()).hasToString("http://127.0.0.1:8080/nextcloud");
        assertThat(c.persistentStorage()).isEqualTo(Path.of("/data"));
        assertThat(c.unixSocket()).isEqualTo(Path.of("/run/exapp.sock"));
    }

    @Test
    void startFailsWithTheMissingVariableBeforeBinding() {
        ExApp app = ExApp.builder().environment(Map.of("APP_ID", "x")).build();
        assertThatThrownBy(app::start)
                .isInstanceOfSatisfying(
                        ExAppConfigException.class,
                        e -> assertThat(e.variable()).isEqualTo("APP_VERSION"));
    }
}
