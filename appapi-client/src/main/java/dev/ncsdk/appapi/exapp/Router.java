package dev.ncsdk.appapi.exapp;

import dev.ncsdk.appapi.manifest.AccessLevel;
import dev.ncsdk.appapi.manifest.ExAppRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The ExApp's routes in declaration order; the first whose pattern and method match answers. */
final class Router {
    /** A declared route; {@code level} is {@code null} for a route AppAPI calls directly (not in the manifest). */
    record Route(HttpMethod method, RoutePattern pattern, AccessLevel level, RouteOptions options, Handler handler) {}

    /** The outcome of a lookup: a route and its variables, or the methods the path allows (empty: not found). */
    record Match(Route route, Map<String, String> vars, Set<HttpMethod> allowed) {}

    private final List<Route> routes;

    Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    Match find(HttpMethod method, String rawPath) {
        Set<HttpMethod> allowed = new LinkedHashSet<>();
        Match getForHead = null;
        for (Route r : routes) {
            Map<String, String> vars = r.pattern().match(rawPath);
            if (vars == null) {
                continue;
            }
            if (r.method() == method) {
                return new Match(r, vars, Set.of());
            }
            if (method == HttpMethod.HEAD && r.method() == HttpMethod.GET && getForHead == null) {
                getForHead = new Match(r, vars, Set.of());
            }
            allowed.add(r.method());
        }
        return getForHead != null ? getForHead : new Match(null, Map.of(), allowed);
    }

    /**
     * The routes AppAPI's proxy and HaRP may forward, for the manifest: one entry per pattern and access level with
     * the methods joined; for one pattern the strictest level first, since HaRP ignores methods and takes the
     * first entry whose pattern matches.
     */
    List<ExAppRoute> manifestRoutes() {
        Map<String, List<ExAppRoute>> byUrl = new LinkedHashMap<>();
        for (Route r : routes) {
            if (r.level() == null) {
                continue;
            }
            String url = r.pattern().appApiRegex();
            List<ExAppRoute> list = byUrl.computeIfAbsent(url, u -> new ArrayList<>());
            boolean merged = false;
            for (int i = 0; i < list.size(); i++) {
                ExAppRoute e = list.get(i);
                if (e.accessLevel() == r.level()
                        && e.headersToExclude().equals(r.options().headersToExclude())
                        && e.bruteforceProtection().equals(r.options().bruteforceProtection())) {
                    List<String> verbs = new ArrayList<>(e.verbs());
                    if (!verbs.contains(r.method().name())) {
                        verbs.add(r.method().name());
                    }
                    list.set(
                            i,
                            new ExAppRoute(
                                    url, verbs, e.accessLevel(), e.headersToExclude(), e.bruteforceProtection()));
                    merged = true;
                    break;
                }
            }
            if (!merged) {
                list.add(new ExAppRoute(
                        url,
                        List.of(r.method().name()),
                        r.level(),
                        r.options().headersToExclude(),
                        r.options().bruteforceProtection()));
            }
        }
        List<ExAppRoute> out = new ArrayList<>();
        for (List<ExAppRoute> list : byUrl.values()) {
            list.sort(Comparator.comparingInt((ExAppRoute e) -> e.accessLevel().code())
                    .reversed());
            out.addAll(list);
        }
        return out;
    }
}
