package dev.ncsdk.bench.appstore;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * A loopback App Store serving one {@code apps.json} like the real one: gzip when asked, a quoted ETag, 304 for a
 * matching {@code If-None-Match}. {@code java -cp benchmarks.jar dev.ncsdk.bench.appstore.CatalogueServer PORT
 * [apps.json]} serves {@code http://127.0.0.1:PORT/api/v1/apps.json} until killed.
 */
public class CatalogueServer implements AutoCloseable {
    /** The ETag the server sends. */
    public static final String ETAG = "\"2026-11-20 08:15:42.123456+00:00\"";

    private final HttpServer server;
    private final byte[] plain;
    private final byte[] gzipped;
    private final long bytesPerSecond;

    /**
     * Starts serving.
     *
     * @param port the port, 0 for any
     * @param json the document
     */
    public CatalogueServer(int port, byte[] json) {
        this(port, json, 0);
    }

    /**
     * Starts serving, sending bodies no faster than a rate (to stand in for a real link).
     *
     * @param port the port, 0 for any
     * @param json the document
     * @param bytesPerSecond the rate, 0 for as fast as loopback goes
     */
    public CatalogueServer(int port, byte[] json, long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        this.plain = json;
        ByteArrayOutputStream gz = new ByteArrayOutputStream(json.length / 4);
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(json);
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.gzipped = gz.toByteArray();
        server.createContext("/api/v1/apps.json", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    /** Called for each request received; nothing by default (a benchmark counts requests with it). */
    protected void counted() {}

    private void handle(HttpExchange ex) throws IOException {
        counted();
        try (ex) {
            ex.getRequestBody().readAllBytes();
            String inm = ex.getRequestHeaders().getFirst("If-None-Match");
            ex.getResponseHeaders().set("ETag", ETAG);
            if (ETAG.equals(inm)) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            String ae = ex.getRequestHeaders().getFirst("Accept-Encoding");
            boolean gzip = ae != null && ae.contains("gzip");
            byte[] body = gzip ? gzipped : plain;
            ex.getResponseHeaders().set("Content-Type", "application/json");
            if (gzip) {
                ex.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                if (bytesPerSecond <= 0) {
                    out.write(body);
                } else {
                    int slice = (int) Math.max(1, bytesPerSecond / 100); // one slice every 10 ms
                    for (int i = 0; i < body.length; i += slice) {
                        out.write(body, i, Math.min(slice, body.length - i));
                        out.flush();
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            }
        }
    }

    /**
     * The base URL of the store API.
     *
     * @return {@code http://127.0.0.1:PORT/api/v1}
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    /**
     * The gzip size of the document.
     *
     * @return bytes
     */
    public int gzippedSize() {
        return gzipped.length;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /**
     * Serves a file, or the generated catalogue.
     *
     * @param args the port, then optionally the file
     * @throws IOException when the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        byte[] json = args.length > 1 ? Files.readAllBytes(Path.of(args[1])) : CatalogueGenerator.generate(42).json;
        CatalogueServer s = new CatalogueServer(port, json);
        System.out.println("serving " + json.length + " bytes (" + s.gzippedSize() + " gzipped) at " + s.baseUrl());
    }
}
