package dev.ncsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, as a user starts it: {@code java -jar ncsdk-samples.jar} with the class-data archive beside it
 * runs the command in a child JVM. Killing the launcher with SIGKILL (no shutdown hook runs) must not leave that
 * child running its command. Runs after {@code package} (failsafe), on the built jar.
 */
class LauncherKillIT {
    /**
     * How long the child may take to notice: its 200 ms watch period plus a loaded machine's scheduling; far below
     * the command's own 300 s timeout, which an unwatched child would run into.
     */
    private static final long CHILD_EXIT_BOUND_SECONDS = 30;

    private HttpServer server;
    private final CountDownLatch requestArrived = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private Process launcher;
    private ProcessHandle child;

    @BeforeEach
    void aServerThatNeverAnswers() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requestArrived.countDown();
            try {
                release.await(6, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void cleanUp() {
        release.countDown();
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
        }
        if (launcher != null && launcher.isAlive()) {
            launcher.destroyForcibly();
        }
        server.stop(0);
    }

    @Test
    void theChildJvmStopsSoonAfterTheLauncherIsKilled() throws Exception {
        Path jar = Path.of("target", "ncsdk-samples.jar").toAbsolutePath();
        assertThat(jar).exists();
        assertThat(jar.resolveSibling("ncsdk-samples.jsa"))
                .as("the archive that makes the launcher fork")
                .exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        launcher = new ProcessBuilder(
                        java, "-jar", jar.toString(), "ocs", "--url", url, "--timeout", "300", "GET", "/cloud/user")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();

        // the child is in the middle of its call when the launcher dies
        assertThat(requestArrived.await(60, TimeUnit.SECONDS))
                .as("the command reached the server")
                .isTrue();
        Optional<ProcessHandle> forked = launcher.children().findFirst();
        assertThat(forked).as("the launcher runs the command in a child JVM").isPresent();
        child = forked.get();
        List<String> childArgs = Arrays.asList(child.info().arguments().orElse(new String[0]));
        assertThat(childArgs).contains("-Dncsdk.samples.parent=" + launcher.pid());

        launcher.destroyForcibly(); // SIGKILL: no shutdown hook of the launcher runs
        assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(launcher.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

        // the child is no longer the launcher's: only its own watch can stop it
        assertThat(child.onExit()
                        .completeOnTimeout(null, CHILD_EXIT_BOUND_SECONDS, TimeUnit.SECONDS)
                        .get())
                .as("the child exited within %d s of the launcher's death", CHILD_EXIT_BOUND_SECONDS)
                .isNotNull();
        assertThat(child.isAlive()).isFalse();
    }
}
