package dev.ncsdk.appapi.exapp;

/**
 * Reports the progress of the ExApp's initialisation (such as downloading models) to Nextcloud, which shows it in
 * the admin's app list. Given to the {@link InitTask}. The runtime reports 100 itself when the task returns, and the
 * exception's message as the error when it throws.
 *
 * <pre>{@code
 * .onInit(progress -> {
 *     for (int i = 0; i < files.size(); i++) {
 *         download(files.get(i));
 *         progress.report(100 * (i + 1) / files.size() - 1);
 *     }
 * })
 * }</pre>
 *
 * @since 0.1.0
 */
public interface InitProgress {
    /**
     * Reports progress. Reporting 100 ends the initialisation: AppAPI then enables the ExApp (it calls
     * {@code /heartbeat} and {@code /enabled} while this call is still waiting for its answer).
     *
     * @param percent 0-100
     * @throws IllegalArgumentException for a value outside 0-100
     */
    void report(int percent);

    /**
     * Reports that the initialisation failed; AppAPI shows the message and keeps the app from being enabled. The
     * task should return after this call.
     *
     * @param message what went wrong, shown to admins (keep secrets out)
     */
    void fail(String message);
}
