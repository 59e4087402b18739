package dev.ncsdk.ocs;

/**
 * The request got no usable answer: the connection failed, broke, or the call was interrupted. Whether the
 * server saw the request is unknown; {@link #mayHaveReachedServer()} says what the SDK knows.
 *
 * @since 0.1.0
 */
public class NcTransportException extends NcException {
    private static final long serialVersionUID = 1L;

    /** Whether the server may have received the request. */
    private final boolean mayHaveReachedServer;

    /**
     * Creates a transport failure.
     *
     * @param message what failed, free of secrets
     * @param cause the I/O failure
     * @param mayHaveReachedServer {@code false} only when the connection was never established
     */
    public NcTransportException(String message, Throwable cause, boolean mayHaveReachedServer) {
        super(message, cause);
        this.mayHaveReachedServer = mayHaveReachedServer;
    }

    /**
     * Whether the server may have received the request. {@code false} means the connection was never
     * established, so even a non-idempotent request is safe to send again.
     *
     * @return {@code true} unless the request certainly never left this machine
     */
    public boolean mayHaveReachedServer() {
        return mayHaveReachedServer;
    }
}
