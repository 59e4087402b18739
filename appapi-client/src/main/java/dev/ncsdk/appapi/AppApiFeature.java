package dev.ncsdk.appapi;

/**
 * Protocol features that appeared in a known AppAPI version (from AppAPI's changelog and tags). Ask
 * {@link AppApiCapabilities#supports(AppApiFeature)} before using one.
 *
 * @since 0.1.0
 */
public enum AppApiFeature {
    /** The PHP proxy {@code /apps/app_api/proxy/...} and top-menu entries. */
    PROXY_AND_TOP_MENU(1, 4, 0),
    /** Compute devices (cpu, cuda, rocm) and the occ command API. */
    COMPUTE_DEVICE(2, 5, 0),
    /** File actions v2 and server-side requests to another ExApp. */
    FILE_ACTIONS_V2(2, 6, 0),
    /** Routes in info.xml are required for proxy access; {@code PUT /ex-app/status}; image tags per device. */
    DECLARED_ROUTES(3, 0, 0),
    /** Task-processing providers (Nextcloud 30). */
    TASK_PROCESSING(3, 1, 0),
    /** Per-route brute-force protection and {@code nextcloud_url/absolute}. */
    ROUTE_BRUTEFORCE_PROTECTION(3, 2, 0),
    /** HaRP daemons: FRP tunnels, {@code /exapps/}, WebSockets. */
    HARP(32, 0, 0),
    /** Task-processing {@code /trigger} and {@code next_batch}. */
    TASK_PROCESSING_TRIGGER(33, 0, 0),
    /** Kubernetes daemons ({@code kubernetes-install}) and {@code k8s-service-roles}. */
    KUBERNETES(34, 0, 0),
    /** The {@code docker_api_version} setting. */
    DOCKER_API_VERSION_SETTING(34, 0, 0),
    /** Proxy route patterns are matched against {@code /path} (aligned with HaRP). */
    PROXY_ROUTES_WITH_LEADING_SLASH(34, 0, 0),
    /** ExApp setup checks shown in the admin overview. */
    SETUP_CHECKS(35, 0, 0);

    private final AppApiVersion since;

    AppApiFeature(int major, int minor, int patch) {
        this.since = AppApiVersion.of(major, minor, patch);
    }

    /**
     * The first AppAPI version with the feature.
     *
     * @return the version
     */
    public AppApiVersion since() {
        return since;
    }
}
