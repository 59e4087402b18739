package dev.ncsdk.appapi.app.ui;

import dev.ncsdk.appapi.AppApiVersion;
import dev.ncsdk.ocs.NcException;
import java.util.Objects;

/**
 * A call needs a newer AppAPI than the server runs; thrown before anything is sent. The server's version comes from
 * {@code capabilities.app_api.version}, read once per {@link dev.ncsdk.appapi.app.NextcloudApp}.
 *
 * <pre>{@code
 * try {
 *     nc.settings().register(form);
 * } catch (AppApiVersionTooOldException e) {
 *     log.warning(e.feature() + " needs AppAPI " + e.required() + ", the server has " + e.actual());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public class AppApiVersionTooOldException extends NcException {
    private static final long serialVersionUID = 1L;

    /** What was asked for. */
    private final String feature;
    /** The first AppAPI version with the feature (not serialized). */
    private final transient AppApiVersion required;
    /** The server's AppAPI version (not serialized). */
    private final transient AppApiVersion actual;

    /**
     * Creates the exception.
     *
     * @param feature what the caller asked for, such as {@code "sensitive settings fields"}
     * @param required the first AppAPI version with it
     * @param actual the server's AppAPI version
     */
    public AppApiVersionTooOldException(String feature, AppApiVersion required, AppApiVersion actual) {
        super(Objects.requireNonNull(feature, "feature") + " needs AppAPI " + required + " or newer; the server runs "
                + "AppAPI " + actual);
        this.feature = feature;
        this.required = required;
        this.actual = actual;
    }

    /**
     * What was asked for.
     *
     * @return the feature's description
     */
    public String feature() {
        return feature;
    }

    /**
     * The first AppAPI version with the feature.
     *
     * @return the version needed
     */
    public AppApiVersion required() {
        return required;
    }

    /**
     * The server's AppAPI version.
     *
     * @return the version found
     */
    public AppApiVersion actual() {
        return actual;
    }
}
