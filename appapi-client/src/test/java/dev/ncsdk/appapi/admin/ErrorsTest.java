package dev.ncsdk.appapi.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.appapi.AppApiRefusedException;
import dev.ncsdk.appapi.testing.WireMockSupport;
import dev.ncsdk.ocs.NcException;
import dev.ncsdk.ocs.NcForbiddenException;
import dev.ncsdk.ocs.NcNotFoundException;
import dev.ncsdk.ocs.NcPasswordConfirmationRequiredException;
import dev.ncsdk.ocs.NcPreconditionFailedException;
import dev.ncsdk.ocs.NcResponseException;
import dev.ncsdk.ocs.NcServerException;
import dev.ncsdk.ocs.NcUnauthorizedException;
import dev.ncsdk.ocs.NcUnexpectedResponseException;
import dev.ncsdk.ocs.Secret;
import java.net.URI;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How AppAPI's plain JSON failures map to the SDK's exceptions, for every admin operation. */
class ErrorsTest extends WireMockSupport {

    static Stream<Arguments> operations() {
        Stream<Consumer<AppApiAdminClient>> ops = Stream.of(
                a -> a.daemons().list(),
                a -> a.daemons().check("d"),
                a -> a.daemons().unregister("d"),
                a -> a.daemons().testDeployStatus("d"),
                a -> a.daemons().setDefault("d"),
                a -> a.exApps().status("app"),
                a -> a.exApps().deployOptions("app"),
                a -> a.exApps().install("app", "d", DeployOptions.NONE),
                a -> a.exApps().update("app"),
                a -> a.exApps().uninstall("app", true),
                a -> a.exApps().catalog());
        Object[][] answers = {
            {401, "{\"message\":\"Current user is not logged in\"}", NcUnauthorizedException.class},
            {403, "{\"message\":\"Logged in account must be an admin\"}", NcForbiddenException.class},
            {403, "{\"message\":\"Password confirmation is required\"}", NcPasswordConfirmationRequiredException.class},
            {404, "{\"error\":\"ExApp not found, failed to get status\"}", NcNotFoundException.class},
            {412, "{\"message\":\"CSRF check failed\"}", NcPreconditionFailedException.class},
            {500, "{\"data\":{\"message\":\"Error starting install of ExApp\"}}", NcServerException.class}
        };
        return ops.flatMap(op -> Stream.of(answers).map(a -> Arguments.of(op, a[0], a[1], a[2])));
    }

