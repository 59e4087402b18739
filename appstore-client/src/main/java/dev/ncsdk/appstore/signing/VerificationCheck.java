package dev.ncsdk.appstore.signing;

/**
 * The checks {@link ReleaseVerifier} runs, in order; a failed {@link VerificationResult} names the one that failed.
 *
 * @since 0.1.0
 */
public enum VerificationCheck {
    /** The app certificate could not be read (not PEM, not X.509, not RSA). */
    CERTIFICATE_UNREADABLE,
    /** A revocation list's signature does not verify against any trusted certificate that could have issued it. */
    CRL_SIGNATURE,
    /** No revocation list from the certificate's issuer is available, and one is required. */
    REVOCATION_UNKNOWN,
    /** The certificate's serial number is on its issuer's revocation list. */
    REVOKED,
    /** The certificate does not chain to a trusted root (another CA, a forged or self-made certificate). */
    CHAIN,
    /** The certificate, or one above it, has expired (only with {@link ExpiryPolicy#ENFORCE}). */
    EXPIRED,
    /** The certificate, or one above it, is not valid yet (only with {@link ExpiryPolicy#ENFORCE}). */
    NOT_YET_VALID,
    /** The certificate's common name is missing or is not exactly the app id. */
    COMMON_NAME,
    /** The signature is not base64, or its length does not fit the certificate's key (a truncated copy). */
    SIGNATURE_MALFORMED,
    /** The signature does not verify over the bytes (a changed archive, or another key's signature). */
    SIGNATURE_MISMATCH,
    /** The archive could not be read. */
    ARCHIVE_UNREADABLE,
    /**
     * The archive breaks a store rule, or holds another app than the one named (checked only when the verifier
     * has an {@link dev.ncsdk.appstore.archive.ArchiveInspector}, after the signature verified).
     */
    ARCHIVE_INVALID
}
