package dev.ncsdk.appapi.app.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.appapi.app.NextcloudApp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Initial state, scripts and styles, and the proxy paths. No capture: routes from AppAPI's appinfo/routes.php
 * (OCSUi#setExAppInitialState / #getExAppInitialState / #deleteExAppInitialState on /api/v1/ui/initial-state, the
 * same for /api/v1/ui/script and /api/v1/ui/style), parameters from lib/Controller/OCSUiController.php (type, name,
 * key, value; type, name, path, afterAppId; type, name, path).
 */
class UiResourcesTest extends UiTestSupport {
    @Test
    void initialStateIsSetReadAndDeleted() {
        String route = V1 + "/api/v1/ui/initial-state";
        wm.stubFor(post(urlPathEqualTo(route)).willReturn(okJson(okEmpty())));
        wm.stubFor(get(urlPathEqualTo(route))
                .withQueryParam("type", equalTo("top_menu"))
                .withQueryParam("name", equalTo("main"))
                .withQueryParam("key", equalTo("config"))
                .willReturn(okJson(ok("{\"id\":1,\"appid\":\"javastub\",\"type\":\"top_menu\",\"name\":\"main\","
                        + "\"key\":\"config\",\"value\":{\"theme\":\"dark\"}}"))));
        wm.stubFor(delete(urlPathEqualTo(route)).willReturn(okJson(notFoundV1("No initial state found"))));
        try (NextcloudApp nc = app()) {
            nc.ui().initialState().set(ExAppUi.TOP_MENU, "main", "config", Map.of("theme", "dark"));
            assertThat(nc.ui()
                            .initialState()
                            .get(ExAppUi.TOP_MENU, "main", "config")
                            .orElseThrow()
                            .at("/value/theme")
                            .asText())
                    .isEqualTo("dark");
            assertThat(nc.ui().initialState().delete(ExAppUi.TOP_MENU, "main", "other"))
                    .isFalse();
        }
        wm.verify(
                1,
                postRequestedFor(urlPathEqualTo(route))
                        .withRequestBody(equalToJson("{\"type\":\"top_menu\",\"name\":\"main\",\"key\":\"config\","
                                + "\"value\":{\"theme\":\"dark\"}}")));
        wm.verify(1, deleteRequestedFor(urlPathEqualTo(route)).withQueryParam("key", equalTo("other")));
    }

    @Test
    void scriptsSendAfterAppIdAndStylesDoNot() {
        String scripts = V1 + "/api/v1/ui/script";
        String styles = V1 + "/api/v1/ui/style";
        wm.stubFor(post(urlPathEqualTo(scripts)).willReturn(okJson(okEmpty())));
        wm.stubFor(post(urlPathEqualTo(styles)).willReturn(okJson(okEmpty())));
        wm.stubFor(delete(urlPathEqualTo(styles))
                .withQueryParam("path", equalTo("css/main"))
                .willReturn(okJson(okEmpty())));
        wm.stubFor(get(urlPathEqualTo(scripts)).willReturn(okJson(notFoundV1("No script found"))));
        try (NextcloudApp nc = app()) {
            nc.ui().scripts().set(ExAppUi.TOP_MENU, "main", "js/main", "viewer");
            nc.ui().styles().set(ExAppUi.TOP_MENU, "main", "css/main", "ignored");
            assertThat(nc.ui().styles().delete(ExAppUi.TOP_MENU, "main", "css/main"))
                    .isTrue();
            assertThat(nc.ui().scripts().get(ExAppUi.TOP_MENU, "main", "js/other"))
                    .isEmpty();
        }
        wm.verify(
                1,
                postRequestedFor(urlPathEqualTo(scripts))
                        .withRequestBody(
                                equalToJson(
                                        "{\"type\":\"top_menu\",\"name\":\"main\",\"path\":\"js/main\",\"afterAppId\":\"viewer\"}")));
        wm.verify(
                1,
                postRequestedFor(urlPathEqualTo(styles))
                        .withRequestBody(
                                equalToJson("{\"type\":\"top_menu\",\"name\":\"main\",\"path\":\"css/main\"}")));
    }

    @Test
    void proxyPathsForBothProxies() {
        assertThat(ProxyUrls.appApiProxy("hello", "/img/icon.svg"))
                .isEqualTo("/index.php/apps/app_api/proxy/hello/img/icon.svg");
        assertThat(ProxyUrls.harp("hello", "api/items?page=2")).isEqualTo("/exapps/hello/api/items?page=2");
        assertThat(ProxyUrls.basePath("hello", true)).isEqualTo("/exapps/hello/");
        assertThat(ProxyUrls.basePath("hello", false)).isEqualTo("/index.php/apps/app_api/proxy/hello/");
        assertThat(ProxyUrls.relativeTo("/exapps/hello/page", "hello", "api")).isEqualTo("/exapps/hello/api");
        assertThat(ProxyUrls.relativeTo("/index.php/apps/app_api/proxy/hello/page", "hello", "api"))
                .isEqualTo("/index.php/apps/app_api/proxy/hello/api");
        assertThat(ProxyUrls.relativeTo("/exapps/hello2/page", "hello", "api"))
                .isEqualTo("/index.php/apps/app_api/proxy/hello/api");
        assertThatThrownBy(() -> ProxyUrls.harp("a/b", "x")).isInstanceOf(IllegalArgumentException.class);
        try (NextcloudApp nc = app()) {
            assertThat(nc.ui().proxyPath("img/a.svg")).isEqualTo("/index.php/apps/app_api/proxy/javastub/img/a.svg");
            assertThat(nc.ui().harpPath("/api")).isEqualTo("/exapps/javastub/api");
        }
    }
}
