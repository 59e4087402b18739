package dev.ncsdk.appapi.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Requests AppAPI would never send, to check that an ExApp refuses them (with 401, as nc_py_api and AppAPI's
 * reference ExApp do). Each method gives a request set signed for the user the forgeries were made for
 * ({@code admin} by default) with one thing wrong.
 *
 * <pre>{@code
 * assertEquals(401, nc.forged().wrongSecret().get("/").status());
 * assertEquals(401, nc.forged().wrongAppId().get("/").status());
 * assertEquals(401, nc.forged().missingHeader("EX-APP-VERSION").get("/").status());
 * assertEquals(401, nc.forged().unsigned().get("/").status());
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ForgedRequests {
    private final ExAppRequests base;
    private final String user;

    ForgedRequests(ExAppRequests base) {
        this.base = base;
        this.user = base.user();
    }

    /**
     * Signed with a secret that is not the app's.
     *
     * @return the request set
     */
    public ExAppRequests wrongSecret() {
        return base.withAuthorization(encode(user + ":not-the-app-secret"));
    }

    /**
     * The right secret, but {@code EX-APP-ID} names another app.
     *
     * @return the request set
     */
    public ExAppRequests wrongAppId() {
        return base.withAppId(base.simulator().appId() + "_forged");
    }

    /**
     * Without one of the AppAPI headers.
     *
     * @param name e.g. {@code AUTHORIZATION-APP-API}, {@code EX-APP-ID}, {@code EX-APP-VERSION}
     * @return the request set
     */
    public ExAppRequests missingHeader(String name) {
        return base.withoutHeader(name);
    }

    /**
     * {@code EX-APP-VERSION} sent empty.
     *
     * @return the request set
     */
    public ExAppRequests emptyVersion() {
        return base.header("EX-APP-VERSION", "");
    }

    /**
     * {@code AUTHORIZATION-APP-API} that is not base64.
     *
     * @return the request set
     */
    public ExAppRequests malformedAuthorization() {
        return base.withAuthorization("%%not base64%%");
    }

    /**
     * {@code AUTHORIZATION-APP-API} that decodes to a value without {@code :}.
     *
     * @return the request set
     */
    public ExAppRequests authorizationWithoutColon() {
        return base.withAuthorization(encode("no-colon-here"));
    }

    /**
     * No AppAPI header at all, as a browser reaching the ExApp's port directly would send.
     *
     * @return the request set
     */
    public ExAppRequests unsigned() {
        return base.withoutHeader("AUTHORIZATION-APP-API")
                .withoutHeader("EX-APP-ID")
                .withoutHeader("EX-APP-VERSION")
                .withoutHeader("AA-VERSION")
                .withoutHeader("AA-REQUEST-ID");
    }

    private static String encode(String raw) {
        return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The user the forgeries are made for. */
    @Override
    public String toString() {
        return "ForgedRequests[user '" + user + "']";
    }
}
