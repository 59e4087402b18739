package dev.ncsdk.appapi.testkit;

import java.util.Optional;

/**
 * An ExApp did not behave as AppAPI requires: a lifecycle step failed (the heartbeat was not {@code {"status":"ok"}},
 * {@code /init} was refused, progress never reached 100, {@code /enabled} answered an error, a nested call during the
 * progress-100 report deadlocked), the ExApp could not be reached, or an awaited call never came. It is an
 * {@link AssertionError}, so a test reports it as a failure, with a message that says what AppAPI would have seen.
 *
 * <pre>{@code
 * ExAppCheckFailure f = assertThrows(ExAppCheckFailure.class, () -> nc.init(Duration.ofSeconds(5)));
 * assertEquals("init", f.step());
 * }</pre>
 *
 * <p>The message never holds the app secret.
 *
 * @since 0.1.0
 */
public final class ExAppCheckFailure extends AssertionError {
    private static final long serialVersionUID = 1L;

    /** The step that failed. */
    private final String step;
    /** The ExApp's answer, when there was one. */
    private final transient ExAppResponse response;

    ExAppCheckFailure(String step, String message, ExAppResponse response, Throwable cause) {
        super(step + ": " + message, cause);
        this.step = step;
        this.response = response;
    }

    /**
     * The step that failed: {@code heartbeat}, {@code init}, {@code enable}, {@code disable}, {@code request} or
     * {@code await}.
     *
     * @return the step
     */
    public String step() {
        return step;
    }

    /**
     * The ExApp's answer that made the step fail, when it answered at all.
     *
     * @return the answer, or empty when the ExApp did not answer (unreachable, timeout)
     */
    public Optional<ExAppResponse> response() {
        return Optional.ofNullable(response);
    }
}
