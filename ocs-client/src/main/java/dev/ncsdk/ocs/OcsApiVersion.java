package dev.ncsdk.ocs;

/**
 * The two OCS entry points. They serve the same routes; they differ in how failures are reported: v1 answers
 * HTTP 200 for most failures and puts the code in {@code meta.statuscode} (100 means success), v2 uses the HTTP
 * status and 200 means success.
 *
 * @since 0.1.0
 */
public enum OcsApiVersion {
    /** {@code /ocs/v1.php}. */
    V1("/ocs/v1.php"),
    /** {@code /ocs/v2.php}, the default. */
    V2("/ocs/v2.php");

    private final String prefix;

    OcsApiVersion(String prefix) {
        this.prefix = prefix;
    }

    /**
     * The path prefix under the server's base URL.
     *
     * @return {@code /ocs/v1.php} or {@code /ocs/v2.php}
     */
    public String pathPrefix() {
        return prefix;
    }
}
