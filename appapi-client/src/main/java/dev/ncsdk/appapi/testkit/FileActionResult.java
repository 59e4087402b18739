package dev.ncsdk.appapi.testkit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the ExApp answered when a user picked one of its file actions ({@link AppApiSimulator#fileAction}): one answer
 * for a v2 action (all files in one request), one per file for a v1 action, and the page the browser then opens when
 * a v2 answer names a {@code redirect_handler} (AppAPI {@code src/filesplugin.js}).
 *
 * <pre>{@code
 * FileActionResult r = nc.fileAction("alice", "to_pdf", "/Documents/a.md");
 * assertEquals(200, r.response().status());
 * assertEquals(Optional.of("/index.php/apps/app_api/embedded/my_app/viewer?fileIds=7"), r.redirect());
 * }</pre>
 *
 * @param responses the ExApp's answers, in order
 * @param redirect the path of the page the browser opens, relative to Nextcloud's root, if any
 * @since 0.1.0
 */
public record FileActionResult(List<ExAppResponse> responses, Optional<String> redirect) {
    /**
     * Copies the list.
     *
     * @param responses answers
     * @param redirect redirect path
     */
    public FileActionResult {
        responses = List.copyOf(responses);
        redirect = Objects.requireNonNull(redirect, "redirect");
    }

    /**
     * The first (for v2 the only) answer.
     *
     * @return the answer
     */
    public ExAppResponse response() {
        return responses.get(0);
    }
}
