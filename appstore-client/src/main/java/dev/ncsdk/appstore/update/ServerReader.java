package dev.ncsdk.appstore.update;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.ocs.NcException;
import dev.ncsdk.ocs.NcNotFoundException;
import dev.ncsdk.ocs.NcResponseException;
import dev.ncsdk.ocs.NextcloudVersion;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.OcsRequest;
import dev.ncsdk.ocs.OcsResponse;
import dev.ncsdk.ocs.ServerStatus;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads what a running Nextcloud server has installed, over OCS with an admin account (an app password is enough),
 * into a {@link ServerInventory} that {@link UpdateChecker} can check.
 *
 * <pre>{@code
 * try (OcsClient nc = OcsClient.builder()
 *         .baseUri(URI.create("https://cloud.example.com"))
 *         .credentials(Credentials.basic("admin", Secret.fromEnv("NC_APP_PASSWORD")))
 *         .build()) {
 *     ServerInventory inv = ServerReader.of(nc).read();
 *     UpdateChecker.Builder checker = UpdateChecker.builder(inv.platform());
 *     inv.phpVersion().ifPresent(checker::php);
 *     UpdateReport report = checker.build().check(inv.installed(), store);
 * }
 * }</pre>
 *
 * <p>The requests, the first four at once:
 *
 * <ol>
 *   <li>{@code GET /status.php}: the four-part version; a server in maintenance mode, not installed, or answering
 *       with something else fails the read (when the server answers {@code status.php} with an error, the three-part version
 *       of {@code cloud/capabilities} is used instead);
 *   <li>{@code GET /ocs/v2.php/cloud/apps?filter=enabled} and {@code ?filter=disabled} (provisioning API): the
 *       app ids;
 *   <li>{@code GET /ocs/v2.php/apps/serverinfo/api/v1/info} (the bundled {@code serverinfo} app): the PHP version
 *       in {@code server.php.version}; when it does not answer, the inventory has no PHP version and a note says so;
 *   <li>{@code GET /ocs/v2.php/cloud/apps/{id}} for each app: its {@code version}, at most
 *       {@link #maxInFlight()} at a time. An app the server answers 404 for (listed, but its {@code info.xml} is
 *       unreadable) lands in {@link ServerInventory#unreadable()}; any other failure fails the read.
 * </ol>
 *
 * <p>Every request has the client's timeouts and retry policy. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ServerReader {
    /** Default bound on the {@code cloud/apps/{id}} requests in flight at once: {@value}. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 8;

    private final OcsClient client;
    private final int maxInFlight;

    private ServerReader(OcsClient client, int maxInFlight) {
        this.client = Objects.requireNonNull(client, "client");
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, not " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
    }

    /**
     * A reader for the server an admin client talks to, with {@value #DEFAULT_MAX_IN_FLIGHT} app requests in flight
     * at most.
     *
     * <pre>{@code
     * ServerInventory inv = ServerReader.of(adminClient).withMaxInFlight(4).read();
     * }</pre>
     *
     * @param admin a client with an admin's credentials
     * @return the reader
     */
    public static ServerReader of(OcsClient admin) {
        return new ServerReader(admin, DEFAULT_MAX_IN_FLIGHT);
    }

    /**
     * A reader like this one with another bound on the app requests in flight.
     *
     * @param n the bound, at least 1
     * @return the reader
     * @throws IllegalArgumentException when {@code n} is below 1
     */
    public ServerReader withMaxInFlight(int n) {
        return new ServerReader(client, n);
    }

    /**
     * The bound on the app requests in flight.
     *
     * @return the bound
     */
    public int maxInFlight() {
        return maxInFlight;
    }

    /**
     * Reads the server.
     *
     * @return what it has installed
     * @throws NcException when the server cannot be read (unreachable, credentials refused, maintenance mode, an
     *     answer that is not OCS)
     */
    public ServerInventory read() {
        return HttpTransport.await(readAsync());
    }

    /**
     * Async twin of {@link #read()}.
     *
     * @return the inventory's future, failed with the same exception {@link #read()} throws
     */
    public CompletableFuture<ServerInventory> readAsync() {
        List<String> notes = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<NextcloudVersion> platform = platform(notes);
        CompletableFuture<List<String>> enabled = ids("enabled");
        CompletableFuture<List<String>> disabled = ids("disabled");
        CompletableFuture<String> php = php(notes);
        return platform.thenCompose(version -> enabled.thenCombine(disabled, (en, dis) -> {
                            List<List<String>> both = new ArrayList<>(2);
                            both.add(en);
                            both.add(dis);
                            return both;
                        })
                        .thenCompose(both -> versions(both.get(0), both.get(1)))
                        .thenCombine(
                                php,
                                (read, phpVersion) -> new ServerInventory(
                                        client.baseUri(),
                                        version,
                                        phpVersion,
                                        InstalledApps.of(read.enabled),
                                        InstalledApps.of(read.disabled),
                                        read.unreadable,
                                        notes)))
                .whenComplete((inv, e) -> {
                    if (e != null) {
                        enabled.cancel(false);
                        disabled.cancel(false);
                        php.cancel(false);
                    }
                });
    }

    /** The version from status.php, refusing a server that cannot answer; capabilities when status.php fails. */
    private CompletableFuture<NextcloudVersion> platform(List<String> notes) {
        return client.statusAsync()
                .handle((status, e) -> {
                    if (e == null) {
                        return CompletableFuture.completedFuture(fromStatus(status, notes));
                    }
                    Throwable cause = unwrap(e);
                    if (!(cause instanceof NcResponseException)) {
                        // no answer at all (down, timeout): asking again elsewhere on the same server would only wait
                        // again
                        return CompletableFuture.<NextcloudVersion>failedFuture(cause);
                    }
                    return client.capabilitiesAsync()
                            .thenApply(caps -> caps.nextcloudVersion())
                            .exceptionally(e2 -> {
                                throw cause instanceof RuntimeException
                                        ? (RuntimeException) cause
                                        : new CompletionException(cause);
                            });
                })
                .thenCompose(f -> f);
    }

    private static NextcloudVersion fromStatus(ServerStatus status, List<String> notes) {
        if (status.maintenance()) {
            throw new NcException("the server is in maintenance mode (status.php)");
        }
        if (!status.installed()) {
            throw new NcException("Nextcloud is not installed on this server (status.php)");
        }
        if (status.needsDbUpgrade()) {
            notes.add("an upgrade is pending (status.php needsDbUpgrade): versions are those of the code on disk");
        }
        try {
            return status.nextcloudVersion();
        } catch (IllegalStateException ex) {
            throw new NcException("status.php gave no usable version: " + ex.getMessage(), ex);
        }
    }

    /** The app ids of {@code cloud/apps?filter=...}: a list, or an object whose values are the ids (older servers). */
    private CompletableFuture<List<String>> ids(String filter) {
        return client.ocsAsync(
                        OcsRequest.get("/cloud/apps").query("filter", filter).build())
                .thenApply(r -> {
                    JsonNode apps = r.data() == null ? null : r.data().get("apps");
                    List<String> out = new ArrayList<>();
                    collectIds(apps, out);
                    return out;
                });
    }

    private static void collectIds(JsonNode node, List<String> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isValueNode()) {
            String id = node.asText().trim();
            if (!id.isEmpty()) {
                out.add(id);
            }
            return;
        }
        // a JSON array, an object with numeric keys (PHP's array_diff keeps keys), or XML's <element> children
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            collectIds(it.next(), out);
        }
    }

    /** {@code server.php.version} of serverinfo, or null with a note when it does not answer. */
    private CompletableFuture<String> php(List<String> notes) {
        return client.ocsAsync(OcsRequest.get("/apps/serverinfo/api/v1/info").build())
                .handle((r, e) -> {
                    if (e != null) {
                        Throwable c = unwrap(e);
                        String why = c instanceof NcResponseException
                                ? "it answered HTTP " + ((NcResponseException) c).httpStatus()
                                : c.getMessage();
                        notes.add("PHP requirements not checked: the serverinfo app did not tell the PHP version ("
                                + why + ")");
                        return null;
                    }
                    JsonNode v = r.data() == null
                            ? null
                            : r.data().path("server").path("php").path("version");
                    String text = v == null || v.isMissingNode() || v.isNull()
                            ? ""
                            : v.asText().trim();
                    if (text.isEmpty() || !Character.isDigit(text.charAt(0))) {
                        notes.add("PHP requirements not checked: serverinfo gave no PHP version");
                        return null;
                    }
                    return text;
                });
    }

    private static final class Versions {
        final Map<String, String> enabled = new ConcurrentHashMap<>();
        final Map<String, String> disabled = new ConcurrentHashMap<>();
        final Map<String, String> unreadable = new ConcurrentHashMap<>();
    }

    /** Reads every app's version with at most {@link #maxInFlight} requests in flight. */
    private CompletableFuture<Versions> versions(List<String> enabled, List<String> disabled) {
        Versions out = new Versions();
        List<String> ids = new ArrayList<>(enabled.size() + disabled.size());
        List<Map<String, String>> targets = new ArrayList<>(enabled.size() + disabled.size());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String id : enabled) {
            if (seen.add(id)) {
                ids.add(id);
                targets.add(out.enabled);
            }
        }
        for (String id : disabled) {
            if (seen.add(id)) {
                ids.add(id);
                targets.add(out.disabled);
            }
        }
        CompletableFuture<Versions> done = new CompletableFuture<>();
        if (ids.isEmpty()) {
            done.complete(out);
            return done;
        }
        AtomicInteger next = new AtomicInteger();
        int lanes = Math.min(maxInFlight, ids.size());
        AtomicInteger running = new AtomicInteger(lanes);
        for (int i = 0; i < lanes; i++) {
            nextApp(ids, targets, out, next, running, done);
        }
        return done;
    }

    /** One lane: reads the next app not yet taken, then the one after, until none is left or the read failed. */
    private void nextApp(
            List<String> ids,
            List<Map<String, String>> targets,
            Versions out,
            AtomicInteger next,
            AtomicInteger running,
            CompletableFuture<Versions> done) {
        int i = next.getAndIncrement();
        if (done.isDone()) {
            return;
        }
        if (i >= ids.size()) {
            if (running.decrementAndGet() == 0) {
                done.complete(out);
            }
            return;
        }
        String id = ids.get(i);
        String path =
                "/cloud/apps/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        client.ocsAsync(OcsRequest.get(path).build()).whenComplete((r, e) -> {
            if (e == null) {
                String v = version(r);
                if (v.isEmpty()) {
                    out.unreadable.put(id, "the server gave no version for it (cloud/apps/" + id + ")");
                } else {
                    targets.get(i).put(id, v);
                }
            } else {
                Throwable c = unwrap(e);
                if (c instanceof NcNotFoundException) {
                    out.unreadable.put(id, "the server does not find its app info (cloud/apps/" + id + ": 404)");
                } else {
                    done.completeExceptionally(c);
                    return;
                }
            }
            nextApp(ids, targets, out, next, running, done);
        });
    }

    private static String version(OcsResponse<JsonNode> r) {
        JsonNode data = r.data();
        JsonNode v = data == null ? null : data.get("version");
        return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText().trim();
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    @Override
    public String toString() {
        return "ServerReader[" + client + ", " + maxInFlight + " in flight]";
    }
}
