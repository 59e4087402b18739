package dev.ncsdk.appapi.app.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.appapi.internal.Json;
import dev.ncsdk.appapi.testing.WireMockSupport;
import dev.ncsdk.ocs.NcBadRequestException;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The webhook_listeners API (nextcloud/server {@code apps/webhook_listeners/lib/Controller/WebhooksController.php}:
 * routes {@code /api/v1/webhooks}, {@code /{id}}, {@code /byappid/{appid}}; bodies of {@code
 * lib/Db/WebhookListener.php::jsonSerialize}, with PHP's {@code []} for an empty filter and the auth data
 * encrypted), over WireMock.
 */
class WebhooksTest extends WireMockSupport {
    static final String BASE = "/ocs/v2.php/apps/webhook_listeners/api/v1/webhooks";
    static final String LISTENER = "{\"id\":12,\"appId\":\"hello_java\",\"userId\":null,\"httpMethod\":\"POST\","
            + "\"uri\":\"/webhooks/files\",\"event\":\"OCP\\\\Files\\\\Events\\\\Node\\\\NodeCreatedEvent\","
            + "\"eventFilter\":[],\"userIdFilter\":\"\",\"headers\":null,\"authMethod\":\"none\",\"authData\":null}";
    static final String LISTENER_WITH_AUTH = "{\"id\":\"13\",\"appId\":null,\"userId\":\"admin\","
            + "\"httpMethod\":\"PUT\",\"uri\":\"https://hooks.example.com/nc\","
            + "\"event\":\"OCA\\\\Forms\\\\Events\\\\FormSubmittedEvent\",\"eventFilter\":{\"user.uid\":\"bob\"},"
            + "\"userIdFilter\":\"bob\",\"headers\":{\"X-Source\":\"nc\"},\"authMethod\":\"header\","
            + "\"authData\":\"3|e1d0...encrypted\"}";

