package dev.ncsdk.appapi.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Header maps in lower case, and their redacted form for messages and logs. */
final class Headers {
    /** Headers whose values are credentials: never shown. */
    static final Set<String> SECRET = Set.of(
            "authorization-app-api",
            "authorization",
            "harp-shared-key",
            "cookie",
            "set-cookie",
            "x-original-authorization",
            "proxy-authorization");

    private static final int CUT = 300;

    private Headers() {}

    static Map<String, List<String>> copyLowerCase(Map<String, List<String>> in) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        in.forEach((k, v) -> {
            if (k != null) {
                out.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>())
                        .addAll(v);
            }
        });
        out.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(out);
    }

    static String redacted(Map<String, List<String>> headers) {
        StringBuilder b = new StringBuilder("{");
        headers.forEach((k, v) -> {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append(k).append('=').append(SECRET.contains(k) ? "****" : String.join(",", v));
        });
        return b.append('}').toString();
    }

    static String cut(String text) {
        String t = text.length() > CUT ? text.substring(0, CUT) + "…(" + text.length() + " chars)" : text;
        return t.replace("\r", "\\r").replace("\n", "\\n");
    }
}
