package dev.ncsdk.ocs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How requests authenticate. Credentials add headers to each request and are sent pre-emptively (no
 * challenge round trip). No implementation shows a secret in {@code toString()}.
 *
 * <pre>{@code
 * Credentials.basic("admin", Secret.fromEnv("NC_PASSWORD"))
 * Credentials.appPassword("alice", Secret.of(appPassword))
 * Credentials.token(Secret.fromEnv("APPSTORE_TOKEN"))        // App Store: "Authorization: Token ..."
 * Credentials.header("X-Api-Key", () -> vault.currentKey())  // anything else
 * }</pre>
 *
 * @since 0.1.0
 */
public interface Credentials {

    /**
     * The headers to add to one request. Called once per request, so a provider may rotate values.
     *
     * @return header names and values
     */
    Map<String, String> headers();

    /**
     * The login these credentials authenticate as, when they name one.
     *
     * @return the login, or empty
     */
    default Optional<String> login() {
        return Optional.empty();
    }

    /**
     * No authentication: public routes only (capabilities, {@code status.php}, the store's read API).
     *
     * @return credentials that add nothing
     */
    static Credentials none() {
        return NoCredentials.INSTANCE;
    }

    /**
     * HTTP Basic with a login and its password.
     *
     * @param login the login name
     * @param password the password
     * @return the credentials
     */
    static Credentials basic(String login, Secret password) {
        return new BasicCredentials(login, password, "password");
    }

    /**
     * HTTP Basic with a login and an app password (what login flow v2 and {@code getapppassword} return).
     *
     * @param login the login name
     * @param appPassword the app password
     * @return the credentials
     */
    static Credentials appPassword(String login, Secret appPassword) {
        return new BasicCredentials(login, appPassword, "app password");
    }

    /**
     * The App Store's API token: {@code Authorization: Token <token>}.
     *
     * @param token the token
     * @return the credentials
     */
    static Credentials token(Secret token) {
        Objects.requireNonNull(token, "token");
        return new HeaderCredentials("Authorization", () -> "Token " + token.reveal(), "token");
    }

    /**
     * A bearer token: {@code Authorization: Bearer <token>}.
     *
     * @param token the token
     * @return the credentials
     */
    static Credentials bearer(Secret token) {
        Objects.requireNonNull(token, "token");
        return new HeaderCredentials("Authorization", () -> "Bearer " + token.reveal(), "bearer");
    }

    /**
     * A custom header whose value is computed for each request. The header's value is treated as secret in logs.
     *
     * @param name the header name
     * @param value supplies the value for each request
     * @return the credentials
     */
    static Credentials header(String name, Supplier<String> value) {
        return new HeaderCredentials(name, value, "custom header");
    }

    /** No authentication. */
    final class NoCredentials implements Credentials {
        static final NoCredentials INSTANCE = new NoCredentials();

        private NoCredentials() {}

        @Override
        public Map<String, String> headers() {
            return Map.of();
        }

        @Override
        public String toString() {
            return "Credentials[none]";
        }
    }

    /** HTTP Basic credentials. */
    final class BasicCredentials implements Credentials {
        private final String login;
        private final Secret password;
        private final String kind;

        BasicCredentials(String login, Secret password, String kind) {
            this.login = Objects.requireNonNull(login, "login");
            this.password = Objects.requireNonNull(password, "password");
            this.kind = kind;
            if (login.indexOf(':') >= 0) {
                throw new IllegalArgumentException("a login for HTTP Basic must not contain ':'");
            }
        }

        @Override
        public Map<String, String> headers() {
            String raw = login + ":" + password.reveal();
            return Map.of(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public Optional<String> login() {
            return Optional.of(login);
        }

        /**
         * The secret part (password or app password).
         *
         * @return the secret
         */
        public Secret secret() {
            return password;
        }

        @Override
        public String toString() {
            return "Credentials[basic " + login + " with " + kind + " ****]";
        }
    }

    /** One header computed per request. */
    final class HeaderCredentials implements Credentials {
        private final String name;
        private final Supplier<String> value;
        private final String kind;

        HeaderCredentials(String name, Supplier<String> value, String kind) {
            this.name = Objects.requireNonNull(name, "header name");
            this.value = Objects.requireNonNull(value, "header value supplier");
            this.kind = kind;
        }

        /**
         * The header's name.
         *
         * @return the name
         */
        public String headerName() {
            return name;
        }

        @Override
        public Map<String, String> headers() {
            String v = value.get();
            return v == null ? Map.of() : Map.of(name, v);
        }

        @Override
        public String toString() {
            return "Credentials[" + kind + " " + name + ": ****]";
        }
    }
}
