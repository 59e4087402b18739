package dev.ncsdk.appapi.app;

import dev.ncsdk.appapi.AppApiCredentials;
import dev.ncsdk.ocs.Credentials;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * AppAPI's headers for one view of a {@link NextcloudApp}: the ExApp's credentials (system or a user) plus the
 * {@code AA-REQUEST-ID} of the Nextcloud request being handled, when there is one.
 */
final class ExAppCallCredentials implements Credentials {
    static final String REQUEST_ID_HEADER = "AA-REQUEST-ID";

    private final AppApiCredentials credentials;
    private final String requestId; // "" = none

    ExAppCallCredentials(AppApiCredentials credentials, String requestId) {
        this.credentials = credentials;
        this.requestId = requestId;
    }

    @Override
    public Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>(credentials.headers());
        if (!requestId.isEmpty()) {
            h.put(REQUEST_ID_HEADER, requestId);
        }
        return h;
    }

    @Override
    public Optional<String> login() {
        return credentials.login();
    }

    @Override
    public String toString() {
        return credentials + (requestId.isEmpty() ? "" : " request " + requestId);
    }
}
