package dev.ncsdk.appstore;

/**
 * An API scope an ExApp release asks for ({@code appapi_apps.json} only).
 *
 * @param scopeName the scope
 * @param optional whether the app works without it
 * @since 0.1.0
 */
public record ApiScope(String scopeName, boolean optional) {
    public ApiScope {
        // Normalises an absent name to an empty string.
        scopeName = scopeName == null ? "" : scopeName;
    }
}
