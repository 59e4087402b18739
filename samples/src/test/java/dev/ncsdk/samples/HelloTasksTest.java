package dev.ncsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ncsdk.appapi.exapp.ExApp;
import dev.ncsdk.appapi.testkit.AppApiSimulator;
import dev.ncsdk.appapi.testkit.SimulatedTask;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code hello-exapp} sample's "reverse" task provider, against the simulator's task queue. */
class HelloTasksTest {
    @Test
    void registersTheReverseProviderAndAnswersTasksWhenTriggered() {
        try (AppApiSimulator nc = AppApiSimulator.builder()
                .appId("hello_exapp")
                .nextcloudVersion("33.0.0")
                .aaVersion("33.0.0")
                .start()) {
            ExApp app =
                    HelloExAppCommand.app(nc.environment(0), 1, Duration.ZERO).start();
            try {
                nc.exAppPort(app.port());
                nc.enable();
                assertThat(nc.calls("POST", "/apps/app_api/api/v1/ai_provider/task_processing"))
                        .singleElement()
                        .satisfies(c -> assertThat(
                                        c.json().at("/customTaskType/id").asText())
                                .isEqualTo("hello_exapp:reverse"));

                long id = nc.tasks().enqueue(HelloTasks.taskType("hello_exapp"), Map.of("input", "Hello, world!"));
                SimulatedTask done = nc.tasks().awaitFinished(id, Duration.ofSeconds(10));

                assertThat(nc.tasks().triggersSent()).isEqualTo(1);
                assertThat(done.status()).isEqualTo("STATUS_SUCCESSFUL");
                assertThat(done.providerId()).isEqualTo("hello_exapp-reverse");
                assertThat(done.output().path("output").asText()).isEqualTo("!dlrow ,olleH");
            } finally {
                app.stop(Duration.ofSeconds(2));
            }
        }
    }

    @Test
    void disablingStopsTheWorkerAndEnablingAgainTakesTasksAgain() {
        try (AppApiSimulator nc = AppApiSimulator.builder()
                .appId("hello_exapp")
                .nextcloudVersion("33.0.0")
                .aaVersion("33.0.0")
                .start()) {
            ExApp app =
                    HelloExAppCommand.app(nc.environment(0), 1, Duration.ZERO).start();
            try {
                nc.exAppPort(app.port());
                nc.enable();
                nc.disable(); // stops the worker inside the call

                long id = nc.tasks().enqueue(HelloTasks.taskType("hello_exapp"), Map.of("input", "abc"));
                nc.enable();
                SimulatedTask done = nc.tasks().awaitFinished(id, Duration.ofSeconds(10));

                assertThat(done.status()).isEqualTo("STATUS_SUCCESSFUL");
                assertThat(done.output().path("output").asText()).isEqualTo("cba");
            } finally {
                app.stop(Duration.ofSeconds(2));
            }
        }
    }
}
