/**
 * AppAPI: deploy daemon and ExApp administration, and the runtime for ExApps written in Java.
 */
module dev.ncsdk.appapi {
    requires transitive dev.ncsdk.ocs;
}
