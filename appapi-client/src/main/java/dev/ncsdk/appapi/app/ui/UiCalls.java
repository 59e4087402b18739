package dev.ncsdk.appapi.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.ocs.NcNotFoundException;
import dev.ncsdk.ocs.OcsApiVersion;
import dev.ncsdk.ocs.OcsRequest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The three shapes of AppAPI's registration routes, over OCS v1 like the rest of the ExApp calls: POST a JSON body,
 * GET and DELETE with query parameters, where AppAPI's "not found" (HTTP 404, or OCS 404 in a v1 envelope) means
 * an empty answer or {@code false}. Registrations (POST) are never retried; GET and DELETE are idempotent.
 */
final class UiCalls {
    static final String BASE = "/apps/app_api";

    final NextcloudApp nc;
    final ServerFeatures features;

    UiCalls(NextcloudApp nc, ServerFeatures features) {
        this.nc = Objects.requireNonNull(nc, "nc");
        this.features = Objects.requireNonNull(features, "features");
    }

    CompletableFuture<Void> post(String route, Object body) {
        return nc.callAsync(OcsRequest.post(BASE + route)
                        .version(OcsApiVersion.V1)
                        .jsonBody(body)
                        .build())
                .thenApply(d -> null);
    }

    /** Checks the version first, then posts; nothing is sent when the check refuses. */
    CompletableFuture<Void> post(String what, dev.ncsdk.appapi.AppApiVersion since, String route, Object body) {
        return features.requireAsync(what, since).thenCompose(ok -> post(route, body));
    }

    CompletableFuture<Optional<JsonNode>> get(String route, Map<String, String> query) {
        return nc.callAsync(OcsRequest.get(BASE + route)
                        .version(OcsApiVersion.V1)
                        .query(query)
                        .build())
                .handle((data, err) -> {
                    if (err != null) {
                        Throwable c = cause(err);
                        if (c instanceof NcNotFoundException) {
                            return Optional.<JsonNode>empty();
                        }
                        throw new CompletionException(c);
                    }
                    return data == null || data.isNull() || data.isMissingNode()
                            ? Optional.<JsonNode>empty()
                            : Optional.of(data);
                });
    }

    CompletableFuture<Boolean> delete(String route, Map<String, String> query) {
        return nc.callAsync(OcsRequest.delete(BASE + route)
                        .version(OcsApiVersion.V1)
                        .query(query)
                        .idempotent(true)
                        .build())
                .handle((data, err) -> {
                    if (err != null) {
                        Throwable c = cause(err);
                        if (c instanceof NcNotFoundException) {
                            return false;
                        }
                        throw new CompletionException(c);
                    }
                    return true;
                });
    }

    static Throwable cause(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    static String notEmpty(String v, String what) {
        Objects.requireNonNull(v, what);
        if (v.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return v;
    }
}
