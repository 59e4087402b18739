package dev.ncsdk.appapi.testkit;

import java.util.List;
import java.util.Objects;

/**
 * How an ExApp's initialisation went: the progress values it reported, its answer to {@code POST /init}, and the
 * answers to the heartbeat and {@code PUT /enabled?enabled=1} the simulator sent inside the progress-100 report.
 *
 * <pre>{@code
 * InitOutcome init = nc.init(Duration.ofSeconds(10));
 * assertEquals(List.of(0, 50, 100), init.progress());
 * assertEquals("", init.enabled().json().get("error").asText());
 * }</pre>
 *
 * @param progress the progress values reported, in order (the 100 the simulator assumes after a 404/501 to
 *     {@code /init} included)
 * @param initResponse the ExApp's answer to {@code POST /init}
 * @param heartbeat the answer to the heartbeat sent when progress reached 100
 * @param enabled the answer to {@code PUT /enabled?enabled=1} sent when progress reached 100
 * @since 0.1.0
 */
public record InitOutcome(
        List<Integer> progress, ExAppResponse initResponse, ExAppResponse heartbeat, ExAppResponse enabled) {
    /**
     * Copies the list.
     *
     * @param progress progress values
     * @param initResponse answer to init
     * @param heartbeat answer to the heartbeat
     * @param enabled answer to enabled
     */
    public InitOutcome {
        progress = List.copyOf(progress);
        Objects.requireNonNull(initResponse, "initResponse");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(enabled, "enabled");
    }
}
