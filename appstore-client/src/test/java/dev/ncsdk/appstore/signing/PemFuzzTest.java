package dev.ncsdk.appstore.signing;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

class PemFuzzTest {

    /** Whatever the text, the PEM loader either returns or throws {@link SigningException}, never anything else. */
    @FuzzTest(maxDuration = "10s")
    void loadPem(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            Pem.certificates(text);
        } catch (SigningException expected) {
            // malformed input is reported as such
        }
        try {
            Pem.privateKey(text);
        } catch (SigningException expected) {
            // malformed input is reported as such
        }
        try {
            Pem.crls(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (SigningException expected) {
            // malformed input is reported as such
        }
        try {
            Signatures.decode(text);
        } catch (SigningException expected) {
            // malformed input is reported as such
        }
    }
}
