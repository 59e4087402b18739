/**
 * Nextcloud's webhook listeners ({@code webhook_listeners}, Nextcloud 30+) for an ExApp: register, list, update and
 * delete them ({@link dev.ncsdk.appapi.app.webhooks.Webhooks}), and read the calls they make
 * ({@link dev.ncsdk.appapi.app.webhooks.WebhookCall}) with typed views of the common events.
 *
 * <pre>{@code
 * ExApp.builder()
 *         .onEnabled(nc -> nc.webhooks().register(
 *                 WebhookRegistration.builder(WebhookEvents.NODE_CREATED, "/webhooks/files").build()))
 *         .onDisabled(nc -> nc.webhooks().deleteAllOfThisApp())
 *         .route(HttpMethod.POST, "/webhooks/files", Webhooks.handler(call ->
 *                 call.nodeEvent().ifPresent(e -> log.info("new file " + e.node().path()))))
 *         .build();
 * }</pre>
 */
package dev.ncsdk.appapi.app.webhooks;
