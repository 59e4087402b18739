package dev.ncsdk.appapi.app.files;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback stand-in for Nextcloud's WebDAV that keeps what it is sent: simple {@code PUT}s and {@code GET}s under
 * {@code /remote.php/dav/files/<user>/}, and chunked upload v2 under {@code /remote.php/dav/uploads/<user>/<id>/}
 * with the rules of the Nextcloud developer manual ({@code client_apis/WebDAV/chunking.rst}): a {@code Destination}
 * header on every request, chunks named 1 to 10000, 5 MiB to 5 GiB each except the last, assembled in the order of
 * their names on {@code MOVE .../.file}, whose {@code OC-Total-Length} must match.
 */
final class DavServer implements AutoCloseable {
    static final long MIB = 1024 * 1024;

    /** One request as received. */
    record Seen(String method, String path, Map<String, String> headers, long bodyLength) {}

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final Map<String, Map<Integer, byte[]>> uploads = new ConcurrentHashMap<>();
    final Map<String, String> uploadDestinations = new ConcurrentHashMap<>();
    /** Answer PUT of this chunk number with this status (0: none). */
    volatile int failChunk;

    volatile int failChunkStatus = 507;
    /** GET: send the declared length, but only half the bytes, then close the connection. */
    volatile boolean cutDownloads;
    /** GET: send half the bytes, then stall until closed. */
    volatile boolean stallDownloads;
    /** PROPFIND: answer with an endless multistatus. */
    volatile boolean endlessListing;

    final AtomicLong listingBytesWritten = new AtomicLong();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final HttpServer server;

    DavServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange x) throws IOException {
        try {
            String method = x.getRequestMethod();
            String path = x.getRequestURI().getPath(); // decoded
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            x.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
            byte[] body = method.equals("GET") || (method.equals("PROPFIND") && endlessListing)
                    ? new byte[0]
                    : readAll(x.getRequestBody());
            seen.add(new Seen(method, path, headers, body.length));
            if (path.startsWith("/remote.php/dav/uploads/")) {
                uploads(x, method, path, headers, body);
            } else if (path.startsWith("/remote.php/dav/files/")) {
                files(x, method, path.substring("/remote.php/dav/files".length()), body);
            } else {
                send(x, 404, new byte[0]);
            }
        } finally {
            x.close();
        }
    }

    private void files(HttpExchange x, String method, String path, byte[] body) throws IOException {
        switch (method) {
            case "PUT" -> {
                files.put(path, body);
                x.getResponseHeaders().add("OC-FileId", "00000077ocabcdef");
                x.getResponseHeaders().add("ETag", "\"put-etag\"");
                send(x, 201, new byte[0]);
            }
            case "GET" -> download(x, path);
            case "PROPFIND" -> endless(x);
            default -> send(x, 405, new byte[0]);
        }
    }

    private void download(HttpExchange x, String path) throws IOException {
        byte[] data = files.get(path);
        if (data == null) {
            send(
                    x,
                    404,
                    DavFixtures.error("Sabre\\DAV\\Exception\\NotFound", "not found")
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        x.getResponseHeaders().add("Content-Type", "application/octet-stream");
        x.sendResponseHeaders(200, data.length);
        OutputStream out = x.getResponseBody();
        if (cutDownloads || stallDownloads) {
            out.write(data, 0, data.length / 2);
            out.flush();
            if (stallDownloads) {
                try {
                    closing.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            // closing a fixed-length body early drops the connection
            return;
        }
        for (int off = 0; off < data.length; off += 64 * 1024) {
            out.write(data, off, Math.min(64 * 1024, data.length - off));
        }
    }

    private void endless(HttpExchange x) throws IOException {
        x.getResponseHeaders().add("Content-Type", "application/xml; charset=utf-8");
        x.sendResponseHeaders(207, 0); // chunked, no end
        OutputStream out = x.getResponseBody();
        byte[] head = "<?xml version=\"1.0\"?><d:multistatus xmlns:d=\"DAV:\">".getBytes(StandardCharsets.UTF_8);
        byte[] item = "<d:response><d:href>/remote.php/dav/files/alice/x</d:href></d:response>\n"
                .repeat(200)
                .getBytes(StandardCharsets.UTF_8);
        try {
            out.write(head);
            while (listingBytesWritten.get() < 4L * 1024 * MIB && closing.getCount() > 0) {
                out.write(item);
                listingBytesWritten.addAndGet(item.length);
            }
        } catch (IOException e) {
            // the client hung up: what we want
        }
    }

    private void uploads(HttpExchange x, String method, String path, Map<String, String> headers, byte[] body)
            throws IOException {
        String[] parts = path.substring("/remote.php/dav/uploads/".length()).split("/");
        String destination = headers.get("Destination");
        if (destination == null) {
            send(
                    x,
                    400,
                    DavFixtures.error("Sabre\\DAV\\Exception\\BadRequest", "Destination missing")
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        String dir = parts[0] + "/" + parts[1];
        switch (method) {
            case "MKCOL" -> {
                uploads.put(dir, new TreeMap<>());
                uploadDestinations.put(dir, destination);
                send(x, 201, new byte[0]);
            }
            case "PUT" -> {
                int n = Integer.parseInt(parts[2]);
                if (n < 1 || n > 10_000 || headers.get("OC-Total-Length") == null) {
                    send(x, 400, new byte[0]);
                    return;
                }
                if (n == failChunk) {
                    send(
                            x,
                            failChunkStatus,
                            DavFixtures.error("Sabre\\DAV\\Exception\\InsufficientStorage", "quota")
                                    .getBytes(StandardCharsets.UTF_8));
                    return;
                }
                uploads.get(dir).put(n, body);
                send(x, 201, new byte[0]);
            }
            case "MOVE" -> {
                Map<Integer, byte[]> chunks = uploads.remove(dir);
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                List<Integer> order = new ArrayList<>(chunks.keySet());
                for (int i = 0; i < order.size(); i++) {
                    byte[] c = chunks.get(order.get(i));
                    if (i < order.size() - 1 && (c.length < 5 * MIB || c.length > 5L * 1024 * MIB)) {
                        send(x, 400, new byte[0]);
                        return;
                    }
                    all.write(c);
                }
                if (all.size() != Long.parseLong(headers.get("OC-Total-Length"))) {
                    send(x, 400, new byte[0]);
                    return;
                }
                String target = URI.create(destination).getPath().substring("/remote.php/dav/files".length());
                files.put(target, all.toByteArray());
                x.getResponseHeaders().add("OC-FileId", "00000123ocabcdef");
                x.getResponseHeaders().add("OC-ETag", "\"assembled\"");
                send(x, 201, new byte[0]);
            }
            case "DELETE" -> {
                uploads.remove(dir);
                send(x, 204, new byte[0]);
            }
            default -> send(x, 405, new byte[0]);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static void send(HttpExchange x, int status, byte[] body) throws IOException {
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            x.getResponseBody().write(body);
        }
    }

    List<String> requestLines() {
        List<String> out = new ArrayList<>();
        for (Seen s : seen) {
            out.add(s.method() + " " + s.path());
        }
        return out;
    }
}
