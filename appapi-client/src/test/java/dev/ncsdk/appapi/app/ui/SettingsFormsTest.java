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

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.AppApiVersion;
import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.appapi.internal.Json;
import org.junit.jupiter.api.Test;

/**
 * Declarative settings forms. No capture: routes from AppAPI's appinfo/routes.php (OCSSettings#registerForm POST,
 * #unregisterForm DELETE, #getForm GET on /api/v1/ui/settings), parameters from
 * lib/Controller/OCSSettingsController.php (formScheme; formId); the field shapes are Nextcloud's declarative
 * settings (lib/public/Settings/DeclarativeSettingsTypes.php) as nc_py_api's ex_app/ui/settings.py sends them.
 */
class SettingsFormsTest extends UiTestSupport {
    private static final String ROUTE = V1 + "/api/v1/ui/settings";

    private static void json(SettingsField f, String expected) {
        assertThat(f.toJson()).isEqualTo(Json.parse(expected));
    }

    @Test
    void everyTextLikeFieldType() {
        json(
                SettingsField.text("model", "Model")
                        .description("Which model")
                        .placeholder("small")
                        .defaultValue("small")
                        .build(),
                "{\"id\":\"model\",\"title\":\"Model\",\"description\":\"Which model\",\"type\":\"text\","
                        + "\"default\":\"small\",\"placeholder\":\"small\"}");
        json(
                SettingsField.password("key", "Key").sensitive().build(),
                "{\"id\":\"key\",\"title\":\"Key\",\"description\":\"\",\"type\":\"password\",\"default\":\"\","
                        + "\"sensitive\":true}");
        json(
                SettingsField.email("mail", "Mail").build(),
                "{\"id\":\"mail\",\"title\":\"Mail\",\"description\":\"\",\"type\":\"email\",\"default\":\"\"}");
        json(
                SettingsField.tel("phone", "Phone").build(),
                "{\"id\":\"phone\",\"title\":\"Phone\",\"description\":\"\",\"type\":\"tel\",\"default\":\"\"}");
        json(
                SettingsField.url("site", "Site").placeholder("https://").build(),
                "{\"id\":\"site\",\"title\":\"Site\",\"description\":\"\",\"type\":\"url\",\"default\":\"\","
                        + "\"placeholder\":\"https://\"}");
    }

    @Test
    void numberAndCheckboxFields() {
        json(
                SettingsField.number("limit", "Limit").defaultValue(20).build(),
                "{\"id\":\"limit\",\"title\":\"Limit\",\"description\":\"\",\"type\":\"number\",\"default\":20}");
        json(
                SettingsField.number("ratio", "Ratio").build(),
                "{\"id\":\"ratio\",\"title\":\"Ratio\",\"description\":\"\",\"type\":\"number\",\"default\":0}");
        json(
                SettingsField.checkbox("notify", "Notify")
                        .label("Send a notification")
                        .defaultValue(true)
                        .build(),
                "{\"id\":\"notify\",\"title\":\"Notify\",\"description\":\"\",\"type\":\"checkbox\","
                        + "\"default\":true,\"label\":\"Send a notification\"}");
    }

    @Test
    void fieldsWithOptions() {
        json(
                SettingsField.multiCheckbox("days", "Days")
                        .option("Monday", "mon")
                        .option("Friday", "fri")
                        .defaultChecked("fri")
                        .build(),
                "{\"id\":\"days\",\"title\":\"Days\",\"description\":\"\",\"type\":\"multi-checkbox\","
                        + "\"default\":{\"mon\":false,\"fri\":true},"
                        + "\"options\":[{\"name\":\"Monday\",\"value\":\"mon\"},{\"name\":\"Friday\",\"value\":\"fri\"}]}");
        json(
                SettingsField.radio("mode", "Mode")
                        .option("Fast", "fast")
                        .option("Precise", "precise")
                        .defaultValue("fast")
                        .build(),
                "{\"id\":\"mode\",\"title\":\"Mode\",\"description\":\"\",\"type\":\"radio\",\"default\":\"fast\","
                        + "\"options\":[{\"name\":\"Fast\",\"value\":\"fast\"},{\"name\":\"Precise\",\"value\":\"precise\"}]}");
        json(
                SettingsField.select("size", "Size")
                        .options("S", "M")
                        .defaultValue("M")
                        .build(),
                "{\"id\":\"size\",\"title\":\"Size\",\"description\":\"\",\"type\":\"select\",\"default\":\"M\","
                        + "\"options\":[\"S\",\"M\"]}");
        json(
                SettingsField.multiSelect("langs", "Languages")
                        .options("en", "de", "fr")
                        .defaultValues("en", "fr")
                        .build(),
                "{\"id\":\"langs\",\"title\":\"Languages\",\"description\":\"\",\"type\":\"multi-select\","
                        + "\"default\":[\"en\",\"fr\"],\"options\":[\"en\",\"de\",\"fr\"]}");
    }

