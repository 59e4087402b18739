package dev.ncsdk.appapi.app.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A webhook listener to register or update ({@code POST /ocs/v2.php/apps/webhook_listeners/api/v1/webhooks}, server
 * {@code WebhooksController::create}): which event, where to call, how, and for whom.
 *
 * <pre>{@code
 * WebhookRegistration r = WebhookRegistration.builder(WebhookEvents.NODE_CREATED, "/webhooks/files")
 *         .eventFilter(new ObjectMapper().readTree("{\"event.node.path\": \"/alice/files/Inbox/scan.pdf\"}"))
 *         .userIdFilter("alice")
 *         .build();
 * }</pre>
 *
 * @param httpMethod the method the server calls with ({@code POST} by default)
 * @param uri where to call: an ExApp route starting with {@code /} (delivered through AppAPI with its headers), or
 *     an absolute URL
 * @param event the event class ({@link WebhookEvents}); a leading {@code \} is dropped by the server
 * @param eventFilter a MongoDB-style filter over the call's JSON ({@code event.*}, {@code user.*}), or
 *     {@code null} for none
 * @param userIdFilter only events caused by this user, {@code ""} for all
 * @param headers extra headers sent with each call
 * @param authMethod {@link WebhookAuthMethod#NONE} or {@link WebhookAuthMethod#HEADER}
 * @param authData for {@code HEADER}: the headers, stored encrypted by the server; hidden by {@code toString()}
 * @param tokenNeeded which users' temporary auth tokens to add to the call ({@code {"user_ids": [...],
 *     "user_roles": ["owner", "trigger"]}}, newer servers), or {@code null}
 * @since 0.1.0
 */
