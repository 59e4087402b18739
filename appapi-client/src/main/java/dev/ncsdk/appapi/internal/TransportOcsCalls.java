package dev.ncsdk.appapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.ocs.ErrorResponse;
import dev.ncsdk.ocs.internal.http.HttpCall;
import dev.ncsdk.ocs.internal.http.HttpResult;
import dev.ncsdk.ocs.internal.http.ResponseErrors;
import dev.ncsdk.ocs.internal.http.Uris;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * OCS v2 JSON requests over the shared transport, for the few OCS routes the admin client uses. Not API.
 */
public final class TransportOcsCalls implements OcsCalls {
    private final AdminHttp http;

    /**
     * Creates the caller.
     *
     * @param http the transport and base URL
     */
    public TransportOcsCalls(AdminHttp http) {
        this.http = http;
    }

    @Override
    public CompletableFuture<JsonNode> data(
            String method, String path, List<Map.Entry<String, String>> query, JsonNode body, boolean idempotent) {
        List<Map.Entry<String, String>> q = new ArrayList<>(query);
        q.add(Map.entry("format", "json"));
        HttpCall.Builder b = HttpCall.builder(
                        method, Uris.withQuery(Uris.resolve(http.base(), "/ocs/v2.php" + path), q))
                .header("OCS-APIRequest", "true")
                .header("Accept", "application/json")
                .idempotent(idempotent);
        if (body != null) {
            b.jsonBody(Json.bytes(body));
        }
        return http.transport().sendAsync(b.build()).thenApply(TransportOcsCalls::data);
    }

    private static JsonNode data(HttpResult r) {
        if (!r.isSuccess()) {
            throw AdminHttp.error(r);
        }
        JsonNode n = AdminHttp.parse(r, "an OCS answer");
        JsonNode meta = n.path("ocs").path("meta");
        if (!meta.isObject()) {
            throw ResponseErrors.unexpected(r, "expected an OCS envelope");
        }
        int code = Json.integer(meta, "statuscode", 0);
        if (code != 100 && code != 200) {
            int status = code == 997 ? 401 : code == 998 ? 404 : code;
            ErrorResponse er = ResponseErrors.describe(r)
                    .ocs(code, Json.strOrEmpty(meta, "message"))
                    .build();
            throw ResponseErrors.forStatus(status, er.toString(), er);
        }
        return n.path("ocs").get("data");
    }
}
