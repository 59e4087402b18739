package dev.ncsdk.samples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny server on loopback that plays a Nextcloud server and the App Store for the offline demo. It answers
 * from data of our own packaged in the samples jar: OCS capabilities (JSON or XML), {@code status.php}, and a
 * small store catalogue with an {@code ETag} that honours {@code If-None-Match}.
 */
final class DemoServer implements AutoCloseable {
    private static final String DATA = "/dev/ncsdk/samples/demo/";

    private final HttpServer server;
    private final byte[] catalogue;
    private final String catalogueEtag;
    private final AtomicInteger storeRequests = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();

    private DemoServer(HttpServer server) {
        this.server = server;
        this.catalogue = resource("apps.json");
        this.catalogueEtag = "\"" + sha256(catalogue).substring(0, 32) + "\"";
    }

    /**
     * Starts the server on a free loopback port.
     *
     * @return the running server
     * @throws IOException when no port can be bound
     */
    static DemoServer start() throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        DemoServer demo = new DemoServer(s);
        s.createContext("/", demo::handle);
        s.start();
        return demo;
    }

    /** The Nextcloud base URL. */
    URI nextcloudUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The App Store API base URL. */
    URI storeUrl() {
        return URI.create(nextcloudUrl() + "/store/api/v1");
    }

    /** How many catalogue requests reached the store. */
    int storeRequests() {
        return storeRequests.get();
    }

    /** How many of them were answered 304 Not Modified. */
    int notModified() {
        return notModified.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String query = ex.getRequestURI().getRawQuery() == null
                    ? ""
                    : ex.getRequestURI().getRawQuery();
            if (path.equals("/ocs/v2.php/cloud/capabilities") || path.equals("/ocs/v1.php/cloud/capabilities")) {
                if (!"true".equalsIgnoreCase(ex.getRequestHeaders().getFirst("OCS-APIRequest"))) {
                    send(ex, 412, "application/json", "{\"message\":\"CSRF check failed\"}".getBytes(UTF8));
                    return;
                }
                String accept = String.valueOf(ex.getRequestHeaders().getFirst("Accept"));
                boolean json = query.contains("format=json")
                        || accept.toLowerCase(Locale.ROOT).contains("json");
                byte[] body = json ? resource("capabilities.json") : resource("capabilities.xml");
                if (path.startsWith("/ocs/v1.php")) {
                    String text = new String(body, UTF8)
                            .replace("\"statuscode\":200", "\"statuscode\":100")
                            .replace("<statuscode>200</statuscode>", "<statuscode>100</statuscode>");
                    body = text.getBytes(UTF8);
                }
                send(ex, 200, json ? "application/json; charset=utf-8" : "text/xml; charset=UTF-8", body);
            } else if (path.equals("/status.php")) {
                send(ex, 200, "application/json", resource("status.json"));
            } else if (path.matches("/store/api/v1/(platform/[0-9.]+/)?apps\\.json")) {
                storeRequests.incrementAndGet();
                ex.getResponseHeaders().set("ETag", catalogueEtag);
                if (catalogueEtag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    notModified.incrementAndGet();
                    ex.sendResponseHeaders(304, -1);
                    return;
                }
                send(ex, 200, "application/json", catalogue);
            } else {
                send(ex, 404, "application/json", "{\"detail\":\"Not found.\"}".getBytes(UTF8));
            }
        }
    }

    private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * Reads one of the demo's data files from the jar.
     *
     * @param name the file name
     * @return its bytes
     */
    static byte[] resource(String name) {
        try (InputStream in = DemoServer.class.getResourceAsStream(DATA + name)) {
            if (in == null) {
                throw new IllegalStateException("demo data missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
