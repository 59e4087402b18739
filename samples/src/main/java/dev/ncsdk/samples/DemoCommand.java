package dev.ncsdk.samples;

import dev.ncsdk.appapi.exapp.ExApp;
import dev.ncsdk.appapi.manifest.AccessLevel;
import dev.ncsdk.appapi.manifest.DockerImage;
import dev.ncsdk.appapi.manifest.ExAppManifest;
import dev.ncsdk.appapi.manifest.ExAppRoute;
import dev.ncsdk.appapi.manifest.ManifestException;
import dev.ncsdk.appapi.testkit.AppApiSimulator;
import dev.ncsdk.appapi.testkit.ExAppCheckFailure;
import dev.ncsdk.appapi.testkit.ExAppResponse;
import dev.ncsdk.appapi.testkit.InitOutcome;
import dev.ncsdk.appstore.App;
import dev.ncsdk.appstore.AppStoreClient;
import dev.ncsdk.appstore.archive.AppPackager;
import dev.ncsdk.appstore.cache.ResponseCache;
import dev.ncsdk.appstore.signing.AppKeyGenerator;
import dev.ncsdk.appstore.signing.AppSigner;
import dev.ncsdk.appstore.signing.Signatures;
import dev.ncsdk.appstore.update.AppUpdate;
import dev.ncsdk.appstore.update.Channel;
import dev.ncsdk.appstore.update.UpdateChecker;
import dev.ncsdk.appstore.update.UpdateReport;
import dev.ncsdk.ocs.Capabilities;
import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.NcResponseException;
import dev.ncsdk.ocs.NextcloudVersion;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.OcsFormat;
import dev.ncsdk.ocs.OcsRequest;
import dev.ncsdk.ocs.Secret;
import dev.ncsdk.ocs.ServerStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: an offline tour of the SDK. It starts an embedded server on loopback that plays a Nextcloud server
 * and the App Store with data packaged in the jar, drives every module against it, and then runs the
 * {@code hello-exapp} sample in-process through AppAPI's lifecycle, with {@link AppApiSimulator} playing AppAPI.
 *
 * <p>Each step gets a short heading and one line per result, in a fixed order, no line over {@value #WIDTH}
 * columns. On a terminal (and {@code NO_COLOR} unset) headings are bold and the initialisation shows a progress
 * bar; piped, the output is plain text. {@code --color} overrides the choice. The exit code is 0 when every result
 * is the expected one, {@link Failures#FAILED} otherwise.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Offline tour of the SDK against an embedded Nextcloud and App Store on loopback, then the"
                + " hello-exapp sample through AppAPI's lifecycle (heartbeat, init, enable, signed and forged"
                + " requests).",
        footer = "%nExample: ncsdk-samples demo")
final class DemoCommand extends SampleCommand {
    @Override
    String problemExit() {
        return "a step of the tour failed";
    }

    /** No line of the demo's output is wider. */
    static final int WIDTH = 100;

    /** The steps, in order: their headings. */
    static final List<String> STEPS = List.of(
            "OCS API: a Nextcloud server (ocs-client)",
            "App Store: catalogue, updates, ETag cache (appstore-client)",
            "Releases: package, sign, verify (appstore-client)",
            "ExApp manifest (appapi-client)",
            "ExApp lifecycle: hello-exapp in-process, AppAPI played by AppApiSimulator (appapi-client)");

    /** When colour and the progress bar are on. */
    enum ColourMode {
        /** On a terminal when {@code NO_COLOR} is unset or empty. */
        auto,
        /** Always, even piped. */
        always,
        /** Never. */
        never
    }

    @Option(
            names = "--color",
            defaultValue = "auto",
            paramLabel = "WHEN",
            description = "colour and a progress bar: auto (on a terminal, NO_COLOR unset), always, never"
                    + " (default ${DEFAULT-VALUE})")
    ColourMode colour = ColourMode.auto;

    @Option(
            names = "--init-step-ms",
            defaultValue = "120",
            paramLabel = "MS",
            description = "how long each of hello-exapp's 4 initialisation steps takes (default ${DEFAULT-VALUE})")
    long initStepMillis = 120;

    /** The environment, read for {@code NO_COLOR} (a map in tests). */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws Exception {
        if (initStepMillis < 0) {
            throw Failures.usage("--init-step-ms must not be negative");
        }
        Report r = new Report(Terminal.safe(out(), false).withColour(rich()));
        long start = System.nanoTime();
        // the SDK logs its servers' start and stop at INFO; the demo shows its own lines instead
        Level logLevel = quiet(Level.WARNING);
        try (DemoServer server = DemoServer.start()) {
            r.title("ncsdk demo: offline, against an embedded Nextcloud and App Store at " + server.nextcloudUrl());
            ocs(server, r);
            store(server, r);
            release(r);
            manifest(r);
            exApp(r, Duration.ofMillis(initStepMillis));
        } finally {
            quiet(logLevel);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        r.end(String.format(Locale.ROOT, "%.1f s", millis / 1000.0));
        flush();
        return r.failures == 0 ? 0 : Failures.FAILED;
    }

    /** The SDK's loggers ({@code java.util.logging} behind {@code System.Logger}): held, or the level is lost. */
    private static final Logger SDK_LOGS = Logger.getLogger("dev.ncsdk");

    /**
     * Sets the level of the SDK's log lines that reach standard error.
     *
     * @param level the new level, null for the parent's
     * @return the level before
     */
    private static Level quiet(Level level) {
        Level before = SDK_LOGS.getLevel();
        SDK_LOGS.setLevel(level);
        return before;
    }

    /** Colour and progress bar: as {@code --color} says; on {@code auto}, when the output is a colour terminal. */
    private boolean rich() {
        switch (colour) {
            case always:
                return true;
            case never:
                return false;
            default:
                String noColour = environment.get("NO_COLOR");
                boolean terminal = out() instanceof Terminal.SafeWriter && ((Terminal.SafeWriter) out()).colour();
                return terminal && (noColour == null || noColour.isEmpty());
        }
    }

    private static void ocs(DemoServer server, Report r) {
        r.step();
        try (OcsClient nc = OcsClient.builder()
                .baseUri(server.nextcloudUrl())
                .credentials(Credentials.appPassword("demo", Secret.of("demo-app-password")))
                .build()) {
            r.row(
                    "client",
                    nc.format() + ", OCS " + nc.apiVersion().name().toLowerCase(Locale.ROOT)
                            + ", user demo with an app password (kept in a Secret, never printed)");
            ServerStatus status = nc.status();
            r.row(
                    "status.php",
                    status.productName() + " " + status.nextcloudVersion()
                            + (status.maintenance() ? ", in maintenance" : ", not in maintenance"));
            Capabilities json = nc.capabilities();
            Capabilities xml = nc.toBuilder().format(OcsFormat.XML).build().capabilities();
            r.row(
                    "capabilities",
                    "Nextcloud " + json.nextcloudVersion() + "; apps "
                            + json.apps().stream().sorted().collect(Collectors.joining(", ")));
            Capabilities.Core core = json.core();
            r.check(
                    "JSON and XML",
                    json.core().equals(xml.core()) && json.apps().equals(xml.apps()),
                    "same typed capabilities in both (poll interval " + core.pollInterval() + " s, WebDAV at "
                            + core.webdavRoot() + ")");
            json.appApi()
                    .ifPresent(a ->
                            r.row("AppAPI", "version " + a.version() + ", log level " + a.logLevel() + " for ExApps"));
            try {
                nc.ocs(OcsRequest.get("/cloud/nosuchroute").build());
                r.check("typed error", false, "GET /cloud/nosuchroute succeeded");
            } catch (NcResponseException e) {
                String why = e.ocsMessage()
                        .or(() -> e.messages().stream().findFirst())
                        .map(m -> ", \"" + m.strip() + "\"")
                        .orElse("");
                r.row(
                        "typed error",
                        "GET /cloud/nosuchroute throws " + e.getClass().getSimpleName() + " (HTTP " + e.httpStatus()
                                + why + ")");
            }
        }
    }

    private static void store(DemoServer server, Report r) {
        r.step();
        // a sorted map: the installed apps and their updates print in the same order on every run
        Map<String, String> installed = new TreeMap<>(Map.of(
                "demo_notes", "2.0.3",
                "demo_tasks", "1.4.0",
                "demo_maps", "0.9.1"));
        NextcloudVersion platform = NextcloudVersion.parse("32.0.1.2");
        String php = "8.2.36";
        try (AppStoreClient store = AppStoreClient.builder()
                .baseUri(server.storeUrl())
                .cache(ResponseCache.inMemory())
                .maxAge(Duration.ZERO) // revalidate on every read, to show the ETag at work
                .build()) {
            List<App> apps = store.apps();
            App first = apps.get(0);
            r.row(
                    "catalogue",
                    apps.size() + " apps; " + first.id() + " is \""
                            + first.translations().get("de").map(t -> t.name()).orElse("?")
                            + "\" in German");
            r.row(
                    "installed",
                    installed.entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", ")));
            r.row("platform", "Nextcloud " + platform + ", PHP " + php);
            for (Channel channel : List.of(Channel.STABLE, Channel.BETA, Channel.DAILY)) {
                UpdateReport report = UpdateChecker.builder(platform)
                        .php(php)
                        .channel(channel)
                        .build()
                        .check(dev.ncsdk.appstore.update.InstalledApps.of(installed), store);
                List<AppUpdate> updates = new ArrayList<>(report.updates());
                updates.sort(Comparator.comparing(AppUpdate::appId));
                String label = channel.name().toLowerCase(Locale.ROOT) + " updates";
                if (updates.isEmpty()) {
                    r.row(label, "none");
                }
                for (AppUpdate u : updates) {
                    r.row(
                            label,
                            u.appId() + " " + u.installedVersion() + " -> " + u.availableVersion()
                                    + (u.nightly() ? " (nightly)" : ""));
                    label = "";
                }
            }
            r.row(
                    "ETag cache",
                    server.storeRequests() + " catalogue reads, " + server.notModified()
                            + " answered 304 Not Modified (the cached copy is current)");
        }
    }

    private static void release(Report r) throws IOException {
        r.step();
        Path work = Files.createTempDirectory("ncsdk-demo");
        try {
            Path app = work.resolve("demo_notes");
            Files.createDirectories(app.resolve("appinfo"));
            Files.createDirectories(app.resolve("lib"));
            Files.writeString(app.resolve("appinfo/info.xml"), INFO_XML, StandardCharsets.UTF_8);
            Files.writeString(app.resolve("lib/Notes.php"), "<?php\n// demo\n", StandardCharsets.UTF_8);
            Files.writeString(app.resolve(".nextcloudignore"), "*.log\n", StandardCharsets.UTF_8);
            Files.writeString(app.resolve("debug.log"), "left out by .nextcloudignore\n", StandardCharsets.UTF_8);

            AppPackager.Result first = AppPackager.defaults().pack(app, work.resolve("a.tar.gz"));
            AppPackager.Result second = AppPackager.defaults().pack(app, work.resolve("b.tar.gz"));
            r.check(
                    "package",
                    first.report().isValid(),
                    first.appId() + ".tar.gz: " + first.entries() + " entries, " + first.bytes() + " bytes, store"
                            + " rules " + (first.report().isValid() ? "passed" : "FAILED"));
            r.check(
                    "reproducible",
                    first.sha256().equals(second.sha256()),
                    "packed twice, the same SHA-256: " + yesNo(first.sha256().equals(second.sha256())));

            AppKeyGenerator.GeneratedKey key = AppKeyGenerator.builder("demo_notes")
                    .directory(work.resolve("certificates"))
                    .keySize(2048)
                    .build()
                    .generate();
            r.row("key", work.relativize(key.keyFile()) + " and a CSR (CN=demo_notes) to send for a certificate");
            AppSigner signer = AppSigner.fromFile(key.keyFile());
            String signature = signer.sign(first.archive());
            r.row("signature", "SHA512withRSA, base64 " + signature.substring(0, 32) + "...");
            boolean valid = Signatures.verify(signer.publicKey(), first.archive(), signature);
            byte[] tampered = Files.readAllBytes(first.archive());
            tampered[tampered.length / 2] ^= 1;
            boolean tamperedValid = Signatures.verify(signer.publicKey(), tampered, signature);
            r.check(
                    "verify",
                    valid && !tamperedValid,
                    "the archive: " + (valid ? "valid" : "INVALID") + "; a copy with one bit flipped: "
                            + (tamperedValid ? "ACCEPTED" : "refused"));
            r.row("", "(verify-release runs the full chain: CRL, revocation, root, CN, expiry, signature)");
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void manifest(Report r) {
        r.step();
        ExAppManifest manifest = ExAppManifest.builder("hello_java", "Hello Java", "1.0.0")
                .docker(DockerImage.of("ghcr.io", "example/hello-java", "1.0.0"))
                .route(ExAppRoute.of("^api/.*", "GET,POST", AccessLevel.USER))
                .build()
                .validate();
        ExAppRoute route = manifest.routes().get(0);
        r.row(
                "valid",
                manifest.id() + " " + manifest.version() + " from "
                        + manifest.docker().reference());
        r.row("", "route " + route.url() + " " + route.verbList() + " for " + route.accessLevel());
        int xmlLines = (int) manifest.toExternalAppXml().strip().lines().count();
        r.row("", "toExternalAppXml() writes its <external-app> block for info.xml (" + xmlLines + " lines)");
        try {
            ExAppManifest.builder("Hello Java!", "", "one").build().validate();
            r.check("invalid", false, "\"Hello Java!\" was accepted");
        } catch (ManifestException e) {
            r.row("invalid", "\"Hello Java!\" is refused with every problem at once:");
            for (String problem : e.problems()) {
                r.item(problem);
            }
        }
    }

    private static void exApp(Report r, Duration initStep) throws Exception {
        r.step();
        int steps = 4;
        Duration wait = Duration.ofSeconds(10);
        ExecutorService initThread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "demo-appapi-init");
            t.setDaemon(true);
            return t;
        });
        try (AppApiSimulator nc =
                AppApiSimulator.builder().appId(HelloExAppCommand.DEFAULT_ID).start()) {
            ExApp app = HelloExAppCommand.app(nc.environment(0), steps, initStep);
            app.start();
            try {
                nc.exAppPort(app.port());
                r.row(
                        "started",
                        app.config().appId() + " " + app.config().appVersion() + " on 127.0.0.1:" + app.port()
                                + ", AppAPI at " + nc.url());

                ExAppResponse heartbeat = nc.heartbeat();
                r.check(
                        "heartbeat",
                        heartbeat.status() == 200,
                        "GET /heartbeat -> " + heartbeat.status() + " "
                                + heartbeat.bodyText().strip());

                // AppAPI's part runs on a thread of its own (not the common pool: one worker on two cores); this
                // thread draws the progress the ExApp reports
                Future<InitOutcome> running = initThread.submit(() -> nc.init(wait));
                InitOutcome init = null;
                while (init == null) {
                    r.progress("init", nc.initProgress());
                    try {
                        init = running.get(30, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException e) {
                        // still initialising
                    } catch (ExecutionException e) {
                        r.progress("init", -1);
                        Throwable cause = e.getCause();
                        if (cause instanceof ExAppCheckFailure) {
                            throw (ExAppCheckFailure) cause; // the simulator's verdict, shown below
                        }
                        throw cause instanceof Exception ? (Exception) cause : e;
                    }
                }
                r.progress("init", -1);
                r.check(
                        "init",
                        init.progress().equals(List.of(25, 50, 75, 100)),
                        "POST /init -> " + init.initResponse().status() + ", then progress reported "
                                + init.progress().stream().map(p -> p + "%").collect(Collectors.joining(", ")));
                r.check(
                        "enabled",
                        nc.isEnabled() && init.enabled().status() == 200,
                        "at 100% AppAPI sent GET /heartbeat -> "
                                + init.heartbeat().status() + ", PUT /enabled?enabled=1 -> "
                                + init.enabled().status() + ": enabled");

                ExAppResponse hello = nc.asUser("alice").get("/");
                r.check(
                        "user request",
                        hello.status() == 200
                                && "alice".equals(hello.json().path("hello").asText()),
                        "GET / signed for alice -> " + hello.status() + " "
                                + hello.bodyText().strip());
                // the ExApp logs each refusal as a warning; the row below shows them
                Level shown = quiet(Level.SEVERE);
                ExAppResponse forged;
                ExAppResponse unsigned;
                try {
                    forged = nc.forged().wrongSecret().get("/");
                    unsigned = nc.forged().unsigned().get("/");
                } finally {
                    quiet(shown);
                }
                r.check(
                        "forged",
                        forged.status() == 401 && unsigned.status() == 401,
                        "GET / with a wrong secret -> " + forged.status() + ", unsigned -> " + unsigned.status()
                                + ": refused");

                ExAppResponse disabled = nc.disable();
                r.check(
                        "disabled",
                        disabled.status() == 200 && !nc.isEnabled(),
                        "PUT /enabled?enabled=0 -> " + disabled.status() + "; AppAPI now refuses the app's calls");
            } catch (ExAppCheckFailure f) {
                // the simulator's verdict when the ExApp does not answer as AppAPI needs
                r.check("AppAPI", false, f.getMessage());
            } finally {
                app.stop(Duration.ofSeconds(2));
            }
            r.row("stopped", "the ExApp closed its port; the simulator deletes its data directory");
        } finally {
            initThread.shutdownNow();
        }
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "NO";
    }

    /**
     * The demo's output: a numbered heading per step and one row per result (a label column, then the text wrapped
     * to {@value #WIDTH} columns), colour and a progress bar only when the writer colours.
     */
    static final class Report {
        private static final int LABEL = 15;
        private static final String INDENT = "  ";
        private static final int BAR = 30;

        private final Terminal.SafeWriter out;
        private int step;
        /** The percentage the progress bar shows, -1 when none is drawn. */
        private int drawn = -1;
        /** Results that were not the expected ones. */
        int failures;

        Report(Terminal.SafeWriter out) {
            this.out = out;
        }

        void title(String text) {
            for (String line : wrap(text, "", "")) {
                out.styled(Terminal.Style.BOLD, line);
                out.println();
            }
        }

        /** The next step's heading, after an empty line. */
        void step() {
            String heading = STEPS.get(step);
            step++;
            out.println();
            for (String line : wrap("[" + step + "/" + STEPS.size() + "] " + heading, "", "      ")) {
                out.styled(Terminal.Style.BOLD, line);
                out.println();
            }
        }

        /** One result. */
        void row(String label, String text) {
            row(label, text, null);
        }

        /** A list item under the previous row, its continuation lines indented under its text. */
        void item(String text) {
            String first = INDENT + pad("") + "- ";
            for (String line : wrap(text, first, " ".repeat(first.length()))) {
                out.println(line);
            }
        }

        /** One result that must be as expected; an unexpected one is marked and makes the demo fail. */
        void check(String label, boolean asExpected, String text) {
            if (!asExpected) {
                failures++;
            }
            row(label, text, asExpected ? null : Terminal.Style.RED);
        }

        private void row(String label, String text, Terminal.Style style) {
            String first = INDENT + pad(label);
            String next = " ".repeat(first.length());
            boolean firstLine = true;
            for (String line : wrap(style == null ? text : "UNEXPECTED: " + text, first, next)) {
                String head = firstLine ? first : next;
                if (firstLine && !label.isEmpty()) {
                    out.print(INDENT);
                    out.styled(Terminal.Style.DIM, head.substring(INDENT.length()));
                } else {
                    out.print(head);
                }
                String body = line.substring(head.length());
                if (style != null) {
                    out.styled(style, body);
                } else {
                    out.print(body);
                }
                out.println();
                firstLine = false;
            }
        }

        /**
         * Draws a progress bar on a terminal (nothing otherwise): {@code percent} from 0 to 100, or -1 to clear it.
         */
        void progress(String label, int percent) {
            if (!out.colour()) {
                return;
            }
            if (percent == drawn) {
                return;
            }
            drawn = percent;
            if (percent < 0) {
                out.redraw("");
                return;
            }
            int filled = BAR * Math.min(percent, 100) / 100;
            out.redraw(INDENT + pad(label) + "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] "
                    + String.format(Locale.ROOT, "%3d%%", percent));
        }

        /** The closing line. */
        void end(String took) {
            out.println();
            if (failures == 0) {
                out.styled(Terminal.Style.GREEN, "demo done: " + step + " steps, every result as expected");
            } else {
                out.styled(Terminal.Style.RED, "demo done: " + failures + " unexpected result(s), marked above");
            }
            out.println(" (" + took + ")");
        }

        private static String pad(String label) {
            return label.length() >= LABEL ? label + " " : label + " ".repeat(LABEL - label.length());
        }

        /**
         * Text wrapped at spaces to {@value DemoCommand#WIDTH} columns: the first line starts with {@code first},
         * the others with {@code next}; a word too long for a line is cut.
         */
        static List<String> wrap(String text, String first, String next) {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder(first);
            int start = first.length();
            for (String word : text.strip().split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
                    lines.add(line.toString());
                    line = new StringBuilder(next);
                    start = next.length();
                }
                if (line.length() > start) {
                    line.append(' ');
                }
                while (line.length() + word.length() > WIDTH) {
                    int room = WIDTH - line.length();
                    line.append(word, 0, room);
                    lines.add(line.toString());
                    word = word.substring(room);
                    line = new StringBuilder(next);
                }
                line.append(word);
            }
            if (line.length() > start || lines.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }
    }

    private static final String INFO_XML = "<?xml version=\"1.0\"?>\n"
            + "<info xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
            + "  <id>demo_notes</id>\n"
            + "  <name>Demo Notes</name>\n"
            + "  <summary>Take notes in the demo cloud.</summary>\n"
            + "  <description>Take notes in the demo cloud.</description>\n"
            + "  <version>2.1.0</version>\n"
            + "  <licence>agpl</licence>\n"
            + "  <author>Demo Author</author>\n"
            + "  <category>tools</category>\n"
            + "  <dependencies>\n"
            + "    <php min-version=\"8.1\"/>\n"
            + "    <nextcloud min-version=\"31\" max-version=\"33\"/>\n"
            + "  </dependencies>\n"
            + "</info>\n";
}
