package dev.ncsdk.appapi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.ocs.NcTransportException;
import dev.ncsdk.ocs.RetryPolicy;
import dev.ncsdk.ocs.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS to a Nextcloud whose certificate is signed by a CA the JVM does not know but the operating system's bundle
 * holds (AppAPI installs Nextcloud's CA there). The certificate is made by {@code keytool} for this test run; the
 * server is a minimal HTTPS responder on a loopback {@link SSLServerSocket} (the module does not read
 * {@code jdk.httpserver}).
 */
class SystemCaBundleTest {
    private static final String PASSWORD = "changeit";
    private static final String STATE =
            "{\"ocs\":{\"meta\":{\"status\":\"ok\",\"statuscode\":100,\"message\":\"OK\"},\"data\":1}}";

    @TempDir
    static Path dir;

    private static SSLServerSocket server;
    private static Thread acceptor;
    private static Path serverPem;
    private static Path otherPem;

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
    }

    /** A self-signed certificate for localhost and 127.0.0.1 in a PKCS12 store, and its PEM. */
    private static Path newCertificate(String alias, Path store) throws Exception {
        keytool(
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + alias,
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        Path pem = dir.resolve(alias + ".pem");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                alias,
                "-keystore",
                store.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                pem.toString());
        return pem;
    }

    @BeforeAll
    static void startHttpsServer() throws Exception {
        Path store = dir.resolve("nextcloud.p12");
        serverPem = newCertificate("nextcloud-test-ca", store);
        otherPem = newCertificate("other-ca", dir.resolve("other.p12"));

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);

        server = (SSLServerSocket)
                ctx.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(SystemCaBundleTest::serve, "https-test-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Answers every request with the OCS "enabled" state; a failed handshake just ends that connection. */
    private static void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                int matched = 0;
                while (matched < 4) { // read the request head up to the empty line
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
                }
                byte[] body = STATE.getBytes(StandardCharsets.UTF_8);
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
                                + body.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // the client refused the certificate, or the server was closed
            }
        }
    }

    @AfterAll
    static void stopHttpsServer() throws Exception {
        server.close();
        acceptor.join(10_000);
    }

    private static NextcloudApp.Builder builder() {
        return NextcloudApp.builder()
                .baseUri(URI.create("https://localhost:" + server.getLocalPort()))
                .appId("javastub")
                .appVersion("1.0.0")
                .secret(Secret.of("s3cr3t"))
                .timeout(Duration.ofSeconds(20))
                .retryPolicy(RetryPolicy.none());
    }

    @Test
    void theJvmAloneDoesNotTrustTheServer() {
        try (NextcloudApp nc = builder().build()) {
            assertThatThrownBy(nc::enabled).isInstanceOf(NcTransportException.class);
        }
    }

    @Test
    void theBundlesCaIsTrusted() {
        try (NextcloudApp nc = builder().trustSystemCaBundle(serverPem).build()) {
            assertThat(nc.enabled()).isTrue();
        }
    }

    @Test
    void aBundleWithCommentsAndSeveralCertificatesIsRead() throws IOException {
        Path bundle = dir.resolve("ca-bundle.crt");
        Files.writeString(
                bundle,
                "# Fedora-style comment: Ünïcode name\n" + Files.readString(otherPem) + "\n# Nextcloud's CA\n"
                        + Files.readString(serverPem),
                StandardCharsets.UTF_8);
        assertThat(SystemCaBundle.read(bundle))
                .extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("CN=other-ca", "CN=nextcloud-test-ca");
        try (NextcloudApp nc = builder().trustSystemCaBundle(bundle).build()) {
            assertThat(nc.enabled()).isTrue();
        }
    }

    @Test
    void theJvmsOwnCasStayTrusted() throws Exception {
        X509Certificate[] jdk = SystemCaBundle.jdkDefaults().getAcceptedIssuers();
        X509Certificate[] both = SystemCaBundle.trustManager(serverPem).getAcceptedIssuers();
        assertThat(jdk).isNotEmpty();
        assertThat(both).hasSize(jdk.length + 1).contains(jdk);
    }

    @Test
    void theFirstExistingSystemBundleIsUsed() throws IOException {
        Path missing = dir.resolve("missing.crt");
        Path present = Files.copy(serverPem, dir.resolve("present.crt"));
        assertThat(SystemCaBundle.find(List.of(missing, present))).isEqualTo(present);
        assertThatThrownBy(() -> SystemCaBundle.find(List.of(missing)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("missing.crt");
        assertThat(SystemCaBundle.LOCATIONS.get(0)).isEqualTo(Path.of("/etc/ssl/certs/ca-certificates.crt"));
    }

    @Test
    void unusableBundlesAndCombinationsAreRefused() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "# nothing here\n");
        assertThatThrownBy(() -> builder().trustSystemCaBundle(empty).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no PEM certificate");
        assertThatThrownBy(() ->
                        builder().trustSystemCaBundle(dir.resolve("absent.pem")).build())
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> builder()
                        .trustSystemCaBundle(serverPem)
                        .httpClient(HttpClient.newHttpClient())
                        .build())
                .isInstanceOf(IllegalStateException.class);
    }
}
