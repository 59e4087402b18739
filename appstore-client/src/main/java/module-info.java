/**
 * The Nextcloud App Store: its REST API, caching, versions, update detection, code signing and verification.
 */
module dev.ncsdk.appstore {
    requires transitive dev.ncsdk.ocs;
    requires java.xml;
    requires org.semver4j;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.apache.commons.compress;

    exports dev.ncsdk.appstore;
    exports dev.ncsdk.appstore.version;
    exports dev.ncsdk.appstore.cache;
    exports dev.ncsdk.appstore.update;
    exports dev.ncsdk.appstore.signing;
    exports dev.ncsdk.appstore.archive;
    exports dev.ncsdk.appstore.publish;
}
