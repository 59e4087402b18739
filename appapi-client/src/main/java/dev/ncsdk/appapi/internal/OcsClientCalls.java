package dev.ncsdk.appapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.OcsRequest;
import dev.ncsdk.ocs.OcsResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The admin client's OCS requests, sent through an {@link OcsClient} (envelope, v1/v2 rules, errors). Not API. */
public final class OcsClientCalls implements OcsCalls {
    private final OcsClient ocs;

    /**
     * Creates the caller.
     *
     * @param ocs the OCS client
     */
    public OcsClientCalls(OcsClient ocs) {
        this.ocs = ocs;
    }

    @Override
    public CompletableFuture<JsonNode> data(
            String method, String path, List<Map.Entry<String, String>> query, JsonNode body, boolean idempotent) {
        OcsRequest.Builder b = OcsRequest.builder(method, path).idempotent(idempotent);
        for (Map.Entry<String, String> q : query) {
            b.query(q.getKey(), q.getValue());
        }
        if (body != null) {
            b.jsonBody(body);
        }
        return ocs.ocsAsync(b.build()).thenApply(OcsResponse::rawData);
    }
}
