package dev.ncsdk.ocs;

/**
 * Too many requests: HTTP 429 (the store's rate limit, Nextcloud's brute-force protection). {@link #retryAfter()}
 * holds the server's {@code Retry-After} when it sent one.
 *
 * @since 0.1.0
 */
public class NcRateLimitedException extends NcResponseException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, free of secrets
     * @param response the failed answer
     */
    public NcRateLimitedException(String message, ErrorResponse response) {
        super(message, response);
    }
}
