package dev.ncsdk.appapi.app.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.appapi.AppApiVersion;
import dev.ncsdk.appapi.app.NextcloudApp;
import org.junit.jupiter.api.Test;

/**
 * File actions menu. No capture: routes from AppAPI's appinfo/routes.php (OCSUi#registerFileActionMenuV2 POST
 * /api/v2/ui/files-actions-menu; OCSUi#getFileActionMenu and #unregisterFileActionMenu on /api/v1/...), parameters
 * from lib/Controller/OCSUiController.php (name, displayName, actionHandler, icon, mime, permissions, order,
 * defaultAction) and the answer's keys from lib/Db/UI/FilesActionsMenu.php as spec §1.3 lists them.
 */
class FileActionsTest extends UiTestSupport {
    private static final String V2_ROUTE = V1 + "/api/v2/ui/files-actions-menu";
    private static final String ROUTE = V1 + "/api/v1/ui/files-actions-menu";

    @Test
    void registerPostsTheV2BodyWithAppApisNames() {
        appApi32();
        wm.stubFor(post(urlPathEqualTo(V2_ROUTE)).willReturn(okJson(okEmpty())));
        try (NextcloudApp nc = app()) {
            nc.ui()
                    .fileActions()
                    .register(FileAction.builder("to_pdf", "Convert to PDF", "/convert")
                            .mime("text/plain,text/markdown")
                            .permissions(FileAction.READ | FileAction.UPDATE)
                            .order(5)
                            .icon("img/pdf.svg")
                            .build());
        }
        wm.verify(
                1,
                postRequestedFor(urlPathEqualTo(V2_ROUTE))
                        .withRequestBody(equalToJson("{\"name\":\"to_pdf\",\"displayName\":\"Convert to PDF\","
                                + "\"actionHandler\":\"/convert\",\"icon\":\"img/pdf.svg\","
                                + "\"mime\":\"text/plain,text/markdown\",\"permissions\":3,\"order\":5}")));
    }

    @Test
    void theDefaultsAreAppApisAndDefaultActionIsSentOnlyWhenSet() {
        appApi32();
        wm.stubFor(post(urlPathEqualTo(V2_ROUTE)).willReturn(okJson(okEmpty())));
        try (NextcloudApp nc = app()) {
            nc.ui().fileActions().register(FileAction.builder("a", "A", "h").build());
            nc.ui()
                    .fileActions()
                    .register(FileAction.builder("b", "B", "h")
                            .defaultAction(FileAction.DefaultAction.HIDDEN)
                            .build());
        }
        wm.verify(
                1,
                postRequestedFor(urlPathEqualTo(V2_ROUTE))
                        .withRequestBody(equalToJson("{\"name\":\"a\",\"displayName\":\"A\",\"actionHandler\":\"h\","
                                + "\"icon\":\"\",\"mime\":\"file\",\"permissions\":31,\"order\":0}")));
        wm.verify(
                1,
                postRequestedFor(urlPathEqualTo(V2_ROUTE))
                        .withRequestBody(equalToJson("{\"name\":\"b\",\"displayName\":\"B\",\"actionHandler\":\"h\","
                                + "\"icon\":\"\",\"mime\":\"file\",\"permissions\":31,\"order\":0,"
                                + "\"defaultAction\":\"hidden\"}")));
    }

    @Test
    void anAppApiBeforeFileActionsV2IsRefusedBeforeSending() {
        appApi("2.5.0");
        try (NextcloudApp nc = app()) {
            assertThatThrownBy(() -> nc.ui()
                            .fileActions()
                            .register(FileAction.builder("a", "A", "h").build()))
                    .isInstanceOfSatisfying(
                            AppApiVersionTooOldException.class,
                            e -> assertThat(e.required()).isEqualTo(AppApiVersion.of(2, 6, 0)));
        }
        wm.verify(0, postRequestedFor(urlPathEqualTo(V2_ROUTE)));
    }

    @Test
    void getReadsAppApisRecordAndMissingIsEmpty() {
        wm.stubFor(get(urlPathEqualTo(ROUTE))
                .withQueryParam("name", equalTo("to_pdf"))
                .willReturn(okJson(ok("{\"id\":3,\"appid\":\"javastub\",\"name\":\"to_pdf\","
                        + "\"display_name\":\"Convert to PDF\",\"mime\":\"text/plain\",\"permissions\":\"1\","
                        + "\"order\":\"5\",\"icon\":\"img/pdf.svg\",\"action_handler\":\"convert\","
                        + "\"version\":\"2.0\",\"default_action\":null}"))));
        wm.stubFor(get(urlPathEqualTo(ROUTE))
                .withQueryParam("name", equalTo("nope"))
                .willReturn(okJson(notFoundV1("FileActionMenu not found"))));
        try (NextcloudApp nc = app()) {
            assertThat(nc.ui().fileActions().get("to_pdf"))
                    .contains(new FileAction(
                            "to_pdf",
                            "Convert to PDF",
                            "convert",
                            "text/plain",
                            1,
                            5,
                            "img/pdf.svg",
                            FileAction.DefaultAction.NONE,
                            "2.0"));
            assertThat(nc.ui().fileActions().get("nope")).isEmpty();
        }
    }

    @Test
    void unregisterSendsTheName() {
        wm.stubFor(delete(urlPathEqualTo(ROUTE))
                .withQueryParam("name", equalTo("to_pdf"))
                .willReturn(okJson(okEmpty())));
        wm.stubFor(delete(urlPathEqualTo(ROUTE))
                .withQueryParam("name", equalTo("nope"))
                .willReturn(aNotFound()));
        try (NextcloudApp nc = app()) {
            assertThat(nc.ui().fileActions().unregister("to_pdf")).isTrue();
            assertThat(nc.ui().fileActions().unregister("nope")).isFalse();
        }
    }

    /** The v2 form of AppAPI's not-found answer: HTTP 404. */
    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder aNotFound() {
        return com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ocs\":{\"meta\":{\"status\":\"failure\",\"statuscode\":404,"
                        + "\"message\":\"FileActionMenu not found\"},\"data\":[]}}");
    }

    @Test
    void badValuesAreRefusedWhenBuilt() {
        assertThatThrownBy(() -> FileAction.builder("", "A", "h").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FileAction.builder("a", "A", " ").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> FileAction.builder("a", "A", "h").permissions(32).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
