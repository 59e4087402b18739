package dev.ncsdk.samples;

import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.Secret;

/** Secrets come from environment variables named on the command line, never from the command line itself. */
final class Secrets {
    private Secrets() {}

    /**
     * The secret in an environment variable, or null when no variable is named.
     *
     * @param variable the variable's name, or null
     * @return the secret, or null when {@code variable} is null
     * @throws IllegalArgumentException when the variable is named but not set or empty
     */
    static Secret fromEnvOrNull(String variable) {
        return variable == null ? null : Secret.fromEnv(variable);
    }

    /**
     * Basic credentials: a login and the password (or app password) in an environment variable.
     *
     * @param user the login name
     * @param passwordEnv the variable holding the password
     * @return the credentials
     * @throws IllegalArgumentException when the variable is not set or empty
     */
    static Credentials basic(String user, String passwordEnv) {
        return Credentials.basic(user, Secret.fromEnv(passwordEnv));
    }

    /**
     * The value of an environment variable, or null when it is not set or blank.
     *
     * @param variable the variable's name
     * @return the value, or null
     */
    static String valueOrNull(String variable) {
        String v = System.getenv(variable);
        return v == null || v.isBlank() ? null : v;
    }
}
