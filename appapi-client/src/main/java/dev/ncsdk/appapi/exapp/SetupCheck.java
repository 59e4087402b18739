package dev.ncsdk.appapi.exapp;

import java.util.Objects;

/**
 * One result of the ExApp's setup checks ({@code GET /setup_checks}, Nextcloud 35+), shown in the admin's
 * "Security and setup warnings" when it is a warning or an error.
 *
 * <pre>{@code
 * .onSetupChecks(nc -> Map.of("model", modelReady()
 *         ? SetupCheck.success("The model is installed")
 *         : SetupCheck.error("The model is missing; restart the app")))
 * }</pre>
 *
 * @param status the outcome
 * @param text what to show
 * @param linkUrl a link with more help, or {@code null}
 * @param linkLabel the link's label, or {@code null}
 * @since 0.1.0
 */
public record SetupCheck(Status status, String text, String linkUrl, String linkLabel) {
    /**
     * The outcome of a check.
     *
     * @since 0.1.0
     */
    public enum Status {
        /** All is well. */
        SUCCESS,
        /** For information. */
        INFO,
        /** Something to look at. */
        WARNING,
        /** Something is broken. */
        ERROR;

        /**
         * The value AppAPI reads.
         *
         * @return {@code success}, {@code info}, {@code warning} or {@code error}
         */
        public String wireValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Checks the parts.
     *
     * @param status the outcome
     * @param text the text
     * @param linkUrl the link
     * @param linkLabel the label
     */
    public SetupCheck {
        Objects.requireNonNull(status, "status");
        text = Objects.requireNonNullElse(text, "");
    }

    /**
     * A successful check.
     *
     * @param text what to show
     * @return the result
     */
    public static SetupCheck success(String text) {
        return new SetupCheck(Status.SUCCESS, text, null, null);
    }

    /**
     * An informational result.
     *
     * @param text what to show
     * @return the result
     */
    public static SetupCheck info(String text) {
        return new SetupCheck(Status.INFO, text, null, null);
    }

    /**
     * A warning.
     *
     * @param text what to show
     * @return the result
     */
    public static SetupCheck warning(String text) {
        return new SetupCheck(Status.WARNING, text, null, null);
    }

    /**
     * An error.
     *
     * @param text what to show
     * @return the result
     */
    public static SetupCheck error(String text) {
        return new SetupCheck(Status.ERROR, text, null, null);
    }

    /**
     * The same result with a help link.
     *
     * @param url the link
     * @param label its label
     * @return the changed copy
     */
    public SetupCheck withLink(String url, String label) {
        return new SetupCheck(status, text, url, label);
    }
}
