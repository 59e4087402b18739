package dev.ncsdk.appapi.exapp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A route's path pattern: literal segments, {@code {name}} for one segment, and a final {@code *} for the rest.
 * Matches request paths segment by segment and writes the regular expression AppAPI and HaRP match.
 */
final class RoutePattern {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String REGEX_SPECIAL = "\\.[]{}()*+?^$|/";

    private final String text;
    private final List<String> segments; // literal text, "{name}" or "*"
    private final boolean rest;

    private RoutePattern(String text, List<String> segments, boolean rest) {
        this.text = text;
        this.segments = segments;
        this.rest = rest;
    }

    static RoutePattern parse(String text) {
        Objects.requireNonNull(text, "path");
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("a route path starts with '/': '" + text + "'");
        }
        String[] parts = text.substring(1).split("/", -1);
        List<String> segs = new ArrayList<>();
        boolean rest = false;
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.equals("*")) {
                if (i != parts.length - 1) {
                    throw new IllegalArgumentException("'*' may only end a route path: '" + text + "'");
                }
                rest = true;
                continue;
            }
            if (p.startsWith("{") && p.endsWith("}")) {
                String name = p.substring(1, p.length() - 1);
                if (!NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("bad path variable '" + p + "' in '" + text + "'");
                }
                if (!names.add(name)) {
                    throw new IllegalArgumentException("path variable '" + name + "' twice in '" + text + "'");
                }
            } else if (p.indexOf('{') >= 0 || p.indexOf('}') >= 0 || p.indexOf('*') >= 0) {
                throw new IllegalArgumentException(
                        "a path variable is a whole segment such as /{id}, and '*' only ends a path: '" + text + "'");
            } else if (p.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '?' || c == '#')) {
                throw new IllegalArgumentException("bad character in route path '" + text + "'");
            }
            segs.add(p);
        }
        if (segs.size() == 1 && segs.get(0).isEmpty() && !rest) {
            segs.clear(); // "/"
        }
        return new RoutePattern(text, List.copyOf(segs), rest);
    }

    String text() {
        return text;
    }

    /**
     * Matches a raw (percent-encoded) request path.
     *
     * @return the decoded path variables, or {@code null} when the path does not match
     */
    Map<String, String> match(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return null;
        }
        String[] parts = rawPath.substring(1).split("/", -1);
        if (parts.length == 1 && parts[0].isEmpty()) {
            parts = new String[0];
        }
        if (rest ? parts.length < segments.size() : parts.length != segments.size()) {
            return null;
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i);
            String decoded = decode(parts[i]);
            if (decoded == null) {
                return null;
            }
            if (s.startsWith("{")) {
                if (decoded.isEmpty()) {
                    return null;
                }
                vars.put(s.substring(1, s.length() - 1), decoded);
            } else if (!s.equals(decoded)) {
                return null;
            }
        }
        if (rest) {
            StringBuilder b = new StringBuilder();
            for (int i = segments.size(); i < parts.length; i++) {
                if (b.length() > 0 || i > segments.size()) {
                    b.append('/');
                }
                String d = decode(parts[i]);
                if (d == null) {
                    return null;
                }
                b.append(d);
            }
            vars.put("*", b.toString());
        }
        return vars;
    }

    /**
     * The regular expression for {@code info.xml}: anchored at both ends, an optional leading slash (AppAPI 32-33
     * match the path without it, AppAPI 34+ and HaRP with it), every {@code /} escaped (AppAPI 32-33 use
     * {@code /} as the PHP delimiter), no {@code \Q...\E} (Python's {@code re} in HaRP lacks it).
     */
    String appApiRegex() {
        StringBuilder r = new StringBuilder("^\\/?");
        for (int i = 0; i < segments.size(); i++) {
            if (i > 0) {
                r.append("\\/");
            }
            String s = segments.get(i);
            if (s.startsWith("{")) {
                r.append("[^\\/]+");
            } else {
                for (char c : s.toCharArray()) {
                    if (REGEX_SPECIAL.indexOf(c) >= 0) {
                        r.append('\\');
                    }
                    r.append(c);
                }
            }
        }
        if (rest) {
            r.append(segments.isEmpty() ? ".*" : "(\\/.*)?");
        }
        return r.append('$').toString();
    }

    /** Percent-decodes one path segment ({@code +} stays a plus); {@code null} when malformed. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    return null;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text;
    }
}
