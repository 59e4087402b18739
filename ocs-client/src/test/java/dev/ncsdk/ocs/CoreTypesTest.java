package dev.ncsdk.ocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The small value types every client shares: versions, secrets, credentials, retry policies. */
class CoreTypesTest {
    @ParameterizedTest
    @CsvSource({"32.0.1, 32.0.1.0, 0", "31.0.5.1, 31.0.5, 1", "9.0.0, 10, -1", "32, 32.0, 0", "32.0.10, 32.0.9, 1"})
    void versionsCompareByParts(String a, String b, int sign) {
        assertThat(Integer.signum(NextcloudVersion.parse(a).compareTo(NextcloudVersion.parse(b))))
                .isEqualTo(sign);
        if (sign == 0) {
            assertThat(NextcloudVersion.parse(a)).isEqualTo(NextcloudVersion.parse(b));
            assertThat(NextcloudVersion.parse(a).hashCode())
                    .isEqualTo(NextcloudVersion.parse(b).hashCode());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3.4.5", "32.a", "32..1", "-1", "1234567890", " . "})
    void badVersionsAreRefused(String text) {
        assertThatThrownBy(() -> NextcloudVersion.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versionParts() {
        NextcloudVersion v = NextcloudVersion.parse("32.0.1.2");
        assertThat(v.major()).isEqualTo(32);
        assertThat(v.minor()).isZero();
        assertThat(v.micro()).isEqualTo(1);
        assertThat(v.patch()).isEqualTo(2);
        assertThat(v.size()).isEqualTo(4);
        assertThat(v.truncate(3).toString()).isEqualTo("32.0.1");
        assertThat(NextcloudVersion.of(32).truncate(3).toString()).isEqualTo("32.0.0");
        assertThatThrownBy(() -> NextcloudVersion.of()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NextcloudVersion.of(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> v.truncate(5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secretsNeverShowAndCompareByValue() {
        Secret s = Secret.of("hunter2");
        assertThat(s.toString()).doesNotContain("hunter2");
        assertThat(s.matches("hunter2")).isTrue();
        assertThat(s.matches("hunter3")).isFalse();
        assertThat(s.matches(null)).isFalse();
        assertThat(s).isEqualTo(Secret.of("hunter2")).isNotEqualTo(Secret.of("x"));
        assertThat(s.hashCode()).isEqualTo(Secret.of("other").hashCode());
        assertThat(Secret.of("").isEmpty()).isTrue();
        assertThatThrownBy(() -> Secret.fromEnv("NCSDK_SURELY_UNSET_VARIABLE_42"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NCSDK_SURELY_UNSET_VARIABLE_42");
    }

    @Test
    void credentialHeaders() {
        assertThat(Credentials.none().headers()).isEmpty();
        assertThat(Credentials.none().login()).isEmpty();
        assertThat(Credentials.basic("a", Secret.of("b")).headers().get("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("a:b".getBytes()));
        assertThat(Credentials.token(Secret.of("t")).headers()).containsEntry("Authorization", "Token t");
        assertThat(Credentials.bearer(Secret.of("t")).headers()).containsEntry("Authorization", "Bearer t");
        AtomicInteger n = new AtomicInteger();
        Credentials rotating = Credentials.header("X-Key", () -> "k" + n.incrementAndGet());
        assertThat(rotating.headers()).containsEntry("X-Key", "k1");
        assertThat(rotating.headers()).containsEntry("X-Key", "k2");
        assertThat(rotating.toString()).doesNotContain("k3");
        assertThat(((Credentials.HeaderCredentials) rotating).headerName()).isEqualTo("X-Key");
        assertThat(Credentials.header("X", () -> null).headers()).isEmpty();
        assertThatThrownBy(() -> Credentials.basic("a:b", Secret.of("c"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retryPolicyDelays() {
        RetryPolicy p = RetryPolicy.builder()
                .initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofMillis(300))
                .maxRetryAfter(Duration.ofSeconds(5))
                .build();
        for (int retry = 1; retry <= 5; retry++) {
            Duration d = p.delayBefore(retry, null);
            long cap = Math.min(100L << (retry - 1), 300);
            assertThat(d.toMillis()).isBetween(cap / 2, cap);
        }
        assertThat(p.delayBefore(1, Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.delayBefore(1, Duration.ofSeconds(6))).isNull();
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
        assertThat(RetryPolicy.defaults().maxAttempts()).isEqualTo(3);
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.builder().maxBackoff(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
