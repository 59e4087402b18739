package dev.ncsdk.appapi.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Outside input never breaks the test kit with anything but its own errors: an ExApp's raw HTTP answer over a
 * Unix socket is an answer or an {@link IOException}; an ExApp's call parameters (query, JSON or form body) are read
 * without exceptions, as PHP reads them.
 */
class TestKitFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void unixSocketAnswers(byte[] input) {
        try {
            ExAppResponse r = UnixSocketExAppChannel.readResponse(new ByteArrayInputStream(input), "GET");
            assertThat(r.status()).isBetween(0, 999);
            assertThat(r.body().length).isLessThanOrEqualTo(input.length * 1032 + 64);
        } catch (IOException expected) {
            assertThat(expected.getMessage()).isNotNull();
        }
    }

    @FuzzTest(maxDuration = "10s")
    void callParameters(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int cut = text.indexOf('\n');
        String query = cut < 0 ? text : text.substring(0, cut);
        byte[] body = cut < 0 ? new byte[0] : text.substring(cut + 1).getBytes(StandardCharsets.UTF_8);
        for (String type : new String[] {"application/json", "application/x-www-form-urlencoded", "text/plain"}) {
            AppApiSimulator.Call c =
                    new AppApiSimulator.Call("POST", "/", query, Map.of("content-type", List.of(type)), body);
            assertThat(Params.of(c)).isNotNull();
        }
        RecordedCall rc = new RecordedCall(Instant.EPOCH, "POST", "/", query, Map.of(), body, null, 200);
        assertThat(rc.toString()).startsWith("POST /");
        rc.queryParam("format");
    }
}
