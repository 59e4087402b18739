package dev.ncsdk.ocs;

import dev.ncsdk.ocs.internal.SdkAccess;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.net.URI;

/** The implementation of {@link SdkAccess.Hooks}; installs itself when loaded. */
final class SdkHooks implements SdkAccess.Hooks {
    static {
        SdkAccess.install(new SdkHooks());
    }

    private SdkHooks() {}

    @Override
    public HttpTransport transport(OcsClient client) {
        return client.transport();
    }

    @Override
    public OcsClient ocsClient(URI baseUri, HttpTransport transport) {
        return OcsClient.on(baseUri, transport);
    }

    @Override
    public HttpTransport.Builder transport(ClientBuilder<?> builder) {
        return builder.transport();
    }

    @Override
    public HttpTransport.Builder transportOver(ClientBuilder<?> builder, HttpTransport shared) {
        return builder.transportOver(shared);
    }

    @Override
    public boolean hasTransportSettings(ClientBuilder<?> builder) {
        return builder.hasTransportSettings();
    }

    @Override
    public URI baseUri(ClientBuilder<?> builder) {
        return builder.configuredBaseUri();
    }

    @Override
    public boolean hasCredentials(ClientBuilder<?> builder) {
        return builder.hasCredentials();
    }

    @Override
    public long maxResponseBytes(ClientBuilder<?> builder) {
        return builder.effectiveMaxResponseBytes();
    }
}
