package dev.ncsdk.appapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The OCS requests the admin client makes (AppAPI's OCS ExApp routes, capabilities). Not API. */
public interface OcsCalls {
    /**
     * Sends an OCS request and returns the envelope's {@code data}; failures become the SDK's exceptions.
     *
     * @param method the HTTP method
     * @param path the path below {@code /ocs/v2.php}, such as {@code /apps/app_api/api/v1/ex-app/all}
     * @param query query parameters
     * @param body a JSON body, or {@code null}
     * @param idempotent whether it may be retried
     * @return the data's future
     */
    CompletableFuture<JsonNode> data(
            String method, String path, List<Map.Entry<String, String>> query, JsonNode body, boolean idempotent);
}
