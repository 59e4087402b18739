package dev.ncsdk.appapi;

import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How an ExApp authenticates to Nextcloud: {@code EX-APP-ID}, {@code EX-APP-VERSION} and
 * {@code AUTHORIZATION-APP-API = base64(user + ":" + APP_SECRET)}. With an empty user the request runs in the
 * system context; with a user id AppAPI impersonates that user (and logs it). Use it with an
 * {@link dev.ncsdk.ocs.OcsClient} to call Nextcloud as an ExApp:
 *
 * <pre>{@code
 * AppApiCredentials exApp = AppApiCredentials.of("hello_java", "1.0.0", Secret.fromEnv("APP_SECRET"));
 * try (OcsClient nc = OcsClient.builder().baseUri(URI.create(System.getenv("NEXTCLOUD_URL"))).credentials(exApp).build()) {
 *     nc.ocs(OcsRequest.put("/apps/app_api/ex-app/status").jsonBody(Map.of("progress", 100)).build());
 *     nc.withCredentials(exApp.asUser("alice")).ocs(OcsRequest.get("/cloud/user").build());
 * }
 * }</pre>
 *
 * <p>The secret travels in clear in a header: use TLS. {@link #toString()} never shows it.
 *
 * @since 0.1.0
 */
public final class AppApiCredentials implements Credentials {
    private final String appId;
    private final String appVersion;
    private final Secret secret;
    private final String userId;
    private final String aaVersion;

    private AppApiCredentials(String appId, String appVersion, Secret secret, String userId, String aaVersion) {
        this.appId = appId;
        this.appVersion = appVersion;
        this.secret = secret;
        this.userId = userId;
        this.aaVersion = aaVersion;
    }

    /**
     * Credentials of an ExApp in the system context (empty user).
     *
     * @param appId the ExApp's id ({@code APP_ID})
     * @param appVersion its version ({@code APP_VERSION}); AppAPI refuses an empty one
     * @param secret its secret ({@code APP_SECRET})
     * @return the credentials
     */
    public static AppApiCredentials of(String appId, String appVersion, Secret secret) {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(appVersion, "appVersion");
        Objects.requireNonNull(secret, "secret");
        if (appId.isBlank()) {
            throw new IllegalArgumentException("the ExApp id must not be empty");
        }
        if (appVersion.isBlank()) {
            throw new IllegalArgumentException("AppAPI refuses requests with an empty EX-APP-VERSION");
        }
        checkHeaderValue(appId, "appId");
        checkHeaderValue(appVersion, "appVersion");
        return new AppApiCredentials(appId, appVersion, secret, "", null);
    }

    /**
     * The same ExApp acting as a user. AppAPI checks that the user exists; the part before the first {@code :}
     * of the decoded header is the user, so a user id must not contain {@code :}.
     *
     * @param user the user id, or empty for the system context
     * @return the credentials
     */
    public AppApiCredentials asUser(String user) {
        Objects.requireNonNull(user, "user");
        if (user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a user id in AUTHORIZATION-APP-API must not contain ':'");
        }
        return new AppApiCredentials(appId, appVersion, secret, user, aaVersion);
    }

    /**
     * The same credentials also sending {@code AA-VERSION} (ignored by AppAPI 32+; older nc_py_api sent it).
     *
     * @param version the AppAPI version to announce
     * @return the credentials
     */
    public AppApiCredentials withAaVersion(String version) {
        checkHeaderValue(Objects.requireNonNull(version, "version"), "version");
        return new AppApiCredentials(appId, appVersion, secret, userId, version);
    }

    private static void checkHeaderValue(String v, String what) {
        if (v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException(what + " must not contain control characters");
        }
    }

    @Override
    public Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("EX-APP-ID", appId);
        h.put("EX-APP-VERSION", appVersion);
        if (aaVersion != null) {
            h.put("AA-VERSION", aaVersion);
        }
        String raw = userId + ":" + secret.reveal();
        h.put("AUTHORIZATION-APP-API", Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
        return h;
    }

    @Override
    public Optional<String> login() {
        return userId.isEmpty() ? Optional.empty() : Optional.of(userId);
    }

    /**
     * The ExApp's id.
     *
     * @return the id
     */
    public String appId() {
        return appId;
    }

    /**
     * The user acted as.
     *
     * @return the user id, empty for the system context
     */
    public String userId() {
        return userId;
    }

    @Override
    public String toString() {
        return "AppApiCredentials[" + appId + " " + appVersion + (userId.isEmpty() ? "" : " as " + userId)
                + ", secret ****]";
    }
}
