/** A build check: the three library modules used from a named module on the module path. */
module dev.ncsdk.jpmscheck {
    requires dev.ncsdk.ocs;
    requires dev.ncsdk.appstore;
    requires dev.ncsdk.appapi;
    requires jdk.httpserver;
}
