/**
 * Nextcloud's OCS API, and the HTTP layer every ncsdk module shares.
 *
 * <p>Start with {@code OcsClient.builder()}.
 */
module dev.ncsdk.ocs {
    requires transitive java.net.http;
    requires java.xml;
    requires transitive com.fasterxml.jackson.databind;

    exports dev.ncsdk.ocs;
    exports dev.ncsdk.ocs.internal to
            dev.ncsdk.appstore,
            dev.ncsdk.appapi;
    exports dev.ncsdk.ocs.internal.http to
            dev.ncsdk.appstore,
            dev.ncsdk.appapi;

    opens dev.ncsdk.ocs to
            com.fasterxml.jackson.databind;
}
