package dev.ncsdk.samples;

import dev.ncsdk.appapi.manifest.AccessLevel;
import dev.ncsdk.appapi.manifest.DockerImage;
import dev.ncsdk.appapi.manifest.ExAppManifest;
import dev.ncsdk.appapi.manifest.ExAppRoute;
import dev.ncsdk.appapi.manifest.ManifestException;
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
import dev.ncsdk.ocs.NcException;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.OcsFormat;
import dev.ncsdk.ocs.Secret;
import dev.ncsdk.ocs.ServerStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * {@code demo}: an offline tour of the SDK. It starts an embedded server on loopback that plays a Nextcloud
 * server and the App Store with data packaged in the jar, and drives every module against it.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Offline tour of the SDK against an embedded Nextcloud and App Store on loopback.",
        footer = "%nExample: ncsdk-samples demo")
final class DemoCommand extends SampleCommand {
    @Override
    String problemExit() {
        return "a step of the tour failed";
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        try (DemoServer server = DemoServer.start()) {
            out.println("ncsdk demo: embedded Nextcloud and App Store at " + server.nextcloudUrl());
            out.println();
            ocs(server, out);
            store(server, out);
            release(out);
            appApi(out);
        }
        out.flush();
        return 0;
    }

    private static void ocs(DemoServer server, PrintWriter out) {
        out.println("== OCS (ocs-client)");
        try (OcsClient nc = OcsClient.builder()
                .baseUri(server.nextcloudUrl())
                .credentials(Credentials.appPassword("demo", Secret.of("demo-app-password")))
                .build()) {
            out.println("client: " + nc);
            ServerStatus status = nc.status();
            out.println("status.php: " + status.productName() + " " + status.nextcloudVersion() + ", maintenance "
                    + status.maintenance());
            Capabilities json = nc.capabilities();
            Capabilities xml = nc.toBuilder().format(OcsFormat.XML).build().capabilities();
            out.println("capabilities (JSON): Nextcloud " + json.nextcloudVersion() + ", apps " + json.apps());
            out.println("capabilities (XML):  Nextcloud " + xml.nextcloudVersion() + ", apps " + xml.apps());
            out.println("same typed core capabilities from both formats: "
                    + json.core().equals(xml.core()) + " " + json.core());
            json.appApi().ifPresent(a -> out.println("AppAPI " + a.version() + ", log level " + a.logLevel()));
            try {
                nc.ocs(dev.ncsdk.ocs.OcsRequest.get("/cloud/nosuchroute").build());
            } catch (NcException e) {
                out.println("a failing call throws " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        out.println();
    }

    private static void store(DemoServer server, PrintWriter out) {
        out.println("== App Store (appstore-client)");
        Map<String, String> installed = Map.of("demo_notes", "2.0.3", "demo_tasks", "1.4.0", "demo_maps", "0.9.1");
        try (AppStoreClient store = AppStoreClient.builder()
                .baseUri(server.storeUrl())
                .cache(ResponseCache.inMemory())
                .maxAge(java.time.Duration.ZERO) // revalidate on every read, to show the ETag at work
                .build()) {
            List<App> apps = store.apps();
            out.println("catalogue: " + apps.size() + " apps; " + apps.get(0).id() + " is \""
                    + apps.get(0).translations().get("de").map(t -> t.name()).orElse("?") + "\" in German");
            for (Channel channel : List.of(Channel.STABLE, Channel.BETA, Channel.DAILY)) {
                UpdateReport report = UpdateChecker.builder(dev.ncsdk.ocs.NextcloudVersion.parse("32.0.1.2"))
                        .php("8.2.36")
                        .channel(channel)
                        .build()
                        .check(dev.ncsdk.appstore.update.InstalledApps.of(installed), store);
                out.println(
                        "updates on " + channel.name().toLowerCase(java.util.Locale.ROOT) + " for " + installed + ":");
                for (AppUpdate u : report.updates()) {
                    out.println("  " + u.appId() + " " + u.installedVersion() + " -> " + u.availableVersion()
                            + (u.nightly() ? " (nightly)" : ""));
                }
            }
            out.println("store requests: " + server.storeRequests() + ", answered 304 Not Modified: "
                    + server.notModified());
        }
        out.println();
    }

    private static void release(PrintWriter out) throws IOException {
        out.println("== Releases: package, sign, verify (appstore-client)");
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
            out.println("packaged " + first.appId() + ": " + first.entries() + " entries, " + first.bytes()
                    + " bytes, store rules " + (first.report().isValid() ? "passed" : "FAILED"));
            out.println("packaging is reproducible: " + first.sha256().equals(second.sha256()));

            AppKeyGenerator.GeneratedKey key = AppKeyGenerator.builder("demo_notes")
                    .directory(work.resolve("certificates"))
                    .keySize(2048)
                    .build()
                    .generate();
            out.println("new key " + work.relativize(key.keyFile()) + " and a CSR with CN=demo_notes to send for a"
                    + " certificate");
            AppSigner signer = AppSigner.fromFile(key.keyFile());
            String signature = signer.sign(first.archive());
            out.println("signature (SHA512withRSA, base64): " + signature.substring(0, 32) + "...");
            out.println("signature verifies over the archive: "
                    + Signatures.verify(signer.publicKey(), first.archive(), signature));
            byte[] tampered = Files.readAllBytes(first.archive());
            tampered[tampered.length / 2] ^= 1;
            out.println("signature verifies over a tampered copy: "
                    + Signatures.verify(signer.publicKey(), tampered, signature));
            out.println("(verify-release runs the full chain: CRL, revocation, root, CN, expiry, signature)");
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        out.println();
    }

    private static void appApi(PrintWriter out) {
        out.println("== AppAPI ExApp manifest (appapi-client)");
        ExAppManifest manifest = ExAppManifest.builder("hello_java", "Hello Java", "1.0.0")
                .docker(DockerImage.of("ghcr.io", "example/hello-java", "1.0.0"))
                .route(ExAppRoute.of("^api/.*", "GET,POST", AccessLevel.USER))
                .build()
                .validate();
        out.println("valid manifest; its <external-app> part:");
        out.println(manifest.toExternalAppXml().strip());
        try {
            ExAppManifest.builder("Hello Java!", "", "one").build().validate();
        } catch (ManifestException e) {
            out.println("an invalid manifest is refused with every problem: " + e.getMessage());
        }
        out.println();
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
