package dev.ncsdk.appstore.publish;

/**
 * What the store did with a registration.
 *
 * @since 0.1.0
 */
public enum RegistrationOutcome {
    /** HTTP 201: the app id was new and is now registered to the caller. */
    CREATED,
    /**
     * HTTP 204: the app existed; its owner or certificate changed. When the certificate changed, the store deleted
     * every release of the app.
     */
    UPDATED
}
