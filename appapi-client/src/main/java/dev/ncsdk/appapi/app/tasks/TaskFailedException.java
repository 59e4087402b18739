package dev.ncsdk.appapi.app.tasks;

import java.util.Optional;

/**
 * Thrown by a {@link TaskHandler} to end a task as failed with a chosen message: {@link #getMessage()} goes to
 * {@code errorMessage} (for admins, in Nextcloud's log) and {@link #userFacingMessage()}, when given, to {@code
 * userFacingErrorMessage}, which Nextcloud 33+ shows to the user. Any other exception fails the task too, with its
 * class and message as the error and no user-facing text.
 *
 * <pre>{@code
 * if (text.length() > 10_000) {
 *     throw new TaskFailedException("input of " + text.length() + " chars", "The text is too long (10000 at most)");
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public class TaskFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The text shown to the user, or null. */
    private final String userFacingMessage;

    /**
     * A failure with a message for admins only.
     *
     * @param message the error message
     */
    public TaskFailedException(String message) {
        this(message, null);
    }

    /**
     * A failure with a message for admins and one for the user.
     *
     * @param message the error message
     * @param userFacingMessage the text shown to the user (Nextcloud 33+), or null
     */
    public TaskFailedException(String message, String userFacingMessage) {
        super(message);
        this.userFacingMessage = userFacingMessage;
    }

    /**
     * The text shown to the user.
     *
     * @return the text, empty when none
     */
    public Optional<String> userFacingMessage() {
        return Optional.ofNullable(userFacingMessage).filter(s -> !s.isBlank());
    }
}
