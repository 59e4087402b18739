package dev.ncsdk.appapi.app.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.appapi.AppApiVersion;
import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.appapi.testing.Capture;
import org.junit.jupiter.api.Test;

/** Top-menu entries against the recorded exchanges 105-108 of a real Nextcloud 32 with AppAPI 32. */
class TopMenuTest extends UiTestSupport {
    @Test
    void capture105RegistersWithTheExactBodyAppApiGot() {
        Capture c = Capture.load("105_exapp_topmenu_register_v1_json");
        c.serve(wm);
        appApi32();
        try (NextcloudApp nc = app()) {
            nc.ui().topMenu().register("main", "Java Stub", "", false);
        }
        wm.verify(
                1,
                postRequestedFor(urlPathEqualTo(V1 + "/api/v1/ui/top-menu"))
                        .withRequestBody(equalToJson(c.requestBody)));
    }

    @Test
    void capture106ReadsTheEntry() {
        Capture.load("106_exapp_topmenu_get_v1_json").serve(wm);
        try (NextcloudApp nc = app()) {
            assertThat(nc.ui().topMenu().get("main"))
                    .contains(new TopMenuEntry(1, "javastub", "main", "Java Stub", "", false));
        }
    }

    @Test
    void captures107And108TheMissingEntryIsEmptyInV1AndV2() {
        Capture.load("107_exapp_topmenu_get_missing_v1_json").serve(wm);
        try (NextcloudApp nc = app()) {
            assertThat(nc.ui().topMenu().get("nope")).isEmpty();
        }
        wm.resetAll();
        // the v2 answer is HTTP 404: served where the client asks (v1) to show both mean "missing"
        Capture.load("108_exapp_topmenu_get_missing_v2_json").serveAt(wm, V1 + "/api/v1/ui/top-menu?name=nope");
        try (NextcloudApp nc = app()) {
            assertThat(nc.ui().topMenu().get("nope")).isEmpty();
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo(V1 + "/api/v1/ui/top-menu")));
    }

    @Test
    void unregisterSendsTheNameAndAMissingEntryIsFalse() {
        // no capture: DELETE /api/v1/ui/top-menu?name= from AppAPI's appinfo/routes.php
        // (OCSUi#unregisterExAppMenuEntry)
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathEqualTo(V1 + "/api/v1/ui/top-menu"))
                .withQueryParam("name", com.github.tomakehurst.wiremock.client.WireMock.equalTo("main"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(okEmpty())));
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathEqualTo(V1 + "/api/v1/ui/top-menu"))
                .withQueryParam("name", com.github.tomakehurst.wiremock.client.WireMock.equalTo("nope"))
                .willReturn(
                        com.github.tomakehurst.wiremock.client.WireMock.okJson(notFoundV1("No such Top Menu entry"))));
        try (NextcloudApp nc = app()) {
            assertThat(nc.ui().topMenu().unregister("main")).isTrue();
            assertThat(nc.ui().topMenu().unregister("nope")).isFalse();
        }
    }

    @Test
    void anAppApiBeforeTopMenusIsRefusedBeforeSending() {
        appApi("1.3.0");
        try (NextcloudApp nc = app()) {
            assertThatThrownBy(() -> nc.ui().topMenu().register("main", "Java Stub", "", false))
                    .isInstanceOfSatisfying(AppApiVersionTooOldException.class, e -> {
                        assertThat(e.required()).isEqualTo(AppApiVersion.of(1, 4, 0));
                        assertThat(e.actual()).isEqualTo(AppApiVersion.of(1, 3, 0));
                        assertThat(e).hasMessageContaining("needs AppAPI 1.4.0");
                    });
        }
        wm.verify(0, postRequestedFor(urlPathEqualTo(V1 + "/api/v1/ui/top-menu")));
    }

    @Test
    void theVersionIsReadOnceAndSharedByViews() {
        appApi32();
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(V1 + "/api/v1/ui/top-menu"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(okEmpty())));
        try (NextcloudApp nc = app()) {
            nc.ui().topMenu().register("a", "A", "", false);
            nc.ui().topMenu().register("b", "B", "", true);
            nc.asUser("admin").ui().topMenu().register("c", "C", "", false);
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo("/ocs/v2.php/cloud/capabilities")));
        wm.verify(3, postRequestedFor(urlPathEqualTo(V1 + "/api/v1/ui/top-menu")));
        wm.verify(
                1,
                postRequestedFor(urlPathEqualTo(V1 + "/api/v1/ui/top-menu"))
                        .withRequestBody(equalToJson(
                                "{\"name\":\"b\",\"displayName\":\"B\",\"icon\":\"\",\"adminRequired\":1}")));
    }

    @Test
    void emptyNamesAreRefusedBeforeSending() {
        try (NextcloudApp nc = app()) {
            assertThatThrownBy(() -> nc.ui().topMenu().register("", "X", "", false))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> nc.ui().topMenu().get(" ")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void withoutAReadableVersionTheCallGoesAheadAndTheServerDecides() {
        appApi("not-a-version");
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(V1 + "/api/v1/ui/top-menu"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(okEmpty())));
        try (NextcloudApp nc = app()) {
            ServerFeatures features = ServerFeatures.of(nc);
            assertThat(features.toString()).contains("not read yet");
            assertThat(features.appApiVersion()).isEmpty();
            assertThat(features.toString()).contains("unknown");
            nc.ui().topMenu().register("main", "Java Stub", "", false);
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo(V1 + "/api/v1/ui/top-menu")));
    }

    @Test
    void theAsyncTwinsAnswerAndFailTheSame() {
        Capture.load("106_exapp_topmenu_get_v1_json").serve(wm);
        Capture.load("107_exapp_topmenu_get_missing_v1_json").serve(wm);
        appApi("1.3.0");
        try (NextcloudApp nc = app()) {
            assertThat(nc.ui().topMenu().getAsync("main").join())
                    .map(TopMenuEntry::displayName)
                    .hasValue("Java Stub");
            assertThat(nc.ui().topMenu().getAsync("nope").join()).isEmpty();
            assertThat(nc.ui().topMenu().registerAsync("main", "Java Stub", "", false))
                    .failsWithin(java.time.Duration.ofSeconds(10))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withCauseInstanceOf(AppApiVersionTooOldException.class);
        }
        wm.verify(0, postRequestedFor(urlPathEqualTo(V1 + "/api/v1/ui/top-menu")));
    }
}
