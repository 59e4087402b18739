package dev.ncsdk.appstore.publish;

/** What the store did with a published release. */
public enum PublishOutcome {
    /** HTTP 201: a new release (version, nightly flag) was created. */
    CREATED,
    /** HTTP 200: an existing release of that version and nightly flag was updated. */
    UPDATED
}
