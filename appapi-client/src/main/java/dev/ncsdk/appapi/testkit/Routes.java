package dev.ncsdk.appapi.testkit;

/** Path helpers shared by the recorder and the fake server. */
final class Routes {
    private Routes() {}

    static int ocsVersion(String path) {
        if (path.startsWith("/ocs/v1.php/") || path.equals("/ocs/v1.php")) {
            return 1;
        }
        if (path.startsWith("/ocs/v2.php/") || path.equals("/ocs/v2.php")) {
            return 2;
        }
        return 0;
    }

    /** The path after {@code /ocs/v1.php} or {@code /ocs/v2.php}; any other path unchanged. */
    static String ocsRelative(String path) {
        if (ocsVersion(path) == 0) {
            return path;
        }
        String rest = path.substring("/ocs/v1.php".length());
        return rest.isEmpty() ? "/" : rest;
    }

    /** Whether a path matches a prefix given either in full or relative to the OCS root. */
    static boolean matches(String path, String prefix) {
        return path.startsWith(prefix) || ocsRelative(path).startsWith(prefix);
    }
}
