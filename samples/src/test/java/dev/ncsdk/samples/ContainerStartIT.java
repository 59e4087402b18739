package dev.ncsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image's scripts on the packaged {@code ncsdk-samples.jar} and this machine's JDK, as the image runs
 * them (no Docker engine needed): the build's training run writes a class-data sharing archive, {@code
 * start-exapp.sh} starts {@code hello-exapp} with it (with {@code -Xshare:on}, so a JVM that could not map it would
 * not start), and {@code healthcheck.sh} reports it healthy; behind HaRP (a stub {@code frpc}) the runtime also
 * listens on the socket the FRP configuration names. Runs after {@code package} (failsafe).
 */
class ContainerStartIT {
    /** Bounds for a loaded two-core machine, far above the few seconds these take. */
    private static final long START_BOUND_SECONDS = 120;

    @TempDir
    Path tmp;

    private Path docker;
    private Path jar;
    private Process app;

    @BeforeEach
    void paths() {
        docker = Path.of(System.getProperty("ncsdk.fixtures")).getParent().resolve("docs/docker");
        jar = Path.of("target", "ncsdk-samples.jar").toAbsolutePath();
        assertThat(jar).exists();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    private ProcessBuilder script(String name, Map<String, String> env, String... args) throws IOException {
        List<String> command =
                new java.util.ArrayList<>(List.of("bash", docker.resolve(name).toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.redirectOutput(tmp.resolve(name + ".out").toFile());
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("HP_") || k.startsWith("APP_") || k.startsWith("EXAPP_"));
        e.remove("JAVA_OPTS");
        e.put(
                "PATH",
                Path.of(System.getProperty("java.home"), "bin") + ":" + tmp.resolve("bin") + ":"
                        + System.getenv("PATH"));
        e.put("EXAPP_JAR", jar.toString());
        e.put("APP_ID", "hello_exapp");
        e.put("APP_VERSION", "1.0.0");
        e.put("APP_SECRET", "container-it");
        e.put("APP_HOST", "127.0.0.1");
        e.put("NEXTCLOUD_URL", "http://127.0.0.1:9");
        e.put("LOCAL_CA_DIR", tmp.resolve("no-ca").toString());
        e.put("FRP_PID_FILE", tmp.resolve("frpc.pid").toString());
        e.putAll(env);
        return pb;
    }

    private int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private boolean healthy(Map<String, String> env) throws Exception {
        Process p = script("healthcheck.sh", env).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.exitValue() == 0;
    }

    private void awaitHealthy(Map<String, String> env) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_BOUND_SECONDS);
        while (!healthy(env)) {
            assertThat(app.isAlive())
                    .as("the ExApp runs: %s", Files.readString(tmp.resolve("start-exapp.sh.out")))
                    .isTrue();
            assertThat(System.nanoTime())
                    .as("healthy within %d s", START_BOUND_SECONDS)
                    .isLessThan(end);
            Thread.sleep(50);
        }
    }

    @Test
    void theTrainedArchiveIsUsedAndTheExAppBecomesHealthy() throws Exception {
        Path archive = tmp.resolve("exapp.jsa");
        Process training = script(
                        "cds-training.sh",
                        Map.of("EXAPP_CDS", archive.toString(), "APP_PORT", Integer.toString(freePort())),
                        "hello-exapp")
                .start();
        assertThat(training.waitFor(START_BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(training.exitValue())
                .as(Files.readString(tmp.resolve("cds-training.sh.out")))
                .isZero();
        assertThat(Files.size(archive)).isPositive();

        Map<String, String> env = Map.of(
                "APP_PORT", Integer.toString(freePort()),
                "EXAPP_CDS", archive.toString(),
                "JAVA_OPTS", "-Xshare:on");
        app = script("start-exapp.sh", env, "hello-exapp").start();
        awaitHealthy(env);

        app.destroy(); // SIGTERM, as docker stop
        assertThat(app.waitFor(START_BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(tmp.resolve("start-exapp.sh.out"))).contains("no HP_SHARED_KEY");
    }

    @Test
    void behindHarpTheRuntimeListensOnTheSocketTheTunnelUses() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path frpc = bin.resolve("frpc");
        // stays alive like the real client, so the health check sees it running
        Files.writeString(frpc, "#!/bin/bash\ncp \"$2\" \"$STUB_CONFIG\"\nexec sleep 300\n");
        Files.setPosixFilePermissions(frpc, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path socket = tmp.resolve("exapp.sock");
        Map<String, String> env = Map.of(
                "APP_PORT", Integer.toString(freePort()),
                "HP_SHARED_KEY", "harp-key",
                "HP_FRP_ADDRESS", "127.0.0.1",
                "HP_FRP_PORT", "8782",
                "HP_EXAPP_SOCK", socket.toString(),
                "FRP_CONFIG", tmp.resolve("frpc.toml").toString(),
                "FRP_CERTS_DIR", tmp.resolve("certs/frp").toString(),
                "STUB_CONFIG", tmp.resolve("frpc-seen.toml").toString(),
                "EXAPP_CDS", "");
        app = script("start-exapp.sh", env, "hello-exapp").start();
        try {
            awaitHealthy(env);

            assertThat(socket).exists();
            assertThat(Files.readString(tmp.resolve("frpc-seen.toml")))
                    .contains("unixPath = \"" + socket + "\"")
                    .contains("metadatas.token = \"harp-key\"");
        } finally {
            String pid = Files.exists(tmp.resolve("frpc.pid"))
                    ? Files.readString(tmp.resolve("frpc.pid")).trim()
                    : "";
            if (!pid.isEmpty()) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroy);
            }
        }
    }
}
