/**
 * Nextcloud as seen from an ExApp: {@link dev.ncsdk.appapi.app.NextcloudApp} calls Nextcloud with AppAPI's
 * authentication, as the system or as a user, and offers AppAPI's ExApp routes as typed calls (init status,
 * enabled state, log, app config, user preferences, notifications, users, absolute URLs).
 *
 * <pre>{@code
 * try (NextcloudApp nc = NextcloudApp.fromEnvironment()) {
 *     nc.setInitProgress(100);
 *     nc.appConfig().set("greeting", "hello");
 *     nc.asUser("alice").notifications().send(Notification.of("Done", "Your report is ready"));
 * }
 * }</pre>
 */
package dev.ncsdk.appapi.app;
