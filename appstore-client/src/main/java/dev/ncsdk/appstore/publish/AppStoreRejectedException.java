package dev.ncsdk.appstore.publish;

import dev.ncsdk.ocs.ErrorResponse;
import dev.ncsdk.ocs.NcBadRequestException;

/**
 * The store refused a write with HTTP 400: an invalid archive, signature, certificate or field. {@link #messages()}
 * holds every message the store sent, whatever its shape ({@code {"detail": ...}}, field errors such as
 * {@code {"download": ["Enter a valid URL."]}} as {@code "download: Enter a valid URL."}, or a bare list of
 * strings).
 *
 * @since 0.1.0
 */
public class AppStoreRejectedException extends NcBadRequestException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param response the failed answer
     */
    public AppStoreRejectedException(String message, ErrorResponse response) {
        super(message, response);
    }
}
