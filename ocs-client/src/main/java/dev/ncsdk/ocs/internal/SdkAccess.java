package dev.ncsdk.ocs.internal;

import dev.ncsdk.ocs.ClientBuilder;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.net.URI;

/**
 * What the SDK's modules may see of {@code dev.ncsdk.ocs} types beyond their public API: the transport of an
 * {@link OcsClient} and the settings a {@link ClientBuilder} holds. The package {@code dev.ncsdk.ocs} installs the
 * implementation when this class is first used ("shared secrets"), so these internals never show in a public
 * signature. Not API: this package is exported only to the SDK's modules.
 */
public final class SdkAccess {
    /** The operations {@code dev.ncsdk.ocs} provides. */
    public interface Hooks {
        /**
         * The transport an OCS client sends through.
         *
         * @param client the client
         * @return its transport
         */
        HttpTransport transport(OcsClient client);

        /**
         * An OCS client (JSON, OCS v2) on an existing transport; closing it closes that transport.
         *
         * @param baseUri the normalised base URL
         * @param transport the transport
         * @return the client
         */
        OcsClient ocsClient(URI baseUri, HttpTransport transport);

        /**
         * A transport configuration with a builder's settings, its defaults where none was set.
         *
         * @param builder the builder
         * @return a new transport builder
         */
        HttpTransport.Builder transport(ClientBuilder<?> builder);

        /**
         * A transport configuration with a transport's settings and HTTP client, overridden by those set on a
         * builder.
         *
         * @param builder the builder
         * @param shared the transport whose settings apply where the builder has none
         * @return a new transport builder
         */
        HttpTransport.Builder transportOver(ClientBuilder<?> builder, HttpTransport shared);

        /**
         * Whether a transport setting other than the credentials was made on a builder.
         *
         * @param builder the builder
         * @return true when one was set
         */
        boolean hasTransportSettings(ClientBuilder<?> builder);

        /**
         * The base URL set on a builder, or its default.
         *
         * @param builder the builder
         * @return the URL, {@code null} when there is none
         */
        URI baseUri(ClientBuilder<?> builder);

        /**
         * Whether credentials were set on a builder.
         *
         * @param builder the builder
         * @return true when they were
         */
        boolean hasCredentials(ClientBuilder<?> builder);

        /**
         * The response size limit in effect for a builder.
         *
         * @param builder the builder
         * @return bytes
         */
        long maxResponseBytes(ClientBuilder<?> builder);
    }

    private static volatile Hooks hooks;

    private SdkAccess() {}

    /**
     * Installs the implementation; called once by {@code dev.ncsdk.ocs}.
     *
     * @param implementation the implementation
     * @throws IllegalStateException when one is installed already
     */
    public static synchronized void install(Hooks implementation) {
        if (hooks != null) {
            throw new IllegalStateException("already installed");
        }
        hooks = implementation;
    }

    /**
     * The implementation, loading {@code dev.ncsdk.ocs} first when needed.
     *
     * @return the hooks
     */
    public static Hooks hooks() {
        Hooks h = hooks;
        if (h == null) {
            try {
                Class.forName("dev.ncsdk.ocs.SdkHooks", true, SdkAccess.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("dev.ncsdk.ocs is incomplete", e);
            }
            h = hooks;
            if (h == null) {
                throw new IllegalStateException("dev.ncsdk.ocs did not install its hooks");
            }
        }
        return h;
    }
}
