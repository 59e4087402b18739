package dev.ncsdk.appapi.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One recorded exchange of testdata/nextcloud-32: the request line and body as curl sent them, and
 * the status, headers and raw body the real server answered. Serves it from WireMock.
 */
public final class Capture {
    private static final Set<String> SKIPPED_HEADERS =
            Set.of("content-length", "connection", "host", "date", "transfer-encoding");

    public final String name;
    /** The login curl sent with {@code -u}, or {@code null}. */
    public final String user;
    /** The password or app password curl sent, or {@code null}. */
    public final String password;

    /** The request headers curl sent, names as written. */
    public final List<String[]> requestHeaders;

    public final String method;
    public final String pathAndQuery;
    public final String requestBody;
    public final int status;
    public final List<String[]> headers;
    public final byte[] body;

    private Capture(
            String name,
            String user,
            String password,
            List<String[]> requestHeaders,
            String method,
            String pathAndQuery,
            String requestBody,
            int status,
            List<String[]> headers,
            byte[] body) {
        this.name = name;
        this.user = user;
        this.requestHeaders = requestHeaders;
        this.password = password;
        this.method = method;
        this.pathAndQuery = pathAndQuery;
        this.requestBody = requestBody;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /** @return the fixtures directory of Nextcloud 32 */
    public static Path dir() {
        String root = System.getProperty("ncsdk.fixtures");
        if (root == null) {
            throw new IllegalStateException("system property ncsdk.fixtures is not set");
        }
        return Path.of(root, "nextcloud-32");
    }

    /**
     * Reads a fixture file as text.
     *
     * @param file the file name
     * @return its text
     */
    public static String text(String file) {
        try {
            return Files.readString(dir().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads a capture by its name (without extension).
     *
     * @param name such as {@code 130_admin_daemons_list}
     * @return the capture
     */
    public static Capture load(String name) {
        String txt = text(name + ".txt");
        String[] lines = txt.split("\n", -1);
        String curl = null;
        String requestLine = null;
        int status = -1;
        List<String[]> headers = new ArrayList<>();
        List<String[]> requestHeaders = new ArrayList<>();
        String section = "";
        for (String line : lines) {
            if (line.startsWith("### ")) {
                section = line;
                continue;
            }
            if (section.startsWith("### CURL ARGS") && line.startsWith("curl ")) {
                curl = line;
            } else if (section.startsWith("### REQUEST") && requestLine == null && !line.isBlank()) {
                requestLine = line;
            } else if (section.startsWith("### REQUEST") && line.indexOf(':') > 0) {
                int colon = line.indexOf(':');
                requestHeaders.add(new String[] {
                    line.substring(0, colon).trim(), line.substring(colon + 1).trim()
                });
            } else if (section.startsWith("### RESPONSE HEADERS") && !line.isBlank()) {
                if (line.startsWith("HTTP/")) {
                    status = Integer.parseInt(line.split(" ")[1]);
                } else {
                    int colon = line.indexOf(':');
                    String h = line.substring(0, colon).trim();
                    if (!SKIPPED_HEADERS.contains(h.toLowerCase(Locale.ROOT))) {
                        headers.add(new String[] {h, line.substring(colon + 1).trim()});
                    }
                }
            }
        }
        String[] rl = requestLine.split(" ");
        String requestBody = null;
        int data = curl == null ? -1 : curl.indexOf(" --data ");
        if (data >= 0) {
            requestBody = curl.substring(data + 8).trim().replaceAll("\\\\(.)", "$1");
        }
        String user = null;
        String password = null;
        if (curl != null && curl.startsWith("curl -u ")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^curl -u ((?:\\\\.|[^ \\\\])+)")
                    .matcher(curl);
            if (!m.find()) {
                throw new IllegalStateException("unreadable -u in " + name);
            }
            String cred = m.group(1).replaceAll("\\\\(.)", "$1");
            user = cred.substring(0, cred.indexOf(':'));
            password = cred.substring(cred.indexOf(':') + 1);
        }
        return new Capture(
                name, user, password, requestHeaders, rl[0], rl[1], requestBody, status, headers, bodyOf(name));
    }

    private static byte[] bodyOf(String name) {
        try (Stream<Path> files = Files.list(dir())) {
            Path p = files.filter(f -> f.getFileName().toString().startsWith(name + ".body."))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no body file for " + name));
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A request header curl sent.
     *
     * @param name the name, any case
     * @return the value, or {@code null}
     */
    public String requestHeader(String name) {
        return requestHeaders.stream()
                .filter(h -> h[0].equalsIgnoreCase(name))
                .map(h -> h[1])
                .findFirst()
                .orElse(null);
    }

    /** @return the response body as text */
    public String bodyText() {
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** @return the recorded answer as a WireMock response */
    public ResponseDefinitionBuilder response() {
        ResponseDefinitionBuilder r = aResponse().withStatus(status).withBody(body);
        for (String[] h : headers) {
            r.withHeader(h[0], h[1]);
        }
        return r;
    }

    /**
     * Serves this capture for exactly its recorded request line (and JSON body, when curl sent one), with the
     * CSRF header the server requires.
     *
     * @param wm the server
     */
    public void serve(WireMockServer wm) {
        serveAt(wm, pathAndQuery);
    }

    /**
     * Serves this capture's answer at another path (for example the v2 form of a v1 OCS capture).
     *
     * @param wm the server
     * @param path the path and query to match
     */
    public void serveAt(WireMockServer wm, String path) {
        serveAt(wm, path, true);
    }

    /**
     * Serves this capture's answer for a request with other credentials (an ExApp capture's answer to the
     * admin client): method, path, query and body must match, authentication is not checked.
     *
     * @param wm the server
     * @param path the path and query to match
     */
    public void serveAnswerAt(WireMockServer wm, String path) {
        serveAt(wm, path, false);
    }

    private void serveAt(WireMockServer wm, String path, boolean matchAuth) {
        // the query must match, except format=json: the SDK asks for JSON with the Accept header instead
        int q = path.indexOf('?');
        MappingBuilder m = request(method, urlPathEqualTo(q < 0 ? path : path.substring(0, q)))
                .withHeader("OCS-APIRequest", equalTo("true"));
        if (q >= 0) {
            for (String pair : path.substring(q + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                if (!kv[0].equals("format")) {
                    m = m.withQueryParam(
                            kv[0], equalTo(URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8)));
                }
            }
        }
        if (matchAuth && user != null) {
            m = m.withBasicAuth(user, password);
        }
        // AppAPI's own authentication: the client must send exactly what curl sent (or nothing, when curl did not)
        for (String h :
                matchAuth ? List.of("EX-APP-ID", "EX-APP-VERSION", "AUTHORIZATION-APP-API") : List.<String>of()) {
            String v = requestHeader(h);
            m = v != null ? m.withHeader(h, equalTo(v)) : m.withHeader(h, absent());
        }

        if (requestBody != null) {
            m = m.withRequestBody(equalToJson(requestBody, false, true));
        }
        wm.stubFor(m.willReturn(response()));
    }
}
