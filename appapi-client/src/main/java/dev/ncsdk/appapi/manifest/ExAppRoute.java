package dev.ncsdk.appapi.manifest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * A route of the ExApp that Nextcloud users may reach through AppAPI's proxy or HaRP. Since AppAPI 3.0 only
 * declared routes are reachable.
 *
 * <p>{@code url} is a regular expression matched at the start of the path (case-insensitive in the PHP proxy;
 * since AppAPI 34 against {@code /path}, so write {@code ^/api/.*} or {@code .*}). HaRP ignores {@code verbs} and
 * {@code headersToExclude}.
 *
 * @param url the path pattern
 * @param verbs the HTTP methods, such as {@code GET}, {@code POST}
 * @param accessLevel who may call it
 * @param headersToExclude request headers the proxy must not forward
 * @param bruteforceProtection response statuses that count as a failed attempt (such as 401, 429)
 * @since 0.1.0
 */
public record ExAppRoute(
        String url,
        List<String> verbs,
        AccessLevel accessLevel,
        List<String> headersToExclude,
        List<Integer> bruteforceProtection) {

    private static final Pattern VERB = Pattern.compile("[A-Z]+");

    /**
     * Normalises verbs to upper case and copies the lists.
     *
     * @param url the pattern
     * @param verbs the methods
     * @param accessLevel the level
     * @param headersToExclude headers
     * @param bruteforceProtection statuses
     */
    public ExAppRoute {
        url = url == null ? "" : url;
        verbs = verbs == null
                ? List.of()
                : verbs.stream().map(v -> v.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableList());
        Objects.requireNonNull(accessLevel, "accessLevel");
        headersToExclude = headersToExclude == null ? List.of() : List.copyOf(headersToExclude);
        bruteforceProtection = bruteforceProtection == null ? List.of() : List.copyOf(bruteforceProtection);
    }

    /**
     * A route with no excluded headers and no brute-force protection.
     *
     * @param url the pattern
     * @param verbs comma-separated methods, such as {@code "GET,POST"}
     * @param accessLevel who may call it
     * @return the route
     */
    public static ExAppRoute of(String url, String verbs, AccessLevel accessLevel) {
        return new ExAppRoute(url, splitVerbs(verbs), accessLevel, List.of(), List.of());
    }

    /**
     * The same route with brute-force protection on these statuses.
     *
     * @param statuses HTTP statuses
     * @return the changed copy
     */
    public ExAppRoute withBruteforceProtection(Integer... statuses) {
        return new ExAppRoute(url, verbs, accessLevel, headersToExclude, Arrays.asList(statuses));
    }

    /**
     * The same route with headers the proxy must not forward.
     *
     * @param headers header names
     * @return the changed copy
     */
    public ExAppRoute withHeadersToExclude(String... headers) {
        return new ExAppRoute(url, verbs, accessLevel, Arrays.asList(headers), bruteforceProtection);
    }

    /**
     * The verbs as AppAPI stores them: {@code "GET,POST"}.
     *
     * @return the comma-separated methods
     */
    public String verbList() {
        return String.join(",", verbs);
    }

    static List<String> splitVerbs(String verbs) {
        if (verbs == null || verbs.isBlank()) {
            return List.of();
        }
        return Arrays.stream(verbs.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }

    List<String> problems(int index) {
        String where = "route " + (index + 1) + (url.isEmpty() ? "" : " '" + url + "'");
        List<String> p = new ArrayList<>();
        if (url.isBlank()) {
            p.add(where + ": url is required");
        } else {
            try {
                Pattern.compile(url);
            } catch (PatternSyntaxException e) {
                p.add(where + ": url is not a valid regular expression (" + e.getDescription() + ")");
            }
        }
        if (verbs.isEmpty()) {
            p.add(where + ": verb is required (such as GET,POST)");
        }
        for (String v : verbs) {
            if (!VERB.matcher(v).matches()) {
                p.add(where + ": '" + v + "' is not an HTTP method");
            }
        }
        for (Integer s : bruteforceProtection) {
            if (s == null || s < 100 || s > 599) {
                p.add(where + ": bruteforce_protection holds HTTP statuses (100-599), got " + s);
            }
        }
        for (String h : headersToExclude) {
            if (h == null || h.isBlank() || h.chars().anyMatch(c -> c <= ' ' || c == ':')) {
                p.add(where + ": headers_to_exclude holds header names, got '" + h + "'");
            }
        }
        return p;
    }
}
