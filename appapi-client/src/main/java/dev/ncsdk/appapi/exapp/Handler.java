package dev.ncsdk.appapi.exapp;

/**
 * Answers one route of the ExApp. Runs on one of the runtime's worker threads; may block (call Nextcloud, read
 * files) within the handler timeout. An exception becomes an HTTP 500 with a JSON message (an
 * {@link ExAppHttpException} chooses the status).
 *
 * <pre>{@code
 * Handler hello = req -> Response.json(Map.of("hello", req.user()));
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Handler {
    /**
     * Answers a request.
     *
     * @param request the authenticated request
     * @return the response
     * @throws Exception any failure, answered with HTTP 500
     */
    Response handle(Request request) throws Exception;
}
