package dev.ncsdk.appapi.app.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;

/**
 * The user whose action caused a webhook call ({@code user} of the call, server {@code
 * JsonSerializer::serializeUser}).
 *
 * <pre>{@code
 * call.user().ifPresent(u -> log.info("by " + u.displayName()));
 * }</pre>
 *
 * @param uid the user id
 * @param displayName the display name
 * @since 0.1.0
 */
public record WebhookUser(String uid, String displayName) {
    /** Empty texts instead of {@code null}. */
    public WebhookUser {
        uid = uid == null ? "" : uid;
        displayName = displayName == null ? "" : displayName;
    }

    static WebhookUser fromJson(JsonNode n) {
        return new WebhookUser(Json.strOrEmpty(n, "uid"), Json.strOrEmpty(n, "displayName"));
    }
}
