package dev.ncsdk.appapi.app.files;

/**
 * Sees a download or upload progress. Called on the HTTP client's threads, in order, after each piece of the body
 * moved; keep it quick (update a counter, a progress bar), and do not throw.
 *
 * <pre>{@code
 * files.download("/Videos/talk.mp4", Path.of("talk.mp4"),
 *         (done, total) -> log.info("{0} of {1} bytes", done, total));
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TransferListener {
    /** A listener that does nothing. */
    TransferListener NONE = (transferred, total) -> {};

    /**
     * More bytes moved.
     *
     * @param transferred the bytes moved so far in this transfer
     * @param total the whole length, {@code -1} when the server did not say
     */
    void onProgress(long transferred, long total);
}
