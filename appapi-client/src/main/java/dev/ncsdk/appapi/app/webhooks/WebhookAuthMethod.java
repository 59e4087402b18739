package dev.ncsdk.appapi.app.webhooks;

import java.util.Locale;

/**
 * How Nextcloud authenticates its webhook calls (server {@code webhook_listeners} {@code Db/AuthMethod}).
 *
 * <pre>{@code
 * WebhookRegistration.builder(WebhookEvents.NODE_CREATED, "https://hooks.example.com/nc")
 *         .authHeader("X-Token", token)        // sets HEADER
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public enum WebhookAuthMethod {
    /** No authentication ({@code none}); calls to the ExApp itself carry AppAPI's headers anyway. */
    NONE("none"),
    /** Extra headers from the auth data ({@code header}), kept encrypted by the server. */
    HEADER("header"),
    /** A method this SDK does not know; {@link WebhookListener#authMethodName()} keeps the text. */
    UNKNOWN("");

    private final String wire;

    WebhookAuthMethod(String wire) {
        this.wire = wire;
    }

    /**
     * The name on the wire.
     *
     * @return {@code none} or {@code header} ({@code ""} for {@link #UNKNOWN})
     */
    public String wireName() {
        return wire;
    }

    /**
     * The method for a wire name, compared without case; {@code null} or empty is {@link #NONE}, as the server
     * defaults.
     *
     * <pre>{@code
     * WebhookAuthMethod m = WebhookAuthMethod.of("header");
     * }</pre>
     *
     * @param name the name
     * @return the method
     */
    public static WebhookAuthMethod of(String name) {
        if (name == null || name.isBlank()) {
            return NONE;
        }
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "header" -> HEADER;
            default -> UNKNOWN;
        };
    }
}
