package dev.ncsdk.appstore.update;

/**
 * Which rule decides whether a release is newer than the installed version.
 *
 * @since 0.1.0
 */
public enum Precedence {
    /**
     * Nextcloud server's rule (the default): only a strictly higher version is an update; a nightly of the installed
     * version is not. Among releases of the same version the store's precedence breaks the tie (nightly, then the
     * later {@code lastModified}), never the array order.
     */
    SERVER,
    /**
     * The store's documented rule: a nightly beats a non-nightly of the same version, so a nightly of the installed
     * version (which is taken as a non-nightly) is an update.
     */
    STORE
}
