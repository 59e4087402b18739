package dev.ncsdk.appapi.exapp;

import dev.ncsdk.ocs.NcException;

/**
 * A request to the ExApp did not carry valid AppAPI credentials. The message says which check failed and never
 * contains a secret or the header's value; answer such a request with HTTP 401. (Nextcloud refusing the ExApp's
 * own calls is {@link dev.ncsdk.appapi.app.ExAppAuthenticationException}.)
 *
 * <pre>{@code
 * try {
 *     ExAppCaller caller = authenticator.authenticate(request::getHeader);
 * } catch (RequestAuthenticationException e) {
 *     log.log(System.Logger.Level.WARNING, "refused: " + e.reason());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class RequestAuthenticationException extends NcException {
    private static final long serialVersionUID = 1L;

    /**
     * Which check failed.
     *
     * @since 0.1.0
     */
    public enum Reason {
        /** {@code EX-APP-ID}, {@code EX-APP-VERSION} or {@code AUTHORIZATION-APP-API} is missing or empty. */
        MISSING_HEADER,
        /** {@code EX-APP-ID} names another app. */
        WRONG_APP_ID,
        /** {@code AUTHORIZATION-APP-API} is not base64 of {@code user:secret}, or the user is not printable. */
        MALFORMED_HEADER,
        /** {@code AUTHORIZATION-APP-API} is longer than the authenticator accepts. */
        HEADER_TOO_LARGE,
        /** The secret does not match. */
        WRONG_SECRET
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason which check failed
     * @param message what failed, free of secrets
     */
    public RequestAuthenticationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * Which check failed.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
