package dev.ncsdk.appapi.app.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.appapi.AppApiVersion;
import dev.ncsdk.appapi.app.NextcloudApp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * occ commands. No capture: routes from AppAPI's appinfo/routes.php (OccCommand#registerCommand POST,
 * #unregisterCommand DELETE, #getCommand GET on /api/v1/occ_command); parameters from
 * lib/Controller/OccCommandController.php (name, description, execute_handler, hidden, arguments, options, usages);
 * the argument/option keys and modes, and the call's body {"occ":{"arguments":…,"options":…}}, from
 * lib/Service/ExAppOccService.php (buildArgumentMode, buildOptionMode, execute).
 */
class OccCommandsTest extends UiTestSupport {
    private static final String ROUTE = V1 + "/api/v1/occ_command";

    private static OccCommand scan() {
        return OccCommand.builder("my_app:scan", "/occ/scan")
                .description("Scans files")
                .hidden(true)
                .argument(OccArgument.required("user", "The user"))
                .argument(OccArgument.optional("path", "Folder", "/"))
                .argument(OccArgument.array("files", "Files"))
                .option(OccOption.flag("dry-run", "d", "Only report"))
                .option(OccOption.required("limit", "l", "How many", "100"))
                .option(OccOption.optional("format", null, "Output format", "plain"))
                .option(OccOption.array("tag", "t", "Tags"))
                .option(OccOption.negatable("color", "Colours"))
                .usage("my_app:scan alice --dry-run")
                .build();
    }

    private static final String SCAN_JSON = "{\"name\":\"my_app:scan\",\"description\":\"Scans files\",\"hidden\":1,"
            + "\"arguments\":["
            + "{\"name\":\"user\",\"mode\":\"required\",\"description\":\"The user\",\"default\":null},"
            + "{\"name\":\"path\",\"mode\":\"optional\",\"description\":\"Folder\",\"default\":\"/\"},"
            + "{\"name\":\"files\",\"mode\":\"array\",\"description\":\"Files\",\"default\":null}],"
            + "\"options\":["
            + "{\"name\":\"dry-run\",\"shortcut\":\"d\",\"mode\":\"none\",\"description\":\"Only report\",\"default\":null},"
            + "{\"name\":\"limit\",\"shortcut\":\"l\",\"mode\":\"required\",\"description\":\"How many\",\"default\":\"100\"},"
            + "{\"name\":\"format\",\"shortcut\":null,\"mode\":\"optional\",\"description\":\"Output format\","
            + "\"default\":\"plain\"},"
            + "{\"name\":\"tag\",\"shortcut\":\"t\",\"mode\":\"array\",\"description\":\"Tags\",\"default\":null},"
            + "{\"name\":\"color\",\"shortcut\":null,\"mode\":\"negatable\",\"description\":\"Colours\",\"default\":null}],"
            + "\"usages\":[\"my_app:scan alice --dry-run\"],\"execute_handler\":\"occ/scan\"}";

