package dev.ncsdk.ocs.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An application that blocks every worker of the common {@code ForkJoinPool} must not stall the SDK's calls.
 *
 * <p>Regression: {@code HttpClient.sendAsync} completes its future through {@code CompletableFuture}'s default
 * executor, the common pool (on Java 25 even with a single worker, as on a 2-CPU machine; on Java 17 from two
 * workers on). An ExApp started with {@code CompletableFuture.supplyAsync(app::runUntilStopped)} blocked that worker,
 * and its init task then waited for its second "progress" call until the call's timeout, although the server had
 * answered at once.
 */
class CommonPoolIndependenceTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @Test
    void callsCompleteWhileTheApplicationBlocksEveryCommonPoolWorker() throws Exception {
        wm.stubFor(get("/r").willReturn(aResponse().withStatus(200).withBody("ok")));
        int workers = ForkJoinPool.getCommonPoolParallelism();
        CountDownLatch running = new CountDownLatch(workers);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<?>> blockers = new ArrayList<>();
        URI uri = URI.create(wm.baseUrl() + "/r");
        try (HttpTransport t =
                HttpTransport.builder().requestTimeout(Duration.ofSeconds(60)).build()) {
            for (int i = 0; i < workers; i++) {
                blockers.add(ForkJoinPool.commonPool().submit(() -> {
                    running.countDown();
                    release.await(); // an application's blocking work, not a managed block
                    return null;
                }));
            }
            assertThat(running.await(10, TimeUnit.SECONDS))
                    .as("every common-pool worker is busy")
                    .isTrue();
            List<CompletableFuture<HttpResult>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(t.sendAsync(HttpCall.builder("GET", uri).build()));
            }
            for (CompletableFuture<HttpResult> call : calls) {
                // far below the call's own 60 s timeout: the answer is there at once
                HttpResult r = call.get(20, TimeUnit.SECONDS);
                assertThat(r.status()).isEqualTo(200);
                assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
            }
            assertThat(t.send(HttpCall.builder("GET", uri).build()).status()).isEqualTo(200);
        } finally {
            release.countDown();
            for (Future<?> b : blockers) {
                b.get(10, TimeUnit.SECONDS);
            }
        }
    }
}