    @ParameterizedTest(name = "HTTP {1} {2}")
    @MethodSource("operations")
    void everyAdminFailureIsTyped(
            Consumer<AppApiAdminClient> op, int status, String body, Class<? extends NcResponseException> type) {
        wm.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withHeader("X-Request-Id", "req-1")
                        .withBody(body)));
        try (AppApiAdminClient admin = admin()) {
            assertThatThrownBy(() -> op.accept(admin)).isExactlyInstanceOf(type).satisfies(e -> {
                NcResponseException r = (NcResponseException) e;
                assertThat(r.httpStatus()).isEqualTo(status);
                assertThat(r.requestId()).hasValue("req-1");
                assertThat(r.messages()).isNotEmpty();
                assertThat(e.getMessage()).contains(r.messages().get(0)).doesNotContain(ADMIN_PASSWORD);
            });
        }
    }

    @Test
    void successFalseAfterRegisterIsRefusedWithoutEchoingTheSecret() {
        wm.stubFor(post(urlPathEqualTo("/index.php/apps/app_api/daemons"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":false,\"daemonConfig\":null}")));
        DaemonConfig d = DaemonConfig.harp("h", "harp:8780", "https://cloud.example.com", Secret.of("S3cr3t-Key!"))
                .build();
        try (AppApiAdminClient admin = admin()) {
            assertThatThrownBy(() -> admin.daemons().register(d, true))
                    .isInstanceOfSatisfying(AppApiRefusedException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(200);
                        assertThat(e.getMessage())
                                .contains("registering daemon 'h'")
                                .doesNotContain("S3cr3t-Key!");
                        assertThat(e.response().bodyExcerpt()).doesNotContain("S3cr3t-Key!");
                    });
        }
    }

    @Test
    void successFalseAfterUpdateIsRefused() {
        wm.stubFor(put(urlPathEqualTo("/index.php/apps/app_api/daemons/m"))
                .willReturn(aResponse().withBody("{\"success\":false,\"daemonConfig\":null}")));
        DaemonConfig d =
                DaemonConfig.manualInstall("m", "127.0.0.1", "http://nc").build();
        try (AppApiAdminClient admin = admin()) {
            assertThatThrownBy(() -> admin.daemons().update("m", d)).isInstanceOf(AppApiRefusedException.class);
        }
    }

    @Test
    void anHtmlPageInsteadOfJsonIsUnexpected() {
        wm.stubFor(get(anyUrl())
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody("<!DOCTYPE html><html><head><title>Login – Nextcloud</title></head></html>")));
        try (AppApiAdminClient admin = admin()) {
            assertThatThrownBy(() -> admin.daemons().list())
                    .isInstanceOf(NcUnexpectedResponseException.class)
                    .hasMessageContaining("Login");
        }
    }

    @Test
    void containerLogsComeAsTextAndTheirErrorsAsExceptions() {
        wm.stubFor(get(urlPathEqualTo("/index.php/apps/app_api/apps/logs/app"))
                .willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody("line 1\nline 2\n")));
        wm.stubFor(get(urlPathEqualTo("/index.php/apps/app_api/apps/logs/gone"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/plain")
                        .withBody("{\"error\":\"ExApp not found, failed to get logs\"}")));
        wm.stubFor(get(urlPathEqualTo("/index.php/apps/app_api/apps/logs/nodriver"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/plain")
                        .withBody("{\"error\":\"Failed to get container logs. Error: boom\"}")));
        try (AppApiAdminClient admin = admin()) {
            assertThat(admin.exApps().logs("app", 2)).isEqualTo("line 1\nline 2\n");
            assertThatThrownBy(() -> admin.exApps().logs("gone", 0)).isInstanceOf(NcNotFoundException.class);
            assertThatThrownBy(() -> admin.exApps().logs("nodriver", 0))
                    .isInstanceOf(NcServerException.class)
                    .hasMessageContaining("boom");
        }
        assertThat(wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                                urlPathEqualTo("/index.php/apps/app_api/apps/logs/app")))
                        .get(0)
                        .queryParameter("tail")
                        .firstValue())
                .isEqualTo("2");
    }

    @Test
    void registryRefusalsAnd404AreTyped() {
        wm.stubFor(post(urlPathEqualTo("/index.php/apps/app_api/daemons/none/add-registry"))
                .willReturn(aResponse().withStatus(404).withBody("{\"error\":\"Daemon config not found\"}")));
        try (AppApiAdminClient admin = admin()) {
            assertThatThrownBy(() -> admin.daemons().addRegistry("none", RegistryMapping.skipPull("ghcr.io")))
                    .isInstanceOf(NcNotFoundException.class)
                    .hasMessageContaining("Daemon config not found");
        }
    }

    @Test
    void stateChangingGetsAreNeverRetried() {
        wm.stubFor(get(urlPathEqualTo("/index.php/apps/app_api/apps/uninstall/app"))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
        try (AppApiAdminClient admin = AppApiAdminClient.builder()
                .baseUri(URI.create(baseUrl()))
                .login("admin", Secret.of(ADMIN_PASSWORD))
                .build()) {
            assertThatThrownBy(() -> admin.exApps().uninstall("app", false)).isInstanceOf(NcServerException.class);
        }
        assertThat(wm.getAllServeEvents()).hasSize(1);
    }

    @Test
    void invalidInputFailsBeforeAnyRequest() {
        try (AppApiAdminClient admin = admin()) {
            assertThatThrownBy(() -> admin.daemons().check(" ")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> admin.exApps().status("")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> admin.exApps().logs("a", -1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> admin.daemons()
                            .register(
                                    DaemonConfig.manualInstall("m", "h", "http://nc")
                                            .build()
                                            .withDeployConfig(DeployConfig.builder()
                                                    .net("")
                                                    .nextcloudUrl("http://nc")
                                                    .build()),
                                    false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("deploy_config.net is required");
            assertThatThrownBy(() -> admin.settings().setInitTimeout(java.time.Duration.ofSeconds(5)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> admin.settings().setDockerApiVersion("v1.44"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
        assertThat(NcException.class).isAssignableFrom(NcResponseException.class);
    }
}
