package dev.ncsdk.appstore.update;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ncsdk.appstore.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Nextcloud server played by WireMock under a path prefix, answering what {@link ServerReader} asks, in the shapes
 * the server sends:
 *
 * <ul>
 *   <li>{@code status.php}: the recorded answer of Nextcloud 32.0.1 (testdata/nextcloud-32/07_status_php);
 *   <li>{@code cloud/apps?filter=enabled|disabled} → {@code {"apps": [ids]}} and {@code cloud/apps/{id}} → the
 *       app's parsed info.xml (nextcloud/server apps/provisioning_api/lib/Controller/AppsController.php,
 *       {@code getApps} and {@code getAppInfo}); older servers send the disabled list as an object with numeric keys
 *       (PHP's {@code array_diff} without {@code array_values});
 *   <li>{@code apps/serverinfo/api/v1/info} → {@code {"nextcloud": {...}, "server": {"php": {"version": "8.2.36"}}}}
 *       (nextcloud/serverinfo lib/Controller/ApiController.php {@code info()}, lib/PhpStatistics.php);
 *   <li>failures as the server sends them: 401 with OCS 997 (recorded, 14_err_401_wrong_password_v2_json), the
 *       maintenance page (lib/base.php {@code checkMaintenanceMode}: 503, {@code Retry-After: 120}, HTML).
 * </ul>
 */
final class FakeNextcloud {
    static final ObjectMapper JSON = new ObjectMapper();

    /** The recorded status.php body of the Nextcloud 32.0.1.2 test server. */
    static String recordedStatus() {
        return new String(Fixtures.bytes("nextcloud-32/07_status_php.body.json"), StandardCharsets.UTF_8).trim();
    }

    /** The recorded 401 body (wrong password, OCS v2). */
    static String recorded401() {
        return new String(
                        Fixtures.bytes("nextcloud-32/14_err_401_wrong_password_v2_json.body.json"),
                        StandardCharsets.UTF_8)
                .trim();
    }

    /** Nextcloud's maintenance page, cut down (the guest template "update.user"). */
    static final String MAINTENANCE_HTML = "<!DOCTYPE html>\n<html class=\"ng-csp\" data-placeholder-focus=\"false\""
            + " lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Nextcloud</title>\n</head>\n<body id=\"body-login\">"
            + "\n<div class=\"guest-box\"><h2>Maintenance mode</h2><p>This Nextcloud instance is currently in"
            + " maintenance mode, which may take a while.</p><p>This page will refresh itself when the instance is"
            + " available again.</p></div>\n</body>\n</html>\n";

    final WireMockServer wm;
    final String prefix;
    final Map<String, String> enabled = new TreeMap<>();
    final Map<String, String> disabled = new TreeMap<>();
    String status = recordedStatus();
    String php = "8.2.36";
    boolean disabledAsObject;

    FakeNextcloud(WireMockServer wm, String prefix) {
        this.wm = wm;
        this.prefix = prefix;
    }

    String baseUrl() {
        return wm.baseUrl() + prefix;
    }

    FakeNextcloud enabled(String id, String version) {
        enabled.put(id, version);
        return this;
    }

    FakeNextcloud disabled(String id, String version) {
        disabled.put(id, version);
        return this;
    }

    static String ocs(Object data) {
        try {
            return "{\"ocs\":{\"meta\":{\"status\":\"ok\",\"statuscode\":200,\"message\":\"OK\"},\"data\":"
                    + JSON.writeValueAsString(data) + "}}";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same server as {@code occ app:list --output=json} prints it. */
    String occAppList() {
        try {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("enabled", enabled);
            doc.put("disabled", disabled);
            return JSON.writeValueAsString(doc);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers the healthy server's answers. */
    FakeNextcloud stub() {
        wm.stubFor(get(urlPathEqualTo(prefix + "/status.php"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(status)));
        wm.stubFor(get(urlPathEqualTo(prefix + "/ocs/v2.php/cloud/apps"))
                .withQueryParam("filter", com.github.tomakehurst.wiremock.client.WireMock.equalTo("enabled"))
                .willReturn(okJson(ocs(Map.of("apps", enabled.keySet())))));
        Object dis;
        if (disabledAsObject) {
            Map<String, String> numbered = new LinkedHashMap<>();
            int k = 40;
            for (String id : disabled.keySet()) {
                numbered.put(String.valueOf(k++), id);
            }
            dis = numbered;
        } else {
            dis = disabled.keySet();
        }
        wm.stubFor(get(urlPathEqualTo(prefix + "/ocs/v2.php/cloud/apps"))
                .withQueryParam("filter", com.github.tomakehurst.wiremock.client.WireMock.equalTo("disabled"))
                .willReturn(okJson(ocs(Map.of("apps", dis)))));
        Map<String, String> all = new TreeMap<>(disabled);
        all.putAll(enabled);
        for (Map.Entry<String, String> e : all.entrySet()) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("id", e.getKey());
            info.put("name", e.getKey());
            info.put("summary", "an app");
            info.put("version", e.getValue());
            info.put("licence", "agpl");
            info.put("dependencies", Map.of("nextcloud", Map.of("@attributes", Map.of("min-version", "30"))));
            wm.stubFor(get(urlPathEqualTo(prefix + "/ocs/v2.php/cloud/apps/" + e.getKey()))
                    .willReturn(okJson(ocs(info))));
        }
        if (php != null) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("nextcloud", Map.of("system", Map.of("version", "32.0.1.2")));
            info.put("server", Map.of("webserver", "Apache", "php", Map.of("version", php, "memory_limit", 536870912)));
            info.put("activeUsers", Map.of("last5minutes", 1));
            wm.stubFor(get(urlPathEqualTo(prefix + "/ocs/v2.php/apps/serverinfo/api/v1/info"))
                    .willReturn(okJson(ocs(info))));
        } else {
            wm.stubFor(get(urlPathEqualTo(prefix + "/ocs/v2.php/apps/serverinfo/api/v1/info"))
                    .willReturn(aResponse()
                            .withStatus(404)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"ocs\":{\"meta\":{\"status\":\"failure\",\"statuscode\":998,"
                                    + "\"message\":\"\"},\"data\":[]}}")));
        }
        return this;
    }

    /** Every route answers 401 as Nextcloud does for a wrong app password; status.php stays public. */
    FakeNextcloud stubUnauthorized() {
        wm.stubFor(get(urlPathEqualTo(prefix + "/status.php"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(status)));
        wm.stubFor(get(urlPathMatching(prefix + "/ocs/.*"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withHeader("WWW-Authenticate", "Basic realm=\"Authorisation Required\"")
                        .withBody(recorded401())));
        return this;
    }

    /** Maintenance mode: status.php says so when {@code statusSaysSo}, every other route sends the HTML page. */
    FakeNextcloud stubMaintenance(boolean statusSaysSo) {
        if (statusSaysSo) {
            wm.stubFor(get(urlPathEqualTo(prefix + "/status.php"))
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withBody(status.replace("\"maintenance\":false", "\"maintenance\":true"))));
        } else {
            wm.stubFor(get(urlPathEqualTo(prefix + "/status.php")).willReturn(maintenancePage()));
        }
        wm.stubFor(get(urlPathMatching(prefix + "/ocs/.*")).willReturn(maintenancePage()));
        return this;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder maintenancePage() {
        return aResponse()
                .withStatus(503)
                .withHeader("Content-Type", "text/html; charset=UTF-8")
                .withHeader("Retry-After", "120")
                .withHeader("X-Nextcloud-Maintenance-Mode", "1")
                .withBody(MAINTENANCE_HTML);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse()
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body);
    }
}
