package dev.ncsdk.samples;

import dev.ncsdk.ocs.NextcloudVersion;
import dev.ncsdk.ocs.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Checks of command-line values, made before any network call: each throws a {@link Failures.Failure} with exit
 * code {@value Failures#USAGE} and a one-line message that names the option.
 */
final class Inputs {
    /** The App Store's rule for an app id (as {@code ArchiveInspector} checks it): lower case, digits, underscores. */
    static final Pattern APP_ID = Pattern.compile("[a-z]+[a-z0-9_]*[a-z0-9]");
    /** The longest app id the store accepts. */
    static final int MAX_APP_ID = 32;
    /** An environment variable's name. */
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Inputs() {}

    /**
     * An http or https URL with a host.
     *
     * @param option the option that gave it
     * @param value the value
     * @return the URL
     */
    static URI httpUrl(String option, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw Failures.usage(option + ": not a URL: " + value);
        }
        String scheme = uri.getScheme();
        if (scheme == null
                || !(scheme.toLowerCase(Locale.ROOT).equals("http")
                        || scheme.toLowerCase(Locale.ROOT).equals("https"))) {
            throw Failures.usage(option + ": not an http or https URL: " + value);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw Failures.usage(option + ": the URL has no host: " + value);
        }
        if (uri.getRawUserInfo() != null) {
            throw Failures.usage(option + ": no credentials in the URL; name the password's variable instead");
        }
        return uri;
    }

    /**
     * A regular file this process can read.
     *
     * @param option the option that gave it
     * @param file the file
     * @return the file
     */
    static Path readableFile(String option, Path file) {
        if (!Files.exists(file)) {
            throw Failures.unreadable(option + ": cannot read " + file + ": no such file", null);
        }
        if (Files.isDirectory(file)) {
            throw Failures.unreadable(option + ": cannot read " + file + ": it is a directory, not a file", null);
        }
        if (!Files.isRegularFile(file)) {
            throw Failures.unreadable(
                    option + ": cannot read " + file + ": it is a device, FIFO or socket, not a regular file", null);
        }
        if (!Files.isReadable(file)) {
            throw Failures.unreadable(option + ": cannot read " + file + ": permission denied", null);
        }
        return file;
    }

    /**
     * A directory this process can read.
     *
     * @param option the option that gave it
     * @param dir the directory
     * @return the directory
     */
    static Path readableDir(String option, Path dir) {
        if (!Files.exists(dir)) {
            throw Failures.unreadable(option + ": cannot read " + dir + ": no such directory", null);
        }
        if (!Files.isDirectory(dir)) {
            throw Failures.unreadable(option + ": cannot read " + dir + ": not a directory", null);
        }
        if (!Files.isReadable(dir)) {
            throw Failures.unreadable(option + ": cannot read " + dir + ": permission denied", null);
        }
        return dir;
    }

    /**
     * A file to write whose directory exists or can be made, and which is not a directory itself.
     *
     * @param option the option that gave it
     * @param file the file
     * @return the file
     */
    static Path writableFile(String option, Path file) {
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw Failures.usage(option + ": " + file + " is a directory, not a file to write");
        }
        return file;
    }

    /**
     * An app id by the store's rule.
     *
     * @param option the option that gave it
     * @param id the id
     * @return the id
     */
    static String appId(String option, String id) {
        if (id.length() > MAX_APP_ID || !APP_ID.matcher(id).matches()) {
            throw Failures.usage(option + ": '" + id + "' is not an app id (lower-case letters, digits and"
                    + " underscores, starting with a letter, at most " + MAX_APP_ID + " characters)");
        }
        return id;
    }

    /**
     * A Nextcloud version (three or four numeric parts).
     *
     * @param option the option that gave it
     * @param text the version
     * @return the version
     */
    static NextcloudVersion nextcloudVersion(String option, String text) {
        try {
            return NextcloudVersion.parse(text);
        } catch (IllegalArgumentException e) {
            throw Failures.usage(option + ": " + Failures.clean(e.getMessage()));
        }
    }

    /**
     * A version that starts with a number ({@code 8.2.36}, {@code 3.0.0-beta.1}).
     *
     * @param option the option that gave it
     * @param text the version
     * @return the version
     */
    static String version(String option, String text) {
        if (!text.matches("[0-9]+(\\.[0-9]+)*([-+~][0-9A-Za-z.+~-]*)?")) {
            throw Failures.usage(option + ": '" + text + "' is not a version (numbers separated by dots, like 8.2.36)");
        }
        return text;
    }

    /**
     * An environment variable's name whose variable is set and not blank.
     *
     * @param option the option that named it
     * @param variable the name
     * @return the secret it holds
     */
    static Secret secretFromEnv(String option, String variable) {
        variableName(option, variable);
        try {
            return Secret.fromEnv(variable);
        } catch (IllegalArgumentException e) {
            throw Failures.usage(option + ": environment variable " + variable + " is not set or empty");
        }
    }

    /**
     * An environment variable's name.
     *
     * @param option the option that named it
     * @param variable the name
     * @return the name
     */
    static String variableName(String option, String variable) {
        if (!VARIABLE.matcher(variable).matches()) {
            throw Failures.usage(option + ": '" + variable + "' is not an environment variable name");
        }
        return variable;
    }

    /**
     * A number of seconds of at least one.
     *
     * @param option the option that gave it
     * @param seconds the value
     * @return the value
     */
    static long positiveSeconds(String option, long seconds) {
        if (seconds < 1) {
            throw Failures.usage(option + " must be at least 1 second, not " + seconds);
        }
        return seconds;
    }

    /** Reads an ISO-8601 instant ({@code 2026-01-01T00:00:00Z}) with a message that names no Java class. */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException(
                        "'" + value + "' is not an ISO-8601 instant (like 2026-01-01T00:00:00Z)");
            }
        }
    }
}
