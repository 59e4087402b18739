package dev.ncsdk.appapi.exapp;

import dev.ncsdk.appapi.manifest.AccessLevel;
import dev.ncsdk.ocs.Secret;
import java.time.Duration;
import java.util.Map;

/**
 * A small ExApp for the stop test, run in a child JVM: prints {@code PORT <n>} once listening and
 * {@code SLOW STARTED} when the slow route begins, then runs until SIGTERM.
 */
public final class SlowExAppMain {
    private SlowExAppMain() {}

    /**
     * Runs the ExApp.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        ExApp app = ExApp.builder()
                .environment(Map.of())
                .appId(ExAppTesting.APP_ID)
                .appVersion("1.0.0")
                .secret(Secret.of(ExAppTesting.SECRET))
                .port(0)
                .nextcloudUrl("http://127.0.0.1:9")
                .stopGrace(Duration.ofSeconds(20))
                .route(HttpMethod.GET, "/slow", AccessLevel.USER, req -> {
                    System.out.println("SLOW STARTED");
                    System.out.flush();
                    Thread.sleep(1500);
                    return Response.text("finished");
                })
                .build()
                .start();
        System.out.println("PORT " + app.port());
        System.out.flush();
        app.runUntilStopped();
    }
}
