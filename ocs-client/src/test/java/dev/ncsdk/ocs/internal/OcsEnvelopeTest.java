package dev.ncsdk.ocs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.ocs.OcsMeta;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OcsEnvelopeTest {
    private static final Path DIR = Path.of(System.getProperty("ncsdk.fixtures"), "nextcloud-32");

    private static OcsEnvelope.Parsed parse(String name) throws Exception {
        return OcsEnvelope.parse(Files.readAllBytes(DIR.resolve(name)));
    }

    @Test
    void v1MetaWithEmptyCountsInBothFormats() throws Exception {
        OcsMeta json = parse("12_err_404_route_v1_json.body.json").meta();
        OcsMeta xml = parse("13_err_404_route_v1_xml.body.xml").meta();
        assertThat(json).isEqualTo(xml);
        assertThat(json.statusCode()).isEqualTo(998);
        assertThat(json.status()).isEqualTo("failure");
        assertThat(json.totalItems()).isNull();
        assertThat(json.message()).startsWith("Invalid query, please check the syntax.");
    }

    @Test
    void emptyDataIsAnEmptyListInBothFormats() throws Exception {
        assertThat(parse("12_err_404_route_v1_json.body.json").data())
                .isEqualTo(parse("13_err_404_route_v1_xml.body.xml").data());
        assertThat(parse("36_users_create_duplicate_v2_xml.body.xml").data().isArray())
                .isTrue();
    }

    @Test
    void sameTreeForTheAppPasswordInBothFormats() throws Exception {
        JsonNode json = parse("60_getapppassword_v2_json.body.json").data();
        JsonNode xml = parse("61_getapppassword_v2_xml.body.xml").data();
        assertThat(json.fieldNames()).toIterable().containsExactly("apppassword");
        assertThat(xml.fieldNames()).toIterable().containsExactly("apppassword");
    }

    @Test
    void typedMappingIsTheSameForBothCapabilityForms() throws Exception {
        record V(int major, int minor, int micro, String string, boolean extendedSupport) {}
        JsonNode j = parse("01_capabilities_v2_json.body.json").data().path("version");
        JsonNode x = parse("02_capabilities_v2_xml.body.xml").data().path("version");
        assertThat(Json.mapper().treeToValue(x, V.class))
                .isEqualTo(Json.mapper().treeToValue(j, V.class));
    }

    @ParameterizedTest
    @CsvSource({
        "'{\"ocs\":{\"meta\":{\"statuscode\":\"100\"}}}', 100",
        "'<ocs><meta><statuscode> 200</statuscode></meta></ocs>', 200"
    })
    void statuscodeAsTextIsRead(String body, int code) throws Exception {
        assertThat(OcsEnvelope.parse(body.getBytes(StandardCharsets.UTF_8))
                        .meta()
                        .statusCode())
                .isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   \n",
                "{\"message\":\"CSRF check failed\"}",
                "{\"ocs\":{\"data\":[]}}",
                "{\"ocs\":{\"meta\":{\"statuscode\":\"ok\"}}}",
                "{\"ocs\":{\"meta\":{\"statuscode\":100}",
                "{\"ocs\":{\"meta\":{\"statuscode\":100}}} trailing",
                "<ocs><meta><statuscode>100</statuscode></meta>",
                "<html><body>Login</body></html>",
                "Internal Server Error",
                "[]",
                "1",
            })
    void nonEnvelopesAreRefused(String body) {
        assertThatThrownBy(() -> OcsEnvelope.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(OcsEnvelope.NotOcsException.class);
    }

    @Test
    void deepJsonIsBounded() {
        String json = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> OcsEnvelope.readTree(json.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(OcsEnvelope.NotOcsException.class)
                .hasMessageContaining("nesting");
    }

    @ParameterizedTest
    @CsvSource({
        "200, 102, 409",
        "400, 102, 409",
        "200, 997, 401",
        "200, 998, 404",
        "200, 996, 500",
        "200, 999, 500",
        "200, 107, 400",
        "200, 404, 404",
        "200, 403, 403",
        "401, 997, 401",
        "404, 998, 404",
        "500, 996, 500",
        "200, 0, 500"
    })
    void effectiveStatus(int http, int code, int expected) {
        assertThat(OcsEnvelope.effectiveStatus(http, code)).isEqualTo(expected);
    }

    @Test
    void lenientMapperCoercesXmlText() throws Exception {
        record R(boolean a, Boolean b, boolean c, int n, Integer m, List<String> l, List<String> e) {}
        JsonNode x = XmlTreeReader.read(
                        "<r><a>1</a><b></b><c>true</c><n>42</n><m></m><l><element>x</element></l><e/></r>"
                                .getBytes(StandardCharsets.UTF_8))
                .path("r");
        R r = Json.mapper().treeToValue(x, R.class);
        assertThat(r).isEqualTo(new R(true, false, true, 42, null, List.of("x"), List.of()));
    }
}