    @Test
    void defaultsAndOptionsThatDoNotFitTheTypeAreRefused() {
        assertThatThrownBy(() -> SettingsField.select("s", "S").build()).hasMessageContaining("option");
        assertThatThrownBy(() -> SettingsField.text("t", "T").options("a").build())
                .hasMessageContaining("no options");
        assertThatThrownBy(
                        () -> SettingsField.number("n", "N").defaultValue("x").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> SettingsField.checkbox("c", "C").defaultValue(1).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SettingsField.radio("r", "R")
                        .option("A", "a")
                        .defaultValue("b")
                        .build())
                .hasMessageContaining("no option");
        assertThatThrownBy(() -> SettingsField.multiSelect("m", "M")
                        .options("a")
                        .defaultValues("z")
                        .build())
                .hasMessageContaining("no option");
        assertThatThrownBy(() -> SettingsField.multiCheckbox("m", "M")
                        .option("A", "a")
                        .defaultChecked("z")
                        .build())
                .hasMessageContaining("no option");
        assertThatThrownBy(() -> SettingsForm.admin("f", "ai", "F").build()).hasMessageContaining("field");
        assertThatThrownBy(() -> SettingsForm.admin("f", "ai", "F")
                        .field(SettingsField.text("a", "A").build())
                        .field(SettingsField.text("a", "B").build())
                        .build())
                .hasMessageContaining("twice");
    }

    private static SettingsForm form(boolean sensitive) {
        SettingsField.Builder key = SettingsField.password("api_key", "API key");
        if (sensitive) {
            key.sensitive();
        }
        return SettingsForm.admin("my_app", "ai", "My App")
                .priority(20)
                .description("How it works")
                .docUrl("https://example.com/docs")
                .field(SettingsField.text("model", "Model")
                        .defaultValue("small")
                        .build())
                .field(key.build())
                .build();
    }

