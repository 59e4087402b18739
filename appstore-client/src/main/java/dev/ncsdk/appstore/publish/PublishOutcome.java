package dev.ncsdk.appstore.publish;

/**
 * What the store did with a published release.
 *
 * @since 0.1.0
 */
public enum PublishOutcome {
    /** HTTP 201: a new release (version, nightly flag) was created. */
    CREATED,
    /** HTTP 200: an existing release of that version and nightly flag was updated. */
    UPDATED
}
