package dev.ncsdk.appstore.version;

/**
 * A version or version spec that cannot be parsed. Thrown for the one value that is wrong; callers that read a
 * catalogue (such as the update checker) skip only the release that carries it and report it.
 *
 * @since 0.1.0
 */
public class VersionSpecException extends IllegalArgumentException {
    /** Serialization version. */
    private static final long serialVersionUID = 1L;

    private final String input;

    /**
     * Creates the exception.
     *
     * @param message what is wrong
     * @param input the text that could not be parsed (may be {@code null})
     */
    public VersionSpecException(String message, String input) {
        super(message);
        this.input = input;
    }

    /**
     * The text that could not be parsed.
     *
     * @return the input, possibly {@code null}
     */
    public String input() {
        return input;
    }
}
