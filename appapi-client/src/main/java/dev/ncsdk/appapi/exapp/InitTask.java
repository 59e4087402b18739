package dev.ncsdk.appapi.exapp;

/**
 * The ExApp's initialisation, run in the background after AppAPI calls {@code POST /init} (which is answered at
 * once). Returning reports progress 100; throwing reports the exception's message as the error.
 *
 * <pre>{@code
 * InitTask init = progress -> {
 *     progress.report(10);
 *     downloadModel();
 * };
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface InitTask {
    /**
     * Initialises the ExApp.
     *
     * @param progress reports progress to Nextcloud
     * @throws Exception any failure, reported as the initialisation error
     */
    void run(InitProgress progress) throws Exception;
}
