package dev.ncsdk.appstore.signing;

import dev.ncsdk.ocs.NcException;

/**
 * A key, certificate, revocation list or signature could not be read, made or stored: malformed PEM, a wrong
 * password, a key that is not RSA, an existing key file that would be overwritten. Messages never contain key
 * material or passwords.
 *
 * @since 0.1.0
 */
public class SigningException extends NcException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     */
    public SigningException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the underlying failure
     */
    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