    static NextcloudApp app() {
        return NextcloudApp.builder()
                .baseUri(java.net.URI.create(baseUrl()))
                .appId("hello_java")
                .appVersion("1.0.0")
                .secret(Secret.of("app-secret-0123456789"))
                .timeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    static String ok(String data) {
        return "{\"ocs\":{\"meta\":{\"status\":\"ok\",\"statuscode\":200,\"message\":\"OK\"},\"data\":" + data + "}}";
    }

    @Test
    void registersWithTheServersFieldNamesInTheSystemContext() {
        wm.stubFor(post(urlPathEqualTo(BASE)).willReturn(okJson(ok(LISTENER))));
        try (NextcloudApp nc = app()) {
            WebhookListener l = nc.asUser("alice")
                    .webhooks()
                    .register(WebhookRegistration.builder(WebhookEvents.NODE_CREATED, "/webhooks/files")
                            .build());
            assertThat(l.id()).isEqualTo(12);
            assertThat(l.appId()).isEqualTo("hello_java");
            assertThat(l.userId()).isEmpty();
            assertThat(l.event()).isEqualTo(WebhookEvents.NODE_CREATED);
            assertThat(l.eventFilter().isObject()).isTrue();
            assertThat(l.eventFilter().isEmpty()).isTrue();
            assertThat(l.headers()).isEmpty();
            assertThat(l.authMethod()).isEqualTo(WebhookAuthMethod.NONE);
            assertThat(l.hasAuthData()).isFalse();
            assertThat(l.deliveredToExApp()).isTrue();
        }
        // the routes are #[AppApiAdminAccessWithoutUser]: the ExApp calls them with an empty user
        wm.verify(postRequestedFor(urlPathEqualTo(BASE))
                .withHeader(
                        "AUTHORIZATION-APP-API",
                        equalTo(java.util.Base64.getEncoder()
                                .encodeToString(
                                        ":app-secret-0123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .withRequestBody(equalToJson("{\"httpMethod\":\"POST\",\"uri\":\"/webhooks/files\",\"event\":"
                        + "\"OCP\\\\Files\\\\Events\\\\Node\\\\NodeCreatedEvent\",\"authMethod\":\"none\"}")));
    }

    @Test
    void sendsFiltersHeadersAndHeaderAuth() {
        wm.stubFor(post(urlPathEqualTo(BASE)).willReturn(okJson(ok(LISTENER_WITH_AUTH))));
        WebhookRegistration r = WebhookRegistration.builder(
                        WebhookEvents.FORM_SUBMITTED, "https://hooks.example.com/nc")
                .httpMethod("put")
                .eventFilter(Json.parse("{\"user.uid\":\"bob\"}"))
                .userIdFilter("bob")
                .header("X-Source", "nc")
                .authHeader("Authorization", "Bearer s3cr3t")
                .tokenNeeded(Json.parse("{\"user_roles\":[\"trigger\"]}"))
                .build();
        assertThat(r.toString()).doesNotContain("s3cr3t").contains("Authorization");
        try (NextcloudApp nc = app()) {
            WebhookListener l = nc.webhooks().register(r);
            assertThat(l.id()).isEqualTo(13);
            assertThat(l.appId()).isEmpty();
            assertThat(l.userId()).isEqualTo("admin");
            assertThat(l.authMethod()).isEqualTo(WebhookAuthMethod.HEADER);
            assertThat(l.hasAuthData()).isTrue();
            assertThat(l.headers()).containsEntry("X-Source", "nc");
            assertThat(l.eventFilter().get("user.uid").asText()).isEqualTo("bob");
            assertThat(l.deliveredToExApp()).isFalse();
            assertThat(l.toString()).doesNotContain("encrypted");
        }
        wm.verify(postRequestedFor(urlPathEqualTo(BASE))
                .withRequestBody(equalToJson("{\"httpMethod\":\"PUT\","
                        + "\"uri\":\"https://hooks.example.com/nc\",\"event\":\"OCA\\\\Forms\\\\Events\\\\FormSubmittedEvent\","
                        + "\"eventFilter\":{\"user.uid\":\"bob\"},\"userIdFilter\":\"bob\",\"headers\":{\"X-Source\":\"nc\"},"
                        + "\"authMethod\":\"header\",\"authData\":{\"Authorization\":\"Bearer s3cr3t\"},"
                        + "\"tokenNeeded\":{\"user_roles\":[\"trigger\"]}}")));
    }

    @Test
    void theServersRefusalOfAnUnknownEventIsABadRequest() {
        wm.stubFor(post(urlPathEqualTo(BASE))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"ocs\":{\"meta\":{\"status\":\"failure\",\"statuscode\":400,\"message\":\"Foo is not an "
                                        + "event class compatible with webhooks\"},\"data\":[]}}")));
        try (NextcloudApp nc = app()) {
            assertThatThrownBy(() -> nc.webhooks()
                            .register(WebhookRegistration.builder("Foo", "/x").build()))
                    .isInstanceOf(NcBadRequestException.class)
                    .hasMessageContaining("not an event class");
        }
        assertThatThrownBy(() -> WebhookRegistration.builder("Foo", " ").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookRegistration(
                        "POST", "/x", "E", null, "", null, WebhookAuthMethod.HEADER, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsFiltersByUriAndGets() {
        wm.stubFor(get(urlPathEqualTo(BASE)).willReturn(okJson(ok("[" + LISTENER + "," + LISTENER_WITH_AUTH + "]"))));
        wm.stubFor(get(urlPathEqualTo(BASE + "/12")).willReturn(okJson(ok(LISTENER))));
        wm.stubFor(get(urlPathEqualTo(BASE + "/99"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"ocs\":{\"meta\":{\"status\":\"failure\",\"statuscode\":404,\"message\":\"Did expect "
                                        + "one result but found none\"},\"data\":[]}}")));
        try (NextcloudApp nc = app()) {
            List<WebhookListener> all = nc.webhooks().list();
            assertThat(all).extracting(WebhookListener::id).containsExactly(12L, 13L);
            nc.webhooks().list("/webhooks/files");
            assertThat(nc.webhooks().get(12)).map(WebhookListener::uri).contains("/webhooks/files");
            assertThat(nc.webhooks().get(99)).isEmpty();
        }
        wm.verify(getRequestedFor(urlPathEqualTo(BASE)).withQueryParam("uri", equalTo("/webhooks/files")));
    }

    @Test
    void updatesWithEveryField() {
        wm.stubFor(post(urlPathEqualTo(BASE + "/12"))
                .willReturn(okJson(ok(LISTENER.replace("NodeCreated", "NodeWritten")))));
        try (NextcloudApp nc = app()) {
            WebhookListener l = nc.webhooks()
                    .update(
                            12,
                            WebhookRegistration.builder(WebhookEvents.NODE_WRITTEN, "/webhooks/files")
                                    .build());
            assertThat(l.event()).isEqualTo(WebhookEvents.NODE_WRITTEN);
        }
        wm.verify(postRequestedFor(urlPathEqualTo(BASE + "/12"))
                .withRequestBody(equalToJson("{\"httpMethod\":\"POST\","
                        + "\"uri\":\"/webhooks/files\",\"event\":\"OCP\\\\Files\\\\Events\\\\Node\\\\NodeWrittenEvent\","
                        + "\"authMethod\":\"none\"}")));
    }

    @Test
    void deletesOneAndAllOfThisAppByAppId() {
        wm.stubFor(delete(urlPathEqualTo(BASE + "/12")).willReturn(okJson(ok("true"))));
        wm.stubFor(delete(urlPathEqualTo(BASE + "/13")).willReturn(okJson(ok("false"))));
        wm.stubFor(delete(urlPathEqualTo(BASE + "/byappid/hello_java")).willReturn(okJson(ok("3"))));
        try (NextcloudApp nc = app()) {
            assertThat(nc.webhooks().delete(12)).isTrue();
            assertThat(nc.webhooks().delete(13)).isFalse();
            assertThat(nc.webhooks().deleteAllOfThisApp()).isEqualTo(3);
            assertThatThrownBy(() -> nc.webhooks().delete(0)).isInstanceOf(IllegalArgumentException.class);
        }
        wm.verify(deleteRequestedFor(urlPathEqualTo(BASE + "/byappid/hello_java")));
    }
}
