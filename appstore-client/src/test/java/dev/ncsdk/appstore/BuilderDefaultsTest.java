package dev.ncsdk.appstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import dev.ncsdk.ocs.internal.SdkAccess;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The store's builders share the common settings but keep their own defaults. */
class BuilderDefaultsTest {

    @Test
    void theStoreClientKeepsItsOwnDefaultsUntilTheyAreSet() {
        SdkAccess.Hooks sdk = SdkAccess.hooks();
        AppStoreClient.Builder b = AppStoreClient.builder();
        assertThat(sdk.baseUri(b)).hasToString(AppStoreClient.DEFAULT_BASE_URI);
        assertThat(sdk.maxResponseBytes(b)).isEqualTo(AppStoreClient.DEFAULT_MAX_RESPONSE_BYTES);
        HttpTransport t = sdk.transport(b).build();
        assertThat(t.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(t.maxResponseBytes()).isEqualTo(64L * 1024 * 1024);

        try (AppStoreClient store = AppStoreClient.builder()
                .baseUri(URI.create("https://mirror.example/api/v1/"))
                .requestTimeout(Duration.ofSeconds(5))
                .maxResponseBytes(1_000)
                .retryPolicy(RetryPolicy.none())
                .userAgent("mirror-sync/1")
                .build()) {
            assertThat(store.baseUri()).hasToString("https://mirror.example/api/v1");
            assertThat(store.transport().requestTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(store.transport().maxResponseBytes()).isEqualTo(1_000);
            assertThat(store.transport().retryPolicy()).isSameAs(RetryPolicy.none());
            assertThat(store.transport().userAgent()).isEqualTo("mirror-sync/1");
        }
    }

    @Test
    void thePublisherHasTheCommonDefaultsAndTheStoresBaseUrl() {
        SdkAccess.Hooks sdk = SdkAccess.hooks();
        AppStorePublisher.Builder b = AppStorePublisher.builder().credentials(Credentials.token(Secret.of("tok-1")));
        assertThat(sdk.baseUri(b)).hasToString(AppStorePublisher.DEFAULT_BASE_URI);
        HttpTransport t = sdk.transport(b).build();
        assertThat(t.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(t.maxResponseBytes()).isEqualTo(32L * 1024 * 1024);
        assertThat(t.credentials().headers()).containsEntry("Authorization", "Token tok-1");
        try (AppStorePublisher p =
                b.baseUri(URI.create("http://localhost:1/api/v1")).build()) {
            assertThat(p.baseUri()).hasToString("http://localhost:1/api/v1");
        }
    }

    @Test
    void theStoreBuildersValidateLikeEveryOther() {
        assertThatThrownBy(() -> AppStoreClient.builder().requestTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AppStoreClient.builder().userAgent("a\nb"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AppStorePublisher.builder().maxResponseBytes(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AppStorePublisher.builder().connectTimeout(Duration.ofMillis(-5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
