package dev.ncsdk.ocs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hostile or broken answers end in a typed error, quickly and in bounded memory. */
class HostileInputTest {
    /**
     * A guard against a parser or transport that never ends, not a speed check (speed is measured with JMH): wide
     * enough for a loaded two-core CI machine moving 50 MB through JaCoCo-instrumented code, where 10 s was not.
     */
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private Throwable callWith(String contentType, byte[] body, OcsFormat format) {
        wm.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", contentType)
                        .withBody(body)));
        try (OcsClient nc = WireMockSupport.client(wm, WireMockSupport.admin(), format)) {
            return assertTimeoutPreemptively(
                    LIMIT,
                    () -> catchThrowable(
                            () -> nc.ocs(OcsRequest.get("/cloud/capabilities").build())));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "XXE|<?xml version=\"1.0\"?><!DOCTYPE ocs [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><ocs><meta><statuscode>100</statuscode></meta><data>&xxe;</data></ocs>",
                "DTD|<!DOCTYPE ocs [<!ELEMENT ocs ANY>]><ocs><meta><statuscode>100</statuscode></meta></ocs>",
                "truncated XML|<?xml version=\"1.0\"?><ocs><meta><statuscode>100</statuscode></meta><data><a>",
                "truncated JSON|{\"ocs\":{\"meta\":{\"statuscode\":200},\"data\":{\"version\":",
                "HTML login page|<!DOCTYPE html><html><head><title>Login – Nextcloud</title></head><body>...</body></html>",
                "plain text|Service temporarily unavailable",
            })
    void brokenOrHostileBodiesAreUnexpectedResponses(String name, String body) {
        Throwable t = callWith(
                name.contains("HTML") ? "text/html" : "application/xml",
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                OcsFormat.XML);
        assertThat(t).isExactlyInstanceOf(NcUnexpectedResponseException.class);
        assertThat(t.getMessage()).doesNotContain("root:x:0:0");
        assertThat(((NcResponseException) t).bodyExcerpt().length()).isLessThanOrEqualTo(ErrorResponse.MAX_EXCERPT + 1);
        if (name.contains("HTML")) {
            assertThat(t.getMessage()).contains("HTML page").contains("Login");
        }
    }

    @Test
    void anExternalDtdIsNeverFetched() {
        wm.stubFor(get(urlEqualTo("/evil.dtd")).willReturn(aResponse().withBody("<!ENTITY x \"pwned\">")));
        String body = "<?xml version=\"1.0\"?><!DOCTYPE ocs SYSTEM \"" + wm.baseUrl()
                + "/evil.dtd\"><ocs><meta><statuscode>100</statuscode></meta><data>&x;</data></ocs>";
        wm.stubFor(get(urlEqualTo("/ocs/v2.php/cloud/capabilities"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/xml")
                        .withBody(body)));
        try (OcsClient nc = WireMockSupport.client(wm, Credentials.none(), OcsFormat.XML)) {
            Throwable t = catchThrowable(nc::capabilities);
            assertThat(t).isExactlyInstanceOf(NcUnexpectedResponseException.class);
        }
        wm.verify(0, getRequestedFor(urlEqualTo("/evil.dtd")));
    }

    @Test
    void billionLaughsFailsFast() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE ocs [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            sb.append("<!ENTITY l").append(i).append(" \"");
            sb.append(("&l" + (i - 1) + ";").repeat(10));
            sb.append("\">");
        }
        sb.append("]><ocs><meta><statuscode>100</statuscode></meta><data>&l9;</data></ocs>");
        Throwable t = callWith(
                "application/xml", sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), OcsFormat.XML);
        assertThat(t).isExactlyInstanceOf(NcUnexpectedResponseException.class).hasMessageContaining("DTD");
    }

    @Test
    void emptyBodyIsAnUnexpectedResponse() {
        Throwable t = callWith("application/json", new byte[0], OcsFormat.JSON);
        assertThat(t).isExactlyInstanceOf(NcUnexpectedResponseException.class).hasMessageContaining("empty");
    }

    @Test
    void fiftyMegabytesAreRefusedAtTheLimit() {
        byte[] big = new byte[50 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        Throwable t = callWith("application/json", big, OcsFormat.JSON);
        assertThat(t)
                .isExactlyInstanceOf(NcUnexpectedResponseException.class)
                .hasMessageContaining("exceeds the limit");
    }

    @Test
    void aSmallerConfiguredLimitApplies() {
        byte[] body = ("{\"ocs\":{\"meta\":{\"statuscode\":200},\"data\":\"" + "x".repeat(20_000) + "\"}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        wm.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
        try (OcsClient nc = WireMockSupport.client(wm, Credentials.none(), OcsFormat.JSON).toBuilder()
                .maxResponseBytes(10_000)
                .build()) {
            assertThat(catchThrowable(
                            () -> nc.ocs(OcsRequest.get("/cloud/capabilities").build())))
                    .isExactlyInstanceOf(NcUnexpectedResponseException.class)
                    .hasMessageContaining("10000");
        }
    }

    @Test
    void dataOfTheWrongShapeIsATypedError() {
        wm.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"ocs\":{\"meta\":{\"statuscode\":200},\"data\":{\"version\":\"not an object\"}}}")));
        try (OcsClient nc = WireMockSupport.client(wm, Credentials.none(), OcsFormat.JSON)) {
            assertThat(catchThrowable(nc::capabilities))
                    .isExactlyInstanceOf(NcUnexpectedResponseException.class)
                    .hasMessageContaining("does not fit");
        }
    }
}
