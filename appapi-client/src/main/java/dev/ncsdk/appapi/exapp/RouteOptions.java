package dev.ncsdk.appapi.exapp;

import java.util.Arrays;
import java.util.List;

/**
 * How AppAPI's proxy treats a declared route beyond its access level; written to the route's entry in
 * {@code info.xml} / {@code --json-info}.
 *
 * <pre>{@code
 * .route(HttpMethod.POST, "/login", AccessLevel.PUBLIC,
 *         RouteOptions.none().bruteforceProtection(401, 429).headersToExclude("Cookie"),
 *         req -> ...)
 * }</pre>
 *
 * @param bruteforceProtection answer statuses that count as a failed attempt in Nextcloud's brute-force
 *     protection (such as 401)
 * @param headersToExclude request headers the PHP proxy must not forward (HaRP forwards them anyway)
 * @since 0.1.0
 */
public record RouteOptions(List<Integer> bruteforceProtection, List<String> headersToExclude) {
    /**
     * Copies the lists.
     *
     * @param bruteforceProtection statuses
     * @param headersToExclude header names
     */
    public RouteOptions {
        bruteforceProtection = bruteforceProtection == null ? List.of() : List.copyOf(bruteforceProtection);
        headersToExclude = headersToExclude == null ? List.of() : List.copyOf(headersToExclude);
    }

    /**
     * No options.
     *
     * @return empty options
     */
    public static RouteOptions none() {
        return new RouteOptions(List.of(), List.of());
    }

    /**
     * The same options with brute-force protection on these statuses.
     *
     * @param statuses HTTP statuses
     * @return the changed copy
     */
    public RouteOptions bruteforceProtection(Integer... statuses) {
        return new RouteOptions(Arrays.asList(statuses), headersToExclude);
    }

    /**
     * The same options with headers the proxy must not forward.
     *
     * @param headers header names
     * @return the changed copy
     */
    public RouteOptions headersToExclude(String... headers) {
        return new RouteOptions(bruteforceProtection, Arrays.asList(headers));
    }
}
