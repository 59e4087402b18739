package dev.ncsdk.appapi.exapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ncsdk.appapi.manifest.AccessLevel;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A bounded load on loopback: 16 concurrent keep-alive clients send a fixed number of authenticated requests;
 * every answer is right. Correctness only; speed is measured elsewhere.
 */
class ExAppLoadTest {
    static final int CLIENTS = 16;
    static final int REQUESTS_EACH = 50;

    @Test
    void sixteenKeepAliveClientsGetOnlyCorrectAnswers() throws Exception {
        AtomicInteger served = new AtomicInteger();
        try (ExApp app = ExApp.builder()
                .environment(ExAppTesting.env("http://127.0.0.1:9"))
                .route(HttpMethod.POST, "/echo/{n}", AccessLevel.USER, req -> {
                    served.incrementAndGet();
                    return Response.json(
                            Map.of("n", req.pathParam("n"), "user", req.user(), "body", req.bodyAsString()));
                })
                .build()
                .start()) {
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    results.add(pool.submit(() -> {
                        HttpClient http = HttpClient.newBuilder()
                                .version(HttpClient.Version.HTTP_1_1)
                                .connectTimeout(Duration.ofSeconds(5))
                                .build();
                        int ok = 0;
                        for (int i = 0; i < REQUESTS_EACH; i++) {
                            String user = "user" + client;
                            String body = "payload-" + client + "-" + i;
                            HttpRequest r = ExAppTesting.appApi(app, "/echo/" + i, user)
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build();
                            HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
                            assertThat(resp.statusCode()).isEqualTo(200);
                            assertThat(resp.body())
                                    .contains("\"n\":\"" + i + "\"")
                                    .contains("\"user\":\"" + user + "\"")
                                    .contains("\"body\":\"" + body + "\"");
                            ok++;
                        }
                        return ok;
                    }));
                }
                int total = 0;
                for (Future<Integer> f : results) {
                    total += f.get();
                }
                assertThat(total).isEqualTo(CLIENTS * REQUESTS_EACH);
                assertThat(served).hasValue(CLIENTS * REQUESTS_EACH);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
