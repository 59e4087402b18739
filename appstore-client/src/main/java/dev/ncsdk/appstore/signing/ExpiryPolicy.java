package dev.ncsdk.appstore.signing;

/**
 * Whether certificate validity dates are checked. Nextcloud's server does not check them when it installs an
 * app; the store does when it accepts a release. The SDK enforces them by default.
 *
 * @since 0.1.0
 */
public enum ExpiryPolicy {
    /** An expired or not yet valid certificate in the chain fails verification (the store's behaviour). */
    ENFORCE,
    /**
     * Validity dates are not checked (the Nextcloud server's behaviour); an expired certificate only adds a
     * warning to the result.
     */
    IGNORE
}
