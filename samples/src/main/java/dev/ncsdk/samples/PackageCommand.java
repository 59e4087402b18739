package dev.ncsdk.samples;

import dev.ncsdk.appstore.archive.AppPackager;
import dev.ncsdk.appstore.archive.ArchiveException;
import dev.ncsdk.appstore.archive.ArchiveProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Packages an app folder into a reproducible release {@code .tar.gz} and inspects it as the store would. Exit 0
 * when the archive is valid, 2 (and every problem) when it breaks a store rule, also when the app id is invalid
 * (then nothing is written), 1 when the folder cannot be read or the archive cannot be written.
 */
@Command(
        name = "package",
        mixinStandardHelpOptions = true,
        description = "Package an app folder into a reproducible .tar.gz (.nextcloudignore honoured) and check it."
                + " Exit 0 when the store would accept it, 2 when not (nothing is written for an invalid app id),"
                + " 1 when it cannot be packaged.")
public final class PackageCommand extends SampleCommand {
    @Option(names = "--dir", required = true, description = "the app folder (with appinfo/info.xml)")
    Path dir;

    @Option(names = "--out", required = true, description = "the .tar.gz to write")
    Path out;

    @Option(
            names = "--timestamp",
            description = "modification time of every entry (ISO-8601), default ${DEFAULT-VALUE}",
            defaultValue = "1980-01-01T00:00:00Z")
    Instant timestamp;

    /** Creates the command (picocli). */
    public PackageCommand() {}

    @Override
    public Integer call() {
        AppPackager.Result r;
        try {
            r = AppPackager.builder().timestamp(timestamp).build().pack(dir, out);
        } catch (ArchiveException ex) {
            if (ex.problems().isEmpty()) {
                throw ex;
            }
            PrintWriter e = err();
            ex.problems().forEach(p -> e.println("problem: " + p));
            e.println("error: nothing was written");
            e.flush();
            return 2;
        }
        PrintWriter o = out();
        o.printf("%s  %s (%s, %d entries, %d bytes)%n", r.sha256(), r.archive(), r.appId(), r.entries(), r.bytes());
        o.flush();
        PrintWriter e = err();
        r.report().warnings().forEach(w -> e.println("warning: " + w));
        for (ArchiveProblem p : r.report().problems()) {
            e.println("problem: " + p);
        }
        e.flush();
        return r.report().isValid() ? 0 : 2;
    }
}
