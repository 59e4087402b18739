package dev.ncsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image's start script ({@code docs/docker/start-exapp.sh}) and health check ({@code
 * docs/docker/healthcheck.sh}), run with bash and stubs: {@code frpc} records its arguments and the configuration it
 * was given, {@code java} records its arguments and the variables the app would see. The FRP configuration's shape
 * is the one of HaRP's own ExApp images (nextcloud/app-skeleton-python {@code start.sh}, nextcloud/HaRP {@code
 * exapps_dev/start.sh}); the variables are the ones AppAPI sets (nextcloud/app_api {@code
 * lib/DeployActions/DockerActions.php}: {@code HP_FRP_ADDRESS}, {@code HP_FRP_PORT}, {@code HP_SHARED_KEY}).
 */
class ContainerStartScriptTest {
    /** How long a stub may take to write its record after the script exits (frpc runs in the background). */
    private static final long RECORD_WAIT_MS = 10_000;

    @TempDir
    Path tmp;

    private Path docker;
    private Path log;
    private Path certs;
    private Map<String, String> env;

    @BeforeEach
    void stubs() throws IOException {
        docker = Path.of(System.getProperty("ncsdk.fixtures")).getParent().resolve("docs/docker");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        log = Files.createDirectories(tmp.resolve("log"));
        certs = tmp.resolve("certs/frp");
        executable(
                bin.resolve("frpc"),
                "#!/bin/bash\n"
                        + "printf '%s\\n' \"$@\" > \"$STUB_LOG/frpc.args.tmp\"\n"
                        + "if [[ \"$1\" == -c ]]; then cat \"$2\" > \"$STUB_LOG/frpc.toml\"; fi\n"
                        + "mv \"$STUB_LOG/frpc.args.tmp\" \"$STUB_LOG/frpc.args\"\n");
        executable(
                bin.resolve("java"),
                "#!/bin/bash\n"
                        + "printf '%s\\n' \"$@\" > \"$STUB_LOG/java.args\"\n"
                        + "echo \"${EXAPP_CA_BUNDLE:-}\" > \"$STUB_LOG/java.ca\"\n"
                        + "exit 7\n");
        env = new HashMap<>();
        env.put("PATH", bin + ":/usr/local/bin:/usr/bin:/bin");
        env.put("STUB_LOG", log.toString());
        env.put("APP_ID", "hello_exapp");
        env.put("APP_PORT", "23001");
        env.put("APP_SECRET", "app-secret");
        env.put("EXAPP_JAR", "/app/exapp.jar");
        env.put("EXAPP_CDS", tmp.resolve("exapp.jsa").toString());
        env.put("FRP_CONFIG", tmp.resolve("frpc.toml").toString());
        env.put("FRP_CERTS_DIR", certs.toString());
        env.put("FRP_PID_FILE", tmp.resolve("frpc.pid").toString());
        env.put("EXAPP_CA_BUNDLE", tmp.resolve("ca-bundle.pem").toString());
        env.put("LOCAL_CA_DIR", tmp.resolve("local-ca").toString());
        env.put("SYSTEM_CA_BUNDLE", tmp.resolve("system-ca.pem").toString());
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void harp() {
        env.put("HP_SHARED_KEY", "harp-key");
        env.put("HP_FRP_ADDRESS", "appapi-harp");
        env.put("HP_FRP_PORT", "8782");
    }

    /** Runs the start script to its end (the stub java's exit), returning its exit code. */
    private int start(String... args) throws Exception {
        return run(docker.resolve("start-exapp.sh"), args);
    }

    private int run(Path script, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.redirectOutput(tmp.resolve("output.txt").toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the script ends").isTrue();
        return p.exitValue();
    }

    private List<String> javaArgs() throws IOException {
        return Files.readAllLines(log.resolve("java.args"));
    }

    /** frpc's record, waiting for the background stub to write it. */
    private Path frpcRecord(String name) throws InterruptedException {
        Path f = log.resolve(name);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECORD_WAIT_MS);
        while (!Files.exists(log.resolve("frpc.args")) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        return f;
    }

    private String output() throws IOException {
        return Files.readString(tmp.resolve("output.txt"));
    }

    @Test
    void withoutHarpTheJvmStartsDirectlyWithContainerOptions() throws Exception {
        int code = start("hello-exapp");

        assertThat(code)
                .as("the exit code is the JVM's: the shell was replaced")
                .isEqualTo(7);
        assertThat(javaArgs())
                .containsExactly(
                        "-XX:MaxRAMPercentage=75",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-jar",
                        "/app/exapp.jar",
                        "hello-exapp");
        assertThat(log.resolve("frpc.args")).doesNotExist();
        assertThat(tmp.resolve("frpc.toml")).doesNotExist();
        assertThat(output()).contains("no HP_SHARED_KEY");
    }

    @Test
    void behindHarpWithoutCertificatesFrpcGetsAPlainTunnelToTheUnixSocket() throws Exception {
        harp();

        assertThat(start("hello-exapp")).isEqualTo(7);

        Path config = tmp.resolve("frpc.toml");
        assertThat(Files.readAllLines(frpcRecord("frpc.args"))).containsExactly("-c", config.toString());
        assertThat(Files.readString(log.resolve("frpc.toml")))
                .isEqualTo("serverAddr = \"appapi-harp\"\n"
                        + "serverPort = 8782\n"
                        + "loginFailExit = false\n"
                        + "\n"
                        + "transport.tls.enable = false\n"
                        + "\n"
                        + "metadatas.token = \"harp-key\"\n"
                        + "\n"
                        + "[[proxies]]\n"
                        + "name = \"hello_exapp\"\n"
                        + "type = \"tcp\"\n"
                        + "remotePort = 23001\n"
                        + "[proxies.plugin]\n"
                        + "type = \"unix_domain_socket\"\n"
                        + "unixPath = \"/tmp/exapp.sock\"\n");
        assertThat(Files.getPosixFilePermissions(config))
                .as("the configuration holds the shared key")
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(tmp.resolve("frpc.pid")).trim()).matches("[0-9]+");
        assertThat(javaArgs()).endsWith("-jar", "/app/exapp.jar", "hello-exapp");
        assertThat(output()).contains("without TLS").doesNotContain("harp-key");
    }

    @Test
    void behindHarpWithCertificatesTheTunnelUsesTlsWithHarpsClientCertificate() throws Exception {
        harp();
        Files.createDirectories(certs);
        for (String f : List.of("client.crt", "client.key", "ca.crt")) {
            Files.writeString(certs.resolve(f), f);
        }

        assertThat(start()).isEqualTo(7);

        String config = Files.readString(frpcRecord("frpc.toml"));
        assertThat(config)
                .contains("transport.tls.enable = true\n"
                        + "transport.tls.certFile = \"" + certs.resolve("client.crt") + "\"\n"
                        + "transport.tls.keyFile = \"" + certs.resolve("client.key") + "\"\n"
                        + "transport.tls.trustedCaFile = \"" + certs.resolve("ca.crt") + "\"\n"
                        + "transport.tls.serverName = \"harp.nc\"\n")
                .contains("serverAddr = \"appapi-harp\"\nserverPort = 8782\n")
                .contains("metadatas.token = \"harp-key\"")
                .doesNotContain("transport.tls.enable = false");
        assertThat(output()).contains("over TLS");
    }

    @Test
    void theSocketPathComesFromHpExappSock() throws Exception {
        harp();
        env.put("HP_EXAPP_SOCK", "/run/exapp/app.sock");

        start();

        assertThat(Files.readString(frpcRecord("frpc.toml"))).endsWith("unixPath = \"/run/exapp/app.sock\"\n");
    }

    @Test
    void aTcpTargetForwardsToTheLoopbackPort() throws Exception {
        harp();
        env.put("FRP_TARGET", "tcp");

        start();

        assertThat(Files.readString(frpcRecord("frpc.toml")))
                .endsWith("remotePort = 23001\nlocalIP = \"127.0.0.1\"\nlocalPort = 23001\n")
                .doesNotContain("plugin");
    }

    @Test
    void quotesAndBackslashesInValuesStayInsideTheirTomlString() throws Exception {
        harp();
        env.put("HP_SHARED_KEY", "k\"ey\\x\n[[proxies]]");

        start();

        assertThat(Files.readString(frpcRecord("frpc.toml")))
                .contains("metadatas.token = \"k\\\"ey\\\\x\\n[[proxies]]\"\n")
                .containsOnlyOnce("[[proxies]]\n");
    }

    @Test
    void aMissingFrpAddressStopsTheStartBeforeTheJvm() throws Exception {
        harp();
        env.remove("HP_FRP_ADDRESS");

        assertThat(start()).isEqualTo(64);

        assertThat(output()).contains("HP_FRP_ADDRESS");
        assertThat(log.resolve("java.args")).doesNotExist();
        assertThat(log.resolve("frpc.args")).doesNotExist();
    }

    @Test
    void aPortThatIsNoNumberStopsTheStart() throws Exception {
        harp();
        env.put("HP_FRP_PORT", "8782\ntransport.tls.enable = false");

        assertThat(start()).isEqualTo(64);

        assertThat(output()).contains("HP_FRP_PORT must be a port number");
        assertThat(log.resolve("java.args")).doesNotExist();
    }

    @Test
    void theArchiveExtraOptionsAndDefaultArgumentsReachTheJvm() throws Exception {
        Files.writeString(tmp.resolve("exapp.jsa"), "archive");
        env.put("JAVA_OPTS", "-Xmx256m -Dexample=1");
        env.put("EXAPP_ARGS", "hello-exapp --init-steps 2");

        start();

        assertThat(javaArgs())
                .containsSubsequence(
                        "-XX:+ExitOnOutOfMemoryError",
                        "-XX:SharedArchiveFile=" + tmp.resolve("exapp.jsa"),
                        "-Xshare:auto",
                        "-Xmx256m",
                        "-Dexample=1",
                        "-jar",
                        "/app/exapp.jar",
                        "hello-exapp",
                        "--init-steps",
                        "2");
    }

    @Test
    void jvmOptionsCanBeReplacedWhole() throws Exception {
        env.put("EXAPP_JVM_OPTS", "-XX:+UseG1GC");

        start("serve");

        assertThat(javaArgs()).containsExactly("-XX:+UseG1GC", "-jar", "/app/exapp.jar", "serve");
    }

    @Test
    void certificatesHarpInstalledJoinTheSystemBundleForTheJvm() throws Exception {
        Files.writeString(tmp.resolve("system-ca.pem"), "SYSTEM\n");
        Path local = Files.createDirectories(tmp.resolve("local-ca"));
        Files.writeString(local.resolve("custom_ca_cert_0.crt"), "NEXTCLOUD-CA");

        start();

        Path bundle = tmp.resolve("ca-bundle.pem");
        assertThat(bundle).hasContent("SYSTEM\nNEXTCLOUD-CA\n");
        assertThat(Files.readString(log.resolve("java.ca")).trim()).isEqualTo(bundle.toString());
    }

    @Test
    void withoutExtraCertificatesNoBundleIsWritten() throws Exception {
        start();

        assertThat(tmp.resolve("ca-bundle.pem")).doesNotExist();
        assertThat(Files.readString(log.resolve("java.ca")).trim()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------- health check

    private int health(int status) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            byte[] body = x.getRequestURI().getPath().equals("/heartbeat")
                    ? "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8)
                    : new byte[0];
            x.sendResponseHeaders(x.getRequestURI().getPath().equals("/heartbeat") ? status : 404, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        try {
            env.put("APP_PORT", Integer.toString(server.getAddress().getPort()));
            return run(docker.resolve("healthcheck.sh"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void healthyWhenTheHeartbeatAnswers200() throws Exception {
        assertThat(health(200)).isZero();
    }

    @Test
    void unhealthyWhenTheHeartbeatFails() throws Exception {
        assertThat(health(503)).isNotZero();
    }

    @Test
    void unhealthyWhenNothingListens() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            env.put("APP_PORT", Integer.toString(s.getLocalPort()));
        }
        assertThat(run(docker.resolve("healthcheck.sh"))).isNotZero();
    }

    @Test
    void behindHarpHealthyOnlyWhileFrpcRuns() throws Exception {
        harp();
        Files.writeString(
                tmp.resolve("frpc.pid"), Long.toString(ProcessHandle.current().pid()));
        assertThat(health(200)).as("frpc (here: this JVM) running").isZero();

        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(tmp.resolve("frpc.pid"), Long.toString(gone.pid()));
        assertThat(health(200)).as("frpc gone").isNotZero();

        Files.delete(tmp.resolve("frpc.pid"));
        assertThat(health(200)).as("frpc never started").isNotZero();
    }
}
