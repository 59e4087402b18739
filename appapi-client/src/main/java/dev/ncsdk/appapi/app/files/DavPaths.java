package dev.ncsdk.appapi.app.files;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Paths inside a user's files: normalised to {@code /a/b} ({@code /} for the root), checked (no {@code ..}, no NUL)
 * and percent-encoded one segment at a time for the URL.
 */
final class DavPaths {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private DavPaths() {}

    /**
     * The segments of a path, without empty and {@code .} segments.
     *
     * @throws IllegalArgumentException for a {@code ..} segment or a NUL character
     */
    static List<String> segments(String path) {
        Objects.requireNonNull(path, "path");
        List<String> out = new ArrayList<>();
        for (String s : path.split("/", -1)) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                throw new IllegalArgumentException("a path must not contain a '..' segment: " + path);
            }
            if (s.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("a path must not contain a NUL character");
            }
            out.add(s);
        }
        return out;
    }

    /** The normalised form of a path: {@code /a/b}, or {@code /} for the root. */
    static String normalize(String path) {
        List<String> segs = segments(path);
        return segs.isEmpty() ? "/" : "/" + String.join("/", segs);
    }

    /** The encoded form of a path, each segment percent-encoded: {@code /a%20b/c%23d}; {@code ""} for the root. */
    static String encode(String path) {
        StringBuilder sb = new StringBuilder();
        for (String s : segments(path)) {
            sb.append('/').append(encodeSegment(s));
        }
        return sb.toString();
    }

    /** Percent-encodes one segment: everything but RFC 3986's unreserved characters, as UTF-8. */
    static String encodeSegment(String segment) {
        StringBuilder sb = new StringBuilder(segment.length() + 8);
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return sb.toString();
    }

    /**
     * Decodes a percent-encoded path as UTF-8 ({@code +} stays a plus: this is a path, not a form).
     *
     * @throws IllegalArgumentException for a broken escape
     */
    static String decode(String encoded) {
        if (encoded.indexOf('%') < 0) {
            return encoded;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw new IllegalArgumentException("broken percent escape in " + encoded);
                }
                int hi = Character.digit(encoded.charAt(i + 1), 16);
                int lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("broken percent escape in " + encoded);
                }
                out.write((hi << 4) | lo);
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < encoded.length()) {
                    b = encoded.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The last segment of a normalised path ({@code ""} for the root). */
    static String name(String normalized) {
        return normalized.substring(normalized.lastIndexOf('/') + 1);
    }

    /** The parent of a normalised path ({@code /} for a top-level item and for the root). */
    static String parent(String normalized) {
        int i = normalized.lastIndexOf('/');
        return i <= 0 ? "/" : normalized.substring(0, i);
    }
}
