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
    }
}
