package dev.ncsdk.ocs;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;

/** Serves captures with WireMock: the stub answers only requests an OCS client should send. */
final class WireMockSupport {
    private WireMockSupport() {}

    /** A stub for the capture's method and path that requires {@code OCS-APIRequest: true} and the format. */
    static MappingBuilder ocsStub(Capture c, OcsFormat format) {
        return request(c.method, urlPathEqualTo(c.path()))
                .withHeader("OCS-APIRequest", equalTo("true"))
                .withHeader("Accept", containing(format.mediaType()))
                .willReturn(c.response());
    }

    static OcsClient client(WireMockExtension wm, Credentials credentials, OcsFormat format) {
        return OcsClient.builder()
                .baseUri(URI.create(wm.baseUrl()))
                .credentials(credentials)
                .format(format)
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    /** The admin of the recording server (throwaway credentials printed in the fixtures' README). */
    static Credentials admin() {
        return Credentials.basic("admin", Secret.of("NcReal-Adm1n-zKzIi12WyrcX"));
    }
}
