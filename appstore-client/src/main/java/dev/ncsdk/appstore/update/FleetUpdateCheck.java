package dev.ncsdk.appstore.update;

import dev.ncsdk.appstore.App;
import dev.ncsdk.appstore.AppStoreClient;
import dev.ncsdk.ocs.NcException;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Checks many running Nextcloud servers for app updates against one read of the App Store: each server is read
 * over OCS with its admin client ({@link ServerReader}), the catalogue is fetched once (through the store client's
 * cache, revalidated with its ETag) and filtered for each server's Nextcloud and PHP versions.
 *
 * <pre>{@code
 * try (AppStoreClient store = AppStoreClient.builder().cache(ResponseCache.onDisk(cacheDir)).build()) {
 *     List<OcsClient> servers = List.of(cloudA, cloudB, cloudC); // each with an admin app password
 *     FleetReport fleet = FleetUpdateCheck.builder(store).build().check(servers);
 *     for (ServerCheck s : fleet.servers()) {
 *         if (s.checked()) {
 *             s.report().updates().forEach(u -> log.log(INFO, s.server() + " " + u));
 *         } else {
 *             log.log(WARNING, s.server() + " failed: " + s.error().getMessage());
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>The store read and the server reads start together; at most {@link Builder#maxConcurrentServers(int)} servers
 * are read at once, each with at most {@link Builder#maxRequestsPerServer(int)} requests in flight. A server that
 * fails (down, credentials refused, maintenance mode, an HTML page where OCS was expected, a timeout: the clients'
 * own timeouts apply) is reported in its {@link ServerCheck#error()}; the others are checked as usual. A store that
 * cannot be read fails the whole check (never "up to date"). The servers' clients are not closed. Immutable and
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class FleetUpdateCheck {
    /** Default number of servers read at once: {@value}. */
    public static final int DEFAULT_MAX_CONCURRENT_SERVERS = 8;

    private final AppStoreClient store;
    private final Channel channel;
    private final boolean checkMax;
    private final Precedence precedence;
    private final int maxServers;
    private final int maxRequests;

    private FleetUpdateCheck(Builder b) {
        this.store = b.store;
        this.channel = b.channel;
        this.checkMax = b.checkMax;
        this.precedence = b.precedence;
        this.maxServers = b.maxServers;
        this.maxRequests = b.maxRequests;
    }

    /**
     * Starts a fleet check on a store client: stable channel, maximum platform version ignored, server precedence,
     * {@value #DEFAULT_MAX_CONCURRENT_SERVERS} servers and {@value ServerReader#DEFAULT_MAX_IN_FLIGHT} requests per
     * server at once.
     *
     * <pre>{@code
     * FleetUpdateCheck check = FleetUpdateCheck.builder(store).channel(Channel.BETA).maxConcurrentServers(4).build();
     * }</pre>
     *
     * @param store the store client (its cache and ETag revalidation apply to the one catalogue read)
     * @return a builder
     */
    public static Builder builder(AppStoreClient store) {
        return new Builder(store);
    }

    /**
     * Checks the servers.
     *
     * <pre>{@code
     * FleetReport fleet = check.check(List.of(cloudA, cloudB));
     * fleet.failed().forEach(s -> log.log(WARNING, s.server() + ": " + s.error().getMessage()));
     * }</pre>
     *
     * @param servers one admin client per server
     * @return one check per server, in the given order
     * @throws NcException when the store cannot be read
     */
    public FleetReport check(Collection<OcsClient> servers) {
        return HttpTransport.await(checkAsync(servers));
    }

    /**
     * Async twin of {@link #check(Collection)}.
     *
     * @param servers one admin client per server
     * @return the report's future, failed only when the store cannot be read
     */
    public CompletableFuture<FleetReport> checkAsync(Collection<OcsClient> servers) {
        List<OcsClient> list = List.copyOf(servers);
        CompletableFuture<List<App>> catalogue = store.appsAsync();
        CompletableFuture<List<Object>> reads = readAll(list);
        return catalogue.thenCombine(reads, (apps, results) -> {
            List<ServerCheck> checks = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Object r = results.get(i);
                if (r instanceof ServerInventory) {
                    checks.add(check((ServerInventory) r, apps));
                } else {
                    checks.add(new ServerCheck(list.get(i).baseUri(), null, null, (NcException) r));
                }
            }
            return new FleetReport(checks);
        });
    }

    /**
     * Checks one server already read against a catalogue already read, with this check's channel and rules and the
     * server's own Nextcloud and PHP versions. Apps whose version the server could not give are reported as not
     * judged.
     *
     * <pre>{@code
     * ServerCheck one = check.check(ServerReader.of(cloudA).read(), store.apps());
     * }</pre>
     *
     * @param inventory the server's inventory
     * @param catalogue the store's apps
     * @return the server's check
     */
    public ServerCheck check(ServerInventory inventory, Collection<App> catalogue) {
        UpdateChecker.Builder b = UpdateChecker.builder(inventory.platform())
                .channel(channel)
                .checkMaxPlatformVersion(checkMax)
                .precedence(precedence);
        if (inventory.php() != null) {
            b.php(inventory.php());
        }
        UpdateReport report = b.build().check(inventory.installed(), catalogue);
        if (!inventory.unreadable().isEmpty()) {
            // the checker saw an empty version: give the reader's own reason instead
            List<SkippedRelease> skipped = new ArrayList<>();
            for (SkippedRelease s : report.skipped()) {
                String why = s.installed() ? inventory.unreadable().get(s.appId()) : null;
                skipped.add(why == null ? s : new SkippedRelease(s.appId(), s.version(), true, why));
            }
            report = new UpdateReport(report.updates(), skipped, report.notInStore());
        }
        return new ServerCheck(inventory.server(), inventory, report, null);
    }

    /** Reads every server, at most maxServers at once; each result is a ServerInventory or the NcException. */
    private CompletableFuture<List<Object>> readAll(List<OcsClient> servers) {
        AtomicReferenceArray<Object> results = new AtomicReferenceArray<>(servers.size());
        CompletableFuture<List<Object>> done = new CompletableFuture<>();
        if (servers.isEmpty()) {
            done.complete(List.of());
            return done;
        }
        AtomicInteger next = new AtomicInteger();
        int lanes = Math.min(maxServers, servers.size());
        AtomicInteger running = new AtomicInteger(lanes);
        for (int i = 0; i < lanes; i++) {
            nextServer(servers, results, next, running, done);
        }
        return done;
    }

    private void nextServer(
            List<OcsClient> servers,
            AtomicReferenceArray<Object> results,
            AtomicInteger next,
            AtomicInteger running,
            CompletableFuture<List<Object>> done) {
        int i = next.getAndIncrement();
        if (i >= servers.size()) {
            if (running.decrementAndGet() == 0) {
                List<Object> all = new ArrayList<>(servers.size());
                for (int k = 0; k < servers.size(); k++) {
                    all.add(results.get(k));
                }
                done.complete(all);
            }
            return;
        }
        CompletableFuture<ServerInventory> read;
        try {
            read = ServerReader.of(servers.get(i)).withMaxInFlight(maxRequests).readAsync();
        } catch (RuntimeException e) {
            read = CompletableFuture.failedFuture(e);
        }
        read.whenComplete((inv, e) -> {
            results.set(i, e == null ? inv : asNcException(e));
            nextServer(servers, results, next, running, done);
        });
    }

    private static NcException asNcException(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof NcException) {
            return (NcException) c;
        }
        return new NcException("could not read the server: " + c, c);
    }

    @Override
    public String toString() {
        return "FleetUpdateCheck[" + channel + (checkMax ? ", max version checked" : "") + ", " + precedence
                + " precedence, " + maxServers + " servers x " + maxRequests + " requests]";
    }

    /**
     * Configures a {@link FleetUpdateCheck}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final AppStoreClient store;
        private Channel channel = Channel.STABLE;
        private boolean checkMax;
        private Precedence precedence = Precedence.SERVER;
        private int maxServers = DEFAULT_MAX_CONCURRENT_SERVERS;
        private int maxRequests = ServerReader.DEFAULT_MAX_IN_FLIGHT;

        private Builder(AppStoreClient store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /**
         * Sets the update channel for every server (default {@link Channel#STABLE}).
         *
         * @param channel the channel
         * @return this builder
         */
        public Builder channel(Channel channel) {
            this.channel = Objects.requireNonNull(channel, "channel");
            return this;
        }

        /**
         * Also requires each server's version to be within a release's maximum (see
         * {@link UpdateChecker.Builder#checkMaxPlatformVersion(boolean)}); off by default.
         *
         * @param check whether the maximum counts
         * @return this builder
         */
        public Builder checkMaxPlatformVersion(boolean check) {
            this.checkMax = check;
            return this;
        }

        /**
         * Sets which precedence decides "newer" (default {@link Precedence#SERVER}).
         *
         * @param precedence the rule
         * @return this builder
         */
        public Builder precedence(Precedence precedence) {
            this.precedence = Objects.requireNonNull(precedence, "precedence");
            return this;
        }

        /**
         * Sets how many servers are read at once (default {@value FleetUpdateCheck#DEFAULT_MAX_CONCURRENT_SERVERS}).
         *
         * @param n at least 1
         * @return this builder
         * @throws IllegalArgumentException when {@code n} is below 1
         */
        public Builder maxConcurrentServers(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxConcurrentServers must be at least 1, not " + n);
            }
            this.maxServers = n;
            return this;
        }

        /**
         * Sets how many app requests each server has in flight at once (default
         * {@value ServerReader#DEFAULT_MAX_IN_FLIGHT}).
         *
         * @param n at least 1
         * @return this builder
         * @throws IllegalArgumentException when {@code n} is below 1
         */
        public Builder maxRequestsPerServer(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxRequestsPerServer must be at least 1, not " + n);
            }
            this.maxRequests = n;
            return this;
        }

        /**
         * Builds the check.
         *
         * @return the check
         */
        public FleetUpdateCheck build() {
            return new FleetUpdateCheck(this);
        }
    }
}
