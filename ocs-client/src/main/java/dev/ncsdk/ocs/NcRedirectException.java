package dev.ncsdk.ocs;

import java.net.URI;
import java.util.Optional;

/**
 * The server answered with a redirect the SDK refuses to follow: one that would re-send the request body to
 * another origin (a 307 or 308 after a POST or PUT), one from {@code https} down to {@code http}, or one too many
 * (a loop). The message says which, and names the location (with secret-looking query values hidden); the
 * redirect itself is not followed, so nothing was sent there.
 *
 * @since 0.1.0
 */
public class NcRedirectException extends NcResponseException {
    private static final long serialVersionUID = 1L;

    /** The redirect's target, resolved against the request URI. */
    private final transient URI location;

    /**
     * Creates the exception.
     *
     * @param message what was refused and why, free of secrets
     * @param response the redirect answer
     * @param location the redirect's target, resolved; may be {@code null} when unreadable
     */
    public NcRedirectException(String message, ErrorResponse response, URI location) {
        super(message, response);
        this.location = location;
    }

    /**
     * The target the server redirected to, resolved against the request URI.
     *
     * @return the location, or empty when it could not be read
     */
    public Optional<URI> location() {
        return Optional.ofNullable(location);
    }
}
