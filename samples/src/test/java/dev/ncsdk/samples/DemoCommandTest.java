package dev.ncsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

    @Test
    void demoRunsOfflineAndShowsEachModule() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo");

        assertThat(code).as("exit code, stderr: %s", err).isZero();
        String text = out.toString();
        assertThat(text).contains("status.php: Demo Cloud 32.0.1.2");
        assertThat(text).contains("capabilities (JSON): Nextcloud 32.0.1");
        assertThat(text).contains("capabilities (XML):  Nextcloud 32.0.1");
        assertThat(text).contains("same typed core capabilities from both formats: true");
        assertThat(text).contains("a failing call throws NcNotFoundException");
        assertThat(text).doesNotContain("demo-app-password");
        // App Store: translations, channel rules, ETag revalidation
        assertThat(text).contains("demo_notes is \"Demo Notes (de)\" in German");
        assertThat(text).contains("updates on stable for").contains("  demo_notes 2.0.3 -> 2.1.0");
        assertThat(text).contains("  demo_notes 2.0.3 -> 2.2.0-beta.1");
        assertThat(text).doesNotContain("demo_tasks 1.4.0 ->"); // a nightly of the installed version is no update
        assertThat(text).contains("store requests: 4, answered 304 Not Modified: 3");
        // releases
        assertThat(text).contains("store rules passed").contains("packaging is reproducible: true");
        assertThat(text).contains("signature verifies over the archive: true");
        assertThat(text).contains("signature verifies over a tampered copy: false");
        // AppAPI manifests
        assertThat(text).contains("<access_level>USER</access_level>");
        assertThat(text)
                .contains("an invalid manifest is refused with every problem")
                .contains("name is required");
    }
}
