package dev.ncsdk.appapi.exapp;

import dev.ncsdk.ocs.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The settings an ExApp runs with, as AppAPI passes them to its container in environment variables. Built by
 * {@link ExApp.Builder} (which lets code override each value) or read directly with {@link #fromEnvironment(Map)}.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><th>variable</th><th>component</th><th>required</th><th>default</th></tr>
 *   <tr><td>{@code APP_ID}</td><td>{@link #appId()}</td><td>yes</td><td></td></tr>
 *   <tr><td>{@code APP_VERSION}</td><td>{@link #appVersion()}</td><td>yes</td><td></td></tr>
 *   <tr><td>{@code APP_SECRET}</td><td>{@link #secret()}</td><td>yes</td><td></td></tr>
 *   <tr><td>{@code APP_HOST}</td><td>{@link #host()}</td><td>no</td><td>{@code 127.0.0.1}</td></tr>
 *   <tr><td>{@code APP_PORT}</td><td>{@link #port()}</td><td>yes</td><td>(0 = any free port)</td></tr>
 *   <tr><td>{@code NEXTCLOUD_URL}</td><td>{@link #nextcloudUrl()}</td><td>yes</td><td></td></tr>
 *   <tr><td>{@code APP_DISPLAY_NAME}</td><td>{@link #displayName()}</td><td>no</td><td>the app id</td></tr>
 *   <tr><td>{@code APP_PERSISTENT_STORAGE}</td><td>{@link #persistentStorage()}</td><td>no</td><td>none</td></tr>
 *   <tr><td>{@code AA_VERSION}</td><td>{@link #aaVersion()}</td><td>no</td><td>empty</td></tr>
 *   <tr><td>{@code COMPUTE_DEVICE}</td><td>{@link #computeDevice()}</td><td>no</td><td>{@code CPU}</td></tr>
 *   <tr><td>{@code HP_SHARED_KEY}</td><td>{@link #harpSharedKey()}</td><td>no</td><td>none (no HaRP)</td></tr>
 *   <tr><td>{@code HP_EXAPP_SOCK}</td><td>{@link #unixSocket()}</td><td>no</td><td>{@code /tmp/exapp.sock}</td></tr>
 * </table>
 *
 * <pre>{@code
 * ExAppConfig config = ExAppConfig.fromEnvironment(System.getenv());
 * System.Logger log = System.getLogger("my-exapp");
 * log.log(System.Logger.Level.INFO, "starting " + config);   // the secrets show as ****
 * }</pre>
 *
 * @param appId the app id ({@code APP_ID})
 * @param appVersion the app version ({@code APP_VERSION})
 * @param displayName the display name ({@code APP_DISPLAY_NAME}, else the app id)
 * @param secret the secret shared with AppAPI ({@code APP_SECRET})
 * @param host the address to listen on ({@code APP_HOST})
 * @param port the TCP port to listen on ({@code APP_PORT}; 0 picks a free one)
 * @param nextcloudUrl where the ExApp reaches Nextcloud ({@code NEXTCLOUD_URL})
 * @param persistentStorage the directory kept across updates ({@code APP_PERSISTENT_STORAGE}), or {@code null}
 * @param aaVersion AppAPI's version ({@code AA_VERSION}), empty when not given
 * @param computeDevice {@code CPU}, {@code CUDA} or {@code ROCM} ({@code COMPUTE_DEVICE}), upper case
 * @param harpSharedKey HaRP's shared key ({@code HP_SHARED_KEY}), or {@code null} when not behind HaRP
 * @param unixSocket the Unix socket HaRP's tunnel connects to ({@code HP_EXAPP_SOCK})
 * @since 0.1.0
 */
public record ExAppConfig(
        String appId,
        String appVersion,
        String displayName,
        Secret secret,
        String host,
        int port,
        URI nextcloudUrl,
        Path persistentStorage,
        String aaVersion,
        String computeDevice,
        Secret harpSharedKey,
        Path unixSocket) {

    /** The socket path HaRP's {@code start.sh} points its tunnel at. */
    public static final String DEFAULT_UNIX_SOCKET = "/tmp/exapp.sock";

    /**
     * Checks the required components.
     *
     * @param appId the app id
     * @param appVersion the version
     * @param displayName the display name
     * @param secret the secret
     * @param host the host
     * @param port the port
     * @param nextcloudUrl the Nextcloud URL
     * @param persistentStorage the storage directory
     * @param aaVersion AppAPI's version
     * @param computeDevice the compute device
     * @param harpSharedKey the HaRP key
     * @param unixSocket the socket path
     */
    public ExAppConfig {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(appVersion, "appVersion");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(nextcloudUrl, "nextcloudUrl");
        displayName = displayName == null || displayName.isBlank() ? appId : displayName;
        aaVersion = aaVersion == null ? "" : aaVersion;
        computeDevice = computeDevice == null || computeDevice.isBlank()
                ? "CPU"
                : computeDevice.trim().toUpperCase(Locale.ROOT);
        unixSocket = unixSocket == null ? Path.of(DEFAULT_UNIX_SOCKET) : unixSocket;
        if (port < 0 || port > 65535) {
            throw new ExAppConfigException("APP_PORT", "APP_PORT must be 0-65535, got " + port);
        }
    }

    /**
     * Whether the ExApp runs behind HaRP ({@code HP_SHARED_KEY} is set), and so also listens on
     * {@link #unixSocket()}.
     *
     * @return {@code true} behind HaRP
     */
    public boolean harp() {
        return harpSharedKey != null;
    }

    /**
     * Reads the configuration from environment variables, such as {@code System.getenv()}.
     *
     * @param env the variables
     * @return the configuration
     * @throws ExAppConfigException naming the first variable that is missing or malformed
     */
    public static ExAppConfig fromEnvironment(Map<String, String> env) {
        return resolve(env, Map.of(), null, null);
    }

    static ExAppConfig resolve(
            Map<String, String> env, Map<String, String> overrides, Secret secretOverride, Secret harpKeyOverride) {
        Objects.requireNonNull(env, "env");
        java.util.function.Function<String, String> get = name -> {
            String v = overrides.containsKey(name) ? overrides.get(name) : env.get(name);
            return v == null || v.isBlank() ? null : v.trim();
        };
        String appId = required(get, "APP_ID");
        checkPrintable(appId, "APP_ID");
        String version = required(get, "APP_VERSION");
        checkPrintable(version, "APP_VERSION");
        Secret secret = secretOverride;
        if (secret == null) {
            String raw = env.get("APP_SECRET");
            if (raw == null || raw.isBlank()) {
                throw new ExAppConfigException("APP_SECRET", "APP_SECRET is required (the secret AppAPI shares)");
            }
            secret = Secret.of(raw);
        }
        if (secret.reveal().isBlank()) {
            throw new ExAppConfigException("APP_SECRET", "APP_SECRET must not be empty");
        }
        if (secret.reveal().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new ExAppConfigException("APP_SECRET", "APP_SECRET must not contain control characters");
        }
        String host = get.apply("APP_HOST");
        host = host == null ? "127.0.0.1" : host;
        String portText = required(get, "APP_PORT");
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new ExAppConfigException("APP_PORT", "APP_PORT must be a number 0-65535, got '" + portText + "'");
        }
        if (port < 0 || port > 65535) {
            throw new ExAppConfigException("APP_PORT", "APP_PORT must be 0-65535, got " + port);
        }
        String urlText = required(get, "NEXTCLOUD_URL");
        URI url;
        try {
            url = new URI(urlText);
        } catch (URISyntaxException e) {
            throw new ExAppConfigException("NEXTCLOUD_URL", "NEXTCLOUD_URL is not a URL: '" + urlText + "'");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new ExAppConfigException(
                    "NEXTCLOUD_URL", "NEXTCLOUD_URL must be an http:// or https:// URL, got '" + urlText + "'");
        }
        Path storage = path(get, "APP_PERSISTENT_STORAGE");
        Secret harpKey = harpKeyOverride;
        if (harpKey == null) {
            String raw = env.get("HP_SHARED_KEY");
            harpKey = raw == null || raw.isEmpty() ? null : Secret.of(raw);
        }
        Path socket = path(get, "HP_EXAPP_SOCK");
        return new ExAppConfig(
                appId,
                version,
                get.apply("APP_DISPLAY_NAME"),
                secret,
                host,
                port,
                url,
                storage,
                get.apply("AA_VERSION"),
                get.apply("COMPUTE_DEVICE"),
                harpKey,
                socket);
    }

    private static String required(java.util.function.Function<String, String> get, String name) {
        String v = get.apply(name);
        if (v == null) {
            throw new ExAppConfigException(name, name + " is required (AppAPI sets it in the ExApp's environment)");
        }
        return v;
    }

    private static void checkPrintable(String v, String name) {
        if (v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new ExAppConfigException(name, name + " must not contain control characters");
        }
    }

    private static Path path(java.util.function.Function<String, String> get, String name) {
        String v = get.apply(name);
        if (v == null) {
            return null;
        }
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw new ExAppConfigException(name, name + " is not a valid path: '" + v + "'");
        }
    }

    /** Shows every component but the secrets, which appear as {@code ****}. */
    @Override
    public String toString() {
        return "ExAppConfig[appId=" + appId + ", appVersion=" + appVersion + ", displayName=" + displayName
                + ", secret=****, host=" + host + ", port=" + port + ", nextcloudUrl=" + nextcloudUrl
                + ", persistentStorage=" + persistentStorage + ", aaVersion=" + aaVersion + ", computeDevice="
                + computeDevice + ", harpSharedKey=" + (harpSharedKey == null ? "none" : "****") + ", unixSocket="
                + unixSocket + "]";
    }
}