    @Test
    void registerPostsTheSchemeUnderFormScheme() {
        wm.stubFor(post(urlPathEqualTo(ROUTE)).willReturn(okJson(okEmpty())));
        try (NextcloudApp nc = app()) {
            nc.settings().register(form(false));
        }
        wm.verify(
                1,
                postRequestedFor(urlPathEqualTo(ROUTE))
                        .withRequestBody(equalToJson("{\"formScheme\":{\"id\":\"my_app\",\"priority\":20,"
                                + "\"section_type\":\"admin\",\"section_id\":\"ai\",\"title\":\"My App\","
                                + "\"description\":\"How it works\",\"doc_url\":\"https://example.com/docs\",\"fields\":["
                                + "{\"id\":\"model\",\"title\":\"Model\",\"description\":\"\",\"type\":\"text\","
                                + "\"default\":\"small\"},"
                                + "{\"id\":\"api_key\",\"title\":\"API key\",\"description\":\"\",\"type\":\"password\","
                                + "\"default\":\"\"}]}}")));
        // a form without sensitive fields needs no version check
        wm.verify(
                0,
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        urlPathEqualTo("/ocs/v2.php/cloud/capabilities")));
    }

    @Test
    void sensitiveFieldsNeedAppApi32() {
        appApi("31.0.7");
        try (NextcloudApp nc = app()) {
            assertThatThrownBy(() -> nc.settings().register(form(true)))
                    .isInstanceOfSatisfying(AppApiVersionTooOldException.class, e -> {
                        assertThat(e.required()).isEqualTo(AppApiVersion.of(32, 0, 0));
                        assertThat(e.feature()).isEqualTo("sensitive settings fields");
                        assertThat(e)
                                .hasMessageContaining("needs AppAPI 32.0.0")
                                .hasMessageContaining("31.0.7");
                    });
        }
        wm.verify(0, postRequestedFor(urlPathEqualTo(ROUTE)));
        wm.resetAll();
        appApi32();
        wm.stubFor(post(urlPathEqualTo(ROUTE)).willReturn(okJson(okEmpty())));
        try (NextcloudApp nc = app()) {
            nc.settings().register(form(true));
        }
        wm.verify(
                1,
                postRequestedFor(urlPathEqualTo(ROUTE))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                                "$.formScheme.fields[1].sensitive", equalTo("true"))));
    }

    @Test
    void getReadsTheSchemeBackAndUnregisterSendsTheFormId() {
        JsonNode scheme = form(true).toJson();
        wm.stubFor(get(urlPathEqualTo(ROUTE))
                .withQueryParam("formId", equalTo("my_app"))
                .willReturn(okJson(ok(scheme.toString()))));
        wm.stubFor(get(urlPathEqualTo(ROUTE))
                .withQueryParam("formId", equalTo("nope"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.notFound()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ocs\":{\"meta\":{\"status\":\"failure\",\"statuscode\":404,\"message\":\"\"},"
                                + "\"data\":[]}}")));
        wm.stubFor(delete(urlPathEqualTo(ROUTE))
                .withQueryParam("formId", equalTo("my_app"))
                .willReturn(okJson(okEmpty())));
        try (NextcloudApp nc = app()) {
            assertThat(nc.settings().get("my_app")).contains(form(true));
            assertThat(nc.settings().get("nope")).isEmpty();
            assertThat(nc.settings().unregister("my_app")).isTrue();
        }
    }

    @Test
    void theFormOfDocsExappUiBuildsWithEveryFieldType() {
        // the example of docs/exapp-ui.md, "Declarative settings forms", as written there
        SettingsForm form = SettingsForm.admin("my_app_settings", "ai", "My App")
                .priority(10)
                .description("How My App works")
                .docUrl("https://example.com/docs")
                .field(SettingsField.text("model", "Model")
                        .placeholder("small")
                        .defaultValue("small")
                        .build())
                .field(SettingsField.password("api_key", "API key").sensitive().build())
                .field(SettingsField.email("contact", "Contact").build())
                .field(SettingsField.tel("phone", "Phone").build())
                .field(SettingsField.url("endpoint", "Endpoint").build())
                .field(SettingsField.number("limit", "Limit").defaultValue(20).build())
                .field(SettingsField.checkbox("notify", "Notify")
                        .label("Notify me when done")
                        .defaultValue(true)
                        .build())
                .field(SettingsField.multiCheckbox("days", "Days")
                        .option("Monday", "mon")
                        .option("Friday", "fri")
                        .defaultChecked("mon")
                        .build())
                .field(SettingsField.radio("mode", "Mode")
                        .option("Fast", "fast")
                        .option("Precise", "precise")
                        .defaultValue("fast")
                        .build())
                .field(SettingsField.select("size", "Size")
                        .options("S", "M", "L")
                        .defaultValue("M")
                        .build())
                .field(SettingsField.multiSelect("langs", "Languages")
                        .options("en", "de")
                        .defaultValues("en")
                        .build())
                .build();
        assertThat(form.fields())
                .extracting(f -> f.type().wire())
                .containsExactly(
                        "text",
                        "password",
                        "email",
                        "tel",
                        "url",
                        "number",
                        "checkbox",
                        "multi-checkbox",
                        "radio",
                        "select",
                        "multi-select");
        assertThat(SettingsForm.fromJson(form.toJson())).isEqualTo(form);
        assertThat(form.hasSensitiveFields()).isTrue();
    }
}
