package dev.ncsdk.ocs;

/**
 * Root of every exception the SDK throws. Unchecked: callers catch the branch they can act on.
 *
 * <ul>
 *   <li>{@link NcTransportException}: the request did not get an answer (I/O failure, timeout).
 *   <li>{@link NcResponseException}: the server answered, and the answer is a failure. Its subtypes name the
 *       failure ({@link NcUnauthorizedException}, {@link NcNotFoundException}, {@link NcRateLimitedException}...).
 * </ul>
 *
 * <p>No message of this hierarchy contains a password, token or secret.
 *
 * @since 0.1.0
 */
public class NcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, free of secrets
     */
    public NcException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong, free of secrets
     * @param cause the underlying failure
     */
    public NcException(String message, Throwable cause) {
        super(message, cause);
    }
}
