package dev.ncsdk.ocs.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which headers carry a credential, and their printable form. One list for the whole SDK: the {@code toString()} of
 * anything that shows headers, the headers kept with a failed answer, and the check that refuses (or warns about)
 * credentials sent over plain http all use it.
 *
 * <p>Sensitive: {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie}, AppAPI's
 * {@code AUTHORIZATION-APP-API}, HaRP's {@code harp-shared-key}, the store's {@code X-NC-Subscription-Key}, and any
 * name that mentions a token, secret, password, session or cookie, or ends in {@code -key}.
 */
public final class SensitiveHeaders {
    /** What replaces each value of a sensitive header. */
    public static final String REDACTED = "****";

    private static final Set<String> NAMES = Set.of(
            "authorization",
            "proxy-authorization",
            "cookie",
            "set-cookie",
            "set-cookie2",
            "authorization-app-api",
            "harp-shared-key",
            "x-nc-subscription-key",
            "requesttoken");
    private static final Pattern PATTERN =
            Pattern.compile(".*(authorization|cookie|token|secret|password|passwd|session).*|.*-key");

    private static final Pattern SECRET_FIELD =
            Pattern.compile(".*(token|secret|password|passwd|apppassword|passphrase|cookie).*|(.*[_-])?key");

    private SensitiveHeaders() {}

    /**
     * A copy of a JSON tree in which the values of fields named like a secret ({@code apppassword}, {@code token},
     * {@code secret}, {@code password}, {@code ..._key}) are {@value #REDACTED}; for {@code toString()} of answers
     * whose data may hold one (an app password, a login flow token).
     *
     * @param node the tree, may be {@code null}
     * @return the redacted copy (the same node when nothing needed a change)
     */
    public static JsonNode redactTree(JsonNode node) {
        if (node == null || !node.isContainerNode()) {
            return node;
        }
        JsonNode copy = node.deepCopy();
        redactInPlace(copy, 0);
        return copy;
    }

    private static void redactInPlace(JsonNode node, int depth) {
        if (depth > 64) {
            return;
        }
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            List<String> names = new java.util.ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                JsonNode v = o.get(n);
                if (!v.isContainerNode()
                        && !v.isNull()
                        && SECRET_FIELD.matcher(n.toLowerCase(Locale.ROOT)).matches()) {
                    o.set(n, TextNode.valueOf(REDACTED));
                } else {
                    redactInPlace(v, depth + 1);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                redactInPlace(item, depth + 1);
            }
        }
    }

    /**
     * Whether a header carries a credential.
     *
     * @param name the header name, any case
     * @return whether its values must never be shown
     */
    public static boolean isSensitive(String name) {
        if (name == null) {
            return false;
        }
        String l = name.trim().toLowerCase(Locale.ROOT);
        return NAMES.contains(l) || PATTERN.matcher(l).matches();
    }

    /**
     * The headers with every value of a sensitive header replaced by {@value #REDACTED}.
     *
     * @param headers the headers
     * @return an unmodifiable copy, sorted by name
     */
    public static Map<String, List<String>> redact(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new TreeMap<>();
        headers.forEach(
                (k, v) -> out.put(k, isSensitive(k) ? Collections.nCopies(v.size(), REDACTED) : List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }
}
