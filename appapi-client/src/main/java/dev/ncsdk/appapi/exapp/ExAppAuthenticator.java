package dev.ncsdk.appapi.exapp;

import dev.ncsdk.appapi.exapp.RequestAuthenticationException.Reason;
import dev.ncsdk.ocs.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Checks the AppAPI headers of a request to the ExApp, on its own, in any framework (the {@link ExApp} runtime
 * uses it for every request but {@code GET /heartbeat}):
 *
 * <ul>
 *   <li>{@code EX-APP-ID} equals the app id;
 *   <li>{@code EX-APP-VERSION} is present (its value is not compared: AppAPI sends the version it has on record);
 *   <li>{@code AUTHORIZATION-APP-API} is base64 of {@code user:secret}, split at the first colon (so the secret
 *       may contain colons); the secret is compared in constant time; the user may be empty (system context).
 * </ul>
 *
 * <p>{@code AA-VERSION} is never required: HaRP overwrites it with a constant. Thread-safe and cheap: create one per
 * application. Failures throw {@link RequestAuthenticationException}, whose message names no secret.
 *
 * <p>In a servlet container (the lookup of {@code HttpServletRequest.getHeader} is case-insensitive):
 *
 * <pre>{@code
 * ExAppAuthenticator auth = ExAppAuthenticator.of(System.getenv("APP_ID"), Secret.fromEnv("APP_SECRET"));
 * try {
 *     ExAppCaller caller = auth.authenticate(request::getHeader);
 *     request.setAttribute("nc.user", caller.userId());
 *     chain.doFilter(request, response);
 * } catch (RequestAuthenticationException e) {
 *     response.sendError(401);
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ExAppAuthenticator {
    /** The largest {@code AUTHORIZATION-APP-API} value decoded by default, in characters. */
    public static final int DEFAULT_MAX_HEADER_LENGTH = 8192;

    private final String appId;
    private final byte[] secret;
    private final int maxHeaderLength;

    private ExAppAuthenticator(String appId, byte[] secret, int maxHeaderLength) {
        this.appId = appId;
        this.secret = secret;
        this.maxHeaderLength = maxHeaderLength;
    }

    /**
     * An authenticator for one ExApp.
     *
     * @param appId the ExApp's id ({@code APP_ID})
     * @param secret its secret ({@code APP_SECRET}), not empty
     * @return the authenticator
     */
    public static ExAppAuthenticator of(String appId, Secret secret) {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(secret, "secret");
        if (appId.isBlank()) {
            throw new IllegalArgumentException("the app id must not be empty");
        }
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("the secret must not be empty");
        }
        return new ExAppAuthenticator(
                appId, secret.reveal().getBytes(StandardCharsets.UTF_8), DEFAULT_MAX_HEADER_LENGTH);
    }

    /**
     * The same authenticator with another bound on the {@code AUTHORIZATION-APP-API} length; longer values are
     * refused before being decoded.
     *
     * @param chars the largest accepted length, at least 16
     * @return the changed copy
     */
    public ExAppAuthenticator withMaxHeaderLength(int chars) {
        if (chars < 16) {
            throw new IllegalArgumentException("the header bound must be at least 16 characters");
        }
        return new ExAppAuthenticator(appId, secret, chars);
    }

    /**
     * The app id requests must carry.
     *
     * @return the id
     */
    public String appId() {
        return appId;
    }

    /**
     * Checks a request's headers.
     *
     * @param header looks up a header's value by name; must ignore case (as servlet, Spring, Javalin and
     *     {@code com.sun.net.httpserver.Headers#getFirst} do) and return {@code null} for an absent header
     * @return the caller
     * @throws RequestAuthenticationException when a check fails
     */
    public ExAppCaller authenticate(Function<String, String> header) {
        Objects.requireNonNull(header, "header");
        String id = header.apply("EX-APP-ID");
        if (id == null || id.isBlank()) {
            throw fail(Reason.MISSING_HEADER, "missing header EX-APP-ID");
        }
        if (!appId.equals(id.trim())) {
            throw fail(Reason.WRONG_APP_ID, "EX-APP-ID names another app");
        }
        String version = header.apply("EX-APP-VERSION");
        if (version == null || version.isBlank()) {
            throw fail(Reason.MISSING_HEADER, "missing header EX-APP-VERSION");
        }
        String auth = header.apply("AUTHORIZATION-APP-API");
        if (auth == null || auth.isBlank()) {
            throw fail(Reason.MISSING_HEADER, "missing header AUTHORIZATION-APP-API");
        }
        if (auth.length() > maxHeaderLength) {
            throw fail(Reason.HEADER_TOO_LARGE, "AUTHORIZATION-APP-API is too long");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(auth.trim());
        } catch (IllegalArgumentException e) {
            throw fail(Reason.MALFORMED_HEADER, "AUTHORIZATION-APP-API is not base64");
        }
        try {
            int colon = -1;
            for (int i = 0; i < decoded.length; i++) {
                if (decoded[i] == ':') {
                    colon = i;
                    break;
                }
            }
            if (colon < 0) {
                throw fail(Reason.MALFORMED_HEADER, "AUTHORIZATION-APP-API is not user:secret");
            }
            byte[] candidate = Arrays.copyOfRange(decoded, colon + 1, decoded.length);
            boolean ok = MessageDigest.isEqual(secret, candidate);
            Arrays.fill(candidate, (byte) 0);
            if (!ok) {
                throw fail(Reason.WRONG_SECRET, "wrong secret in AUTHORIZATION-APP-API");
            }
            String user = new String(decoded, 0, colon, StandardCharsets.UTF_8);
            if (user.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw fail(Reason.MALFORMED_HEADER, "the user in AUTHORIZATION-APP-API has control characters");
            }
            return new ExAppCaller(user, requestId(header.apply("AA-REQUEST-ID")), version.trim());
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
    }

    /**
     * Checks a request's headers given as a map (such as {@code java.net.http.HttpHeaders#map()}); names are
     * matched ignoring case.
     *
     * @param headers the headers
     * @return the caller
     * @throws RequestAuthenticationException when a check fails
     */
    public ExAppCaller authenticate(Map<String, List<String>> headers) {
        Objects.requireNonNull(headers, "headers");
        return authenticate(name -> {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null
                        && e.getKey().equalsIgnoreCase(name)
                        && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        });
    }

    private static String requestId(String raw) {
        if (raw == null) {
            return "";
        }
        String v = raw.trim();
        if (v.length() > 256 || v.chars().anyMatch(c -> c < 0x20 || c >= 0x7f)) {
            return "";
        }
        return v;
    }

    private static RequestAuthenticationException fail(Reason reason, String what) {
        return new RequestAuthenticationException(reason, "AppAPI authentication failed: " + what);
    }

    /** Names the app id only. */
    @Override
    public String toString() {
        return "ExAppAuthenticator[" + appId + ", secret ****]";
    }
}
