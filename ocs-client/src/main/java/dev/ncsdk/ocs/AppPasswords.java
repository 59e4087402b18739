package dev.ncsdk.ocs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import dev.ncsdk.ocs.internal.http.Uris;
import java.util.concurrent.CompletableFuture;

/**
 * App passwords: exchange a login password for an app password, and revoke the app password in use. Get it from
 * {@link OcsClient#appPasswords()}.
 *
 * <pre>{@code
 * Secret appPassword = nc.appPasswords().obtain();          // nc authenticates with the login password
 * try (OcsClient app = nc.withCredentials(Credentials.appPassword("alice", appPassword))) {
 *     ...
 *     app.appPasswords().revoke();
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class AppPasswords {
    private final OcsClient client;

    AppPasswords(OcsClient client) {
        this.client = client;
    }

    /**
     * Obtains a new app password ({@code GET /ocs/v2.php/core/getapppassword}). The client must authenticate
     * with the login password: a client that already uses an app password gets {@link NcForbiddenException}.
     *
     * @return the new app password
     */
    public Secret obtain() {
        return HttpTransport.await(obtainAsync());
    }

    /**
     * Async twin of {@link #obtain()}.
     *
     * @return the app password's future
     */
    public CompletableFuture<Secret> obtainAsync() {
        OcsRequest r =
                OcsRequest.get("/core/getapppassword").version(OcsApiVersion.V2).build();
        return client.ocsAsync(r).thenApply(resp -> {
            JsonNode p = resp.rawData().get("apppassword");
            if (p == null || !p.isValueNode() || p.asText().isEmpty()) {
                ErrorResponse er = ErrorResponse.builder(
                                "GET",
                                Uris.resolve(client.baseUri(), "/ocs/v2.php/core/getapppassword"),
                                resp.httpStatus())
                        .requestId(resp.requestId().orElse(null))
                        .ocs(resp.meta().statusCode(), resp.meta().message())
                        .build();
                throw new NcUnexpectedResponseException("the answer to getapppassword has no app password: " + er, er);
            }
            return Secret.of(p.asText());
        });
    }

    /**
     * Revokes the app password this client authenticates with ({@code DELETE /ocs/v2.php/core/apppassword}).
     * Afterwards the client's requests fail with {@link NcUnauthorizedException}.
     */
    public void revoke() {
        HttpTransport.await(revokeAsync());
    }

    /**
     * Async twin of {@link #revoke()}.
     *
     * @return completes when revoked
     */
    public CompletableFuture<Void> revokeAsync() {
        return client.ocsAsync(OcsRequest.delete("/core/apppassword")
                        .version(OcsApiVersion.V2)
                        .build())
                .thenApply(x -> null);
    }
}
