package dev.ncsdk.ocs.internal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ncsdk.ocs.NcResponseException;
import dev.ncsdk.ocs.OcsResponse;
import dev.ncsdk.ocs.internal.http.HttpResult;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the OCS envelope parsers with outside input. Under {@code mvn verify} the seed corpus in
 * {@code EnvelopeFuzzTestInputs/<method>/} runs as regression tests; with {@code JAZZER_FUZZ=1} Jazzer explores.
 * The only failures a parser may report are its own typed ones.
 */
class EnvelopeFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void xmlEnvelope(byte[] data) {
        try {
            XmlTreeReader.read(data);
        } catch (XmlTreeReader.XmlException expected) {
            // refused: malformed, DTD, entity or over a bound
        }
        parseEnvelope(data);
    }

    @FuzzTest(maxDuration = "30s")
    void jsonEnvelope(byte[] data) {
        try {
            OcsEnvelope.readTree(data);
        } catch (OcsEnvelope.NotOcsException expected) {
            // refused: not JSON or XML
        }
        parseEnvelope(data);
    }

    @FuzzTest(maxDuration = "30s")
    void anyAnswer(FuzzedDataProvider in) {
        int status = in.consumeInt(100, 599);
        String type = in.pickValue(new String[] {"application/json", "application/xml", "text/html", ""});
        byte[] body = in.consumeRemainingAsBytes();
        HttpHeaders headers =
                HttpHeaders.of(type.isEmpty() ? Map.of() : Map.of("Content-Type", List.of(type)), (a, b) -> true);
        HttpResult r = new HttpResult("GET", URI.create("http://fuzz/ocs/v2.php/x"), status, headers, body);
        try {
            OcsResponse<?> ok = OcsEnvelope.check(r);
            if (status < 200 || status >= 300 || !ok.meta().isSuccessCode()) {
                throw new AssertionError("a failure was taken for a success: " + status + " " + ok.meta());
            }
        } catch (NcResponseException expected) {
            if (expected.httpStatus() != status || expected.getMessage() == null) {
                throw new AssertionError("the error lost the HTTP status", expected);
            }
        }
    }

    private static void parseEnvelope(byte[] data) {
        try {
            OcsEnvelope.Parsed p = OcsEnvelope.parse(data);
            if (p.meta() == null || p.data() == null) {
                throw new AssertionError("parsed envelope without meta or data");
            }
        } catch (OcsEnvelope.NotOcsException expected) {
            // refused
        }
    }
}
