package dev.ncsdk.ocs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every HTTP status / OCS statuscode pair the server sends, in both formats, maps to the right exception. */
class ErrorMatrixTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    /** {version, HTTP status, OCS code, message, expected type (null = success)}. */
    private static final Object[][] OCS = {
        {OcsApiVersion.V1, 200, 100, "OK", null},
        {OcsApiVersion.V2, 200, 200, "OK", null},
        {OcsApiVersion.V1, 200, 102, "User already exists", NcConflictException.class},
        {OcsApiVersion.V2, 400, 102, "User already exists", NcConflictException.class},
        {OcsApiVersion.V1, 200, 107, "The password is too weak", NcBadRequestException.class},
        {OcsApiVersion.V2, 400, 107, "The password is too weak", NcBadRequestException.class},
        {OcsApiVersion.V1, 200, 400, "Invalid log level", NcBadRequestException.class},
        {OcsApiVersion.V2, 400, 400, "Bad request", NcBadRequestException.class},
        {OcsApiVersion.V1, 200, 404, "User does not exist", NcNotFoundException.class},
        {OcsApiVersion.V2, 404, 404, "User does not exist", NcNotFoundException.class},
        {OcsApiVersion.V1, 200, 403, "Logged in account must be an admin", NcForbiddenException.class},
        {OcsApiVersion.V2, 403, 403, "Logged in account must be an admin", NcForbiddenException.class},
        {OcsApiVersion.V1, 200, 998, "Invalid query", NcNotFoundException.class},
        {OcsApiVersion.V2, 404, 998, "Invalid query", NcNotFoundException.class},
        {OcsApiVersion.V1, 401, 997, "Current user is not logged in", NcUnauthorizedException.class},
        {OcsApiVersion.V2, 401, 997, "Current user is not logged in", NcUnauthorizedException.class},
        {OcsApiVersion.V1, 200, 997, "Unauthorised", NcUnauthorizedException.class},
        {OcsApiVersion.V1, 200, 996, "Server error", NcServerException.class},
        {OcsApiVersion.V2, 500, 996, "Server error", NcServerException.class},
        {OcsApiVersion.V1, 200, 999, "Unknown error", NcServerException.class},
        {OcsApiVersion.V2, 500, 999, "Unknown error", NcServerException.class},
        {OcsApiVersion.V2, 403, 403, "Password confirmation is required", NcPasswordConfirmationRequiredException.class
        },
        {OcsApiVersion.V2, 429, 429, "Reached maximum delay", NcRateLimitedException.class},
        {OcsApiVersion.V2, 409, 409, "Conflict", NcConflictException.class},
        {OcsApiVersion.V2, 503, 503, "Service unavailable", NcServerException.class},
        {OcsApiVersion.V2, 200, 100, "OK", null}, // v1 code on v2: still success
    };

    static Stream<Arguments> ocsCases() {
        List<Arguments> out = new ArrayList<>();
        for (Object[] row : OCS) {
            for (OcsFormat f : OcsFormat.values()) {
                out.add(Arguments.of(row[0], row[1], row[2], row[3], row[4], f));
            }
        }
        return out.stream();
    }

    static String envelope(OcsFormat f, int code, String message) {
        String status = code == 100 || code == 200 ? "ok" : "failure";
        if (f == OcsFormat.JSON) {
            return "{\"ocs\":{\"meta\":{\"status\":\"" + status + "\",\"statuscode\":" + code + ",\"message\":\""
                    + message + "\",\"totalitems\":\"\",\"itemsperpage\":\"\"},\"data\":[]}}";
        }
        return "<?xml version=\"1.0\"?>\n<ocs>\n <meta>\n  <status>" + status + "</status>\n  <statuscode>" + code
                + "</statuscode>\n  <message>" + message
                + "</message>\n  <totalitems></totalitems>\n  <itemsperpage></itemsperpage>\n </meta>\n <data/>\n</ocs>\n";
    }

    @ParameterizedTest(name = "{0} HTTP {1} OCS {2} {5} -> {4}")
    @MethodSource("ocsCases")
    void ocsStatusPairs(
            OcsApiVersion version, int http, int code, String message, Class<?> expected, OcsFormat format) {
        wm.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(http)
                        .withHeader("Content-Type", format.mediaType() + "; charset=utf-8")
                        .withHeader("X-Request-Id", "req-" + code)
                        .withHeader("Retry-After", "7")
                        .withBody(envelope(format, code, message))));
        try (OcsClient nc = WireMockSupport.client(wm, WireMockSupport.admin(), format)) {
            Throwable t = catchThrowable(
                    () -> nc.ocs(OcsRequest.get("/cloud/users").version(version).build()));
            if (expected == null) {
                assertThat(t).isNull();
                return;
            }
            assertThat(t).isExactlyInstanceOf(expected);
            NcResponseException e = (NcResponseException) t;
            assertThat(e.httpStatus()).isEqualTo(http);
            assertThat(e.ocsStatusCode()).hasValue(code);
            assertThat(e.ocsMessage()).contains(message);
            assertThat(e.getMessage()).contains(message).contains("req-" + code);
            assertThat(e.requestId()).contains("req-" + code);
            assertThat(e.bodyExcerpt()).contains(message);
            if (e instanceof NcRateLimitedException) {
                assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
            }
        }
    }

    static Stream<Arguments> plainCases() {
        return Stream.of(
                Arguments.of(
                        400,
                        "application/json",
                        "{\"message\":\"Invalid daemon\"}",
                        NcBadRequestException.class,
                        "Invalid daemon"),
                Arguments.of(
                        401,
                        "application/json",
                        "{\"message\":\"Current user is not logged in\"}",
                        NcUnauthorizedException.class,
                        "not logged in"),
                Arguments.of(
                        403,
                        "application/json",
                        "{\"message\":\"Logged in account must be an admin\"}",
                        NcForbiddenException.class,
                        "must be an admin"),
                Arguments.of(
                        403,
                        "application/json",
                        "{\"message\":\"Password confirmation is required\"}",
                        NcPasswordConfirmationRequiredException.class,
                        "Password confirmation"),
                Arguments.of(404, "application/json", "[]", NcNotFoundException.class, "HTTP 404"),
                Arguments.of(409, "application/json", "{\"detail\":\"exists\"}", NcConflictException.class, "exists"),
                Arguments.of(
                        412,
                        "application/json",
                        "{\"message\":\"CSRF check failed\"}",
                        NcPreconditionFailedException.class,
                        "CSRF check failed"),
                Arguments.of(
                        429,
                        "text/html",
                        "<html><title>Too many requests</title></html>",
                        NcRateLimitedException.class,
                        "HTTP 429"),
                Arguments.of(500, "application/json", "", NcServerException.class, "HTTP 500"),
                // a 5xx is a server failure whatever the body: PHP's or a proxy's plain text, a cut-off envelope
                Arguments.of(
                        500, "text/plain", "Internal Server Error\n", NcServerException.class, "Internal Server Error"),
                Arguments.of(502, "text/plain; charset=utf-8", "Bad Gateway", NcServerException.class, "Bad Gateway"),
                Arguments.of(
                        500,
                        "application/xml",
                        "<?xml version=\"1.0\"?>\n<ocs><meta><status>fail",
                        NcServerException.class,
                        "HTTP 500"),
                Arguments.of(
                        503,
                        "text/html",
                        "<!DOCTYPE html><html><head><title>Maintenance mode</title></head></html>",
                        NcUnexpectedResponseException.class,
                        "Maintenance mode"),
                Arguments.of(
                        200,
                        "text/html",
                        "<!DOCTYPE html><html><head><title>Login – Nextcloud</title></head></html>",
                        NcUnexpectedResponseException.class,
                        "Login"),
                Arguments.of(
                        200,
                        "application/json",
                        "{\"truncated\":",
                        NcUnexpectedResponseException.class,
                        "malformed JSON"));
    }

    @ParameterizedTest(name = "plain JSON route HTTP {0} {1} -> {3}")
    @MethodSource("plainCases")
    void plainJsonStatuses(int http, String type, String body, Class<?> expected, String inMessage) {
        wm.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(http)
                        .withHeader("Content-Type", type)
                        .withHeader("Retry-After", "3")
                        .withBody(body)));
        try (OcsClient nc = WireMockSupport.client(wm, WireMockSupport.admin(), OcsFormat.JSON)) {
            Throwable t = catchThrowable(() ->
                    nc.json(OcsRequest.get("/index.php/apps/app_api/daemons").build()));
            assertThat(t).isExactlyInstanceOf(expected).hasMessageContaining(inMessage);
            assertThat(((NcResponseException) t).httpStatus()).isEqualTo(http);
            if (http == 429) {
                assertThat(((NcResponseException) t).retryAfter()).contains(Duration.ofSeconds(3));
            }
        }
    }

    @ParameterizedTest(name = "OCS route answering non-OCS HTTP {0} {1} -> {3}")
    @MethodSource("plainCases")
    void ocsRoutesAnsweringPlainBodies(int http, String type, String body, Class<?> expected, String inMessage) {
        wm.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(http)
                        .withHeader("Content-Type", type)
                        .withHeader("Retry-After", "3")
                        .withBody(body)));
        try (OcsClient nc = WireMockSupport.client(wm, WireMockSupport.admin(), OcsFormat.XML)) {
            Throwable t =
                    catchThrowable(() -> nc.ocs(OcsRequest.get("/cloud/users").build()));
            assertThat(t).isInstanceOf(NcResponseException.class);
            assertThat(((NcResponseException) t).httpStatus()).isEqualTo(http);
            if (http == 200) {
                // a 2xx answer that is not an OCS envelope is never a success
                assertThat(t).isExactlyInstanceOf(NcUnexpectedResponseException.class);
            } else {
                assertThat(t).isExactlyInstanceOf(expected);
            }
        }
    }
}
