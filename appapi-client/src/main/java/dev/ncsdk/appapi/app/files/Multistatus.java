package dev.ncsdk.appapi.app.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.ocs.internal.XmlTreeReader;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a WebDAV {@code 207 Multistatus} answer into {@link FileNode}s, through the SDK's secure XML reader (no DTD,
 * no entities, bounded depth and element count; the transport bounds the size). Elements are matched by local name,
 * whatever prefix the server chose; only {@code 200} propstats count.
 */
final class Multistatus {
    private Multistatus() {}

    /** The document is not a usable multistatus. */
    static final class BadMultistatusException extends Exception {
        private static final long serialVersionUID = 1L;

        BadMultistatusException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Reads the responses of a multistatus document.
     *
     * @param body the document
     * @param rootPath the decoded path of the user's files root ({@code /nextcloud/remote.php/dav/files/alice})
     * @return the nodes in the server's order
     */
    static List<FileNode> parse(byte[] body, String rootPath) throws BadMultistatusException {
        JsonNode tree;
        try {
            tree = XmlTreeReader.read(body);
        } catch (XmlTreeReader.XmlException e) {
            throw new BadMultistatusException(e.getMessage(), e);
        }
        Iterator<Map.Entry<String, JsonNode>> top = tree.fields();
        Map.Entry<String, JsonNode> root = top.next();
        if (!local(root.getKey()).equals("multistatus")) {
            throw new BadMultistatusException("the root element is <" + root.getKey() + ">, not <multistatus>", null);
        }
        List<FileNode> nodes = new ArrayList<>();
        if (!root.getValue().isObject()) {
            return nodes; // an empty multistatus
        }
        for (JsonNode response : all(child(root.getValue(), "response"))) {
            nodes.add(node(response, rootPath));
        }
        return nodes;
    }

    private static FileNode node(JsonNode response, String rootPath) throws BadMultistatusException {
        String href = text(child(response, "href"));
        if (href.isEmpty()) {
            throw new BadMultistatusException("a response without <href>", null);
        }
        String path;
        try {
            path = relative(DavPaths.decode(stripOrigin(href)), rootPath);
        } catch (IllegalArgumentException e) {
            throw new BadMultistatusException("unreadable href: " + e.getMessage(), e);
        }
        JsonNode prop = null;
        for (JsonNode propstat : all(child(response, "propstat"))) {
            String status = text(child(propstat, "status"));
            if (status.isEmpty() || status.contains(" 200")) {
                JsonNode p = child(propstat, "prop");
                if (p != null && p.isObject()) {
                    prop = p;
                    break;
                }
            }
        }
        JsonNode resourceType = prop == null ? null : child(prop, "resourcetype");
        boolean dir = resourceType != null && resourceType.isObject() && child(resourceType, "collection") != null;
        long length = number(prop, "getcontentlength");
        long size = number(prop, "size");
        String etag = text(prop == null ? null : child(prop, "getetag"));
        if (etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")) {
            etag = etag.substring(1, etag.length() - 1);
        }
        String perms = text(prop == null ? null : child(prop, "permissions"));
        String favorite = text(prop == null ? null : child(prop, "favorite"));
        return new FileNode(
                path,
                DavPaths.name(path),
                number(prop, "fileid"),
                etag,
                dir ? (size >= 0 ? size : length) : (length >= 0 ? length : size),
                dir ? "" : text(prop == null ? null : child(prop, "getcontenttype")),
                FilePermission.parse(perms),
                perms,
                date(text(prop == null ? null : child(prop, "getlastmodified"))),
                favorite.equals("1") || favorite.equalsIgnoreCase("true"),
                dir);
    }

    /** An href may be a full URL; only its path counts. */
    private static String stripOrigin(String href) {
        int scheme = href.indexOf("://");
        if (scheme > 0 && scheme < 10) {
            int slash = href.indexOf('/', scheme + 3);
            return slash < 0 ? "/" : href.substring(slash);
        }
        return href;
    }

    /** The path below the user's root; a path outside it (another tree) is kept whole. */
    static String relative(String decodedHref, String rootPath) {
        String h = decodedHref;
        if (h.equals(rootPath) || h.equals(rootPath + "/")) {
            return "/";
        }
        if (h.startsWith(rootPath + "/")) {
            h = h.substring(rootPath.length());
        }
        // hrefs come from the server: normalise without refusing (a name may legitimately be odd)
        StringBuilder sb = new StringBuilder();
        for (String s : h.split("/")) {
            if (!s.isEmpty()) {
                sb.append('/').append(s);
            }
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    private static Instant date(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null; // lenient reader: an unreadable date is an absent one
        }
    }

    private static long number(JsonNode prop, String name) {
        String t = text(prop == null ? null : child(prop, name));
        if (t.isEmpty()) {
            return -1;
        }
        try {
            return Long.parseLong(t.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The local part of an element name ({@code d:href} → {@code href}). */
    static String local(String name) {
        return name.substring(name.indexOf(':') + 1);
    }

    /** The first child of an object whose local name matches, or {@code null}. */
    static JsonNode child(JsonNode node, String localName) {
        if (node == null || !node.isObject()) {
            return null;
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (local(e.getKey()).equals(localName)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** A node's values: itself, or its items when the name repeated. */
    private static List<JsonNode> all(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(out::add);
        } else {
            out.add(node);
        }
        return out;
    }

    /** An element's text, {@code ""} when absent or not text. */
    static String text(JsonNode node) {
        return node == null || !node.isTextual() ? "" : node.asText().trim();
    }
}
