package dev.ncsdk.appstore.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.ocs.NextcloudVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionSpecTest {

    /** Nextcloud server's VersionParser cases: spec → (min, max); "" means no bound. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "*           | ''    | ''",
                "<=8.1.2     | ''    | 8.1.2",
                "<=9         | ''    | 9",
                ">=9.3.2     | 9.3.2 | ''",
                ">=8.2 <=9.1 | 8.2   | 9.1",
                ">=9 <=11    | 9     | 11",
            })
    void parsesTheServersVersionParserCases(String spec, String min, String max) {
        VersionSpec s = VersionSpec.parse(spec);

        assertThat(s.min().map(VersionBound::text).orElse("")).isEqualTo(min);
        assertThat(s.max().map(VersionBound::text).orElse("")).isEqualTo(max);
        assertThat(s.isUnconstrained()).isEqualTo(min.isEmpty() && max.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"BogusVersion", ">=8.2 <=9.1a", ">=", ">=9 >=10", "<=1 <2", "=9", "9.0", ">=9..1", ">=-1"})
    void rejectsWhatTheServerRejectsAndMore(String spec) {
        assertThatThrownBy(() -> VersionSpec.parse(spec))
                .isInstanceOf(VersionSpecException.class)
                .satisfies(e -> assertThat(((VersionSpecException) e).input()).isEqualTo(spec));
    }

    /** Nextcloud's CompareVersion: only as many parts as the bound has are compared. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "<=31            | 31.0.5.1 | true",
                ">=31.0          | 31.0.5.1 | true",
                ">=31.0.5        | 31.0.5.1 | true",
                ">=31.0.6        | 31.0.5.1 | false",
                "<=31.0.4        | 31.0.5.1 | false",
                ">=9 <=11        | 11.0.9   | true",
                ">=9 <=11        | 12.0.0   | false",
                ">=9 <=11        | 8.2.1    | false",
                ">=10 <=11       | 10       | true",
                ">=8.2 <=9.1     | 9.1.7    | true",
                ">=8.2 <=9.1     | 9.2.0    | false",
                ">=9.0.0 <12.0.0 | 11.0.3   | true",
                ">=9.0.0 <12.0.0 | 12.0.0   | false",
                ">=9.0.0 <12.0.0 | 9.0.0    | true",
                ">=9.0.0 <12.0.0 | 8.9.9    | false",
                ">=9.3.2 <8.1.2  | 9.0.0    | false",
                ">=9.3.2 <8.1.2  | 8.0.0    | false",
                ">31             | 31.0.1   | false",
                ">31             | 32       | true",
                "*               | 1.0.0    | true",
                ">=31,<=32       | 32.0.1.2 | true",
            })
    void testsNextcloudVersionsWithPartialComparison(String spec, String version, boolean expected) {
        assertThat(VersionSpec.parse(spec).test(NextcloudVersion.parse(version)))
                .isEqualTo(expected);
    }

    @Test
    void canIgnoreTheMaximumLikeTheServersListing() {
        VersionSpec s = VersionSpec.parse(">=9 <=11");

        assertThat(s.test(NextcloudVersion.parse("32.0.1"), false)).isTrue();
        assertThat(s.test(NextcloudVersion.parse("32.0.1"), true)).isFalse();
        assertThat(s.test(NextcloudVersion.parse("8.0.0"), false)).isFalse();
    }

    @Test
    void testsPhpVersionsWithDistributionSuffixesAtBothEnds() {
        VersionSpec s = VersionSpec.parse(">=5.4 <=7.0");

        assertThat(s.test("7.0.33")).isTrue();
        assertThat(s.test("7.0.33-0ubuntu0.16.04.16")).isTrue();
        assertThat(s.test("7.1.0")).isFalse();
        assertThat(s.test("5.3.29")).isFalse();
        assertThat(s.test("8.3.0-dev")).isFalse();
        assertThatThrownBy(() -> s.test("php")).isInstanceOf(VersionSpecException.class);
    }

    @Test
    void absentAndStarSpecsAreUnconstrained() {
        assertThat(VersionSpec.parse(null).isUnconstrained()).isTrue();
        assertThat(VersionSpec.parse("  ").isUnconstrained()).isTrue();
        assertThat(VersionSpec.parse("*")).isEqualTo(VersionSpec.any());
        assertThat(VersionSpec.parse(">=9 *").min()).isPresent();
        assertThat(VersionSpec.parse(">=9 <=11")).isEqualTo(VersionSpec.parse(">=9,<=11"));
    }
}
