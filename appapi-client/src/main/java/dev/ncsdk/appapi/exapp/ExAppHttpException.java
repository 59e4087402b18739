package dev.ncsdk.appapi.exapp;

import dev.ncsdk.ocs.NcException;

/**
 * Thrown by a route handler to answer with an HTTP error status and a JSON message {@code {"error": message}},
 * without the stack trace a plain exception would log as a 500.
 *
 * <pre>{@code
 * .route(HttpMethod.GET, "/items/{id}", AccessLevel.USER, req -> {
 *     Item item = items.get(req.pathParam("id"));
 *     if (item == null) {
 *         throw new ExAppHttpException(404, "no such item");
 *     }
 *     return Response.json(item);
 * })
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ExAppHttpException extends NcException {
    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status to answer, 400-599
     * @param message the message sent to the caller in {@code {"error": ...}}
     */
    public ExAppHttpException(int status, String message) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an error status is 400-599, got " + status);
        }
        this.status = status;
    }

    /**
     * The HTTP status to answer.
     *
     * @return the status
     */
    public int status() {
        return status;
    }
}
