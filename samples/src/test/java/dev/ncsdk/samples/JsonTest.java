package dev.ncsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The hand-written JSON string literals of the samples' small outputs. */
class JsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyCharacterThatNeedsEscapingIsEscapedTheShortWayWhereJsonHasOne() {
        assertThat(Json.string(new StringBuilder(), "a\"b\\c\nd\re\tf\bg\fh\u0001i\u001fj/k")
                        .toString())
                .isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0001i\\u001fj/k\"");
        assertThat(Json.string(new StringBuilder(), null).toString()).isEqualTo("null");
        assertThat(Json.string(new StringBuilder(), "").toString()).isEqualTo("\"\"");
    }

    @Test
    void anyStringReadsBackUnchanged() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x300; c++) {
            all.append(c);
        }
        all.append("€😀\u2028\u2029\uFFFF");
        String s = all.toString();
        assertThat(MAPPER.readValue(Json.string(new StringBuilder(), s).toString(), String.class))
                .isEqualTo(s);
    }
}
