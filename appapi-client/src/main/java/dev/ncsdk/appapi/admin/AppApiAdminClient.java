package dev.ncsdk.appapi.admin;

import dev.ncsdk.appapi.AppApiCapabilities;
import dev.ncsdk.appapi.internal.AdminHttp;
import dev.ncsdk.appapi.internal.OcsCalls;
import dev.ncsdk.appapi.internal.OcsClientCalls;
import dev.ncsdk.ocs.ClientBuilder;
import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import dev.ncsdk.ocs.internal.SdkAccess;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import dev.ncsdk.ocs.internal.http.Uris;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Administers AppAPI as a Nextcloud admin: deploy daemons, ExApps and AppAPI's settings, what the "AppAPI" admin
 * settings and the ExApp pages do. Thread-safe and {@link AutoCloseable}.
 *
 * <pre>{@code
 * try (AppApiAdminClient admin = AppApiAdminClient.builder()
 *         .baseUri(URI.create("https://cloud.example.com"))
 *         .credentials(Credentials.basic("admin", Secret.fromEnv("NC_ADMIN_PASSWORD")))
 *         .build()) {
 *     DaemonList daemons = admin.daemons().list();
 *     admin.exApps().install("llm2", "harp_proxy", DeployOptions.NONE);
 * }
 * }</pre>
 *
 * <p>Defaults: connect timeout 10 s, request timeout 30 s, {@link RetryPolicy#defaults()} (only idempotent calls
 * are retried: never registration, install, update, uninstall or removal), user agent
 * {@code ncsdk/<version> Java/<version>}, 32 MiB response limit.
 *
 * <p>AppAPI's admin routes ({@code /index.php/apps/app_api/...}) answer plain JSON, not OCS; this client maps
 * their failures to the SDK's exceptions: a non-admin gets {@link dev.ncsdk.ocs.NcForbiddenException}, bad
 * credentials {@link dev.ncsdk.ocs.NcUnauthorizedException}, unknown ExApps or daemons
 * {@link dev.ncsdk.ocs.NcNotFoundException}, and {@code {"success": false}} becomes
 * {@link dev.ncsdk.appapi.AppApiRefusedException}. Routes that need a password confirmation passed with Basic auth
 * and either the login password or an app password on Nextcloud 32; a server that asks for a confirmation anyway
 * makes the call fail with {@link dev.ncsdk.ocs.NcPasswordConfirmationRequiredException}.
 *
 * @since 0.1.0
 */
public final class AppApiAdminClient implements AutoCloseable {
    private final URI base;
    private final HttpTransport transport;
    private final OcsClient ocsClient;
    private final boolean ownsOcsClient;
    private final OcsCalls ocs;
    private final Daemons daemons;
    private final ExApps exApps;
    private final AppApiSettings settings;

    private AppApiAdminClient(URI base, HttpTransport transport, OcsClient ocsClient, boolean ownsOcsClient) {
        this.base = base;
        this.transport = transport;
        this.ocsClient = ocsClient;
        this.ownsOcsClient = ownsOcsClient;
        AdminHttp http = new AdminHttp(transport, base);
        this.ocs = new OcsClientCalls(ocsClient);
        this.settings = new AppApiSettings(http);
        this.daemons = new Daemons(http, settings);
        this.exApps = new ExApps(http, ocs);
    }

    /**
     * An admin client for the server of an existing OCS client, with all its settings. AppAPI's OCS routes and the
     * capabilities go through that client; AppAPI's plain JSON admin routes through the same transport: the same
     * credentials, timeouts, user agent, retry policy, size limit and HTTP client. Closing the admin client leaves
     * the OCS client open; closing the OCS client ends the admin client too.
     *
     * @param ocs the OCS client, authenticated as an admin
     * @return the admin client
     */
    public static AppApiAdminClient of(OcsClient ocs) {
        return builder().ocsClient(ocs).build();
    }

    /**
     * Starts a configuration.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Deploy daemons.
     *
     * @return the daemon operations
     */
    public Daemons daemons() {
        return daemons;
    }

    /**
     * ExApps.
     *
     * @return the ExApp operations
     */
    public ExApps exApps() {
        return exApps;
    }

