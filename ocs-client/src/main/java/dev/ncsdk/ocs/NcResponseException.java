package dev.ncsdk.ocs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The server answered, and the answer is a failure. Subtypes name the kind of failure; this type alone is used
 * for failures that fit no subtype. Every instance carries the {@link ErrorResponse}: HTTP status, OCS status
 * code and message, request id, {@code Retry-After} and a body excerpt.
 *
 * @since 0.1.0
 */
public class NcResponseException extends NcException {
    private static final long serialVersionUID = 1L;

    private final transient ErrorResponse response;

    /**
     * Creates the exception.
     *
     * @param message what failed, free of secrets
     * @param response the failed answer
     */
    public NcResponseException(String message, ErrorResponse response) {
        super(message);
        this.response = response;
    }

    /**
     * The failed answer in full.
     *
     * @return the answer's description
     */
    public ErrorResponse response() {
        return response;
    }

    /**
     * The HTTP status of the answer.
     *
     * @return the status
     */
    public int httpStatus() {
        return response.httpStatus();
    }

    /**
     * The OCS status code, when the answer was an OCS envelope.
     *
     * @return the code, or empty
     */
    public OptionalInt ocsStatusCode() {
        return response.ocsStatusCode();
    }

    /**
     * The OCS message, when the answer was an OCS envelope that had one.
     *
     * @return the message, or empty
     */
    public Optional<String> ocsMessage() {
        return response.ocsMessage();
    }

    /**
     * The error messages the body carried.
     *
     * @return the messages, possibly empty
     */
    public List<String> messages() {
        return response.messages();
    }

    /**
     * The server's request id.
     *
     * @return the id, or empty
     */
    public Optional<String> requestId() {
        return response.requestId();
    }

    /**
     * The delay the server asked for before trying again.
     *
     * @return the delay, or empty
     */
    public Optional<Duration> retryAfter() {
        return response.retryAfter();
    }

    /**
     * The start of the response body.
     *
     * @return the excerpt
     */
    public String bodyExcerpt() {
        return response.bodyExcerpt();
    }
}
