package dev.ncsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ncsdk.ocs.NcInsecureHttpException;
import dev.ncsdk.ocs.NcTimeoutException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The exit code each kind of SDK failure gets. */
class FailuresTest {
    @Test
    void credentialsRefusedOverPlainHttpAreBadUsageNotAMissingAnswer() {
        StringWriter text = new StringWriter();
        int code = Failures.report(
                new PrintWriter(text, true), new NcInsecureHttpException("refused to send the token over http"));
        assertThat(code).isEqualTo(Failures.USAGE);
        assertThat(text.toString()).contains("refused to send the token over http");
    }

    @Test
    void aTimeoutIsNoAnswer() {
        int code = Failures.report(
                new PrintWriter(new StringWriter(), true), new NcTimeoutException("no answer", null, false));
        assertThat(code).isEqualTo(Failures.NO_ANSWER);
    }
}
