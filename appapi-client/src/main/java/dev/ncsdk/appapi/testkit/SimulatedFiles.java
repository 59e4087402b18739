package dev.ncsdk.appapi.testkit;

import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated users' files, and the part of Nextcloud's WebDAV an ExApp needs to read them: {@code GET} and
 * {@code HEAD} on {@code /remote.php/dav/files/<user>/<path>}. AppAPI's authentication logs the signed user in for
 * WebDAV (AppAPI {@code lib/DavPlugin.php}); the system context, a refused signature or no credentials get 401, and
 * another user's tree 404, in Sabre's XML error shape.
 */
final class SimulatedFiles {
    static final String DAV_FILES = "/remote.php/dav/files/";

    private final Map<String, Entry> byKey = new HashMap<>();
    private final AtomicLong ids = new AtomicLong(100);

    private record Entry(SimulatedFile file, byte[] content) {}

    synchronized SimulatedFile put(String owner, String path, byte[] content, String mime) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(content, "content");
        String p = normalise(path);
        if (p.equals("/") || p.endsWith("/")) {
            throw new IllegalArgumentException("a file path names a file, not a folder: " + path);
        }
        Entry old = byKey.get(owner + p);
        String type = mime != null ? mime : guessMime(p);
        SimulatedFile f = new SimulatedFile(
                old != null ? old.file().fileId() : ids.incrementAndGet(),
                owner,
                p,
                AppApiSimulator.random(13).toLowerCase(java.util.Locale.ROOT),
                type,
                content.length,
                Instant.now());
        byKey.put(owner + p, new Entry(f, content.clone()));
        return f;
    }

    synchronized Optional<SimulatedFile> get(String owner, String path) {
        Entry e = byKey.get(owner + normalise(path));
        return e == null ? Optional.empty() : Optional.of(e.file());
    }

    /** Answers a WebDAV request; {@code user} is the signed user, or {@code null} when the signature was refused. */
    Ocs.Answer handle(String method, String path, boolean signed, String user) {
        if (!signed || user == null || user.isEmpty()) {
            return sabre(
                    401,
                    "Sabre\\DAV\\Exception\\NotAuthenticated",
                    "No public access to this resource., AppAPI authentication failed");
        }
        if (!path.startsWith(DAV_FILES)) {
            return sabre(404, "Sabre\\DAV\\Exception\\NotFound", "Principal not found");
        }
        String rest = path.substring(DAV_FILES.length());
        int slash = rest.indexOf('/');
        String owner = slash < 0 ? rest : rest.substring(0, slash);
        String file = slash < 0 ? "/" : rest.substring(slash);
        if (!owner.equals(user)) {
            return sabre(404, "Sabre\\DAV\\Exception\\NotFound", "File with name " + owner + " could not be located");
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return sabre(
                    501,
                    "Sabre\\DAV\\Exception\\NotImplemented",
                    "the AppAPI simulator serves GET and HEAD on files only");
        }
        Entry e;
        synchronized (this) {
            e = byKey.get(owner + normalise(file));
        }
        if (e == null) {
            return sabre(
                    404,
                    "Sabre\\DAV\\Exception\\NotFound",
                    "File with name " + file.substring(1) + " could not be located");
        }
        return new Ocs.Answer(
                200,
                e.file().mime(),
                method.equals("HEAD") ? new byte[0] : e.content().clone());
    }

    private static String normalise(String path) {
        Objects.requireNonNull(path, "path");
        String p = path.startsWith("/") ? path : "/" + path;
        while (p.contains("//")) {
            p = p.replace("//", "/");
        }
        return p;
    }

    private static String guessMime(String path) {
        String t = URLConnection.guessContentTypeFromName(path);
        if (t != null) {
            return t;
        }
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".md")) {
            return "text/markdown";
        }
        if (lower.endsWith(".json")) {
            return "application/json";
        }
        return "application/octet-stream";
    }

    private static Ocs.Answer sabre(int status, String exception, String message) {
        String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<d:error xmlns:d=\"DAV:\" xmlns:s=\"http://sabredav.org/ns\">\n"
                + "  <s:exception>" + escape(exception) + "</s:exception>\n"
                + "  <s:message>" + escape(message) + "</s:message>\n"
                + "</d:error>\n";
        return new Ocs.Answer(status, "application/xml; charset=utf-8", xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
