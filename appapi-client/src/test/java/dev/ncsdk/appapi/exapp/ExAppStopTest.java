package dev.ncsdk.appapi.exapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A graceful stop: SIGTERM while a request runs lets it finish, then the process exits. */
class ExAppStopTest {
    @Test
    void sigtermDuringARequestLetsItFinishThenTheProcessExits() throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(
                        javaBin.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Xmx128m",
                        "-XX:TieredStopAtLevel=1",
                        SlowExAppMain.class.getName())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            int port = -1;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("PORT ")) {
                    port = Integer.parseInt(line.substring(5).trim());
                    break;
                }
            }
            assertThat(port).isPositive();
            int bound = port;
            CompletableFuture<HttpResponse<String>> answer = ExAppTesting.HTTP.sendAsync(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + bound + "/slow"))
                            .timeout(Duration.ofSeconds(30))
                            .header("EX-APP-ID", ExAppTesting.APP_ID)
                            .header("EX-APP-VERSION", "1.0.0")
                            .header("AUTHORIZATION-APP-API", ExAppTesting.auth("alice", ExAppTesting.SECRET))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.contains("SLOW STARTED")) {
                    break;
                }
            }
            p.destroy(); // SIGTERM on Linux
            HttpResponse<String> r = answer.get(30, TimeUnit.SECONDS);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("finished");
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the process exits").isTrue();
            assertThat(p.exitValue()).isEqualTo(143); // 128 + SIGTERM: shutdown hooks ran, no forced kill
        } finally {
            p.destroyForcibly();
        }
    }
}
