package dev.ncsdk.appapi.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.ocs.NcNotFoundException;
import dev.ncsdk.ocs.OcsApiVersion;
import dev.ncsdk.ocs.OcsRequest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The three shapes of AppAPI's registration routes, over OCS v1 like the rest of the ExApp calls: POST a JSON body,
 * GET and DELETE with query parameters, where AppAPI's "not found" (HTTP 404, or OCS 404 in a v1 envelope) means
 * an empty answer or {@code false}.
 */
final class UiCalls {
    static final String BASE = "/apps/app_api";

    final NextcloudApp nc;
    final ServerFeatures features;

    UiCalls(NextcloudApp nc, ServerFeatures features) {
        this.nc = Objects.requireNonNull(nc, "nc");
        this.features = Objects.requireNonNull(features, "features");
    }

    JsonNode post(String route, Object body) {
        return nc.call(OcsRequest.post(BASE + route)
                .version(OcsApiVersion.V1)
                .jsonBody(body)
                .build());
    }

    Optional<JsonNode> get(String route, Map<String, String> query) {
        try {
            JsonNode data = nc.call(OcsRequest.get(BASE + route)
                    .version(OcsApiVersion.V1)
                    .query(query)
                    .build());
            return data == null || data.isNull() || data.isMissingNode() ? Optional.empty() : Optional.of(data);
        } catch (NcNotFoundException e) {
            return Optional.empty();
        }
    }

    boolean delete(String route, Map<String, String> query) {
        try {
            nc.call(OcsRequest.delete(BASE + route)
                    .version(OcsApiVersion.V1)
                    .query(query)
                    .idempotent(true)
                    .build());
            return true;
        } catch (NcNotFoundException e) {
            return false;
        }
    }

    static String notEmpty(String v, String what) {
        Objects.requireNonNull(v, what);
        if (v.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return v;
    }
}
