package dev.ncsdk.appstore;

import dev.ncsdk.ocs.NcException;

/**
 * A store document that is not JSON of the expected shape (truncated, malformed, an object where a list was
 * expected). The client wraps it in an {@link dev.ncsdk.ocs.NcUnexpectedResponseException} that carries the answer.
 *
 * @since 0.1.0
 */
public class StoreFormatException extends NcException {
    /** Serialization version. */
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong
     * @param cause the parser's failure, or {@code null}
     */
    public StoreFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
