package dev.ncsdk.appstore.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code .nextcloudignore} patterns, gitignore style: one pattern a line, {@code #} comments, {@code !} negates,
 * a leading {@code /} anchors to the app folder, a trailing {@code /} matches folders only, {@code *} and
 * {@code ?} stay within a path segment, {@code **} crosses segments; a pattern without {@code /} matches a name
 * at any depth. The last matching pattern wins.
 */
final class IgnoreRules {
    private record Rule(Pattern pattern, boolean negate, boolean dirOnly) {}

    private final List<Rule> rules;

    private IgnoreRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    static IgnoreRules parse(List<String> lines) {
        List<Rule> out = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean negate = line.startsWith("!");
            if (negate) {
                line = line.substring(1);
            }
            boolean dirOnly = line.endsWith("/");
            while (line.endsWith("/")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                continue;
            }
            boolean anchored = line.startsWith("/") || line.contains("/");
            while (line.startsWith("/")) {
                line = line.substring(1);
            }
            String regex = (anchored ? "" : "(?:.*/)?") + glob(line);
            out.add(new Rule(Pattern.compile(regex), negate, dirOnly));
        }
        return new IgnoreRules(out);
    }

    private static String glob(String g) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*') {
                if (i + 1 < g.length() && g.charAt(i + 1) == '*') {
                    i++;
                    if (i + 1 < g.length() && g.charAt(i + 1) == '/') {
                        i++;
                        sb.append("(?:.*/)?");
                    } else {
                        sb.append(".*");
                    }
                } else {
                    sb.append("[^/]*");
                }
            } else if (c == '?') {
                sb.append("[^/]");
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }

    /**
     * Whether a path (relative to the app folder, {@code /}-separated) is ignored.
     *
     * @param path the path
     * @param directory whether it is a folder
     * @return whether to leave it out
     */
    boolean ignored(String path, boolean directory) {
        boolean result = false;
        for (Rule r : rules) {
            if (r.dirOnly() && !directory) {
                continue;
            }
            if (r.pattern().matcher(path).matches()) {
                result = !r.negate();
            }
        }
        return result;
    }
}
