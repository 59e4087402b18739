package dev.ncsdk.ocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** {@link OcsResponse#parse}: a saved answer reads as the client reads a live one (recorded Nextcloud 32 bodies). */
class OcsResponseParseTest {

    private static byte[] body(String name) throws Exception {
        return Files.readAllBytes(Capture.dir().resolve(name));
    }

    @Test
    void savedCapabilitiesReadTheSameInJsonAndXml() throws Exception {
        OcsResponse<JsonNode> json = OcsResponse.parse(body("01_capabilities_v2_json.body.json"), OcsFormat.JSON);
        OcsResponse<JsonNode> xml = OcsResponse.parse(body("02_capabilities_v2_xml.body.xml"), OcsFormat.XML);

        assertThat(json.httpStatus()).isEqualTo(200);
        assertThat(json.meta().statusCode()).isEqualTo(200);
        assertThat(json.headers()).containsOnlyKeys("content-type");
        assertThat(json.data()).isSameAs(json.rawData());
        assertThat(Capabilities.of(json.rawData()).nextcloudVersion().major()).isEqualTo(32);
        assertThat(Capabilities.of(xml.rawData()).nextcloudVersion())
                .isEqualTo(Capabilities.of(json.rawData()).nextcloudVersion());
    }

    @Test
    void aSavedFailureThrowsWhatTheClientThrows() throws Exception {
        // 15_err_401_wrong_password_v1_xml: a v1 envelope with statuscode 997 (sent with HTTP 401 live)
        assertThatThrownBy(() -> OcsResponse.parse(body("15_err_401_wrong_password_v1_xml.body.xml"), OcsFormat.XML))
                .isInstanceOf(NcUnauthorizedException.class)
                .satisfies(e ->
                        assertThat(((NcResponseException) e).ocsStatusCode()).hasValue(997));
    }

    @Test
    void aBodyThatIsNotAnEnvelopeInThatFormatIsAnUnexpectedResponse() throws Exception {
        byte[] json = body("01_capabilities_v2_json.body.json");
        assertThatThrownBy(() -> OcsResponse.parse(json, OcsFormat.XML))
                .isInstanceOf(NcUnexpectedResponseException.class)
                .hasMessageContaining("XML");
        byte[] html = "<!DOCTYPE html><html><body>Maintenance</body></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> OcsResponse.parse(html, OcsFormat.XML))
                .isInstanceOf(NcUnexpectedResponseException.class);
        assertThatThrownBy(() -> OcsResponse.parse(new byte[0], OcsFormat.JSON))
                .isInstanceOf(NcUnexpectedResponseException.class);
    }
}
