package dev.ncsdk.ocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelsTest {
    @Test
    void serverVersionFallsBackToTheNumbers() {
        assertThat(new Capabilities.ServerVersion(32, 0, 1, "32.0.1 RC1", "", false).nextcloudVersion())
                .isEqualTo(NextcloudVersion.of(32, 0, 1));
        assertThat(new Capabilities.ServerVersion(31, 0, 5, null, "", true).nextcloudVersion())
                .isEqualTo(NextcloudVersion.parse("31.0.5"));
    }

    @Test
    void capabilitiesWithoutTreeOrVersion() {
        Capabilities c = new Capabilities(null, JsonNodeFactory.instance.textNode(""));
        assertThat(c.apps()).isEmpty();
        assertThat(c.core()).isEqualTo(new Capabilities.Core(null, null, null, null, null));
        assertThat(c.appApi()).isEmpty();
        assertThatThrownBy(c::nextcloudVersion).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void quotaUnlimited() {
        assertThat(new CurrentUser.Quota(1L, 2L, 3L, 0.5, "none").unlimited()).isTrue();
        assertThat(new CurrentUser.Quota(1L, 2L, 3L, 0.5, "-3").unlimited()).isTrue();
        assertThat(new CurrentUser.Quota(1L, 2L, 3L, 0.5, "1073741824").unlimited())
                .isFalse();
        CurrentUser u = new CurrentUser("a", null, null, null, null, null, null, null, null, null, null, null);
        assertThat(u.groups()).isEmpty();
        assertThat(u.subadmin()).isEmpty();
    }

    @Test
    void serverStatusVersion() {
        ServerStatus s = new ServerStatus(true, false, false, "32.0.1.2", "32.0.1", "", "Nextcloud", false);
        assertThat(s.nextcloudVersion().patch()).isEqualTo(2);
        assertThatThrownBy(() -> new ServerStatus(true, false, false, "x", "", "", "", false).nextcloudVersion())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ServerStatus(true, false, false, null, "", "", "", false).nextcloudVersion())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void loginFlowRecordsHideTheirSecrets() {
        LoginFlow.Start s = new LoginFlow.Start(
                URI.create("https://h/login"), URI.create("https://h/index.php/login/v2/poll"), Secret.of("tok-123"));
        LoginFlow.Result r = new LoginFlow.Result(URI.create("https://h"), "alice", Secret.of("app-456"));
        assertThat(s.toString()).doesNotContain("tok-123");
        assertThat(r.toString()).doesNotContain("app-456").contains("alice");
        assertThat(r.credentials().headers()).containsKey("Authorization");
    }

    @Test
    void responseHeadersAreCaseInsensitive() {
        OcsResponse<String> r = new OcsResponse<>(
                new OcsMeta("ok", 200, "OK", null, null),
                200,
                Map.of("etag", List.of("\"x\""), "x-request-id", List.of("id1")),
                "d",
                JsonNodeFactory.instance.textNode("d"));
        assertThat(r.header("ETag")).contains("\"x\"");
        assertThat(r.requestId()).contains("id1");
        assertThat(r.withData(5).data()).isEqualTo(5);
    }
}
