package dev.ncsdk.appstore.signing;

import dev.ncsdk.ocs.NcException;

/**
 * A release, certificate or signature failed verification; {@link #result()} names the check.
 *
 * @since 0.1.0
 */
public class ReleaseVerificationException extends NcException {
    private static final long serialVersionUID = 1L;

    private final transient VerificationResult result;

    /**
     * Creates the exception.
     *
     * @param result the failed result
     */
    public ReleaseVerificationException(VerificationResult result) {
        super(result.failedCheck().map(Enum::name).orElse("VALID") + ": " + result.message());
        this.result = result;
    }

    /** @return the failed result */
    public VerificationResult result() {
        return result;
    }

    /** @return the check that failed */
    public VerificationCheck failedCheck() {
        return result.failedCheck().orElseThrow();
    }
}
