package dev.ncsdk.ocs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XmlTreeReaderTest {
    private static JsonNode read(String xml) throws Exception {
        return XmlTreeReader.read(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void elementChildrenBecomeALists() throws Exception {
        JsonNode n = read("<ocs><users><element>admin</element><element>alice</element></users></ocs>");
        assertThat(n.toString()).isEqualTo("{\"ocs\":{\"users\":[\"admin\",\"alice\"]}}");
    }

    @Test
    void aSingleElementChildIsStillAList() throws Exception {
        assertThat(read("<ocs><groups><element>admin</element></groups></ocs>").toString())
                .isEqualTo("{\"ocs\":{\"groups\":[\"admin\"]}}");
    }

    @Test
    void repeatedNamesBecomeAListAndOrderIsKept() throws Exception {
        JsonNode n = read("<a><x>1</x><y>2</y><x>3</x><x>4</x></a>");
        assertThat(n.toString()).isEqualTo("{\"a\":{\"x\":[\"1\",\"3\",\"4\"],\"y\":\"2\"}}");
    }

    @Test
    void elementChildrenMixedWithOtherNamesAreAnObjectInFirstSeenOrder() throws Exception {
        assertThat(read("<a><element>1</element><y>2</y><element>3</element></a>")
                        .toString())
                .isEqualTo("{\"a\":{\"element\":[\"1\",\"3\"],\"y\":\"2\"}}");
        assertThat(read("<a><element>1</element><element>2</element><y>3</y><element>4</element></a>")
                        .toString())
                .isEqualTo("{\"a\":{\"element\":[\"1\",\"2\",\"4\"],\"y\":\"3\"}}");
        assertThat(read("<a><y>1</y><element>2</element></a>").toString())
                .isEqualTo("{\"a\":{\"y\":\"1\",\"element\":\"2\"}}");
        // a child that is itself a list stays one value when its name repeats
        assertThat(read("<a><x><element>1</element></x><y/><x>2</x></a>").toString())
                .isEqualTo("{\"a\":{\"x\":[[\"1\"],\"2\"],\"y\":\"\"}}");
    }

    @Test
    void indentationAroundChildrenIsDroppedButTheTextOfALeafIsKept() throws Exception {
        JsonNode n = read("<a>\n  <b>  </b>\n  <c>\n    <d>x</d>\n  </c>\n</a>");
        assertThat(n.toString()).isEqualTo("{\"a\":{\"b\":\"  \",\"c\":{\"d\":\"x\"}}}");
    }

    @Test
    void siblingsAtTheSameDepthDoNotShareState() throws Exception {
        JsonNode n = read("<a><p><element>1</element></p><q><r>2</r><r>3</r></q><s>t</s><u><r>4</r></u></a>");
        assertThat(n.toString())
                .isEqualTo("{\"a\":{\"p\":[\"1\"],\"q\":{\"r\":[\"2\",\"3\"]},\"s\":\"t\",\"u\":{\"r\":\"4\"}}}");
    }

    @Test
    void emptyElementsAreEmptyTextAndNamesMayBeData() throws Exception {
        JsonNode n = read("<ocs><data><alice><quota/></alice><bob></bob></data></ocs>");
        assertThat(n.toString()).isEqualTo("{\"ocs\":{\"data\":{\"alice\":{\"quota\":\"\"},\"bob\":\"\"}}}");
    }

    @Test
    void entitiesCdataAndCommentsAreRead() throws Exception {
        JsonNode n = read("<?xml version=\"1.0\"?><!-- c --><a><r>(&amp;)&#65;<![CDATA[<x>]]></r></a>");
        assertThat(n.path("a").path("r").asText()).isEqualTo("(&)A<x>");
    }

    @Test
    void textIsKeptVerbatimLikeJson() throws Exception {
        JsonNode n = read("<m><message>Invalid query.\n</message></m>");
        assertThat(n.path("m").path("message").asText()).isEqualTo("Invalid query.\n");
    }

    @Test
    void theCapabilitiesCaptureGivesTheSameTreeAsItsJsonTwinForTheVersion() throws Exception {
        Path dir = Path.of(System.getProperty("ncsdk.fixtures"), "nextcloud-32");
        JsonNode xml = XmlTreeReader.read(Files.readAllBytes(dir.resolve("02_capabilities_v2_xml.body.xml")));
        JsonNode json = Json.mapper()
                .readTree(dir.resolve("01_capabilities_v2_json.body.json").toFile());
        JsonNode xv = xml.path("ocs").path("data").path("version");
        JsonNode jv = json.path("ocs").path("data").path("version");
        assertThat(xv.path("string").asText()).isEqualTo(jv.path("string").asText());
        assertThat(xv.path("major").asInt()).isEqualTo(jv.path("major").asInt());
        // same set of apps in the same order
        assertThat(xml.path("ocs").path("data").path("capabilities").fieldNames())
                .toIterable()
                .containsExactlyElementsOf(
                        () -> json.path("ocs").path("data").path("capabilities").fieldNames());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "xxe file|<?xml version=\"1.0\"?><!DOCTYPE ocs [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><ocs>&xxe;</ocs>",
                "xxe parameter entity|<!DOCTYPE ocs [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/x\"> %p;]><ocs/>",
                "external dtd|<!DOCTYPE ocs SYSTEM \"http://127.0.0.1:1/evil.dtd\"><ocs/>",
                "internal dtd|<!DOCTYPE ocs [<!ELEMENT ocs ANY>]><ocs/>",
                "undeclared entity|<ocs>&nbsp;</ocs>",
                "truncated|<ocs><meta><statuscode>100</statuscode>",
                "two roots|<ocs/><ocs/>",
                "not xml|<ocs",
                "empty|' '",
            })
    void unsafeOrBrokenDocumentsAreRefused(String name, String xml) {
        assertThatThrownBy(() -> read(xml.equals("' '") ? "" : xml))
                .isInstanceOf(XmlTreeReader.XmlException.class)
                .hasMessageNotContaining("root:"); // never the content of /etc/passwd
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        sb.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
        for (int i = 2; i <= 9; i++) {
            sb.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                sb.append("&lol").append(i - 1).append(';');
            }
            sb.append("\">");
        }
        sb.append("]><lolz>&lol9;</lolz>");
        assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> assertThatThrownBy(() -> read(sb.toString()))
                        .isInstanceOf(XmlTreeReader.XmlException.class)
                        .hasMessageContaining("DTD"));
    }

    @Test
    void deepNestingIsBounded() {
        String xml = "<a>".repeat(50_000) + "</a>".repeat(50_000);
        assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> assertThatThrownBy(() -> read(xml))
                        .isInstanceOf(XmlTreeReader.XmlException.class)
                        .hasMessageContaining("deeper than"));
    }

    @Test
    void brokenBytesNeitherThrowUncheckedNorPrint() {
        java.io.PrintStream old = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            for (byte[] b : new byte[][] {
                {(byte) 0xff, (byte) 0xfe, '<'},
                {'<', 'a', '>', (byte) 0xc3, '<', '/', 'a', '>'},
                "<?xml version=\"1.0\" encoding=\"no-such-charset\"?><a/>".getBytes(StandardCharsets.US_ASCII),
                "<a><b></a>".getBytes(StandardCharsets.US_ASCII),
                "<a x=\"1><b/></a>".getBytes(StandardCharsets.US_ASCII),
                "<a>&#0;</a>".getBytes(StandardCharsets.US_ASCII),
                "<a>\u0001</a>".getBytes(StandardCharsets.UTF_8),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>\u00e9</b>".getBytes(StandardCharsets.UTF_8),
                "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>".getBytes(StandardCharsets.UTF_8),
                "<a>&unknown;</a>".getBytes(StandardCharsets.US_ASCII),
                "<!DOCTYPE a SYSTEM \"x\"><a/>".getBytes(StandardCharsets.US_ASCII),
                {'<', 'a', '>', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '<', '/', 'a', '>'},
                {'<', 'a', '>', (byte) 0xc0, (byte) 0xaf, '<', '/', 'a', '>'}
            }) {
                assertThatThrownBy(() -> XmlTreeReader.read(b)).isInstanceOf(XmlTreeReader.XmlException.class);
            }
        } finally {
            System.setErr(old);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void onlyWellFormedUtf8TakesTheByteRoute() {
        assertThat(XmlTreeReader.isPlainUtf8("<a>caf\u00e9 \u20ac \ud83d\ude00</a>".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(XmlTreeReader.isPlainUtf8(new byte[] {'<', (byte) 0xc3})).isFalse(); // truncated
        assertThat(XmlTreeReader.isPlainUtf8(new byte[] {(byte) 0xc0, (byte) 0xaf}))
                .isFalse(); // overlong
        assertThat(XmlTreeReader.isPlainUtf8(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}))
                .isFalse();
        assertThat(XmlTreeReader.isPlainUtf8(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '<'}))
                .isFalse();
        assertThat(XmlTreeReader.isPlainUtf8(
                        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>".getBytes(StandardCharsets.US_ASCII)))
                .isFalse();
    }

    @Test
    void declaredAndMarkedEncodingsAreHonoured() throws Exception {
        byte[] latin1 =
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\u00e9</a>".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(XmlTreeReader.read(latin1).path("a").asText()).isEqualTo("caf\u00e9");
        byte[] bom = "\ufeff<a>x</a>".getBytes(StandardCharsets.UTF_8);
        assertThat(XmlTreeReader.read(bom).path("a").asText()).isEqualTo("x");
    }

    @Test
    void nestingUpToTheLimitIsRead() throws Exception {
        int depth = XmlTreeReader.MAX_DEPTH;
        JsonNode n = read("<a>".repeat(depth - 1) + "<b>x</b>" + "</a>".repeat(depth - 1));
        JsonNode cur = n;
        for (int i = 0; i < depth - 1; i++) {
            cur = cur.path("a");
        }
        assertThat(cur.path("b").asText()).isEqualTo("x");
    }
}
