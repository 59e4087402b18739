package dev.ncsdk.appapi.app.webhooks;

import dev.ncsdk.appapi.exapp.Request;

/**
 * Handles one webhook call on an ExApp route; see {@link Webhooks#handler(WebhookHandler)}.
 *
 * <pre>{@code
 * WebhookHandler h = (call, req) -> call.formSubmittedEvent()
 *         .ifPresent(f -> req.nextcloud().log().info("form " + f.formTitle() + " submitted"));
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface WebhookHandler {
    /**
     * Handles the call.
     *
     * @param call the call
     * @param request the request it came in (headers, the Nextcloud client acting as the caller)
     * @throws Exception any failure: the route answers 500 and the server logs the status
     */
    void handle(WebhookCall call, Request request) throws Exception;
}
