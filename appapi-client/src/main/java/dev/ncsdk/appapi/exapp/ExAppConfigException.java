package dev.ncsdk.appapi.exapp;

import dev.ncsdk.ocs.NcException;

/**
 * A setting the ExApp needs is missing or malformed. The message names the environment variable (such as
 * {@code APP_PORT}) and, for a value that is not secret, what was wrong with it; a secret's value is never shown.
 *
 * @since 0.1.0
 */
public final class ExAppConfigException extends NcException {
    private static final long serialVersionUID = 1L;

    private final String variable;

    /**
     * Creates the exception.
     *
     * @param variable the environment variable concerned, such as {@code APP_SECRET}
     * @param message what is wrong, free of secrets
     */
    public ExAppConfigException(String variable, String message) {
        super(message);
        this.variable = variable;
    }

    /**
     * The environment variable concerned.
     *
     * @return the variable's name, such as {@code APP_PORT}
     */
    public String variable() {
        return variable;
    }
}
