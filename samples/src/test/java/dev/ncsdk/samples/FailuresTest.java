package dev.ncsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ncsdk.ocs.NcInsecureHttpException;
import dev.ncsdk.ocs.NcTimeoutException;
import dev.ncsdk.ocs.NcTransportException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** The exit code and the words each kind of failure gets. */
class FailuresTest {
    @Test
    void credentialsRefusedOverPlainHttpAreBadUsageNotAMissingAnswer() {
        Failures.Failure f = Failures.talkingTo(
                "http://store.example", new NcInsecureHttpException("refused to send the token over http"));
        assertThat(f.exit).isEqualTo(Failures.USAGE);
        assertThat(f.getMessage()).isEqualTo("refused to send the token over http");
    }

    @Test
    void aTimeoutIsNoAnswerWithTheDeadlineInWords() {
        Failures.Failure f = Failures.talkingTo(
                "https://apps.nextcloud.com/api/v1",
                new NcTimeoutException(
                        "GET https://apps.nextcloud.com/api/v1/apps.json: no complete answer within 2 s", null, true));
        assertThat(f.exit).isEqualTo(Failures.NO_ANSWER);
        assertThat(f.getMessage()).isEqualTo("cannot reach https://apps.nextcloud.com: no answer within 2 s");
    }

    @Test
    void aRefusedConnectionAndAnUnknownHostAreSaidInWordsNotClassNames() {
        NcTransportException refused = new NcTransportException(
                "GET http://127.0.0.1:1/x: cannot connect (ConnectException)", new ConnectException(), false);
        assertThat(Failures.talkingTo("http://127.0.0.1:1/x?y=1", refused).getMessage())
                .isEqualTo("cannot reach http://127.0.0.1:1: connection refused");
        assertThat(Failures.message(refused)).isEqualTo("cannot reach http://127.0.0.1:1: connection refused");
        NcTransportException dns = new NcTransportException(
                "GET https://nc.invalid/x: cannot connect (UnknownHostException)",
                new UnknownHostException("nc.invalid"),
                false);
        assertThat(Failures.talkingTo("https://nc.invalid", dns).getMessage())
                .isEqualTo("cannot reach https://nc.invalid: unknown host (DNS lookup failed)");
        assertThat(Failures.exitCode(dns)).isEqualTo(Failures.NO_ANSWER);
    }

    @Test
    void javaClassNamesAreDroppedFromMessages() {
        assertThat(Failures.clean(
                        "PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException:"
                                + " unable to find valid certification path"))
                .isEqualTo("PKIX path building failed: unable to find valid certification path");
        assertThat(Failures.clean("java.io.IOException: disk full")).isEqualTo("disk full");
        assertThat(Failures.clean("first line\nsecond line")).isEqualTo("first line second line");
        assertThat(Failures.message(new NoSuchFileException("/x.json"))).isEqualTo("cannot read /x.json: no such file");
        assertThat(Failures.message(new IllegalStateException())).doesNotContain("Exception");
    }
}
