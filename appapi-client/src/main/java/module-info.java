/**
 * AppAPI: deploy daemon and ExApp administration, ExApp manifests, and AppAPI's capabilities.
 *
 * <p>Start with {@code dev.ncsdk.appapi.admin.AppApiAdminClient.builder()}.
 */
module dev.ncsdk.appapi {
    requires transitive dev.ncsdk.ocs;
    requires java.xml;
    requires jdk.httpserver;

    exports dev.ncsdk.appapi;
    exports dev.ncsdk.appapi.admin;
    exports dev.ncsdk.appapi.app;
    exports dev.ncsdk.appapi.app.files;
    exports dev.ncsdk.appapi.app.tasks;
    exports dev.ncsdk.appapi.app.talk;
    exports dev.ncsdk.appapi.app.ui;
    exports dev.ncsdk.appapi.app.webhooks;
    exports dev.ncsdk.appapi.exapp;
    exports dev.ncsdk.appapi.manifest;
    exports dev.ncsdk.appapi.testkit;
}
