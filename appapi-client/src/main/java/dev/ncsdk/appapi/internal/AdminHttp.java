package dev.ncsdk.appapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.AppApiRefusedException;
import dev.ncsdk.ocs.ErrorResponse;
import dev.ncsdk.ocs.NcResponseException;
import dev.ncsdk.ocs.internal.http.HttpCall;
import dev.ncsdk.ocs.internal.http.HttpResult;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import dev.ncsdk.ocs.internal.http.ResponseErrors;
import dev.ncsdk.ocs.internal.http.Uris;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * AppAPI's admin routes under {@code /index.php/apps/app_api}: plain JSON (not OCS), Basic auth, the
 * {@code OCS-APIRequest} header to pass the CSRF check. Failures become the SDK's exceptions through
 * {@link ResponseErrors}. Not API.
 */
public final class AdminHttp {
    /** The prefix of AppAPI's non-OCS routes. */
    public static final String PREFIX = "/index.php/apps/app_api";

    private final HttpTransport transport;
    private final URI base;

    /**
     * Creates the helper.
     *
     * @param transport the shared transport (with the admin's credentials)
     * @param base the normalised Nextcloud base URL
     */
    public AdminHttp(HttpTransport transport, URI base) {
        this.transport = transport;
        this.base = base;
    }

    /** @return the transport */
    public HttpTransport transport() {
        return transport;
    }

    /** @return the Nextcloud base URL */
    public URI base() {
        return base;
    }

    /**
     * The URI of an AppAPI route.
     *
     * @param path the path below {@value #PREFIX}, segments already encoded
     * @param query name/value pairs; {@code null} values are skipped
     * @return the URI
     */
    public URI uri(String path, List<Map.Entry<String, String>> query) {
        return Uris.withQuery(Uris.resolve(base, PREFIX + path), query);
    }

    /**
     * Sends a request and checks its status.
     *
     * @param method the method
     * @param path the path below {@value #PREFIX}
     * @param query the query
     * @param body a JSON body, or {@code null}
     * @param idempotent whether it may be retried (AppAPI has state-changing GETs: say {@code false} for them)
     * @return the successful answer
     */
    public CompletableFuture<HttpResult> send(
            String method, String path, List<Map.Entry<String, String>> query, JsonNode body, boolean idempotent) {
        HttpCall.Builder b = HttpCall.builder(method, uri(path, query))
                .header("OCS-APIRequest", "true")
                .header("Accept", "application/json")
                .idempotent(idempotent);
        if (body != null) {
            b.jsonBody(Json.bytes(body));
        }
        return transport.sendAsync(b.build()).thenApply(AdminHttp::check);
    }

    /**
     * Sends a request and parses its JSON answer.
     *
     * @param method the method
     * @param path the path
     * @param query the query
     * @param body a JSON body, or {@code null}
     * @param idempotent whether it may be retried
     * @param what what the answer is, for error messages
     * @return the parsed answer and the raw result
     */
    public CompletableFuture<Answer> json(
            String method,
            String path,
            List<Map.Entry<String, String>> query,
            JsonNode body,
            boolean idempotent,
            String what) {
        return send(method, path, query, body, idempotent).thenApply(r -> new Answer(r, parse(r, what)));
    }

    /** A parsed answer with the result it came from. */
    public static final class Answer {
        private final HttpResult result;
        private final JsonNode json;

        Answer(HttpResult result, JsonNode json) {
            this.result = result;
            this.json = json;
        }

        /** @return the raw result */
        public HttpResult result() {
            return result;
        }

        /** @return the JSON body */
        public JsonNode json() {
            return json;
        }

        /**
         * Requires {@code {"success": true}}.
         *
         * @param what what was attempted, for the message
         * @return this answer
         * @throws AppApiRefusedException when AppAPI said {@code false}
         */
        public Answer requireSuccess(String what) {
            if (!json.isObject() || !Json.bool(json, "success", false)) {
                ErrorResponse er = ResponseErrors.describe(result)
                        .body("") // may hold a daemon's encrypted secret: never keep it
                        .messages(List.of("AppAPI answered success=false"))
                        .build();
                throw new AppApiRefusedException(
                        what + " was refused by AppAPI (success=false; the Nextcloud log has the reason): " + er, er);
            }
            return this;
        }
    }

    /**
     * Parses a JSON body; HTML or broken JSON become {@code NcUnexpectedResponseException}.
     *
     * @param r the answer
     * @param what what was expected
     * @return the tree
     */
    public static JsonNode parse(HttpResult r, String what) {
        if (ResponseErrors.looksLikeHtml(r)) {
            throw ResponseErrors.unexpected(r, "expected " + what + " as JSON");
        }
        try {
            return Json.parse(r.body());
        } catch (IllegalArgumentException e) {
            throw ResponseErrors.unexpected(r, "expected " + what + " as JSON, " + e.getMessage());
        }
    }

    /**
     * Throws the SDK's exception for a failed status; returns successful answers.
     *
     * @param r the answer
     * @return the same answer when 2xx
     */
    public static HttpResult check(HttpResult r) {
        if (r.isSuccess()) {
            return r;
        }
        throw error(r);
    }

    /**
     * The exception for a failed answer of an AppAPI admin route: {@code {"message"}} (403 non-admin, 401),
     * {@code {"error"}} (404 unknown daemon or ExApp) or {@code {"data": {"message"}}} (500 from the ExApp page),
     * an OCS envelope, or HTML.
     *
     * @param r the failed answer
     * @return the exception
     */
    public static NcResponseException error(HttpResult r) {
        List<String> messages = new ArrayList<>(ResponseErrors.messagesOf(r));
        ErrorResponse.Builder eb = ResponseErrors.describe(r);
        if (!ResponseErrors.looksLikeHtml(r) && r.body().length > 0) {
            try {
                JsonNode n = Json.parse(r.body());
                JsonNode data = Json.obj(n, "data");
                String nested = Json.str(data, "message");
                if (nested != null && !messages.contains(nested)) {
                    messages.add(nested);
                }
                JsonNode meta = n.path("ocs").path("meta");
                if (meta.isObject()) {
                    eb.ocs(Json.integer(meta, "statuscode", r.status()), Json.strOrEmpty(meta, "message"));
                }
            } catch (IllegalArgumentException ignored) {
                // not JSON: the body excerpt says enough
            }
        }
        ErrorResponse er = eb.messages(messages).build();
        return ResponseErrors.forStatus(r.status(), er.toString(), er);
    }
}
