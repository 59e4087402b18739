package dev.ncsdk.ocs.internal.http;

/**
 * Sees a response body while it arrives, so that work on it (parsing a large document) can overlap the download.
 * Set per call with {@link HttpCall.Builder#bodyListener}. The transport calls it on the HTTP client's threads, one
 * call at a time and in order, with the body as kept (inflated when it was gzip).
 *
 * <p>The buffer passed may be replaced by a larger copy as the body grows; a buffer once passed is never written
 * again below the length it was passed with, so ranges read from it stay valid after later calls.
 */
public interface BodyListener {
    /**
     * More of the body arrived.
     *
     * @param buffer holds the body so far in {@code [0, length)}
     * @param length the bytes received so far
     */
    void onData(byte[] buffer, int length);

    /**
     * The whole body arrived.
     *
     * @param buffer holds the body in {@code [0, length)}
     * @param length the body's length
     */
    void onComplete(byte[] buffer, int length);

    /**
     * The body will not complete: the connection failed, the body exceeded the limit or was corrupt, or the call
     * was cancelled.
     *
     * @param failure what happened
     */
    void onError(Throwable failure);
}
