package dev.ncsdk.ocs.internal.http;

/**
 * What a transport does when a call would carry credentials (its {@code Credentials}, or a header that
 * {@link SensitiveHeaders} names) over plain {@code http} to a host that is not a loopback address. Calls without
 * credentials, calls over https and calls to {@code localhost}, {@code 127.0.0.0/8} or {@code ::1} are never
 * concerned.
 */
public enum PlainHttpPolicy {
    /** Send, silently (only for transports whose caller has decided). */
    ALLOW,
    /**
     * Send, and log one warning ({@code System.Logger} {@code dev.ncsdk.http}, level {@code WARNING}) per client:
     * the default, since ExApps reach Nextcloud as {@code http://nextcloud} inside container networks.
     */
    WARN,
    /** Refuse with {@code NcInsecureHttpException} before anything is sent: the App Store clients' default. */
    REFUSE
}
