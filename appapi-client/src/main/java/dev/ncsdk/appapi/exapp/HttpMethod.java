package dev.ncsdk.appapi.exapp;

/**
 * The HTTP methods an ExApp route can answer.
 *
 * @since 0.1.0
 */
public enum HttpMethod {
    /** {@code GET}. */
    GET,
    /** {@code POST}. */
    POST,
    /** {@code PUT}. */
    PUT,
    /** {@code DELETE}. */
    DELETE,
    /** {@code PATCH}. */
    PATCH,
    /** {@code HEAD}. */
    HEAD,
    /** {@code OPTIONS}. */
    OPTIONS;

    static HttpMethod parse(String method) {
        for (HttpMethod m : values()) {
            if (m.name().equals(method)) {
                return m;
            }
        }
        return null;
    }
}
