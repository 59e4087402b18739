package dev.ncsdk.ocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ncsdk.ocs.internal.http.HttpCall;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import dev.ncsdk.ocs.internal.http.PlainHttpPolicy;
import dev.ncsdk.ocs.internal.http.Uris;
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
 * Credentials over plain http to a host that is not loopback: OCS clients send them (ExApps reach Nextcloud as
 * {@code http://nextcloud} in container networks) and log one warning per client; a transport set to refuse sends
 * nothing. The remote host is reached through a loopback proxy, so the request really names {@code nextcloud}.
 */
class PlainHttpPolicyTest {
    private static final String PASSWORD = "Pw-0f-Alice-plain-http-7Hq";

    /** A forward proxy on loopback that answers every request itself with an empty OCS success. */
    private final ProxyStub proxy = new ProxyStub();

    private final List<String> authorizations = proxy.seen;
    private final List<LogRecord> warnings = new ArrayList<>();
    private final Logger http = Logger.getLogger("dev.ncsdk.http");
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

    /**
     * Reads each request (absolute-form request line, headers, a Content-Length body), records its host and
     * {@code Authorization}, answers 200 with an OCS envelope and closes the connection.
     */
    static final class ProxyStub {
        final List<String> seen = new CopyOnWriteArrayList<>();
        ServerSocket socket;
        Thread acceptor;

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
        }

        private void serve(Socket s) throws IOException {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
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
            seen.add(URI.create(requestLine.split(" ")[1]).getHost() + " " + auth);
            byte[] body = "{\"ocs\":{\"meta\":{\"status\":\"ok\",\"statuscode\":200,\"message\":\"OK\"},\"data\":[]}}"
                    .getBytes(StandardCharsets.UTF_8);
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        }

        int port() {
            return socket.getLocalPort();
        }

        void stop() throws Exception {
            socket.close();
            acceptor.join(5_000);
        }
    }

    @BeforeEach
    void start() throws IOException {
        proxy.start();
        http.addHandler(handler);
    }

    @AfterEach
    void stop() throws Exception {
        http.removeHandler(handler);
        proxy.stop();
    }

    private HttpClient throughProxy() {
        return HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.port())))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private List<String> warningTexts() {
        synchronized (warnings) {
            List<String> out = new ArrayList<>();
            for (LogRecord r : warnings) {
                out.add(new java.util.logging.SimpleFormatter().formatMessage(r));
            }
            return out;
        }
    }

    @Test
    void anOcsClientSendsCredentialsOverPlainHttpAndWarnsOncePerClient() {
        Credentials alice = Credentials.basic("alice", Secret.of(PASSWORD));
        try (OcsClient nc = OcsClient.builder()
                .baseUri(URI.create("http://nextcloud"))
                .credentials(alice)
                .httpClient(throughProxy())
                .build()) {
            nc.ocs(OcsRequest.get("/cloud/user").build());
            nc.ocs(OcsRequest.get("/cloud/user").build());
            nc.withCredentials(Credentials.basic("bob", Secret.of(PASSWORD)))
                    .ocs(OcsRequest.get("/cloud/user").build());
        }
        assertThat(authorizations).hasSize(3).allMatch(a -> a.startsWith("nextcloud Basic "));
        assertThat(warningTexts())
                .singleElement()
                .satisfies(w -> assertThat(w)
                        .contains("plain http to nextcloud")
                        .contains("not a loopback address")
                        .doesNotContain(PASSWORD));

        // another client warns again, once
        try (OcsClient other = OcsClient.builder()
                .baseUri(URI.create("http://nextcloud"))
                .credentials(alice)
                .httpClient(throughProxy())
                .build()) {
            other.ocs(OcsRequest.get("/cloud/user").build());
            other.ocs(OcsRequest.get("/cloud/user").build());
        }
        assertThat(warningTexts()).hasSize(2);
    }

    @Test
    void anonymousCallsAndLoopbackHostsAreNotWarnedAbout() {
        try (OcsClient anon = OcsClient.builder()
                .baseUri(URI.create("http://nextcloud"))
                .httpClient(throughProxy())
                .build()) {
            anon.ocs(OcsRequest.get("/cloud/capabilities").build());
        }
        try (OcsClient local = OcsClient.builder()
                .baseUri(URI.create("http://127.0.0.1:" + proxy.port()))
                .credentials(Credentials.basic("alice", Secret.of(PASSWORD)))
                .build()) {
            local.ocs(OcsRequest.get("/cloud/user").build());
        }
        assertThat(authorizations).hasSize(2);
        assertThat(warningTexts()).isEmpty();
    }

    @Test
    void aTransportSetToRefuseSendsNothing() {
        try (HttpTransport t = HttpTransport.builder()
                .httpClient(throughProxy())
                .credentials(Credentials.token(Secret.of(PASSWORD)))
                .plainHttpPolicy(PlainHttpPolicy.REFUSE)
                .build()) {
            Throwable e = catchThrowable(
                    () -> t.send(HttpCall.builder("POST", URI.create("http://store.example/api/v1/token/new"))
                            .build()));
            assertThat(e)
                    .isInstanceOf(NcInsecureHttpException.class)
                    .hasMessageContaining("http://store.example/api/v1/token/new")
                    .hasMessageNotContaining(PASSWORD);
            // a secret call header counts as a credential too
            try (HttpTransport anon = t.withCredentials(Credentials.none())) {
                assertThat(catchThrowable(() ->
                                anon.send(HttpCall.builder("GET", URI.create("http://store.example/api/v1/apps.json"))
                                        .header("X-NC-Subscription-Key", PASSWORD)
                                        .build())))
                        .isInstanceOf(NcInsecureHttpException.class);
                assertThat(anon.send(HttpCall.builder("GET", URI.create("http://store.example/api/v1/apps.json"))
                                        .build())
                                .status())
                        .isEqualTo(200);
            }
        }
        assertThat(authorizations).containsExactly("store.example -");
    }

    @Test
    void loopbackHostsAreRecognisedWithoutANameLookup() {
        for (String h : List.of("localhost", "app.localhost", "127.0.0.1", "127.1.2.3", "[::1]")) {
            assertThat(Uris.isLoopback(URI.create("http://" + h + ":8080/")))
                    .as(h)
                    .isTrue();
        }
        for (String h : List.of("nextcloud", "10.0.0.1", "128.0.0.1", "localhost.example.com", "[::2]")) {
            assertThat(Uris.isLoopback(URI.create("http://" + h + "/"))).as(h).isFalse();
        }
    }
}
