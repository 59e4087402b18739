package dev.ncsdk.appapi.manifest;

import java.util.List;

/**
 * An ExApp manifest AppAPI would refuse or misread; {@link #problems()} lists every problem found.
 *
 * @since 0.1.0
 */
public class ManifestException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The problems found, in order. */
    private final List<String> problems;

    /**
     * Creates the exception.
     *
     * @param what what was checked
     * @param problems the problems, at least one
     */
    public ManifestException(String what, List<String> problems) {
        super(what + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Every problem found.
     *
     * @return the problems
     */
    public List<String> problems() {
        return problems;
    }
}
