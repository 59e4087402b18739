package dev.ncsdk.appstore.signing;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a verification: valid, or the first check that failed with a message that says why. Warnings
 * (a certificate that expires soon, an expiry ignored by policy, a stale revocation list) never make a result
 * invalid.
 *
 * @since 0.1.0
 */
public final class VerificationResult {
    private final String appId;
    private final VerificationCheck failedCheck;
    private final String message;
    private final X509Certificate certificate;
    private final List<String> warnings;

    private VerificationResult(
            String appId,
            VerificationCheck failedCheck,
            String message,
            X509Certificate certificate,
            List<String> warnings) {
        this.appId = appId;
        this.failedCheck = failedCheck;
        this.message = Objects.requireNonNull(message, "message");
        this.certificate = certificate;
        this.warnings = List.copyOf(warnings);
    }

    static VerificationResult valid(String appId, X509Certificate cert, List<String> warnings, String what) {
        return new VerificationResult(appId, null, what, cert, warnings);
    }

    static VerificationResult failed(
            String appId, VerificationCheck check, String message, X509Certificate cert, List<String> warnings) {
        return new VerificationResult(appId, Objects.requireNonNull(check), message, cert, warnings);
    }

    /** @return whether every check passed */
    public boolean isValid() {
        return failedCheck == null;
    }

    /** @return the check that failed, or empty when valid */
    public Optional<VerificationCheck> failedCheck() {
        return Optional.ofNullable(failedCheck);
    }

    /** @return what was verified, or why it failed */
    public String message() {
        return message;
    }

    /** @return the app id that was checked */
    public String appId() {
        return appId;
    }

    /** @return the app certificate, or empty when it could not be read */
    public Optional<X509Certificate> certificate() {
        return Optional.ofNullable(certificate);
    }

    /** @return the app certificate's serial number, or empty */
    public Optional<BigInteger> certificateSerial() {
        return certificate().map(X509Certificate::getSerialNumber);
    }

    /** @return warnings that did not fail the verification */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Returns this result when valid, else throws.
     *
     * @return this result
     * @throws ReleaseVerificationException when a check failed
     */
    public VerificationResult orThrow() {
        if (failedCheck != null) {
            throw new ReleaseVerificationException(this);
        }
        return this;
    }

    @Override
    public String toString() {
        return isValid()
                ? "VerificationResult[valid: " + message + "]"
                : "VerificationResult[" + failedCheck + ": " + message + "]";
    }
}
