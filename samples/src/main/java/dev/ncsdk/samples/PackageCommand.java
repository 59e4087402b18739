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
 * Packages an app folder into a reproducible release {@code .tar.gz} and inspects it as the store would. Exit codes as
 * {@link Failures} defines them: 0 when the archive is valid, 1 (and every problem) when it breaks a store rule, also
 * when the app id is invalid (then nothing is written), 2 when the folder cannot be read or the archive cannot be
 * written.
 */
@Command(
        name = "package",
        mixinStandardHelpOptions = true,
        description = "Package an app folder into a reproducible .tar.gz (.nextcloudignore honoured) and check it"
                + " against the store's rules (nothing is written for an invalid app id).",
        footer = "%nExample: ncsdk-samples package --dir apps/news --out build/news.tar.gz")
public final class PackageCommand extends SampleCommand {
    @Option(
            names = "--dir",
            paramLabel = "DIR",
            required = true,
            description = "The app folder (with appinfo/info.xml).")
    Path dir;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The .tar.gz to write.")
    Path out;

    @Option(
            names = "--timestamp",
            paramLabel = "INSTANT",
            description = "Time of every entry, ISO-8601 (default: ${DEFAULT-VALUE}).",
            defaultValue = "1980-01-01T00:00:00Z")
    Instant timestamp;

    /** Creates the command (picocli). */
    public PackageCommand() {}

    @Override
    String problemExit() {
        return "the store would refuse the archive (every problem is listed)";
    }

    @Override
    public Integer call() {
        Inputs.readableDir("--dir", dir);
        Inputs.writableFile("--out", out);
        AppPackager.Result r;
        try {
            r = AppPackager.builder().timestamp(timestamp).build().pack(dir, out);
        } catch (ArchiveException ex) {
            if (ex.problems().isEmpty()) {
                throw Failures.unreadable("cannot package " + dir + ": " + Failures.clean(ex.getMessage()), ex);
            }
            PrintWriter e = err();
            ex.problems().forEach(p -> e.println("problem: " + p));
            e.flush();
            throw Failures.problem(
                    "the store would refuse " + dir + " (" + ex.problems().size() + " problem"
                            + (ex.problems().size() == 1 ? "" : "s") + "); nothing was written");
        } catch (java.io.UncheckedIOException ex) {
            throw Failures.unreadable("cannot package " + dir + ": " + Failures.message(ex), ex);
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
        if (!r.report().isValid()) {
            throw Failures.problem("the store would refuse " + r.archive() + " ("
                    + r.report().problems().size() + " problem"
                    + (r.report().problems().size() == 1 ? "" : "s") + ")");
        }
        return 0;
    }
}
