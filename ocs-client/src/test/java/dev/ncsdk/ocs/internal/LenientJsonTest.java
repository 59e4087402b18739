package dev.ncsdk.ocs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lenient reading rules: what PHP, XML and JSON send for booleans, numbers, lists and maps. */
class LenientJsonTest {
    record B(Boolean w, boolean p) {}

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "true|true",
                "false|false",
                "1|true",
                "0|false",
                "2.5|true",
                "0.0|false",
                "'\"1\"'|true",
                "'\"0\"'|false",
                "'\"true\"'|true",
                "'\"yes\"'|true",
                "'\"off\"'|false",
                "'\"\"'|false",
                "'\" TRUE \"'|true",
                "[]|false"
            })
    void booleans(String json, boolean expected) throws Exception {
        B b = Json.mapper().readValue("{\"w\":" + json + ",\"p\":" + json + "}", B.class);
        assertThat(b.w()).isEqualTo(expected);
        assertThat(b.p()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource(
            delimiter = '|',
            value = {"'\"maybe\"'", "[1]", "{}"})
    void notBooleans(String json) {
        assertThatThrownBy(() -> Json.mapper().readValue("{\"w\":" + json + "}", B.class))
                .isInstanceOfAny(InvalidFormatException.class, MismatchedInputException.class);
    }

    @org.junit.jupiter.api.Test
    void nullsAndEmpties() throws Exception {
        B b = Json.mapper().readValue("{\"w\":null,\"p\":null}", B.class);
        assertThat(b.w()).isNull();
        assertThat(b.p()).isFalse();
        record C(Integer n, List<String> l, Map<String, String> m, Double d) {}
        C c = Json.mapper().readValue("{\"n\":\"\",\"l\":\"\",\"m\":[],\"d\":\"\"}", C.class);
        assertThat(c).isEqualTo(new C(null, List.of(), Map.of(), null));
        C single = Json.mapper().readValue("{\"n\":\"7\",\"l\":\"x\",\"m\":\"\"}", C.class);
        assertThat(single).isEqualTo(new C(7, List.of("x"), Map.of(), null));
    }
}
