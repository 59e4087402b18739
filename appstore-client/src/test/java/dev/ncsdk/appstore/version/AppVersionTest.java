package dev.ncsdk.appstore.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AppVersionTest {

    private static AppVersion v(String version, boolean nightly, String lastModified) {
        return AppVersion.of(
                version, nightly, lastModified == null || lastModified.isEmpty() ? null : Instant.parse(lastModified));
    }

    /**
     * The ordering table: a, a nightly, a lastModified, b, b nightly, b lastModified, sign of compare(a, b). Covers
     * every rule of the store's isNightly documentation.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // plain semantic versions
                "1.0.0          | false | | 1.0.1          | false | | -1",
                "2.0.10         | false | | 2.0.2          | false | | 1",
                "1.10.0         | false | | 1.9.9          | false | | 1",
                "1.0.0-alpha.1  | false | | 1.0.0          | false | | -1",
                "1.0.0-alpha.1  | false | | 1.0.0-alpha.2  | false | | -1",
                "1.0.0-alpha.2  | false | | 1.0.0-alpha.10 | false | | -1",
                "1.0.0-beta.2   | false | | 1.0.0-rc.1     | false | | -1",
                "1.0.0-alpha    | false | | 1.0.0-alpha.1  | false | | -1",
                "1.2.3          | false | | 1.2.3          | false | | 0",
                // "1.0.0 is equal to 1.0.0, however if the second one has a nightly flag, the second one is greater"
                "1.0.0          | false | | 1.0.0          | true  | | -1",
                "1.0.0          | true  | | 1.0.0          | false | | 1",
                // "if both versions have nightly flags and are equal, the lastModified is used"
                "1.0.0 | true | 2024-01-01T00:00:00Z | 1.0.0 | true | 2024-02-01T00:00:00Z | -1",
                "1.0.0 | true | 2024-03-01T00:00:00Z | 1.0.0 | true | 2024-02-01T00:00:00Z | 1",
                "1.0.0 | true | 2024-03-01T00:00:00Z | 1.0.0 | true | 2024-03-01T00:00:00Z | 0",
                "1.0.0 | true |                      | 1.0.0 | true | 2024-03-01T00:00:00Z | -1",
                // a nightly does not beat a higher version
                "1.0.0 | true | 2030-01-01T00:00:00Z | 1.0.1 | false | 2020-01-01T00:00:00Z | -1",
                "1.0.1-rc.1 | true | | 1.0.1 | false | | -1",
            })
    void ordersByTheStoresPrecedence(String a, boolean an, String at, String b, boolean bn, String bt, int expected) {
        AppVersion x = v(a.trim(), an, at);
        AppVersion y = v(b.trim(), bn, bt);

        assertThat(Integer.signum(x.compareTo(y))).isEqualTo(expected);
        assertThat(Integer.signum(y.compareTo(x))).isEqualTo(-expected);
    }

    @Test
    void theNightlyFactoryIsOfWithTheNightlyFlag() {
        Instant t = Instant.parse("2026-03-01T02:00:00Z");
        AppVersion nightly = AppVersion.ofNightly("2.1.0", t);

        assertThat(nightly.nightly()).isTrue();
        assertThat(nightly.lastModified()).isEqualTo(t);
        assertThat(nightly).isEqualTo(AppVersion.of("2.1.0", true, t));
        assertThat(nightly).isGreaterThan(AppVersion.parse("2.1.0"));
        assertThat(nightly.compareVersion(AppVersion.parse("2.1.0"))).isZero();
    }

    @Test
    void compareVersionIgnoresTheNightlyFlag() {
        AppVersion nightly = v("1.0.0", true, "2024-01-01T00:00:00Z");
        AppVersion stable = AppVersion.parse("1.0.0");

        assertThat(nightly.compareVersion(stable)).isZero();
        assertThat(nightly.isNewerVersionThan(stable)).isFalse();
        assertThat(nightly.compareTo(stable)).isPositive();
    }

    @Test
    void theMaximumDoesNotDependOnArrayOrder() {
        List<AppVersion> versions = new ArrayList<>(List.of(
                AppVersion.parse("2.0.1"),
                AppVersion.parse("2.0.10"),
                AppVersion.parse("2.0.2"),
                v("2.0.10", true, "2024-01-01T00:00:00Z"),
                v("2.0.10", true, "2024-05-01T00:00:00Z"),
                AppVersion.parse("2.0.10-beta.3")));
        AppVersion expected = versions.get(4);
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(versions, random);
            assertThat(Collections.max(versions)).isSameAs(expected);
        }
    }

    @Test
    void parsesLenientlyButNotEverything() {
        assertThat(AppVersion.parse("1").compareVersion(AppVersion.parse("1.0.0")))
                .isZero();
        assertThat(AppVersion.parse("0.5").compareVersion(AppVersion.parse("0.5.0")))
                .isZero();
        assertThat(AppVersion.parse("v1.2.3").text()).isEqualTo("v1.2.3");
        assertThat(AppVersion.parse("1.2-beta.1").isPreRelease()).isTrue();
        assertThat(AppVersion.parse("1.2.3").isPreRelease()).isFalse();
        assertThat(AppVersion.parse("1.2.3").major()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1.2.3.4", "1..2", "-1.0.0", "1.0.0-"})
    void rejectsNonVersions(String text) {
        assertThatThrownBy(() -> AppVersion.parse(text)).isInstanceOf(VersionSpecException.class);
    }

    @Test
    void equalityFollowsPrecedence() {
        assertThat(v("1.0.0", true, "2024-01-01T00:00:00Z")).isEqualTo(v("1.0.0", true, "2024-01-01T00:00:00Z"));
        assertThat(v("1.0.0", true, "2024-01-01T00:00:00Z")).isNotEqualTo(v("1.0.0", true, "2024-01-02T00:00:00Z"));
        assertThat(AppVersion.parse("1.0.0")).isNotEqualTo(v("1.0.0", true, null));
        assertThat(AppVersion.parse("1.0.0")).hasSameHashCodeAs(AppVersion.parse("1.0.0"));
        assertThat(v("1.0.0", true, null)).hasToString("1.0.0 (nightly)");
    }
}
