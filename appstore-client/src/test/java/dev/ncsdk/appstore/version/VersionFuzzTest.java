package dev.ncsdk.appstore.version;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ncsdk.ocs.NextcloudVersion;
import java.nio.charset.StandardCharsets;

class VersionFuzzTest {

    /** Any text either parses into a spec that can test versions, or fails with VersionSpecException. */
    @FuzzTest(maxDuration = "10s")
    void fuzzVersionSpec(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        VersionSpec spec;
        try {
            spec = VersionSpec.parse(text);
        } catch (VersionSpecException e) {
            return;
        }
        boolean a = spec.test(NextcloudVersion.parse("31.0.5.1"));
        boolean b = spec.test(NextcloudVersion.parse("31.0.5.1"), false);
        assertThat(!a || b).as("ignoring the maximum never rejects more").isTrue();
        assertThat(VersionSpec.parse(spec.text())).isEqualTo(spec);
    }

    /** Any text either parses into a version whose precedence is consistent, or fails with VersionSpecException. */
    @FuzzTest(maxDuration = "10s")
    void fuzzAppVersion(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        AppVersion v;
        try {
            v = AppVersion.parse(text);
        } catch (VersionSpecException e) {
            return;
        }
        assertThat(v.compareTo(v)).isZero();
        AppVersion nightly = AppVersion.of(text, true, null);
        assertThat(nightly.compareTo(v)).isPositive();
        assertThat(v.compareTo(nightly)).isNegative();
        try {
            VersionBound.leadingParts(text);
        } catch (VersionSpecException e) {
            // not every app version starts with a number ("v1.0.0")
        }
    }
}
