package dev.ncsdk.ocs;

/**
 * The request, or the connection for it, did not complete within its timeout.
 *
 * @since 0.1.0
 */
public class NcTimeoutException extends NcTransportException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates a timeout failure.
     *
     * @param message what timed out, free of secrets
     * @param cause the underlying timeout, may be {@code null}
     * @param mayHaveReachedServer {@code false} when the connection itself timed out
     */
    public NcTimeoutException(String message, Throwable cause, boolean mayHaveReachedServer) {
        super(message, cause, mayHaveReachedServer);
    }
}
