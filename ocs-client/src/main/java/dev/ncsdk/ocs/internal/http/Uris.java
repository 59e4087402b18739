package dev.ncsdk.ocs.internal.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Base URLs with sub-paths, query strings and the redaction of URIs for logs and messages. */
public final class Uris {
    private static final Pattern SENSITIVE_KEY = Pattern.compile("(?i).*(token|password|passwd|secret|key|auth).*");

    private Uris() {}

    /**
     * Checks and normalises a base URL: {@code http} or {@code https}, a host, no user info, query or fragment;
     * the trailing slash is removed so paths can be appended. A sub-path ({@code https://host/nextcloud}) is kept.
     *
     * @param baseUri the URL as the user gave it
     * @return the normalised base
     * @throws IllegalArgumentException when the URL cannot serve as a base
     */
    public static URI base(String baseUri) {
        Objects.requireNonNull(baseUri, "base URL");
        URI uri;
        try {
            uri = new URI(baseUri.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid base URL: " + e.getReason(), e);
        }
        return base(uri);
    }

    /**
     * Checks and normalises a base URI; see {@link #base(String)}.
     *
     * @param uri the URI
     * @return the normalised base
     */
    public static URI base(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("base URL must start with http:// or https://, got: " + redact(uri));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("base URL has no host: " + redact(uri));
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("base URL must not contain credentials; pass them as Credentials");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("base URL must not have a query or fragment: " + redact(uri));
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    /**
     * Appends a path (which may carry its own query) to a base.
     *
     * @param base a normalised base
     * @param path the path, with or without a leading slash
     * @return the absolute URI
     */
    public static URI resolve(URI base, String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        return URI.create(base.toString() + p);
    }

    /**
     * Appends query parameters, encoded, to a URI that may have a query already.
     *
     * @param uri the URI
     * @param params name/value pairs in order; a {@code null} value is skipped
     * @return the URI with the query
     */
    public static URI withQuery(URI uri, List<Map.Entry<String, String>> params) {
        String q = params.stream()
                .filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        if (q.isEmpty()) {
            return uri;
        }
        String s = uri.toString();
        return URI.create(s + (uri.getRawQuery() == null ? "?" : "&") + q);
    }

    /**
     * Encodes form fields as {@code application/x-www-form-urlencoded}.
     *
     * @param fields the fields in order
     * @return the encoded body
     */
    public static String formEncode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /**
     * Percent-encodes one path segment (spaces as {@code %20}, {@code /} encoded).
     *
     * @param segment the raw segment
     * @return the encoded segment
     */
    public static String pathSegment(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * A URI as it may appear in a log line or message: no user info, and the values of query parameters whose
     * names suggest a secret replaced by {@code ****}.
     *
     * @param uri the URI
     * @return the printable form
     */
    public static String redact(URI uri) {
        if (uri == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        if (uri.getScheme() != null) {
            sb.append(uri.getScheme()).append("://");
        }
        if (uri.getHost() != null) {
            sb.append(uri.getHost());
            if (uri.getPort() >= 0) {
                sb.append(':').append(uri.getPort());
            }
        } else if (uri.getRawAuthority() != null) {
            String a = uri.getRawAuthority();
            sb.append(a.substring(a.indexOf('@') + 1));
        }
        sb.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        String q = uri.getRawQuery();
        if (q != null) {
            sb.append('?');
            String[] parts = q.split("&", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    sb.append('&');
                }
                int eq = parts[i].indexOf('=');
                if (eq > 0 && SENSITIVE_KEY.matcher(parts[i].substring(0, eq)).matches()) {
                    sb.append(parts[i], 0, eq).append("=****");
                } else {
                    sb.append(parts[i]);
                }
            }
        }
        return sb.toString();
    }

    /**
     * Whether a URI names this machine: {@code localhost} (or a name under {@code .localhost}), an address in
     * {@code 127.0.0.0/8}, or {@code ::1}. Decided from the text alone, without a name lookup.
     *
     * @param uri the URI
     * @return whether its host is a loopback host
     */
    public static boolean isLoopback(URI uri) {
        String h = lower(uri.getHost());
        if (h == null) {
            return false;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
            return true;
        }
        return h.equals("::1") || h.matches("(0{1,4}:){7}0{0,3}1") || h.equals("0:0:0:0:0:0:0:1");
    }

    /**
     * Whether two URIs share scheme, host and port (credentials may travel between them).
     *
     * @param a one URI
     * @param b the other
     * @return whether the origins match
     */
    public static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(lower(a.getScheme()), lower(b.getScheme()))
                && Objects.equals(lower(a.getHost()), lower(b.getHost()))
                && port(a) == port(b);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
}
