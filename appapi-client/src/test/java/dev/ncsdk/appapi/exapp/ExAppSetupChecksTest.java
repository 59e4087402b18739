package dev.ncsdk.appapi.exapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.testkit.AppApiSimulator;
import dev.ncsdk.appapi.testkit.RecordedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Setup checks (AppAPI 35): the ExApp opts in with {@code POST /ocs/v1.php/apps/app_api/api/v1/setup_check} (AppAPI
 * appinfo/routes.php, lib/Controller/SetupCheckController.php), then AppAPI's background job
 * (lib/Service/ExAppSetupCheckRefreshService.php) reads {@code GET /setup_checks} as
 * {@code {id: {status, text, link_url?, link_label?}}}.
 */
class ExAppSetupChecksTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String OPT_IN = "/ocs/v1.php/apps/app_api/api/v1/setup_check";

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private AppApiSimulator run(String aaVersion, ExApp.Builder builder) {
        AppApiSimulator nc =
                AppApiSimulator.builder().appId("hello").aaVersion(aaVersion).start();
        open.add(nc);
        ExApp app = builder.environment(nc.environment(0)).build().start();
        open.add(app::close);
        nc.exAppPort(app.port());
        nc.init(WAIT); // AppAPI enables the app inside its "progress 100" report
        return nc;
    }

    private static ExApp.Builder withChecks() {
        return ExApp.builder()
                .onSetupChecks(n -> Map.of(
                        "model", SetupCheck.warning("The model is still downloading"),
                        "disk", SetupCheck.success("Enough space")));
    }

    @Test
    void onAppApi35EnablingOptsInAndTheChecksAreServedInAppApisShape() {
        AppApiSimulator nc = run("35.0.0", withChecks());

        List<RecordedCall> optIns = nc.calls("POST", OPT_IN);
        assertThat(optIns).hasSize(1);
        assertThat(optIns.get(0).headers().get("authorization-app-api")).isNotEmpty();

        JsonNode checks = nc.setupChecks().json();
        assertThat(checks.path("model").path("status").asText()).isEqualTo("warning");
        assertThat(checks.path("model").path("text").asText()).isEqualTo("The model is still downloading");
        assertThat(checks.path("disk").path("status").asText()).isEqualTo("success");
    }

    @Test
    void anOlderAppApiIsNotAskedAndTheAppStillEnables() {
        AppApiSimulator nc = run("32.0.0", withChecks());

        assertThat(nc.calls("POST", OPT_IN)).isEmpty();
        assertThat(nc.isEnabled()).isTrue();
    }

    @Test
    void withoutSetupChecksNothingIsRegistered() {
        AppApiSimulator nc = run("35.0.0", ExApp.builder());

        assertThat(nc.calls("POST", OPT_IN)).isEmpty();
        assertThat(nc.isEnabled()).isTrue();
    }
}
