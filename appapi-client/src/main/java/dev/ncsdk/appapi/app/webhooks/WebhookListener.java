package dev.ncsdk.appapi.app.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.ncsdk.appapi.internal.Json;
import java.util.Map;

/**
 * A registered webhook listener as the server returns it ({@code WebhookListener::jsonSerialize}: {@code id, appId,
 * userId, httpMethod, uri, event, eventFilter, userIdFilter, headers, authMethod, authData}). The server sends the
 * auth data in its encrypted form; this model keeps only whether there is some.
 *
 * <pre>{@code
 * for (WebhookListener l : nc.webhooks().list()) {
 *     log.info(l.id() + " " + l.event() + " -> " + l.uri());
 * }
 * }</pre>
 *
 * @param id the listener's id
 * @param appId the ExApp that registered it, {@code ""} for none
 * @param userId the user who registered it, {@code ""} for an ExApp in the system context
 * @param httpMethod the method of the calls
 * @param uri where the calls go
 * @param event the event class
 * @param eventFilter the filter, an empty object for none
 * @param userIdFilter the user filter, {@code ""} for none
 * @param headers the extra headers
 * @param authMethodName the auth method as sent ({@code none}, {@code header})
 * @param hasAuthData whether auth data is stored
 * @param raw the object as received (auth data included, encrypted)
 * @since 0.1.0
 */
public record WebhookListener(
        long id,
        String appId,
        String userId,
        String httpMethod,
        String uri,
        String event,
        JsonNode eventFilter,
        String userIdFilter,
        Map<String, String> headers,
        String authMethodName,
        boolean hasAuthData,
        JsonNode raw) {
    /** Empty values instead of {@code null}; maps copied. */
    public WebhookListener {
        appId = appId == null ? "" : appId;
        userId = userId == null ? "" : userId;
        httpMethod = httpMethod == null ? "" : httpMethod;
        uri = uri == null ? "" : uri;
        event = event == null ? "" : event;
        eventFilter = eventFilter == null || !eventFilter.isObject() ? Json.object() : eventFilter.deepCopy();
        userIdFilter = userIdFilter == null ? "" : userIdFilter;
        headers = Json.copyMap(headers);
        authMethodName = authMethodName == null ? "" : authMethodName;
        raw = raw == null ? MissingNode.getInstance() : raw.deepCopy();
    }

    /**
     * Reads one listener leniently (ids as numbers or text, PHP's {@code []} for empty maps).
     *
     * <pre>{@code
     * WebhookListener l = WebhookListener.fromJson(data);
     * }</pre>
     *
     * @param node the object
     * @return the listener
     * @throws IllegalArgumentException when the node is not an object with an id
     */
    public static WebhookListener fromJson(JsonNode node) {
        Long id = Json.lng(node, "id");
        if (node == null || !node.isObject() || id == null) {
            throw new IllegalArgumentException("a webhook listener is an object with an id");
        }
        return new WebhookListener(
                id,
                Json.strOrEmpty(node, "appId"),
                Json.strOrEmpty(node, "userId"),
                Json.strOrEmpty(node, "httpMethod"),
                Json.strOrEmpty(node, "uri"),
                Json.strOrEmpty(node, "event"),
                Json.obj(node, "eventFilter"),
                Json.strOrEmpty(node, "userIdFilter"),
                Json.stringMap(node, "headers"),
                Json.strOrEmpty(node, "authMethod"),
                !Json.absent(node.get("authData")),
                node);
    }

    /**
     * The auth method.
     *
     * @return the method, {@link WebhookAuthMethod#UNKNOWN} for one this SDK does not know
     */
    public WebhookAuthMethod authMethod() {
        return WebhookAuthMethod.of(authMethodName);
    }

    /**
     * Whether the server delivers the calls to the registering ExApp through AppAPI: an app id and a uri starting
     * with {@code /}.
     *
     * @return whether the calls go to the ExApp itself
     */
    public boolean deliveredToExApp() {
        return !appId.isEmpty() && uri.startsWith("/");
    }

    /** Everything but the raw object and the auth data. */
    @Override
    public String toString() {
        return "WebhookListener[" + id + ", " + httpMethod + " " + uri + ", event " + event
                + (appId.isEmpty() ? "" : ", app " + appId) + (userId.isEmpty() ? "" : ", by " + userId)
                + (userIdFilter.isEmpty() ? "" : ", user filter " + userIdFilter)
                + ", auth " + authMethodName + "]";
    }
}
