/**
 * The user's files over WebDAV: {@link dev.ncsdk.appapi.app.files.NextcloudFiles}, made from any {@code OcsClient}
 * (an app password, or an ExApp's {@code AppApiCredentials} acting as a user).
 */
package dev.ncsdk.appapi.app.files;
