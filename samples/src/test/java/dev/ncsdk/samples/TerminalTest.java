package dev.ncsdk.samples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Server-chosen text reaches the terminal with its control characters shown, never obeyed. */
class TerminalTest {
    /** Retitles the window (OSC 0 ended by BEL), clears the screen, and a C1 CSI (U+009B) that colours red. */
    private static final String HOSTILE = "\u001b]0;owned\u0007\u001b[2J\u009b31m";

    private static final String SHOWN = "\\e]0;owned\\x07\\e[2J\\u009b31m";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @RegisterExtension
    final StdCapture std = new StdCapture();

    private static void assertNoControlCharacters(String printed) {
        for (char c : printed.toCharArray()) {
            assertThat(Terminal.isControl(c))
                    .as("printed U+%04X in %s", (int) c, printed)
                    .isFalse();
        }
    }

    @Test
    void anOcsMessageWithEscapeSequencesIsPrintedVisiblyInTheErrorLine() {
        wm.stubFor(get(urlPathEqualTo("/ocs/v2.php/cloud/users"))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody("{\"ocs\":{\"meta\":{\"status\":\"failure\",\"statuscode\":403,\"message\":\""
                                + jsonEscape("Denied " + HOSTILE + "\r")
                                + "\"},\"data\":[]}}")));

        assertThat(Main.run("ocs", "--url", wm.baseUrl(), "GET", "/cloud/users"))
                .isEqualTo(Failures.FAILED);

        assertThat(std.err()).contains("Denied " + SHOWN + "\\x0d");
        assertNoControlCharacters(std.err().replace("\n", ""));
    }

    @Test
    void aDaemonNameWithEscapeSequencesIsPrintedVisiblyInTheTable() throws IOException {
        String recorded = Files.readString(
                Path.of(System.getProperty("ncsdk.fixtures"), "nextcloud-32", "130_admin_daemons_list.body.json"));
        wm.stubFor(get(urlPathEqualTo("/index.php/apps/app_api/daemons"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(recorded.replace("\"Manual Install\"", "\"Manual" + jsonEscape(HOSTILE) + "\""))));

        assertThat(Main.run("appapi", "--url", wm.baseUrl(), "--user", "admin", "--password-env", "HOME", "daemons"))
                .isZero();

        assertThat(std.out()).contains("manual_install").contains("Manual" + SHOWN);
        assertNoControlCharacters(std.out());
    }

    @Test
    void everyControlCharacterIsShownAndNewLinesTabsAndOtherTextPass() {
        assertThat(Terminal.escape("a\u001bb")).isEqualTo("a\\eb");
        assertThat(Terminal.escape("\u0000\u0007\u0008\r\u001f")).isEqualTo("\\x00\\x07\\x08\\x0d\\x1f");
        assertThat(Terminal.escape("\u007f\u0080\u009b\u009f")).isEqualTo("\\u007f\\u0080\\u009b\\u009f");
        assertThat(Terminal.escape("line\n\tcol Ünïcödé ✓ \u00a0")).isEqualTo("line\n\tcol Ünïcödé ✓ \u00a0");
    }

    @Test
    void theWriterLetsAWindowsLineEndPassButNotALoneCarriageReturn() {
        StringWriter target = new StringWriter();
        PrintWriter w = Terminal.safe(target, false);
        w.print("one\r\ntwo\rthree\r");
        w.print("\nfour\r");
        w.flush();
        assertThat(target.toString()).isEqualTo("one\r\ntwo\\x0dthree\r\nfour\\x0d");
    }

    @Test
    void trustedColourIsWrittenOnlyWhenAllowedAndTheStyledTextIsStillEscaped() {
        StringWriter coloured = new StringWriter();
        Terminal.safe(coloured, true).styled(Terminal.Style.RED, "x\u001b[0m");
        assertThat(coloured.toString()).isEqualTo("\u001b[31mx\\e[0m\u001b[0m");

        StringWriter plain = new StringWriter();
        Terminal.safe(plain, false).styled(Terminal.Style.RED, "x");
        assertThat(plain.toString()).isEqualTo("x");
    }

    @Test
    void aLineIsRedrawnOnlyWhenTheWriterColoursAndItsTextIsStillEscaped() {
        StringWriter target = new StringWriter();
        Terminal.SafeWriter plain = Terminal.safe(target, false);
        plain.redraw("50% \u001b[2J");
        plain.print("piped");
        Terminal.SafeWriter coloured = plain.withColour(true);
        coloured.redraw("50% \u001b[2J");
        coloured.flush();

        assertThat(coloured).isNotSameAs(plain);
        assertThat(coloured.withColour(true)).isSameAs(coloured);
        assertThat(plain.colour()).isFalse();
        assertThat(coloured.colour()).isTrue();
        assertThat(target.toString()).isEqualTo("piped\r\u001b[2K50% \\e[2J");
    }

    @Test
    void colourNeedsATerminalAndNoColourUnset() {
        assertThat(Terminal.colourAllowed(null, Map.of())).as("not a terminal").isFalse();
        // a console exists here only when the tests run on a terminal; NO_COLOR wins either way
        assertThat(Terminal.colourAllowed(System.console(), Map.of("NO_COLOR", "1")))
                .isFalse();
    }

    private static String jsonEscape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == '"' || c == '\\') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
