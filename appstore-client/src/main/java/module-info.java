/**
 * The Nextcloud App Store: its REST API, caching, versions, update detection, code signing and verification.
 */
module dev.ncsdk.appstore {
    requires transitive dev.ncsdk.ocs;
}
