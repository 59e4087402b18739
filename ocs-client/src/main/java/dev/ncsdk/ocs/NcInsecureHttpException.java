package dev.ncsdk.ocs;

/**
 * The SDK refused to send credentials (a token, a password, a secret header) over plain {@code http} to a host that
 * is not a loopback address, where anyone on the network path could read them. Nothing was sent. The App Store
 * clients refuse by default; their builders' {@code allowInsecureHttp(true)} accepts the risk explicitly. Use
 * {@code https} instead where you can.
 *
 * @since 0.1.0
 */
public class NcInsecureHttpException extends NcException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused, free of secrets
     */
    public NcInsecureHttpException(String message) {
        super(message);
    }
}
