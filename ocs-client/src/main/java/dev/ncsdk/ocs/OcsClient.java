package dev.ncsdk.ocs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.ncsdk.ocs.internal.Json;
import dev.ncsdk.ocs.internal.OcsEnvelope;
import dev.ncsdk.ocs.internal.http.HttpCall;
import dev.ncsdk.ocs.internal.http.HttpResult;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import dev.ncsdk.ocs.internal.http.ResponseErrors;
import dev.ncsdk.ocs.internal.http.Uris;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A client for one Nextcloud server's OCS API and its other JSON routes. Every request goes the same way:
 * request → transport ({@link HttpTransport}: credentials, timeouts, retries, gzip) → envelope and status check
 * → typed model or typed exception ({@link NcException} and its subtypes).
 *
 * <pre>{@code
 * try (OcsClient nc = OcsClient.builder()
 *         .baseUri(URI.create("https://cloud.example.com/nextcloud"))
 *         .credentials(Credentials.basic("admin", Secret.fromEnv("NC_PASSWORD")))
 *         .build()) {
 *     Capabilities caps = nc.capabilities();
 *     OcsResponse<JsonNode> users = nc.ocs(OcsRequest.get("/cloud/users").query("search", "ali").build());
 * }
 * }</pre>
 *
 * <p>Defaults (see {@link Builder}): JSON answers, OCS API v2, no credentials, 10 s connect timeout, 30 s request
 * timeout, user agent {@code ncsdk/<version> Java/<version>}, {@link RetryPolicy#defaults()}, 32 MiB bodies.
 *
 * <p>Thread-safe. Every call has an async twin returning a {@link CompletableFuture} on the same transport; a
 * failed future holds the same exception the sync call throws (possibly wrapped in a {@code
 * CompletionException}). Derived clients ({@link #withCredentials}, {@link #toBuilder}) share the HTTP client.
 * {@link #close()} ends this client and every client derived with {@link #withCredentials}.
 *
 * @since 0.1.0
 */
public final class OcsClient implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.ncsdk.ocs");

    private final URI baseUri;
    private final HttpTransport transport;
    private final OcsFormat format;
    private final OcsApiVersion apiVersion;

    private OcsClient(URI baseUri, HttpTransport transport, OcsFormat format, OcsApiVersion apiVersion) {
        this.baseUri = baseUri;
        this.transport = transport;
        this.format = format;
        this.apiVersion = apiVersion;
    }

    /**
     * Starts a client configuration.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this client's settings and its HTTP client, to derive a client that differs in some of
     * them.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder()
                .baseUri(baseUri)
                .format(format)
                .apiVersion(apiVersion)
                .credentials(transport.credentials())
                .userAgent(transport.userAgent())
                .requestTimeout(transport.requestTimeout())
                .retryPolicy(transport.retryPolicy())
                .maxResponseBytes(transport.maxResponseBytes())
                .httpClient(transport.httpClient());
    }

    /** A client on an existing transport, for the SDK's modules ({@link dev.ncsdk.ocs.internal.SdkAccess}). */
    static OcsClient on(URI baseUri, HttpTransport transport) {
        return new OcsClient(Uris.base(baseUri), transport, OcsFormat.JSON, OcsApiVersion.V2);
    }

    /**
     * A client for the same server that authenticates differently, sharing this client's transport.
     *
     * @param credentials the credentials
     * @return the derived client
     */
    public OcsClient withCredentials(Credentials credentials) {
        return new OcsClient(baseUri, transport.withCredentials(credentials), format, apiVersion);
    }

    /**
     * The server's base URL, without a trailing slash.
     *
     * @return the base URL
     */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * The answer format asked for by default.
     *
     * @return the format
     */
    public OcsFormat format() {
        return format;
    }

    /**
     * The OCS API version used by default.
     *
     * @return the version
     */
    public OcsApiVersion apiVersion() {
        return apiVersion;
    }

    /**
     * The credentials sent by default.
     *
     * @return the credentials
     */
    public Credentials credentials() {
        return transport.credentials();
    }

    // ---------------------------------------------------------------------------------------------------- OCS

    /**
     * Sends an OCS request and returns the data as a tree.
     *
     * @param request the request; its path is the route after {@code /ocs/v2.php} (or v1)
     * @return the successful answer
     * @throws NcResponseException when the server answered with a failure
     * @throws NcTransportException when no answer arrived
     */
    public OcsResponse<JsonNode> ocs(OcsRequest request) {
        return HttpTransport.await(ocsAsync(request));
    }

    /**
     * Sends an OCS request and maps the data to a type.
     *
     * @param request the request
     * @param type the data's type
     * @param <T> the data's type
     * @return the successful answer
     * @throws NcResponseException when the server answered with a failure, or the data does not fit the type
     * @throws NcTransportException when no answer arrived
     */
    public <T> OcsResponse<T> ocs(OcsRequest request, Class<T> type) {
        return HttpTransport.await(ocsAsync(request, type));
    }

    /**
     * Sends an OCS request and maps the data to a generic type.
     *
     * @param request the request
     * @param type the data's type, such as {@code new TypeReference<List<String>>() {}}
     * @param <T> the data's type
     * @return the successful answer
     * @throws NcResponseException when the server answered with a failure, or the data does not fit the type
     * @throws NcTransportException when no answer arrived
     */
    public <T> OcsResponse<T> ocs(OcsRequest request, TypeReference<T> type) {
        return HttpTransport.await(ocsAsync(request, type));
    }

    /**
     * Async twin of {@link #ocs(OcsRequest)}.
     *
     * @param request the request
     * @return the answer's future
     */
    public CompletableFuture<OcsResponse<JsonNode>> ocsAsync(OcsRequest request) {
        return send(request, (r, data) -> data);
    }

    /**
     * Async twin of {@link #ocs(OcsRequest, Class)}.
     *
     * @param request the request
     * @param type the data's type
     * @param <T> the data's type
     * @return the answer's future
     */
    public <T> CompletableFuture<OcsResponse<T>> ocsAsync(OcsRequest request, Class<T> type) {
        return ocsAsync(request, Json.mapper().constructType(type));
    }

    /**
     * Async twin of {@link #ocs(OcsRequest, TypeReference)}.
     *
     * @param request the request
     * @param type the data's type
     * @param <T> the data's type
     * @return the answer's future
     */
    public <T> CompletableFuture<OcsResponse<T>> ocsAsync(OcsRequest request, TypeReference<T> type) {
        return ocsAsync(request, Json.mapper().constructType(type));
    }

    private <T> CompletableFuture<OcsResponse<T>> ocsAsync(OcsRequest request, JavaType type) {
        return send(request, (r, data) -> map(r, data, type, "the OCS data"));
    }

    /** Sends an OCS request and reads the data with a function; its IllegalArgumentException is a bad answer. */
    private <T> CompletableFuture<T> ocsAsync(OcsRequest request, Function<JsonNode, T> reader) {
        return ocsResponseAsync(request, reader).thenApply(OcsResponse::data);
    }

    /** Like {@link #ocsAsync(OcsRequest, Function)}, keeping the answer (and its 304). */
    private <T> CompletableFuture<OcsResponse<T>> ocsResponseAsync(OcsRequest request, Function<JsonNode, T> reader) {
        return send(request, (r, data) -> {
            try {
                return reader.apply(data);
            } catch (IllegalArgumentException e) {
                throw ResponseErrors.unexpected(r, "the OCS data does not fit: " + cut(e.getMessage()));
            }
        });
    }

    /**
     * The one way OCS requests go: request → transport → envelope and status check → the data read by {@code
     * reader} (not called for a 304 to a conditional request, whose data is {@code null}).
     */
    private <T> CompletableFuture<OcsResponse<T>> send(OcsRequest request, BiFunction<HttpResult, JsonNode, T> reader) {
        HttpCall call;
        try {
            call = ocsCall(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        boolean conditional = conditional(request);
        return transport.sendAsync(call).thenApply(r -> {
            OcsResponse<JsonNode> tree = OcsEnvelope.check(r, conditional);
            return tree.withData(tree.notModified() ? null : reader.apply(r, tree.rawData()));
        });
    }

    /** Whether a request is conditional, so that a 304 answer is a result rather than an error. */
    private static boolean conditional(OcsRequest request) {
        for (Map.Entry<String, String> h : request.headers()) {
            if (h.getKey().equalsIgnoreCase("If-None-Match")) {
                return true;
            }
        }
        return false;
    }

    private HttpCall ocsCall(OcsRequest request) {
        OcsApiVersion v = request.version().orElse(apiVersion);
        OcsFormat f = request.format().orElse(format);
        URI uri = Uris.resolve(baseUri, v.pathPrefix() + request.path());
        return call(request, uri, f.mediaType());
    }

    // ----------------------------------------------------------------------------------------------- plain JSON

    /**
     * Sends a request to a plain JSON route of the same server ({@code /index.php/...}, {@code /status.php}) and
     * returns the body as a tree. The request carries {@code OCS-APIRequest: true} and {@code Accept:
     * application/json} like an OCS request; a failure status is mapped by the same rules as every other error
     * (a {@code {"message": ...}} body becomes the exception's message).
     *
     * @param request the request; its path is relative to the base URL
     * @return the body ({@code NullNode} when it was empty)
     * @throws NcResponseException when the server answered with a failure status or a body that is not JSON
     * @throws NcTransportException when no answer arrived
     */
    public JsonNode json(OcsRequest request) {
        return HttpTransport.await(jsonAsync(request));
    }

    /**
     * Like {@link #json(OcsRequest)}, mapping the body to a type.
     *
     * @param request the request
     * @param type the body's type
     * @param <T> the body's type
     * @return the body ({@code null} when it was empty)
     */
    public <T> T json(OcsRequest request, Class<T> type) {
        return HttpTransport.await(jsonAsync(request, type));
    }

    /**
     * Like {@link #json(OcsRequest)}, mapping the body to a generic type.
     *
     * @param request the request
     * @param type the body's type
     * @param <T> the body's type
     * @return the body ({@code null} when it was empty)
     */
    public <T> T json(OcsRequest request, TypeReference<T> type) {
        return HttpTransport.await(jsonAsync(request, type));
    }

    /**
     * Async twin of {@link #json(OcsRequest)}.
     *
     * @param request the request
     * @return the body's future
     */
    public CompletableFuture<JsonNode> jsonAsync(OcsRequest request) {
        return jsonAsync(request, Json.mapper().constructType(JsonNode.class));
    }

    /**
     * Async twin of {@link #json(OcsRequest, Class)}.
     *
     * @param request the request
     * @param type the body's type
     * @param <T> the body's type
     * @return the body's future
     */
    public <T> CompletableFuture<T> jsonAsync(OcsRequest request, Class<T> type) {
        return jsonAsync(request, Json.mapper().constructType(type));
    }

    /**
     * Async twin of {@link #json(OcsRequest, TypeReference)}.
     *
     * @param request the request
     * @param type the body's type
     * @param <T> the body's type
     * @return the body's future
     */
    public <T> CompletableFuture<T> jsonAsync(OcsRequest request, TypeReference<T> type) {
        return jsonAsync(request, Json.mapper().constructType(type));
    }

    private <T> CompletableFuture<T> jsonAsync(OcsRequest request, JavaType type) {
        HttpCall call;
        try {
            call = call(request, Uris.resolve(baseUri, request.path()), "application/json");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return transport.sendAsync(call).thenApply(r -> plainJson(r, type));
    }

    /** Checks a plain JSON answer and maps it; the one place plain JSON bodies are read. */
    static <T> T plainJson(HttpResult r, JavaType type) {
        if (!r.isSuccess()) {
            if (ResponseErrors.looksLikeHtml(r) && r.status() != 401 && r.status() != 429) {
                throw ResponseErrors.unexpected(r, "expected JSON but got HTTP " + r.status());
            }
            throw ResponseErrors.fromHttpStatus(r);
        }
        JsonNode tree;
        if (r.body().length == 0 || r.status() == 204) {
            tree = NullNode.getInstance();
        } else {
            if (ResponseErrors.looksLikeHtml(r)) {
                throw ResponseErrors.unexpected(r, "expected JSON");
            }
            try {
                tree = OcsEnvelope.readTree(r.body());
            } catch (OcsEnvelope.NotOcsException e) {
                throw ResponseErrors.unexpected(r, "expected JSON but " + e.getMessage());
            }
        }
        return map(r, tree, type, "the JSON body");
    }

    @SuppressWarnings("unchecked")
    private static <T> T map(HttpResult r, JsonNode tree, JavaType type, String what) {
        if (type.getRawClass() == JsonNode.class) {
            return (T) tree;
        }
        if (tree.isNull()) {
            return null;
        }
        try {
            return Json.mapper().readerFor(type).readValue(tree);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String detail = e instanceof JsonProcessingException
                    ? ((JsonProcessingException) e).getOriginalMessage()
                    : e.getMessage();
            throw ResponseErrors.unexpected(r, what + " does not fit " + type.toCanonical() + ": " + cut(detail));
        } catch (java.io.IOException e) {
            throw ResponseErrors.unexpected(r, what + " is unreadable: " + cut(e.getMessage()));
        }
    }

    private static String cut(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private HttpCall call(OcsRequest request, URI uri, String accept) {
        URI full = Uris.withQuery(uri, request.query());
        HttpCall.Builder b = HttpCall.builder(request.method(), full)
                .header("OCS-APIRequest", "true")
                .idempotent(request.idempotent());
        boolean ownAccept = false;
        for (Map.Entry<String, String> h : request.headers()) {
            if (h.getKey().equalsIgnoreCase("OCS-APIRequest")) {
                continue; // always true: without it Nextcloud refuses Basic-authenticated calls (412)
            }
            ownAccept |= h.getKey().equalsIgnoreCase("Accept");
            b.header(h.getKey(), h.getValue());
        }
        if (!ownAccept) {
            b.header("Accept", accept);
        }
        if (request.jsonBody().isPresent()) {
            try {
                b.jsonBody(Json.mapper().writeValueAsBytes(request.jsonBody().get()));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the JSON body cannot be written: " + e.getOriginalMessage(), e);
            }
        } else if (request.formBody().isPresent()) {
            b.formBody(request.formBody().get());
        }
        request.timeout().ifPresent(b::timeout);
        request.credentials().ifPresent(b::credentials);
        return b.build();
    }

    // ------------------------------------------------------------------------------------------- typed endpoints

    /**
     * The server's capabilities ({@code GET /ocs/v2.php/cloud/capabilities}): version and per-app capabilities.
     * Public: works without credentials (with fewer entries).
     *
     * @return the capabilities
     */
    public Capabilities capabilities() {
        return HttpTransport.await(capabilitiesAsync());
    }

    /**
     * Async twin of {@link #capabilities()}.
     *
     * @return the capabilities' future
     */
    public CompletableFuture<Capabilities> capabilitiesAsync() {
        return ocsAsync(OcsRequest.get("/cloud/capabilities").build(), Capabilities::of);
    }

    /**
     * The capabilities, unless they are unchanged since the answer whose {@code ETag} is given: the request carries
     * that tag byte for byte in {@code If-None-Match}, and the server's 304 becomes {@link Conditional#notModified()}.
     * Nextcloud's tag covers the whole answer, so it changes when an app is enabled, disabled or updated, or
     * when the user or the credentials differ.
     *
     * @param etag the tag from an earlier answer ({@link Conditional#etag()} or {@link OcsResponse#etag()}), or
     *     {@code null} to ask unconditionally
     * @return the new capabilities and their tag, or "not modified"
     */
    public Conditional<Capabilities> capabilities(String etag) {
        return HttpTransport.await(capabilitiesAsync(etag));
    }

    /**
     * Async twin of {@link #capabilities(String)}.
     *
     * @param etag the tag from an earlier answer, or {@code null}
     * @return the future of the new capabilities and their tag, or of "not modified"
     */
    public CompletableFuture<Conditional<Capabilities>> capabilitiesAsync(String etag) {
        OcsRequest.Builder b = OcsRequest.get("/cloud/capabilities");
        if (etag != null) {
            b.header("If-None-Match", etag);
        }
        return ocsResponseAsync(b.build(), Capabilities::of)
                .thenApply(r -> r.notModified()
                        ? Conditional.<Capabilities>unchanged(r.etag().orElse(etag))
                        : Conditional.changed(r.data(), r.etag().orElse(null)));
    }

    /**
     * The user these credentials authenticate as ({@code GET /ocs/v2.php/cloud/user}).
     *
     * @return the user
     */
    public CurrentUser currentUser() {
        return HttpTransport.await(currentUserAsync());
    }

    /**
     * Async twin of {@link #currentUser()}.
     *
     * @return the user's future
     */
    public CompletableFuture<CurrentUser> currentUserAsync() {
        return ocsAsync(OcsRequest.get("/cloud/user").build(), CurrentUser.class)
                .thenApply(OcsResponse::data);
    }

    /**
     * The server's {@code status.php} (not OCS, public): installed, maintenance, version.
     *
     * @return the status
     */
    public ServerStatus status() {
        return HttpTransport.await(statusAsync());
    }

    /**
     * Async twin of {@link #status()}.
     *
     * @return the status's future
     */
    public CompletableFuture<ServerStatus> statusAsync() {
        return jsonAsync(OcsRequest.get("/status.php").build(), ServerStatus.class);
    }

    /**
     * App passwords: obtain one from a login password, revoke the one in use.
     *
     * @return the resource group
     */
    public AppPasswords appPasswords() {
        return new AppPasswords(this);
    }

    /**
     * Login flow v2: let a user log in with a browser and receive an app password.
     *
     * @return the resource group
     */
    public LoginFlow loginFlow() {
        return new LoginFlow(this);
    }

    HttpTransport transport() {
        return transport;
    }

    /** Ends this client and those derived with {@link #withCredentials}; later calls fail. */
    @Override
    public void close() {
        LOG.log(System.Logger.Level.DEBUG, "closing OCS client for {0}", Uris.redact(baseUri));
        transport.close();
    }

    /** Shows the base URL, format, version and the kind of credentials, never a secret. */
    @Override
    public String toString() {
        return "OcsClient[" + Uris.redact(baseUri) + ", " + format + ", " + apiVersion + ", " + transport.credentials()
                + "]";
    }

    /**
     * Configures an {@link OcsClient}. The base URL is required; the transport settings and their defaults (no
     * credentials, connect timeout 10 s, request timeout 30 s, user agent {@code ncsdk/<version> Java/<version>},
     * {@link RetryPolicy#defaults()}, responses up to 32 MiB) are those of {@link ClientBuilder}. Own settings: the
     * answer format (default JSON) and the OCS API version (default v2).
     *
     * @since 0.1.0
     */
    public static final class Builder extends ClientBuilder<Builder> {
        private OcsFormat format = OcsFormat.JSON;
        private OcsApiVersion apiVersion = OcsApiVersion.V2;

        private Builder() {}

        /**
         * Sets the answer format asked for (default JSON).
         *
         * @param format the format
         * @return this builder
         */
        public Builder format(OcsFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * Sets the OCS API version used when a request names none (default v2).
         *
         * @param version the version
         * @return this builder
         */
        public Builder apiVersion(OcsApiVersion version) {
            this.apiVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws IllegalStateException when no base URL was set
         */
        public OcsClient build() {
            URI baseUri = configuredBaseUri();
            if (baseUri == null) {
                throw new IllegalStateException("baseUri is required");
            }
            return new OcsClient(baseUri, transport().build(), format, apiVersion);
        }
    }
}
