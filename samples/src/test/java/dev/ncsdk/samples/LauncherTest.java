package dev.ncsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the jar starts the samples in a child JVM with its class-data archive, and with which command line. */
class LauncherTest {
    private static final String VM = "OpenJDK 64-Bit Server VM";
    private static final String HOME = "/opt/jdk";
    private static final long PID = 4242;

    @TempDir
    Path dir;

    private Path jar;

    @BeforeEach
    void jarWithArchive() throws IOException {
        jar = Files.createFile(dir.resolve("ncsdk-samples.jar"));
        Files.createFile(dir.resolve("ncsdk-samples.jsa"));
    }

    private static Optional<String[]> launchedWith(String... jvmArguments) {
        return Optional.of(jvmArguments);
    }

    private List<String> plan(String fork, String child, String classPath, Optional<String[]> jvmArgs) {
        return Launcher.plan(VM, fork, child, classPath, HOME, jvmArgs, PID, new String[] {"update-check", "--json"});
    }

    @Test
    void theChildGetsTheArchiveTheShortRunOptionsThenTheParentsOwnOptionsAndTheCommandLine() {
        List<String> cmd = plan(
                null,
                null,
                jar.toString(),
                launchedWith("-Xmx256m", "-Dhttps.proxyHost=proxy", "-jar", jar.toString(), "update-check", "--json"));

        assertThat(cmd)
                .containsExactly(
                        Path.of(HOME, "bin", File.separatorChar == '\\' ? "java.exe" : "java")
                                .toString(),
                        "-XX:SharedArchiveFile="
                                + dir.resolve("ncsdk-samples.jsa").toAbsolutePath(),
                        "-Xshare:auto",
                        "-Xlog:cds=off",
                        "-Xlog:cds+dynamic=off",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-Dncsdk.samples.child=true",
                        "-Dncsdk.samples.parent=4242",
                        "-Xmx256m",
                        "-Dhttps.proxyHost=proxy",
                        "-cp",
                        jar.toAbsolutePath().toString(),
                        "dev.ncsdk.samples.Main",
                        "update-check",
                        "--json");
    }

    @Test
    void aRelativeJarPathBecomesAbsoluteSoTheArchiveMatchesTheBuildsPath() {
        Path relative = Path.of("").toAbsolutePath().relativize(jar);
        List<String> cmd = plan(null, null, relative.toString(), launchedWith("-jar", relative.toString()));
        assertThat(cmd).contains(jar.toAbsolutePath().normalize().toString());
    }

    @Test
    void theSamplesRunInThisJvmWhenTheForkWouldNotHelpOrCannotBeDone() throws IOException {
        Optional<String[]> args = launchedWith("-jar", jar.toString());
        assertThat(plan("false", null, jar.toString(), args)).as("switched off").isNull();
        assertThat(plan(null, "true", jar.toString(), args))
                .as("already the child")
                .isNull();
        assertThat(plan(null, null, jar + File.pathSeparator + "other.jar", args))
                .as("a class path, not a jar")
                .isNull();
        assertThat(plan(null, null, dir.resolve("classes").toString(), args))
                .as("not a jar")
                .isNull();
        assertThat(plan(null, null, jar.toString(), Optional.empty()))
                .as("own options unknown")
                .isNull();
        assertThat(plan(null, null, jar.toString(), launchedWith("-cp", jar.toString(), "dev.ncsdk.samples.Main")))
                .as("not started with -jar")
                .isNull();
        assertThat(Launcher.plan("Eclipse OpenJ9 VM", null, null, jar.toString(), HOME, args, PID, new String[0]))
                .as("not HotSpot")
                .isNull();
        Files.delete(dir.resolve("ncsdk-samples.jsa"));
        assertThat(plan(null, null, jar.toString(), args)).as("no archive").isNull();
    }

    /** A child that exits with the code it is given. */
    public static final class ExitWith {
        private ExitWith() {}

        /**
         * Exits.
         *
         * @param args the exit code
         */
        public static void main(String[] args) {
            System.exit(Integer.parseInt(args[0]));
        }
    }

    @Test
    void theChildsExitCodeIsTheLaunchersAndAChildThatCannotStartIsReportedAsSuch() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        assertThat(Launcher.runChild(List.of(java, "-cp", cp, ExitWith.class.getName(), "7")))
                .isEqualTo(7);
        assertThat(Launcher.runChild(List.of(java, "-cp", cp, ExitWith.class.getName(), "0")))
                .isZero();
        assertThat(Launcher.runChild(List.of(dir.resolve("no-such-java").toString())))
                .isNull();
    }

    @Test
    void theChildsWatchRecognisesItsLauncherAndNoOtherProcess() {
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        assertThat(Launcher.parentIs(parent)).as("the launcher, alive").isTrue();
        assertThat(Launcher.parentIs(ProcessHandle.current().pid()))
                .as("another process: the launcher is gone")
                .isFalse();
    }

    @Test
    void theLongRunningExAppServerRunsInThisJvm() {
        String[] hello = {"hello-exapp"};
        assertThat(Launcher.plan(
                        VM, null, null, jar.toString(), HOME, launchedWith("-jar", jar.toString()), PID, hello))
                .isNull();
    }
}
