package dev.ncsdk.samples;

import dev.ncsdk.ocs.Capabilities;
import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.NcException;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.OcsFormat;
import dev.ncsdk.ocs.Secret;
import dev.ncsdk.ocs.ServerStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: an offline tour of the SDK. It starts an embedded server on loopback that plays a Nextcloud
 * server and the App Store with data packaged in the jar, and drives every module against it.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Offline tour of the SDK against an embedded Nextcloud and App Store on loopback.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (DemoServer server = DemoServer.start()) {
            out.println("ncsdk demo: embedded Nextcloud and App Store at " + server.nextcloudUrl());
            out.println();
            ocs(server, out);
        }
        out.flush();
        return 0;
    }

    private static void ocs(DemoServer server, PrintWriter out) {
        out.println("== OCS (ocs-client)");
        try (OcsClient nc = OcsClient.builder()
                .baseUrl(server.nextcloudUrl())
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
}
