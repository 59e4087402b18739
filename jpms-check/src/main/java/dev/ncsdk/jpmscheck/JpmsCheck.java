package dev.ncsdk.jpmscheck;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.ncsdk.appapi.admin.AppApiAdminClient;
import dev.ncsdk.appapi.admin.DaemonList;
import dev.ncsdk.appstore.AppStoreClient;
import dev.ncsdk.appstore.Category;
import dev.ncsdk.appstore.Platform;
import dev.ncsdk.appstore.cache.ResponseCache;
import dev.ncsdk.ocs.Capabilities;
import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Calls each library module once from this named module, against a loopback server that replays recorded answers:
 * OCS capabilities (Nextcloud 32's recorded body), the App Store's platforms and categories, and AppAPI's daemon
 * list (recorded). Run on the module path by the build ({@code mvn verify}); any failure, including Jackson being
 * refused reflective access to a model, exits with status 1 and fails the build.
 */
public final class JpmsCheck {
    private JpmsCheck() {}

    /**
     * Runs the check.
     *
     * @param args ignored
     * @throws IOException when the loopback server cannot start or a fixture cannot be read
     */
    public static void main(String[] args) throws IOException {
        String fixtures = System.getProperty("ncsdk.fixtures");
        if (fixtures == null) {
            throw new IllegalStateException("the system property ncsdk.fixtures is not set");
        }
        Path nc32 = Path.of(fixtures, "nextcloud-32");
        byte[] capabilities = Files.readAllBytes(nc32.resolve("01_capabilities_v2_json.body.json"));
        byte[] daemons = Files.readAllBytes(nc32.resolve("130_admin_daemons_list.body.json"));
        // The App Store's shapes (nextcloud/appstore, nextcloudappstore/api/v1/serializers.py).
        byte[] platforms =
                "[{\"hasRelease\":true,\"version\":\"32.0.0\",\"isSupported\":true}]".getBytes(StandardCharsets.UTF_8);
        byte[] categories = "[{\"id\":\"games\",\"translations\":{\"en\":{\"name\":\"Games\",\"description\":\"\"}}}]"
                .getBytes(StandardCharsets.UTF_8);

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ocs/v2.php/cloud/capabilities", new Replay(capabilities));
        server.createContext("/index.php/apps/app_api/daemons", new Replay(daemons));
        server.createContext("/api/v1/platforms.json", new Replay(platforms));
        server.createContext("/api/v1/categories.json", new Replay(categories));
        server.start();
        int failures = 0;
        // on the class path every module would be unnamed and no exports/opens would be checked
        for (Class<?> type : List.of(JpmsCheck.class, OcsClient.class, AppStoreClient.class, AppApiAdminClient.class)) {
            failures += check(
                    "module of " + type.getSimpleName(),
                    Boolean.toString(type.getModule().isNamed()),
                    "true");
        }
        try {
            String base = "http://" + server.getAddress().getHostString() + ":"
                    + server.getAddress().getPort();
            Credentials admin = Credentials.basic("admin", Secret.of("jpms-check-password"));

            try (OcsClient ocs = OcsClient.builder()
                    .baseUri(URI.create(base))
                    .credentials(admin)
                    .build()) {
                Capabilities caps = ocs.capabilities();
                failures += check("OCS capabilities", caps.nextcloudVersion().toString(), "32.0.1");
            }
            try (AppStoreClient store = AppStoreClient.builder()
                    .baseUri(URI.create(base + "/api/v1"))
                    .cache(ResponseCache.none())
                    .build()) {
                List<Platform> p = store.platforms();
                failures += check("App Store platforms", p.get(0).version(), "32.0.0");
                List<Category> c = store.categories();
                failures += check("App Store categories", c.get(0).id(), "games");
            }
            try (AppApiAdminClient appapi = AppApiAdminClient.builder()
                    .baseUri(URI.create(base))
                    .credentials(admin)
                    .build()) {
                DaemonList list = appapi.daemons().list();
                failures +=
                        check("AppAPI daemons", Boolean.toString(!list.daemons().isEmpty()), "true");
            }
        } catch (RuntimeException e) {
            System.err.println("JPMS check failed: " + e);
            e.printStackTrace();
            failures++;
        } finally {
            server.stop(0);
        }
        if (failures > 0) {
            System.exit(1);
        }
        System.out.println("JPMS check: ocs, appstore and appapi work from a named module on the module path");
    }

    private static int check(String what, String actual, String expected) {
        if (expected.equals(actual)) {
            System.out.println("JPMS check: " + what + " ok (" + actual + ")");
            return 0;
        }
        System.err.println("JPMS check: " + what + ": expected " + expected + ", got " + actual);
        return 1;
    }

    /** Answers every request with one recorded JSON body. */
    private static final class Replay implements HttpHandler {
        private final byte[] body;

        Replay(byte[] body) {
            this.body = body;
        }

        @Override
        public void handle(HttpExchange exchange) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
