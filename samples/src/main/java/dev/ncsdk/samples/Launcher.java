package dev.ncsdk.samples;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The jar's entry point: runs {@link Main} in a JVM set up for a short command-line run.
 *
 * <p>A sample command lasts well under a second, and most of that is the JVM starting: loading and verifying
 * about 2,800 classes, and compiling hot code twice (C1, then C2, whose compiler thread competes for the second
 * of two cores). Java 17 can keep loaded classes in an application class-data sharing (AppCDS) archive, but only
 * a command-line option ({@code -XX:SharedArchiveFile}) can load one, and {@code java -jar} has no way to pass it.
 * So when the build's archive ({@code ncsdk-samples.jsa}, made by {@link CdsTraining}) sits beside the jar, this
 * class starts the samples in a child JVM with that archive, the C1 compiler only and the serial collector, with
 * the same standard streams, and exits with the child's exit code. Measured on the project's two-core machine:
 * a cold {@code update-check} over the 12.8 MB catalogue in about 0.46 s instead of 0.62 s (see
 * {@code docs/performance.md}).
 *
 * <p>The child gets the parent's own JVM options after these (so {@code -Xmx} or {@code -D} given to
 * {@code java -jar} still apply, and can override them). Without the archive, with
 * {@code -Dncsdk.samples.fork=false}, or when this JVM's options cannot be read, the samples run in this JVM. An
 * archive made by another JVM build or for a moved jar is ignored by the child's JVM (it then runs without it).
 *
 * <p>The child never outlives this JVM. When this JVM is stopped normally (SIGTERM, Ctrl-C), its shutdown hook stops
 * the child. When it is killed outright (SIGKILL from a cron or CI timeout, the OOM killer), no code of it runs, so
 * the child watches instead: this JVM passes its process id ({@value #PARENT_PROPERTY}), and the child's
 * {@link #watchParent(String)} starts a daemon thread that checks every {@value #WATCH_MILLIS} ms whether its parent
 * process is still that one. A process whose parent dies is re-parented at once (to init or a subreaper), so the
 * check needs no pid-reuse guard; it reads the parent from the kernel and costs microseconds. When the launcher is
 * gone the child halts (exit code {@value #ORPHANED_EXIT}, no shutdown hooks, nothing more printed): a
 * {@code publish} or {@code appapi} call in progress is abandoned mid-request within that period instead of being
 * finished after its caller gave up. (A request whose last byte already reached the server may still be carried
 * out by the server; no client can take that back.) Watching the parent's pipes was the other choice; it would need
 * the child's standard streams to be pipes, and they are the terminal, inherited.
 *
 * <p>{@code hello-exapp}, a long-running server, always runs in this JVM.
 */
public final class Launcher {
    /** Set in the child, so that it never starts another. */
    static final String CHILD_PROPERTY = "ncsdk.samples.child";
    /** {@code false} runs the samples in this JVM. */
    static final String FORK_PROPERTY = "ncsdk.samples.fork";
    /** Set in the child: the launcher's process id, which the child watches. */
    static final String PARENT_PROPERTY = "ncsdk.samples.parent";
    /** How often the child checks that its launcher is alive. */
    static final long WATCH_MILLIS = 200;
    /** The child's exit code when it stops because its launcher is gone (128 + SIGTERM's number, as if stopped). */
    static final int ORPHANED_EXIT = 143;

    private static final String MAIN = "dev.ncsdk.samples.Main";

    private Launcher() {}

    /**
     * Runs the samples, in a child JVM when the archive is there.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        List<String> child = plan(
                System.getProperty("java.vm.name"),
                System.getProperty(FORK_PROPERTY),
                System.getProperty(CHILD_PROPERTY),
                System.getProperty("java.class.path"),
                System.getProperty("java.home"),
                ProcessHandle.current().info().arguments(),
                ProcessHandle.current().pid(),
                args);
        if (child != null) {
            Integer code = runChild(child);
            if (code != null) {
                System.exit(code);
            }
        }
        Main.main(args);
    }

    /**
     * The child JVM's command line, or null when the samples should run in this JVM.
     *
     * @param vmName this JVM's name (the options are HotSpot's)
     * @param fork the {@value #FORK_PROPERTY} property
     * @param child the {@value #CHILD_PROPERTY} property
     * @param classPath this JVM's class path: the jar, for {@code java -jar}
     * @param javaHome this JVM's home
     * @param jvmArguments this JVM's arguments as the operating system reports them
     * @param pid this JVM's process id, which the child watches
     * @param args the samples' command line
     * @return the command, or null
     */
    static List<String> plan(
            String vmName,
            String fork,
            String child,
            String classPath,
            String javaHome,
            Optional<String[]> jvmArguments,
            long pid,
            String[] args) {
        if ("false".equalsIgnoreCase(fork) || child != null || classPath == null || javaHome == null) {
            return null;
        }
        if (vmName == null || !(vmName.contains("HotSpot") || vmName.startsWith("OpenJDK"))) {
            return null;
        }
        if (args.length > 0 && args[0].equals("hello-exapp")) {
            return null; // a server that runs for hours: C2 and the default collector serve it better
        }
        if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar") || jvmArguments.isEmpty()) {
            return null;
        }
        Path jar = Path.of(classPath).toAbsolutePath().normalize();
        String name = jar.getFileName().toString();
        Path archive = jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".jsa");
        if (!Files.isRegularFile(archive)) {
            return null;
        }
        List<String> own = Arrays.asList(jvmArguments.get());
        int jarOption = own.indexOf("-jar");
        if (jarOption < 0) {
            return null;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(javaHome, "bin", File.separatorChar == '\\' ? "java.exe" : "java")
                .toString());
        cmd.add("-XX:SharedArchiveFile=" + archive);
        cmd.add("-Xshare:auto");
        cmd.add("-Xlog:cds=off");
        cmd.add("-Xlog:cds+dynamic=off");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-D" + CHILD_PROPERTY + "=true");
        cmd.add("-D" + PARENT_PROPERTY + "=" + pid);
        cmd.addAll(own.subList(0, jarOption));
        cmd.add("-cp");
        cmd.add(jar.toString());
        cmd.add(MAIN); // by name: loading Main here would load picocli in this JVM too
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** Runs the child with this JVM's standard streams; its exit code, or null when it could not start. */
    static Integer runChild(List<String> cmd) {
        Process p;
        try {
            p = new ProcessBuilder(cmd).inheritIO().start();
        } catch (IOException e) {
            return null;
        }
        // this JVM stopped (SIGTERM, Ctrl-C): the child stops too. Not a lambda: the first lambda of a JVM costs
        // ~20 ms to set up, and this JVM does nothing else.
        Runtime.getRuntime().addShutdownHook(new Thread() {
            @Override
            public void run() {
                if (p.isAlive()) {
                    p.destroy();
                }
            }
        });
        while (true) {
            try {
                return p.waitFor();
            } catch (InterruptedException e) {
                // keep waiting: only the child decides when the command is over
            }
        }
    }

    /**
     * In the child: stops this JVM when the launcher whose process id is given is no longer its parent. Does nothing
     * when the property is absent or not a number (the samples run in the launcher's own JVM).
     *
     * @param parentPid the {@value #PARENT_PROPERTY} property
     */
    static void watchParent(String parentPid) {
        if (parentPid == null) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(parentPid);
        } catch (NumberFormatException e) {
            return;
        }
        Thread watch = new ParentWatch(pid);
        watch.setDaemon(true);
        watch.start();
    }

    /**
     * Whether this process's parent is still the process with this id.
     *
     * @param pid the launcher's process id
     * @return false once the launcher is gone
     */
    static boolean parentIs(long pid) {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        return parent.isPresent() && parent.get().pid() == pid;
    }

    /** The child's watch on its launcher (a named class, not a lambda, to keep the lambda machinery out of start-up). */
    private static final class ParentWatch extends Thread {
        private final long pid;

        ParentWatch(long pid) {
            super("ncsdk-launcher-watch");
            this.pid = pid;
        }

        @Override
        public void run() {
            while (parentIs(pid)) {
                try {
                    Thread.sleep(WATCH_MILLIS);
                } catch (InterruptedException e) {
                    return; // nobody interrupts this thread but the JVM's end
                }
            }
            Runtime.getRuntime().halt(ORPHANED_EXIT);
        }
    }
}
