package dev.ncsdk.samples;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * The build's training run for the samples' class-data sharing archive: {@code java
 * -XX:ArchiveClassesAtExit=ncsdk-samples.jsa -cp ncsdk-samples.jar dev.ncsdk.samples.CdsTraining}. Runs the
 * offline demo and {@code update-check} against the embedded store, output discarded, so that the archive holds the
 * classes those commands load (picocli, the SDK, the JDK's HTTP client). Fails (exit code 1) when a command fails,
 * which also makes it a smoke test of the packaged jar.
 */
public final class CdsTraining {
    private CdsTraining() {}

    /**
     * Runs the training.
     *
     * @param args ignored
     * @throws IOException when the embedded server cannot start
     */
    public static void main(String[] args) throws IOException {
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        int failures = 0;
        failures += Main.run(none, none, "demo") == 0 ? 0 : 1;
        try (DemoServer server = DemoServer.start()) {
            String store = server.storeUrl().toString();
            String[][] runs = {
                {"update-check", "--store", store, "--platform", "32.0.1.2", "--app", "demo_notes=2.0.3", "--json"},
                {
                    "update-check",
                    "--store",
                    store,
                    "--platform",
                    "32.0.1",
                    "--php",
                    "8.2.36",
                    "--app",
                    "demo_tasks=1.4.0"
                }
            };
            for (String[] run : runs) {
                failures += Main.run(none, none, run) == 0 ? 0 : 1;
            }
        }
        if (failures > 0) {
            System.err.println("CDS training: " + failures + " command(s) failed");
            System.exit(1);
        }
        System.exit(0);
    }
}
