package dev.ncsdk.appapi.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ncsdk.appapi.app.ui.OccArgument;
import dev.ncsdk.appapi.app.ui.OccCommand;
import dev.ncsdk.appapi.app.ui.OccOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses an occ command line against a registered command as Symfony's console does for AppAPI's commands (AppAPI
 * {@code lib/Service/ExAppOccService.php} builds the definition; Symfony {@code ArgvInput} parses), and writes the
 * body AppAPI POSTs to the handler: {@code {"occ": {"arguments": {...} | null, "options": {...} | null}}}, each map
 * holding every declared name ({@code null} when none is declared).
 */
final class OccCommandLine {
    /** occ's own options, accepted and not passed on (Symfony's application options and Nextcloud's). */
    private static final Set<String> GLOBAL_FLAGS = Set.of(
            "--quiet",
            "-q",
            "--verbose",
            "-v",
            "-vv",
            "-vvv",
            "--ansi",
            "--no-ansi",
            "--no-interaction",
            "-n",
            "--no-warnings");

    private OccCommandLine() {}

    /** A command line Symfony refuses, with its message. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static ObjectNode body(OccCommand command, List<String> argv) throws UsageException {
        for (OccOption o : command.options()) {
            if (o.mode() == OccOption.Mode.ARRAY) {
                // AppAPI maps "array" to InputOption::VALUE_IS_ARRAY alone, which Symfony 6+ refuses
                throw new UsageException(
                        "Impossible to have an option mode \"VALUE_IS_ARRAY\" if the option does not accept a value.");
            }
        }
        Map<String, JsonNode> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        boolean onlyArguments = false;
        for (int i = 0; i < argv.size(); i++) {
            String t = argv.get(i);
            if (onlyArguments || t.equals("-") || !t.startsWith("-")) {
                positional.add(t);
            } else if (t.equals("--")) {
                onlyArguments = true;
            } else if (GLOBAL_FLAGS.contains(t)) {
                // occ's own: no effect on what the ExApp receives
            } else if (t.startsWith("--")) {
                i = longOption(command, argv, i, options);
            } else {
                i = shortOption(command, argv, i, options);
            }
        }
        ObjectNode occ = JsonNodeFactory.instance.objectNode();
        occ.set("arguments", arguments(command, positional));
        if (command.options().isEmpty()) {
            occ.putNull("options");
        } else {
            ObjectNode o = occ.putObject("options");
            for (OccOption opt : command.options()) {
                JsonNode given = options.get(opt.name());
                o.set(opt.name(), given != null ? given : defaultOf(opt));
            }
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("occ", occ);
        return body;
    }

    private static JsonNode arguments(OccCommand command, List<String> positional) throws UsageException {
        List<OccArgument> defs = command.arguments();
        if (defs.isEmpty()) {
            if (!positional.isEmpty()) {
                throw new UsageException("No arguments expected for \"" + command.name() + "\" command, got \""
                        + positional.get(0) + "\".");
            }
            return JsonNodeFactory.instance.nullNode();
        }
        ObjectNode a = JsonNodeFactory.instance.objectNode();
        List<String> missing = new ArrayList<>();
        int next = 0;
        for (OccArgument def : defs) {
            if (def.mode() == OccArgument.Mode.ARRAY) {
                ArrayNode list = a.putArray(def.name());
                if (next < positional.size()) {
                    positional.subList(next, positional.size()).forEach(list::add);
                    next = positional.size();
                } else if (def.defaultValue() instanceof List<?> dl) {
                    dl.forEach(v -> list.add(String.valueOf(v)));
                }
            } else if (next < positional.size()) {
                a.put(def.name(), positional.get(next++));
            } else if (def.mode() == OccArgument.Mode.REQUIRED) {
                missing.add(def.name());
            } else {
                a.set(def.name(), value(def.defaultValue()));
            }
        }
        if (!missing.isEmpty()) {
            throw new UsageException("Not enough arguments (missing: \"" + String.join(", ", missing) + "\").");
        }
        if (next < positional.size()) {
            throw new UsageException("Too many arguments, expected arguments \""
                    + String.join("\" \"", defs.stream().map(OccArgument::name).toList()) + "\".");
        }
        return a;
    }

    private static int longOption(OccCommand command, List<String> argv, int i, Map<String, JsonNode> options)
            throws UsageException {
        String t = argv.get(i).substring(2);
        String name = t;
        String value = null;
        int eq = t.indexOf('=');
        if (eq >= 0) {
            name = t.substring(0, eq);
            value = t.substring(eq + 1);
        }
        OccOption opt = find(command, name);
        if (opt == null && name.startsWith("no-")) {
            OccOption negated = find(command, name.substring(3));
            if (negated != null && negated.mode() == OccOption.Mode.NEGATABLE) {
                if (value != null) {
                    throw new UsageException("The \"--" + name + "\" option does not accept a value.");
                }
                options.put(negated.name(), JsonNodeFactory.instance.booleanNode(false));
                return i;
            }
        }
        if (opt == null) {
            throw new UsageException("The \"--" + name + "\" option does not exist.");
        }
        return set(opt, "--" + name, value, argv, i, options);
    }

    private static int shortOption(OccCommand command, List<String> argv, int i, Map<String, JsonNode> options)
            throws UsageException {
        String t = argv.get(i).substring(1);
        for (int k = 0; k < t.length(); k++) {
            String s = t.substring(k, k + 1);
            OccOption opt = command.options().stream()
                    .filter(o -> o.shortcut() != null
                            && List.of(o.shortcut().split("\\|")).contains(s))
                    .findFirst()
                    .orElse(null);
            if (opt == null) {
                throw new UsageException("The \"-" + s + "\" option does not exist.");
            }
            boolean takesValue = opt.mode() == OccOption.Mode.REQUIRED || opt.mode() == OccOption.Mode.OPTIONAL;
            if (takesValue && k + 1 < t.length()) {
                String rest = t.substring(k + 1);
                options.put(
                        opt.name(), JsonNodeFactory.instance.textNode(rest.startsWith("=") ? rest.substring(1) : rest));
                return i;
            }
            if (takesValue) {
                return set(opt, "-" + s, null, argv, i, options);
            }
            set(opt, "-" + s, null, argv, i, options);
        }
        return i;
    }

    private static int set(
            OccOption opt, String given, String value, List<String> argv, int i, Map<String, JsonNode> options)
            throws UsageException {
        switch (opt.mode()) {
            case NONE, NEGATABLE -> {
                if (value != null) {
                    throw new UsageException("The \"" + given + "\" option does not accept a value.");
                }
                options.put(opt.name(), JsonNodeFactory.instance.booleanNode(true));
                return i;
            }
            default -> {
                if (value == null
                        && i + 1 < argv.size()
                        && (argv.get(i + 1).isEmpty() || !argv.get(i + 1).startsWith("-"))) {
                    value = argv.get(i + 1);
                    i++;
                }
                if (value == null && opt.mode() == OccOption.Mode.REQUIRED) {
                    throw new UsageException("The \"" + given + "\" option requires a value.");
                }
                options.put(
                        opt.name(),
                        value == null ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.textNode(value));
                return i;
            }
        }
    }

    private static OccOption find(OccCommand command, String name) {
        return command.options().stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    private static JsonNode defaultOf(OccOption o) {
        if (o.mode() == OccOption.Mode.NONE) {
            return JsonNodeFactory.instance.booleanNode(false);
        }
        return value(o.defaultValue());
    }

    private static JsonNode value(Object v) {
        return v == null ? JsonNodeFactory.instance.nullNode() : Ocs.PHP_JSON.valueToTree(v);
    }
}
