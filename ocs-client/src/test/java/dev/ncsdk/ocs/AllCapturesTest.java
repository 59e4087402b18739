package dev.ncsdk.ocs;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every recorded HTTP exchange in fixtures/nextcloud-32 goes through the client: OCS routes through
 * {@link OcsClient#ocs}, the others ({@code /index.php/...}, {@code /status.php}) through {@link OcsClient#json}.
 * Success exactly when the server meant success (HTTP 2xx and statuscode 100/200); otherwise a typed exception
 * that keeps the captured HTTP status, OCS statuscode and request id.
 */
class AllCapturesTest {
    private static final Pattern JSON_CODE = Pattern.compile("\"statuscode\"\\s*:\\s*(\\d+)");
    private static final Pattern XML_CODE = Pattern.compile("<statuscode>(\\d+)</statuscode>");

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static List<String> captures() throws IOException {
        try (Stream<Path> files = Files.list(Capture.dir())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("^\\d+[a-z]?_.*\\.txt$"))
                    .filter(n -> !n.contains("_occ_"))
                    .map(n -> n.substring(0, n.indexOf('_')))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    @ParameterizedTest(name = "capture {0}")
    @MethodSource("captures")
    void theClientReadsTheCaptureAsTheServerMeantIt(String id) {
        Capture c = Capture.load(id);
        boolean xml = c.bodyText().stripLeading().startsWith("<?xml")
                || c.bodyText().stripLeading().startsWith("<ocs");
        OcsFormat format = xml ? OcsFormat.XML : OcsFormat.JSON;
        wm.stubFor(WireMockSupport.ocsStub(c, format));
        String path = c.path();
        boolean ocs = path.startsWith("/ocs/v1.php/") || path.startsWith("/ocs/v2.php/");
        Integer code = ocs ? ocsCode(c.bodyText()) : null;
        boolean success = c.status >= 200 && c.status < 300 && (!ocs || code == null || code == 100 || code == 200);
        try (OcsClient nc = WireMockSupport.client(wm, WireMockSupport.admin(), format)) {
            Throwable t = catchThrowable(() -> {
                if (ocs) {
                    OcsApiVersion v = path.startsWith("/ocs/v1.php/") ? OcsApiVersion.V1 : OcsApiVersion.V2;
                    OcsResponse<JsonNode> r = nc.ocs(OcsRequest.builder(c.method, path.substring(11))
                            .version(v)
                            .build());
                    assertThat(r.httpStatus()).isEqualTo(c.status);
                    assertThat(r.meta().statusCode()).isEqualTo(code);
                    assertThat(r.requestId()).isEqualTo(c.header("X-Request-Id"));
                } else {
                    nc.json(OcsRequest.builder(c.method, path).build());
                }
            });
            if (success) {
                assertThat(t).as("capture %s should succeed", c.name).isNull();
                return;
            }
            assertThat(t).as("capture %s should fail", c.name).isInstanceOf(NcResponseException.class);
            NcResponseException e = (NcResponseException) t;
            assertThat(e.httpStatus()).isEqualTo(c.status);
            assertThat(e.requestId()).isEqualTo(c.header("X-Request-Id"));
            assertThat(e.bodyExcerpt()).isNotNull();
            if (code != null) {
                assertThat(e.ocsStatusCode()).hasValue(code);
            }
            if (c.bodyText().startsWith("<!DOCTYPE html") || c.bodyText().startsWith("<html")) {
                assertThat(e).isInstanceOf(NcUnexpectedResponseException.class);
            }
        }
    }

    private static Integer ocsCode(String body) {
        Matcher m = JSON_CODE.matcher(body);
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        m = XML_CODE.matcher(body);
        return m.find() ? Integer.parseInt(m.group(1)) : null;
    }
}
