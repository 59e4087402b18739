package dev.ncsdk.appapi.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Outside input never breaks the manifest readers with anything but {@link ManifestException}. The checks of
 * {@code problems()} are left out here: they compile route patterns on purpose (to report invalid ones), which
 * Jazzer's regular-expression-injection sanitizer reports as a finding; {@link ManifestTest} covers them.
 */
class ManifestFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void jsonInfo(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            JsonInfo info = JsonInfo.parse(text);
            assertThat(JsonInfo.parse(info.toJson()).manifest().routes())
                    .hasSameSizeAs(info.manifest().routes());
            assertThat(info.toString()).contains("secret=Secret[****]");
        } catch (ManifestException expected) {
            assertThat(expected.problems()).isNotEmpty();
        }
    }

    @FuzzTest(maxDuration = "10s")
    void infoXml(byte[] input) {
        try {
            ExAppManifest m = ExAppManifest.fromInfoXml(new String(input, StandardCharsets.UTF_8));
            assertThat(m.toExternalAppXml()).startsWith("<external-app>");
        } catch (ManifestException expected) {
            assertThat(expected.problems()).isNotEmpty();
        }
    }
}
