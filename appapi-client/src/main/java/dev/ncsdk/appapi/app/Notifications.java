package dev.ncsdk.appapi.app;

import dev.ncsdk.ocs.OcsApiVersion;
import dev.ncsdk.ocs.OcsRequest;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Notifications from the ExApp to a user ({@code POST /ocs/v1.php/apps/app_api/api/v1/notification}). AppAPI sends
 * them to the user of the authentication header, so get this group from a user view: {@code
 * nc.asUser("alice").notifications()}.
 *
 * <pre>{@code
 * nc.asUser("alice").notifications().send(Notification.of("Report ready", "Your weekly report is ready"));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Notifications {
    private final NextcloudApp app;

    Notifications(NextcloudApp app) {
        if (app.userId().isEmpty()) {
            throw new IllegalStateException(
                    "a notification goes to the user acted as: call asUser(userId).notifications()");
        }
        this.app = app;
    }

    /**
     * Sends a notification to the view's user.
     *
     * <pre>{@code
     * SentNotification s = nc.asUser("alice").notifications().send(Notification.of("Hi", "Welcome"));
     * }</pre>
     *
     * @param notification the notification
     * @return the notification as created
     */
    public SentNotification send(Notification notification) {
        return HttpTransport.await(sendAsync(notification));
    }

    /**
     * Async twin of {@link #send(Notification)}.
     *
     * <pre>{@code
     * nc.asUser("alice").notifications().sendAsync(Notification.of("Hi", "")).join();
     * }</pre>
     *
     * @param notification the notification
     * @return the future of the notification as created
     */
    public CompletableFuture<SentNotification> sendAsync(Notification notification) {
        Objects.requireNonNull(notification, "notification");
        return app.send(OcsRequest.post(NextcloudApp.APP_API + "/api/v1/notification")
                        .version(OcsApiVersion.V1)
                        .jsonBody(notification.body())
                        .build())
                .thenApply(SentNotification::read);
    }
}
