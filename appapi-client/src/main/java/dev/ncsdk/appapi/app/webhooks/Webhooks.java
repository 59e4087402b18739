package dev.ncsdk.appapi.app.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.appapi.exapp.ExAppHttpException;
import dev.ncsdk.appapi.exapp.Handler;
import dev.ncsdk.appapi.exapp.Response;
import dev.ncsdk.ocs.NcNotFoundException;
import dev.ncsdk.ocs.OcsRequest;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Webhook listeners of the server's {@code webhook_listeners} app ({@code
 * /ocs/v2.php/apps/webhook_listeners/api/v1/webhooks}, Nextcloud 30+). Get the group with {@link
 * NextcloudApp#webhooks()}; calls go in the system context, which the server's admin routes accept from an ExApp
 * ({@code #[AppApiAdminAccessWithoutUser]}), and the server records the ExApp's id with each listener.
 *
 * <pre>{@code
 * WebhookListener l = nc.webhooks().register(
 *         WebhookRegistration.builder(WebhookEvents.NODE_CREATED, "/webhooks/files").build());
 * List<WebhookListener> all = nc.webhooks().list();
 * nc.webhooks().delete(l.id());
 * nc.webhooks().deleteAllOfThisApp();          // DELETE .../webhooks/byappid/{appid}
 * }</pre>
 *
 * <p>Delivery: when a listener has this ExApp's id and its uri starts with {@code /}, the server's background job
 * calls the ExApp's route through AppAPI, with AppAPI's headers (as the user who registered it; the system context
 * for the ExApp) plus the listener's headers, and the JSON {@code {"event": {..., "class"}, "user": {"uid",
 * "displayName"} | null, "time"}} ({@link WebhookCall}); {@link #handler(WebhookHandler)} reads it. Calls are
 * queued as background jobs, so they arrive with the server's cron, not at once. AppAPI deletes the ExApp's
 * listeners when the ExApp is unregistered.
 *
 * @since 0.1.0
 */
public final class Webhooks {
    static final String BASE = "/apps/webhook_listeners/api/v1/webhooks";

    private final NextcloudApp nc;

    private Webhooks(NextcloudApp nc) {
        this.nc = nc;
    }

    /**
     * The group for a client (in the system context); {@link NextcloudApp#webhooks()} is the usual way.
     *
     * <pre>{@code
     * Webhooks hooks = Webhooks.of(nc);
     * }</pre>
     *
     * @param nc the client
     * @return the group
     */
    public static Webhooks of(NextcloudApp nc) {
        return new Webhooks(Objects.requireNonNull(nc, "nc").asUser(""));
    }

    /**
     * The runtime handler of a webhook route: reads the call ({@link WebhookCall#parse}), runs the handler and
     * answers 200 {@code {}}; a body that is not a webhook call is a 400.
     *
     * <pre>{@code
     * .route(HttpMethod.POST, "/webhooks/files", Webhooks.handler(call ->
     *         call.nodeEvent().ifPresent(e -> index(e.node()))))
     * }</pre>
     *
     * @param handler what to do with each call
     * @return the route handler
     */
    public static Handler handler(WebhookHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return req -> {
            WebhookCall call;
            try {
                call = WebhookCall.parse(req.body());
            } catch (IllegalArgumentException e) {
                throw new ExAppHttpException(400, "not a webhook call: " + e.getMessage());
            }
            handler.handle(call, req);
            return Response.json(Map.of());
        };
    }

    /**
     * Registers a listener ({@code POST .../webhooks}). Never retried.
     *
     * <pre>{@code
     * WebhookListener l = nc.webhooks().register(
     *         WebhookRegistration.builder(WebhookEvents.FORM_SUBMITTED, "/webhooks/forms").build());
     * }</pre>
     *
     * @param registration the listener
     * @return the listener as stored, with its id
     * @throws dev.ncsdk.ocs.NcBadRequestException when the event is not a webhook-compatible event class, or the
     *     auth data is missing
     */
    public WebhookListener register(WebhookRegistration registration) {
        return HttpTransport.await(registerAsync(registration));
    }

    /**
     * Async twin of {@link #register(WebhookRegistration)}.
     *
     * <pre>{@code
     * nc.webhooks().registerAsync(registration).thenAccept(l -> ...);
     * }</pre>
     *
     * @param registration the listener
     * @return the stored listener's future
     */
    public CompletableFuture<WebhookListener> registerAsync(WebhookRegistration registration) {
        Objects.requireNonNull(registration, "registration");
        return nc.callAsync(
                        OcsRequest.post(BASE).jsonBody(registration.toBody()).build())
                .thenApply(WebhookListener::fromJson);
    }

    /**
     * Replaces a listener's settings ({@code POST .../webhooks/{id}}, every field, as the server wants).
     *
     * <pre>{@code
     * nc.webhooks().update(l.id(), WebhookRegistration.builder(WebhookEvents.NODE_WRITTEN, "/webhooks/files").build());
     * }</pre>
     *
     * @param id the listener's id
     * @param registration the new settings
     * @return the listener as stored
     */
    public WebhookListener update(long id, WebhookRegistration registration) {
        return HttpTransport.await(updateAsync(id, registration));
    }

    /**
     * Async twin of {@link #update(long, WebhookRegistration)}.
     *
     * <pre>{@code
     * nc.webhooks().updateAsync(id, registration).join();
     * }</pre>
     *
     * @param id the listener's id
     * @param registration the new settings
     * @return the stored listener's future
     */
    public CompletableFuture<WebhookListener> updateAsync(long id, WebhookRegistration registration) {
        Objects.requireNonNull(registration, "registration");
        return nc.callAsync(OcsRequest.post(BASE + "/" + checkId(id))
                        .jsonBody(registration.toBody())
                        .idempotent(true)
                        .build())
                .thenApply(WebhookListener::fromJson);
    }

    /**
     * All listeners of the server ({@code GET .../webhooks}), of every app and user.
     *
     * <pre>{@code
     * List<WebhookListener> mine = nc.webhooks().list().stream()
     *         .filter(l -> l.appId().equals(nc.appId())).toList();
     * }</pre>
     *
     * @return the listeners
     */
    public List<WebhookListener> list() {
        return HttpTransport.await(listAsync(null));
    }

    /**
     * The listeners calling one uri ({@code GET .../webhooks?uri=}).
     *
     * <pre>{@code
     * List<WebhookListener> files = nc.webhooks().list("/webhooks/files");
     * }</pre>
     *
     * @param uri the uri, exactly as registered
     * @return the listeners
     */
    public List<WebhookListener> list(String uri) {
        return HttpTransport.await(listAsync(Objects.requireNonNull(uri, "uri")));
    }

    /**
     * Async twin of {@link #list()} and {@link #list(String)}.
     *
     * <pre>{@code
     * nc.webhooks().listAsync(null).thenAccept(all -> ...);
     * }</pre>
     *
     * @param uri the uri filter, or {@code null} for all
     * @return the listeners' future
     */
    public CompletableFuture<List<WebhookListener>> listAsync(String uri) {
        OcsRequest.Builder b = OcsRequest.get(BASE);
        if (uri != null) {
            b.query("uri", uri);
        }
        return nc.callAsync(b.build()).thenApply(data -> {
            List<WebhookListener> out = new ArrayList<>();
            for (JsonNode n : data) {
                out.add(WebhookListener.fromJson(n));
            }
            return List.copyOf(out);
        });
    }

    /**
     * One listener ({@code GET .../webhooks/{id}}).
     *
     * <pre>{@code
     * Optional<WebhookListener> l = nc.webhooks().get(12);
     * }</pre>
     *
     * @param id the id
     * @return the listener, or empty when there is none
     */
    public Optional<WebhookListener> get(long id) {
        return HttpTransport.await(getAsync(id));
    }

    /**
     * Async twin of {@link #get(long)}.
     *
     * <pre>{@code
     * nc.webhooks().getAsync(12).thenAccept(l -> ...);
     * }</pre>
     *
     * @param id the id
     * @return the listener's future, empty when there is none
     */
    public CompletableFuture<Optional<WebhookListener>> getAsync(long id) {
        return nc.callAsync(OcsRequest.get(BASE + "/" + checkId(id)).build()).handle((data, err) -> {
            if (err != null) {
                Throwable c = cause(err);
                if (c instanceof NcNotFoundException) {
                    return Optional.<WebhookListener>empty();
                }
                throw new CompletionException(c);
            }
            return Optional.of(WebhookListener.fromJson(data));
        });
    }

    /**
     * Deletes one listener ({@code DELETE .../webhooks/{id}}).
     *
     * <pre>{@code
     * boolean gone = nc.webhooks().delete(12);
     * }</pre>
     *
     * @param id the id
     * @return whether something was deleted (the server's answer)
     */
    public boolean delete(long id) {
        return HttpTransport.await(deleteAsync(id));
    }

    /**
     * Async twin of {@link #delete(long)}.
     *
     * <pre>{@code
     * nc.webhooks().deleteAsync(12).join();
     * }</pre>
     *
     * @param id the id
     * @return the answer's future
     */
    public CompletableFuture<Boolean> deleteAsync(long id) {
        return nc.callAsync(OcsRequest.delete(BASE + "/" + checkId(id))
                        .idempotent(true)
                        .build())
                .thenApply(JsonNode::asBoolean);
    }

    /**
     * Deletes every listener this ExApp registered ({@code DELETE .../webhooks/byappid/{appid}}); use it when the
     * ExApp is disabled.
     *
     * <pre>{@code
     * .onDisabled(nc -> nc.webhooks().deleteAllOfThisApp())
     * }</pre>
     *
     * @return how many were deleted
     */
    public int deleteAllOfThisApp() {
        return HttpTransport.await(deleteAllOfThisAppAsync());
    }

    /**
     * Async twin of {@link #deleteAllOfThisApp()}.
     *
     * <pre>{@code
     * nc.webhooks().deleteAllOfThisAppAsync().join();
     * }</pre>
     *
     * @return the count's future
     */
    public CompletableFuture<Integer> deleteAllOfThisAppAsync() {
        String app = URLEncoder.encode(nc.appId(), StandardCharsets.UTF_8).replace("+", "%20");
        return nc.callAsync(OcsRequest.delete(BASE + "/byappid/" + app)
                        .idempotent(true)
                        .build())
                .thenApply(data -> data.asInt(0));
    }

    private static long checkId(long id) {
        if (id <= 0) {
            throw new IllegalArgumentException("a webhook id is positive, was " + id);
        }
        return id;
    }

    private static Throwable cause(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    @Override
    public String toString() {
        return "Webhooks[" + nc.appId() + "]";
    }
}
