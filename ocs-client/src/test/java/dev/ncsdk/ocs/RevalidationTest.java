package dev.ncsdk.ocs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Capabilities revalidation with {@code If-None-Match}: a 304 to a conditional request is a result. */
class RevalidationTest {
    // Without gzip: WireMock's Jetty, like Apache's mod_deflate, otherwise rewrites the tag of a compressed answer
    // ("...--gzip"); the client echoes whatever tag it received, so the tests compare with the recorded one.
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().gzipDisabled(true))
            .build();

    private static final String CAPS = "/ocs/v2.php/cloud/capabilities";
    /** The tag of the recorded answer (fixture 01), quotes included. */
    private static final String TAG = "\"fd7967c8311964c68a7caefb9c92b378\"";

    private static OcsClient client() {
        return OcsClient.builder()
                .baseUri(URI.create(wm.baseUrl()))
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    /** The recorded 200 (with its ETag) without If-None-Match; 304 when the request carries {@code tag}. */
    private static void serve(String tag, boolean etagOn304) {
        wm.stubFor(get(urlPathEqualTo(CAPS))
                .withHeader("If-None-Match", absent())
                .willReturn(Capture.load("01").response()));
        var notModified = aResponse().withStatus(304).withHeader("X-Request-Id", "req-304");
        if (etagOn304) {
            notModified.withHeader("ETag", tag);
        }
        wm.stubFor(get(urlPathEqualTo(CAPS))
                .withHeader("If-None-Match", equalTo(tag))
                .willReturn(notModified));
    }

    @Test
    void theTagOfA200IsSentBackByteForByteAndA304MeansUnchanged() {
        serve(TAG, true);
        try (OcsClient nc = client()) {
            Conditional<Capabilities> first = nc.capabilities(null);
            assertThat(first.notModified()).isFalse();
            assertThat(first.value().orElseThrow().nextcloudVersion().major()).isEqualTo(32);
            assertThat(first.orElse(null)).isSameAs(first.value().orElseThrow());
            assertThat(first.etag()).contains(TAG);

            Conditional<Capabilities> second = nc.capabilities(first.etag().orElseThrow());
            assertThat(second.notModified()).isTrue();
            assertThat(second.value()).isEmpty();
            assertThat(second.orElse(first.value().orElseThrow()))
                    .isSameAs(first.value().orElseThrow());
            assertThat(second.etag()).contains(TAG);
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo(CAPS)).withHeader("If-None-Match", absent()));
        wm.verify(1, getRequestedFor(urlPathEqualTo(CAPS)).withHeader("If-None-Match", equalTo(TAG)));
    }

    @Test
    void theAsyncTwinRevalidatesToo() throws Exception {
        serve(TAG, true);
        try (OcsClient nc = client()) {
            Conditional<Capabilities> first = nc.capabilitiesAsync(null).get();
            assertThat(first.value().orElseThrow().nextcloudVersion().major()).isEqualTo(32);
            assertThat(nc.capabilitiesAsync(first.etag().orElseThrow()).get().notModified())
                    .isTrue();
        }
    }

    @Test
    void aWeakTagTravelsUnchangedAndA304WithoutETagKeepsTheSentOne() {
        String weak = "W/\"caps-41\"";
        serve(weak, false);
        try (OcsClient nc = client()) {
            Conditional<Capabilities> r = nc.capabilities(weak);
            assertThat(r.notModified()).isTrue();
            assertThat(r.etag()).contains(weak);
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo(CAPS)).withHeader("If-None-Match", equalTo(weak)));
    }

    @Test
    void aChangedAnswerToAConditionalRequestCarriesTheNewTag() {
        serve(TAG, true); // a stale tag does not match the 304 stub: the server sends the 200 with its tag
        wm.stubFor(get(urlPathEqualTo(CAPS))
                .withHeader("If-None-Match", equalTo("\"old\""))
                .willReturn(Capture.load("01").response()));
        try (OcsClient nc = client()) {
            Conditional<Capabilities> r = nc.capabilities("\"old\"");
            assertThat(r.notModified()).isFalse();
            assertThat(r.value().orElseThrow().nextcloudVersion().major()).isEqualTo(32);
            assertThat(r.etag()).contains(TAG);
        }
    }

    @Test
    void aConditionalOcsRequestGetsANotModifiedResponse() {
        serve(TAG, true);
        OcsRequest conditional = OcsRequest.get("/cloud/capabilities")
                .header("If-None-Match", TAG)
                .build();
        try (OcsClient nc = client()) {
            OcsResponse<JsonNode> tree = nc.ocs(conditional);
            assertThat(tree.notModified()).isTrue();
            assertThat(tree.httpStatus()).isEqualTo(304);
            assertThat(tree.data()).isNull();
            assertThat(tree.rawData().isNull()).isTrue();
            assertThat(tree.meta().statusCode()).isEqualTo(304);
            assertThat(tree.meta().status()).isEqualTo("ok");
            assertThat(tree.etag()).contains(TAG);
            assertThat(tree.requestId()).contains("req-304");

            OcsResponse<Capabilities> typed = nc.ocs(conditional, Capabilities.class);
            assertThat(typed.notModified()).isTrue();
            assertThat(typed.data()).isNull();

            OcsResponse<JsonNode> full =
                    nc.ocs(OcsRequest.get("/cloud/capabilities").build());
            assertThat(full.notModified()).isFalse();
            assertThat(full.etag()).contains(TAG);
        }
    }

    @Test
    void a304ToAnUnconditionalRequestIsStillAnError() {
        wm.stubFor(get(urlPathEqualTo(CAPS)).willReturn(aResponse().withStatus(304)));
        try (OcsClient nc = client()) {
            assertThatThrownBy(nc::capabilities).isInstanceOf(NcResponseException.class);
            assertThatThrownBy(
                            () -> nc.ocs(OcsRequest.get("/cloud/capabilities").build()))
                    .isInstanceOf(NcResponseException.class);
        }
    }

    @Test
    void aNotModifiedAnswerHasNoValueAndAChangedOneAlwaysHasOne() {
        Conditional<String> unchanged = Conditional.unchanged(TAG);
        assertThat(unchanged.notModified()).isTrue();
        assertThat(unchanged.value()).isEmpty();
        assertThat(unchanged.orElse("kept")).isEqualTo("kept");
        assertThat(unchanged.etag()).contains(TAG);
        Conditional<String> changed = Conditional.changed("x", null);
        assertThat(changed.notModified()).isFalse();
        assertThat(changed.value()).contains("x");
        assertThat(changed.etag()).isEmpty();
        assertThatThrownBy(() -> Conditional.changed(null, TAG)).isInstanceOf(NullPointerException.class);
        assertThat(unchanged.toString()).contains("not modified");
    }
}