public record WebhookRegistration(
        String httpMethod,
        String uri,
        String event,
        JsonNode eventFilter,
        String userIdFilter,
        Map<String, String> headers,
        WebhookAuthMethod authMethod,
        Map<String, String> authData,
        JsonNode tokenNeeded) {
    /** Checks and copies the values. */
    public WebhookRegistration {
        httpMethod = Objects.requireNonNull(httpMethod, "httpMethod").strip().toUpperCase(Locale.ROOT);
        if (httpMethod.isEmpty()) {
            throw new IllegalArgumentException("httpMethod must not be empty");
        }
        Objects.requireNonNull(uri, "uri");
        if (uri.isBlank()) {
            throw new IllegalArgumentException("a webhook needs a uri (an ExApp route such as /webhooks/files)");
        }
        Objects.requireNonNull(event, "event");
        if (event.isBlank()) {
            throw new IllegalArgumentException("a webhook needs an event class");
        }
        if (eventFilter != null && !eventFilter.isObject()) {
            throw new IllegalArgumentException("an event filter is a JSON object");
        }
        eventFilter = eventFilter == null ? null : eventFilter.deepCopy();
        userIdFilter = userIdFilter == null ? "" : userIdFilter;
        headers = Json.copyMap(headers);
        authMethod = authMethod == null ? WebhookAuthMethod.NONE : authMethod;
        if (authMethod == WebhookAuthMethod.UNKNOWN) {
            throw new IllegalArgumentException("authMethod must be NONE or HEADER");
        }
        authData = Json.copyMap(authData);
        if (authMethod == WebhookAuthMethod.HEADER && authData.isEmpty()) {
            throw new IllegalArgumentException("the header auth method needs the headers as auth data");
        }
        tokenNeeded = tokenNeeded == null ? null : tokenNeeded.deepCopy();
    }

    /**
     * A builder for a listener of an event calling a uri, with {@code POST} and no filters.
     *
     * <pre>{@code
     * WebhookRegistration r = WebhookRegistration.builder(WebhookEvents.FORM_SUBMITTED, "/webhooks/forms").build();
     * }</pre>
     *
     * @param event the event class
     * @param uri the ExApp route or URL
     * @return the builder
     */
    public static Builder builder(String event, String uri) {
        return new Builder(event, uri);
    }

    /** The JSON body the server reads; empty optional values are left out, as nc_py_api does. */
    Map<String, Object> toBody() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("httpMethod", httpMethod);
        b.put("uri", uri);
        b.put("event", event);
        if (eventFilter != null) {
            b.put("eventFilter", eventFilter);
        }
        if (!userIdFilter.isEmpty()) {
            b.put("userIdFilter", userIdFilter);
        }
        if (!headers.isEmpty()) {
            b.put("headers", headers);
        }
        b.put("authMethod", authMethod.wireName());
        if (!authData.isEmpty()) {
            b.put("authData", authData);
        }
        if (tokenNeeded != null) {
            b.put("tokenNeeded", tokenNeeded);
        }
        return b;
    }

    /** Shows everything but the auth data's values. */
    @Override
    public String toString() {
        return "WebhookRegistration[" + httpMethod + " " + uri + ", event " + event
                + (eventFilter == null ? "" : ", filter " + eventFilter)
                + (userIdFilter.isEmpty() ? "" : ", user " + userIdFilter)
                + (headers.isEmpty() ? "" : ", headers " + headers.keySet())
                + ", auth " + authMethod.wireName()
                + (authData.isEmpty() ? "" : " " + authData.keySet() + "=****") + "]";
    }

    /**
     * Builds a {@link WebhookRegistration}.
     *
     * <pre>{@code
     * WebhookRegistration.builder(WebhookEvents.NODE_DELETED, "https://hooks.example.com/nc")
     *         .header("X-Source", "nextcloud")
     *         .authHeader("Authorization", "Bearer " + token)
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final String event;
        private final String uri;
        private String httpMethod = "POST";
        private JsonNode eventFilter;
        private String userIdFilter = "";
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, String> authData = new LinkedHashMap<>();
        private WebhookAuthMethod authMethod = WebhookAuthMethod.NONE;
        private JsonNode tokenNeeded;

        private Builder(String event, String uri) {
            this.event = Objects.requireNonNull(event, "event");
            this.uri = Objects.requireNonNull(uri, "uri");
        }

        /**
         * Sets the HTTP method of the calls (default {@code POST}).
         *
         * @param method such as {@code POST} or {@code PUT}
         * @return this builder
         */
        public Builder httpMethod(String method) {
            this.httpMethod = Objects.requireNonNull(method, "method");
            return this;
        }

        /**
         * Sets a MongoDB-style filter over the call's JSON, such as {@code {"event.node.path": {"$regex": ...}}}.
         *
         * @param filter a JSON object
         * @return this builder
         */
        public Builder eventFilter(JsonNode filter) {
            this.eventFilter = Objects.requireNonNull(filter, "filter");
            return this;
        }

        /**
         * Calls only for events caused by this user.
         *
         * @param userId the user id
         * @return this builder
         */
        public Builder userIdFilter(String userId) {
            this.userIdFilter = Objects.requireNonNull(userId, "userId");
            return this;
        }

        /**
         * Adds a header to each call.
         *
         * @param name the name
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds a secret header, stored encrypted by the server, and sets the auth method to {@code header}.
         *
         * @param name the name
         * @param value the value
         * @return this builder
         */
        public Builder authHeader(String name, String value) {
            authData.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            authMethod = WebhookAuthMethod.HEADER;
            return this;
        }

        /**
         * Asks for temporary auth tokens of users in each call ({@code tokenNeeded}, newer servers).
         *
         * @param tokenNeeded such as {@code {"user_roles": ["trigger"]}}
         * @return this builder
         */
        public Builder tokenNeeded(JsonNode tokenNeeded) {
            this.tokenNeeded = Objects.requireNonNull(tokenNeeded, "tokenNeeded");
            return this;
        }

        /**
         * Builds the registration.
         *
         * @return the registration
         * @throws IllegalArgumentException for an empty uri or event, or a filter that is not an object
         */
        public WebhookRegistration build() {
            return new WebhookRegistration(
                    httpMethod, uri, event, eventFilter, userIdFilter, headers, authMethod, authData, tokenNeeded);
        }
    }
}
