package dev.ncsdk.appstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.NcInsecureHttpException;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store clients never send a token, a password or a subscription key over plain http to a host that is not
 * loopback unless the caller allows it. The remote host ({@code store.example}) is reached through a loopback
 * proxy, so the request really names it.
 */
class PlainHttpStoreTest {
    private static final String TOKEN = "4b92477ff8d5fe889be75db4c7d9a09116276920";
    private static final String STORE = "http://store.example/api/v1";

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<LogRecord> warnings = new ArrayList<>();
    private final Logger http = Logger.getLogger("dev.ncsdk.http");
    private ServerSocket socket;
    private Thread acceptor;
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                synchronized (warnings) {
                    warnings.add(r);
                }
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void start() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    serve(s);
                } catch (IOException e) {
                    // closed, or a client gone: next connection
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        http.addHandler(handler);
    }

    @AfterEach
    void stop() throws Exception {
        http.removeHandler(handler);
        socket.close();
        acceptor.join(5_000);
    }

    /** Records host, path and Authorization of a proxied request; answers a token, or an empty list. */
    private void serve(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        String requestLine = in.readLine();
        if (requestLine == null) {
            return;
        }
        String auth = "-";
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Authorization")) {
                auth = value;
            } else if (name.equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(value);
            }
        }
        for (int i = 0; i < length; i++) {
            in.read();
        }
        URI target = URI.create(requestLine.split(" ")[1]);
        seen.add(target.getHost() + target.getPath() + " " + auth);
        byte[] body = (target.getPath().endsWith("/token") ? "{\"token\":\"" + TOKEN + "\"}" : "[]")
                .getBytes(StandardCharsets.UTF_8);
        OutputStream out = s.getOutputStream();
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private HttpClient throughProxy() {
        return HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort())))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private int warningCount() {
        synchronized (warnings) {
            return warnings.size();
        }
    }

    @Test
    void thePublisherRefusesToSendItsTokenOrPasswordOverPlainHttp() {
        try (AppStorePublisher store = AppStorePublisher.builder()
                .baseUri(URI.create(STORE))
                .credentials(Credentials.token(Secret.of(TOKEN)))
                .httpClient(throughProxy())
                .retryPolicy(RetryPolicy.none())
                .build()) {
            Throwable e = catchThrowable(() -> store.deleteRelease("news", "2.1.0"));
            assertThat(e)
                    .isInstanceOf(NcInsecureHttpException.class)
                    .hasMessageContaining("http://store.example/api/v1/apps/news/releases/2.1.0")
                    .hasMessageContaining("allowInsecureHttp(true)")
                    .hasMessageNotContaining(TOKEN);
        }
        try (AppStorePublisher login = AppStorePublisher.builder()
                .baseUri(URI.create(STORE))
                .credentials(Credentials.basic("alice", Secret.of("s3cret")))
                .httpClient(throughProxy())
                .build()) {
            assertThat(catchThrowable(login::apiToken)).isInstanceOf(NcInsecureHttpException.class);
        }
        assertThat(seen).as("nothing reached the store").isEmpty();
    }

    @Test
    void thePublisherSendsOverPlainHttpWhenAllowedAndWarnsOnce() {
        try (AppStorePublisher login = AppStorePublisher.builder()
                .baseUri(URI.create(STORE))
                .credentials(Credentials.basic("alice", Secret.of("s3cret")))
                .httpClient(throughProxy())
                .allowInsecureHttp(true)
                .build()) {
            assertThat(login.apiToken().reveal()).isEqualTo(TOKEN);
            assertThat(login.apiToken().reveal()).isEqualTo(TOKEN);
        }
        assertThat(seen)
                .containsExactly(
                        "store.example/api/v1/token Basic YWxpY2U6czNjcmV0",
                        "store.example/api/v1/token Basic YWxpY2U6czNjcmV0");
        assertThat(warningCount()).isEqualTo(1);
    }

    @Test
    void theStoreClientRefusesCredentialsAndSubscriptionKeysButReadsAnonymously() {
        try (AppStoreClient withToken = AppStoreClient.builder()
                .baseUri(URI.create(STORE))
                .credentials(Credentials.token(Secret.of(TOKEN)))
                .httpClient(throughProxy())
                .build()) {
            assertThat(catchThrowable(withToken::categories)).isInstanceOf(NcInsecureHttpException.class);
            assertThat(catchThrowable(() -> withToken.publisher().regenerateApiToken()))
                    .isInstanceOf(NcInsecureHttpException.class);
        }
        try (AppStoreClient withKey = AppStoreClient.builder()
                .baseUri(URI.create(STORE))
                .subscriptionKey(Secret.of(TOKEN))
                .httpClient(throughProxy())
                .build()) {
            assertThat(catchThrowable(withKey::categories))
                    .isInstanceOf(NcInsecureHttpException.class)
                    .hasMessageNotContaining(TOKEN);
        }
        assertThat(seen).isEmpty();
        try (AppStoreClient anonymous = AppStoreClient.builder()
                .baseUri(URI.create(STORE))
                .httpClient(throughProxy())
                .build()) {
            assertThat(anonymous.categories()).isEmpty();
        }
        try (AppStoreClient allowed = AppStoreClient.builder()
                .baseUri(URI.create(STORE))
                .credentials(Credentials.token(Secret.of(TOKEN)))
                .httpClient(throughProxy())
                .allowInsecureHttp(true)
                .build()) {
            assertThat(allowed.categories()).isEmpty();
        }
        assertThat(seen)
                .containsExactly(
                        "store.example/api/v1/categories.json -",
                        "store.example/api/v1/categories.json Token " + TOKEN);
        assertThat(warningCount()).isEqualTo(1);
    }
}