    /**
     * AppAPI's global settings.
     *
     * @return the settings operations
     */
    public AppApiSettings settings() {
        return settings;
    }

    /**
     * AppAPI's capabilities: whether it is installed, its version and the server's log level.
     *
     * @return the capabilities; {@link AppApiCapabilities#NOT_INSTALLED} when the server has no AppAPI
     */
    public AppApiCapabilities capabilities() {
        return HttpTransport.await(capabilitiesAsync());
    }

    /**
     * Async twin of {@link #capabilities()}.
     *
     * @return the capabilities' future
     */
    public CompletableFuture<AppApiCapabilities> capabilitiesAsync() {
        return ocsClient
                .capabilitiesAsync()
                .thenApply(
                        c -> AppApiCapabilities.fromJson(c.capability("app_api").orElse(null)));
    }

    /**
     * The OCS client this admin client sends AppAPI's OCS requests through, for the rest of the OCS API with the
     * same server, credentials and settings.
     *
     * @return the OCS client
     */
    public OcsClient ocs() {
        return ocsClient;
    }

    /**
     * The server's base URL.
     *
     * @return the URL
     */
    public URI baseUri() {
        return base;
    }

    /** Stops accepting calls; calls in flight complete. An OCS client given to the builder stays open. */
    @Override
    public void close() {
        transport.close();
        if (ownsOcsClient) {
            ocsClient.close();
        }
    }

    @Override
    public String toString() {
        return "AppApiAdminClient[" + Uris.redact(base) + ", " + transport.credentials() + "]";
    }

    /**
     * Configures an {@link AppApiAdminClient}. The base URL and an admin's credentials are required, unless an
     * {@link #ocsClient OCS client} supplies them; the transport settings and their defaults are those of {@link
     * ClientBuilder}. Credentials: {@link Credentials#basic} with the login password (needed for routes that ask for
     * a password confirmation) or {@link Credentials#appPassword}. Installs wait up to about 5 s on the server, well
     * within the default 30 s request timeout; container logs can be large, within the default 32 MiB limit.
     *
     * @since 0.1.0
     */
    public static final class Builder extends ClientBuilder<Builder> {
        private OcsClient ocsClient;

        private Builder() {}

        /**
         * Shortcut for {@code credentials(Credentials.basic(login, password))}.
         *
         * @param login the admin's login
         * @param password the password
         * @return this builder
         */
        public Builder login(String login, Secret password) {
            return credentials(Credentials.basic(login, password));
        }

        /**
         * Sends AppAPI's requests through an existing OCS client: its base URL, and for the plain JSON admin routes
         * its transport, that is its credentials, timeouts, user agent, retry policy, size limit and HTTP client.
         * Transport settings made on this builder (credentials included) override the OCS client's for the plain
         * JSON routes; a connect timeout then has no effect, the OCS client's HTTP client being shared. The OCS
         * client is not closed with the admin client.
         *
         * @param client the OCS client, authenticated as an admin
         * @return this builder
         */
        public Builder ocsClient(OcsClient client) {
            this.ocsClient = Objects.requireNonNull(client, "ocsClient");
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws IllegalStateException when the base URL or credentials are missing
         */
        public AppApiAdminClient build() {
            SdkAccess.Hooks sdk = SdkAccess.hooks();
            if (ocsClient != null) {
                HttpTransport shared = sdk.transport(ocsClient);
                HttpTransport t = sdk.hasTransportSettings(this) || sdk.hasCredentials(this)
                        ? sdk.transportOver(this, shared).build()
                        : shared.view();
                return new AppApiAdminClient(ocsClient.baseUri(), t, ocsClient, false);
            }
            URI base = sdk.baseUri(this);
            if (base == null) {
                throw new IllegalStateException("baseUri is required");
            }
            if (!sdk.hasCredentials(this)) {
                throw new IllegalStateException("an admin's credentials are required");
            }
            // one transport for both the OCS routes and the plain JSON ones
            HttpTransport t = sdk.transport(this).build();
            return new AppApiAdminClient(base, t, sdk.ocsClient(base, t), true);
        }
    }
}