    @Test
    void registerSendsEveryModeAndTheHandlerWithoutItsSlash() {
        appApi32();
        wm.stubFor(post(urlPathEqualTo(ROUTE)).willReturn(okJson(okEmpty())));
        try (NextcloudApp nc = app()) {
            nc.occ().register(scan());
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo(ROUTE)).withRequestBody(equalToJson(SCAN_JSON)));
    }

    @Test
    void anAppApiBeforeOccCommandsIsRefusedBeforeSending() {
        appApi("2.4.0");
        try (NextcloudApp nc = app()) {
            assertThatThrownBy(() -> nc.occ().register(scan()))
                    .isInstanceOfSatisfying(AppApiVersionTooOldException.class, e -> {
                        assertThat(e.required()).isEqualTo(AppApiVersion.of(2, 5, 0));
                        assertThat(e).hasMessageStartingWith("occ commands needs AppAPI 2.5.0");
                    });
        }
        wm.verify(0, postRequestedFor(urlPathEqualTo(ROUTE)));
    }

    @Test
    void getReadsTheCommandBackAndUnregisterSendsTheName() {
        String answer = SCAN_JSON.replace(
                "{\"name\":\"my_app:scan\"", "{\"id\":4,\"appid\":\"javastub\",\"name\":\"my_app:scan\"");
        wm.stubFor(get(urlPathEqualTo(ROUTE))
                .withQueryParam("name", equalTo("my_app:scan"))
                .willReturn(okJson(ok(answer))));
        wm.stubFor(delete(urlPathEqualTo(ROUTE))
                .withQueryParam("name", equalTo("my_app:scan"))
                .willReturn(okJson(okEmpty())));
        wm.stubFor(delete(urlPathEqualTo(ROUTE))
                .withQueryParam("name", equalTo("nope"))
                .willReturn(okJson(notFoundV1("Command not found"))));
        try (NextcloudApp nc = app()) {
            assertThat(nc.occ().get("my_app:scan")).contains(scan());
            assertThat(nc.occ().unregister("my_app:scan")).isTrue();
            assertThat(nc.occ().unregister("nope")).isFalse();
        }
    }

    /**
     * Symfony merges the application's options (-h, -q, -v, -V, -n, --ansi/--no-ansi, --no-interaction, and
     * Nextcloud's --no-warnings) into every command it runs; InputDefinition::addOption throws "An option with shortcut
     * ... already exists" on a clash, so such a command would be registered but could never run.
     */
    @Test
    void optionsThatClashWithOccsOwnAreRefusedBeforeRegistering() {
        assertThatThrownBy(() -> OccCommand.builder("a", "h")
                        .option(OccOption.flag("dry-run", "n", ""))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'-n'");
        assertThatThrownBy(() -> OccCommand.builder("a", "h")
                        .option(OccOption.flag("verbose", null, ""))
                        .build())
                .hasMessageContaining("--verbose");
        assertThatThrownBy(() -> OccCommand.builder("a", "h")
                        .option(OccOption.negatable("warnings", ""))
                        .build())
                .hasMessageContaining("--warnings");
        OccCommand direct = new OccCommand(
                "a", "", false, "h", List.of(), List.of(OccOption.flag("quiet-mode", "q", "")), List.of());
        try (NextcloudApp nc = app()) {
            assertThatThrownBy(() -> nc.occ().register(direct)).hasMessageContaining("'-q'");
        }
        wm.verify(0, postRequestedFor(urlPathEqualTo(ROUTE)));
    }

    @Test
    void argumentsOutOfOrderAndRepeatedNamesAreRefused() {
        assertThatThrownBy(() -> OccCommand.builder("a", "h")
                        .argument(OccArgument.array("x", ""))
                        .argument(OccArgument.required("y", ""))
                        .build())
                .hasMessageContaining("last");
        assertThatThrownBy(() -> OccCommand.builder("a", "h")
                        .argument(OccArgument.optional("x", "", null))
                        .argument(OccArgument.required("y", ""))
                        .build())
                .hasMessageContaining("follows an optional");
        assertThatThrownBy(() -> OccCommand.builder("a", "h")
                        .option(OccOption.flag("v", "v", ""))
                        .option(OccOption.flag("w", "v", ""))
                        .build())
                .hasMessageContaining("shortcut");
        assertThatThrownBy(() -> new OccOption("x", null, OccOption.Mode.NONE, "", "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OccOption.flag("--x", null, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCallTheHandlerReceivesIsRead() {
        String body = "{\"occ\":{\"arguments\":{\"user\":\"alice\",\"path\":null,\"files\":[\"a.txt\",\"b.txt\"]},"
                + "\"options\":{\"dry-run\":true,\"limit\":\"50\",\"format\":null,\"tag\":[\"x\"],\"color\":false}}}";
        OccInvocation occ = OccInvocation.parse(body.getBytes(StandardCharsets.UTF_8));
        assertThat(occ.argument("user")).hasValue("alice");
        assertThat(occ.argument("path")).isEmpty();
        assertThat(occ.argumentList("files")).containsExactly("a.txt", "b.txt");
        assertThat(occ.flag("dry-run")).isTrue();
        assertThat(occ.option("limit")).hasValue("50");
        assertThat(occ.option("format")).isEmpty();
        assertThat(occ.optionList("tag")).containsExactly("x");
        assertThat(occ.flag("color")).isFalse();
        assertThat(occ.flag("unknown")).isFalse();
        assertThat(occ.arguments().keySet()).containsExactly("user", "path", "files");
    }

    @Test
    void emptyPhpArraysAndNullsReadAsNoValues() {
        OccInvocation occ =
                OccInvocation.parse("{\"occ\":{\"arguments\":[],\"options\":null}}".getBytes(StandardCharsets.UTF_8));
        assertThat(occ.arguments()).isEmpty();
        assertThat(occ.options()).isEmpty();
        assertThat(occ.argumentList("x")).isEqualTo(List.of());
        assertThatThrownBy(() -> OccInvocation.parse("{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
