package dev.ncsdk.ocs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** One recorded exchange of testdata/nextcloud-32: the request line, status, headers and body. */
final class Capture {
    private static final Set<String> HOP_HEADERS =
            Set.of("content-length", "connection", "transfer-encoding", "content-encoding", "host", "date");

    final String name;
    final String method;
    final String requestTarget;
    final int status;
    final List<String[]> headers;
    final byte[] body;

    private Capture(String name, String method, String requestTarget, int status, List<String[]> headers, byte[] body) {
        this.name = name;
        this.method = method;
        this.requestTarget = requestTarget;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    static Path dir() {
        String p = System.getProperty("ncsdk.fixtures");
        if (p == null || p.isEmpty()) {
            throw new IllegalStateException("system property ncsdk.fixtures is not set");
        }
        return Path.of(p, "nextcloud-32");
    }

    /** Loads the capture whose file name starts with {@code id + "_"} (such as {@code "01"} or {@code "70b"}). */
    static Capture load(String id) {
        try (Stream<Path> files = Files.list(dir())) {
            Path txt = files.filter(f -> f.getFileName().toString().startsWith(id + "_")
                            && f.getFileName().toString().endsWith(".txt"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no capture " + id));
            return parse(txt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Capture parse(Path txt) throws IOException {
        String file = txt.getFileName().toString();
        String name = file.substring(0, file.length() - 4);
        List<String> lines = Files.readAllLines(txt, StandardCharsets.UTF_8);
        String method = null;
        String target = null;
        int status = -1;
        List<String[]> headers = new ArrayList<>();
        String section = "";
        for (String line : lines) {
            if (line.startsWith("### ")) {
                section = line.substring(4).trim();
                continue;
            }
            if (section.startsWith("REQUEST") && method == null && line.matches("^[A-Z]+ \\S+ HTTP/.*")) {
                String[] p = line.split(" ");
                method = p[0];
                target = p[1];
            } else if (section.equals("RESPONSE HEADERS")) {
                if (line.startsWith("HTTP/")) {
                    status = Integer.parseInt(line.split(" ")[1]);
                    headers.clear(); // anything before the status line is not a response header
                } else if (status > 0 && line.indexOf(':') > 0) {
                    String n = line.substring(0, line.indexOf(':')).trim();
                    String v = line.substring(line.indexOf(':') + 1).trim();
                    if (!HOP_HEADERS.contains(n.toLowerCase(Locale.ROOT))) {
                        headers.add(new String[] {n, v});
                    }
                }
            }
        }
        byte[] body = new byte[0];
        for (String ext : List.of("json", "xml", "html", "txt")) {
            Path b = txt.resolveSibling(name + ".body." + ext);
            if (Files.exists(b)) {
                body = Files.readAllBytes(b);
            }
        }
        if (status < 0 || method == null) {
            throw new IllegalStateException("cannot read capture " + file);
        }
        return new Capture(name, method, target, status, headers, body);
    }

    /** The path of the request, without the query. */
    String path() {
        int q = requestTarget.indexOf('?');
        return q < 0 ? requestTarget : requestTarget.substring(0, q);
    }

    Optional<String> header(String name) {
        return headers.stream()
                .filter(h -> h[0].equalsIgnoreCase(name))
                .map(h -> h[1])
                .findFirst();
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body with the recording server's origin replaced (for answers that contain absolute URLs). */
    byte[] bodyWithOrigin(String origin) {
        return bodyText()
                .replace("http:\\/\\/127.0.0.1:8080", origin.replace("/", "\\/"))
                .replace("http://127.0.0.1:8080", origin)
                .getBytes(StandardCharsets.UTF_8);
    }

    ResponseDefinitionBuilder response() {
        return response(body);
    }

    ResponseDefinitionBuilder response(byte[] withBody) {
        ResponseDefinitionBuilder r = aResponse().withStatus(status).withBody(withBody);
        for (String[] h : headers) {
            r = r.withHeader(h[0], h[1]);
        }
        return r;
    }
}
