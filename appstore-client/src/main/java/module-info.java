/**
 * The Nextcloud App Store: its REST API, caching, versions, update detection, code signing and verification.
 */
module dev.ncsdk.appstore {
    requires transitive dev.ncsdk.ocs;
    requires org.semver4j;

    exports dev.ncsdk.appstore;
    exports dev.ncsdk.appstore.version;
    exports dev.ncsdk.appstore.cache;
    exports dev.ncsdk.appstore.update;
}
