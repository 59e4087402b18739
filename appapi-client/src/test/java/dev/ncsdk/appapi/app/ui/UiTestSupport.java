package dev.ncsdk.appapi.app.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.appapi.testing.Capture;
import dev.ncsdk.appapi.testing.WireMockSupport;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import java.net.URI;
import java.time.Duration;

/** The ExApp client of the captures (app {@code javastub}, system context) and stubs shared by the UI tests. */
abstract class UiTestSupport extends WireMockSupport {
    static final String SECRET = "DhtW7oWTDy1LI01vAkyfmc2uvNzI7RhTKnbjw82gc90WwE27";
    static final String V1 = "/ocs/v1.php/apps/app_api";

    static NextcloudApp app() {
        return NextcloudApp.builder()
                .baseUri(URI.create(baseUrl()))
                .appId("javastub")
                .appVersion("1.0.0")
                .secret(Secret.of(SECRET))
                .timeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    /** The capabilities the ExApp saw on the recorded Nextcloud 32 (AppAPI 32.0.0), capture 114. */
    static void appApi32() {
        Capture.load("114_exapp_capabilities_appauth_v2_json").serve(wm);
    }

    /** Capabilities reporting another AppAPI version. */
    static void appApi(String version) {
        wm.stubFor(get(urlPathEqualTo("/ocs/v2.php/cloud/capabilities"))
                .withHeader("EX-APP-ID", equalTo("javastub"))
                .willReturn(okJson("{\"ocs\":{\"meta\":{\"status\":\"ok\",\"statuscode\":200,\"message\":\"OK\"},"
                        + "\"data\":{\"version\":{\"major\":32},\"capabilities\":{\"app_api\":{\"version\":\""
                        + version + "\"}}}}}")));
    }

    /** An OCS v1 answer with empty data. */
    static String okEmpty() {
        return "{\"ocs\":{\"meta\":{\"status\":\"ok\",\"statuscode\":100,\"message\":\"OK\"},\"data\":[]}}";
    }

    /** An OCS v1 answer with data. */
    static String ok(String data) {
        return "{\"ocs\":{\"meta\":{\"status\":\"ok\",\"statuscode\":100,\"message\":\"OK\"},\"data\":" + data + "}}";
    }

    /** AppAPI's v1 "not found": HTTP 200 with OCS status 404. */
    static String notFoundV1(String message) {
        return "{\"ocs\":{\"meta\":{\"status\":\"failure\",\"statuscode\":404,\"message\":\"" + message
                + "\"},\"data\":[]}}";
    }
}
