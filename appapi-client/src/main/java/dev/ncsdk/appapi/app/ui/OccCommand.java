package dev.ncsdk.appapi.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An {@code occ} command of the ExApp: AppAPI adds it to Nextcloud's command line and, when an admin runs it, POSTs
 * the parsed arguments and options ({@link OccInvocation}) to the ExApp route {@link #executeHandler}; a 200
 * answer's body is printed as the command's output, any other status fails the command. Register it with {@code
 * nc.occ().register(command)}.
 *
 * <pre>{@code
 * OccCommand cmd = OccCommand.builder("my_app:scan", "/occ/scan")
 *         .description("Scans a user's files")
 *         .argument(OccArgument.required("user", "The user"))
 *         .option(OccOption.flag("dry-run", "d", "Only report"))
 *         .usage("my_app:scan alice --dry-run")
 *         .build();
 * nc.occ().register(cmd);
 * }</pre>
 *
 * @param name the command name, such as {@code my_app:scan}
 * @param description the help text
 * @param hidden whether {@code occ list} leaves it out
 * @param executeHandler the ExApp route AppAPI POSTs to (a leading {@code /} is dropped, as AppAPI expects)
 * @param arguments the positional arguments, in order
 * @param options the options
 * @param usages example command lines
 * @since 0.1.0
 */
public record OccCommand(
        String name,
        String description,
        boolean hidden,
        String executeHandler,
        List<OccArgument> arguments,
        List<OccOption> options,
        List<String> usages) {
    /**
     * Checks the values and copies the lists.
     *
     * @param name not empty
     * @param description help text
     * @param hidden hidden
     * @param executeHandler route, not empty
     * @param arguments arguments: unique names, an array argument last, no required one after an optional one
     * @param options options with unique names and shortcuts
     * @param usages usages
     */
    public OccCommand {
        UiCalls.notEmpty(name, "name");
        description = Objects.requireNonNullElse(description, "");
        UiCalls.notEmpty(executeHandler, "executeHandler");
        while (executeHandler.startsWith("/")) {
            executeHandler = executeHandler.substring(1);
        }
        UiCalls.notEmpty(executeHandler, "executeHandler");
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        options = options == null ? List.of() : List.copyOf(options);
        usages = usages == null ? List.of() : List.copyOf(usages);
        Set<String> seen = new HashSet<>();
        boolean optionalSeen = false;
        for (int i = 0; i < arguments.size(); i++) {
            OccArgument a = arguments.get(i);
            if (!seen.add(a.name())) {
                throw new IllegalArgumentException("argument '" + a.name() + "' appears twice");
            }
            if (a.mode() == OccArgument.Mode.ARRAY && i != arguments.size() - 1) {
                throw new IllegalArgumentException("the array argument '" + a.name() + "' must be the last one");
            }
            if (a.mode() == OccArgument.Mode.REQUIRED && optionalSeen) {
                throw new IllegalArgumentException("the required argument '" + a.name() + "' follows an optional one");
            }
            optionalSeen |= a.mode() != OccArgument.Mode.REQUIRED;
        }
        Set<String> names = new HashSet<>();
        Set<String> shortcuts = new HashSet<>();
        for (OccOption o : options) {
            if (!names.add(o.name())) {
                throw new IllegalArgumentException("option '" + o.name() + "' appears twice");
            }
            if (o.shortcut() != null && !shortcuts.add(o.shortcut())) {
                throw new IllegalArgumentException("option shortcut '" + o.shortcut() + "' appears twice");
            }
        }
    }

    /**
     * Starts a command.
     *
     * <pre>{@code
     * OccCommand.Builder b = OccCommand.builder("my_app:scan", "/occ/scan");
     * }</pre>
     *
     * @param name the command name
     * @param executeHandler the ExApp route
     * @return the builder
     */
    public static Builder builder(String name, String executeHandler) {
        return new Builder(name, executeHandler);
    }

    /** The body of {@code POST /api/v1/occ_command}. */
    /**
     * Options every occ command has already (Symfony's application options and Nextcloud's {@code --no-warnings}):
     * Symfony merges them into each command when it runs and fails with "An option with shortcut ... already
     * exists" (or "named") on a clash, so such a command could never run.
     */
    private static final Set<String> OCC_OPTION_NAMES =
            Set.of("help", "quiet", "silent", "verbose", "version", "ansi", "no-ansi", "no-interaction", "no-warnings");

    private static final Set<String> OCC_SHORTCUTS = Set.of("h", "q", "v", "vv", "vvv", "V", "n");

    /** Refuses options that clash with occ's own (checked when built and when registered). */
    OccCommand checkOccOptions() {
        for (OccOption o : options) {
            if (OCC_OPTION_NAMES.contains(o.name())
                    || (o.mode() == OccOption.Mode.NEGATABLE && OCC_OPTION_NAMES.contains("no-" + o.name()))) {
                throw new IllegalArgumentException("option '--" + o.name() + "' is one of occ's own options ("
                        + "--help, --quiet, --verbose, --version, --ansi, --no-interaction, --no-warnings)");
            }
            if (o.shortcut() != null) {
                for (String s : o.shortcut().split("\\|")) {
                    if (OCC_SHORTCUTS.contains(s)) {
                        throw new IllegalArgumentException("option shortcut '-" + s + "' of '--" + o.name()
                                + "' is taken by occ's own options (-h, -q, -v, -V, -n)");
                    }
                }
            }
        }
        return this;
    }

    Map<String, Object> toBody() {
        checkOccOptions();
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", name);
        b.put("description", description);
        b.put("hidden", hidden ? 1 : 0);
        List<JsonNode> args = new ArrayList<>();
        arguments.forEach(a -> args.add(a.toJson()));
        b.put("arguments", args);
        List<JsonNode> opts = new ArrayList<>();
        options.forEach(o -> opts.add(o.toJson()));
        b.put("options", opts);
        b.put("usages", usages);
        b.put("execute_handler", executeHandler);
        return b;
    }

    /**
     * Reads a command as AppAPI answers it ({@code {id, appid, name, description, hidden, arguments, options, usages,
     * execute_handler}}), leniently.
     *
     * <pre>{@code
     * OccCommand c = OccCommand.fromJson(data);
     * }</pre>
     *
     * @param o the OCS data object
     * @return the command
     */
    public static OccCommand fromJson(JsonNode o) {
        List<OccArgument> args = new ArrayList<>();
        Json.list(o, "arguments").forEach(n -> args.add(OccArgument.fromJson(n)));
        List<OccOption> opts = new ArrayList<>();
        Json.list(o, "options").forEach(n -> opts.add(OccOption.fromJson(n)));
        List<String> us = new ArrayList<>();
        Json.list(o, "usages").forEach(n -> us.add(n.asText()));
        return new OccCommand(
                Json.strOrEmpty(o, "name"),
                Json.strOrEmpty(o, "description"),
                Json.bool(o, "hidden", false),
                Json.strOrEmpty(o, "execute_handler"),
                args,
                opts,
                us);
    }

    /**
     * Builds an {@link OccCommand}; see {@link OccCommand#builder}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final String name;
        private final String executeHandler;
        private String description = "";
        private boolean hidden;
        private final List<OccArgument> arguments = new ArrayList<>();
        private final List<OccOption> options = new ArrayList<>();
        private final List<String> usages = new ArrayList<>();

        private Builder(String name, String executeHandler) {
            this.name = name;
            this.executeHandler = executeHandler;
        }

        /**
         * Sets the help text.
         *
         * @param text the text
         * @return this builder
         */
        public Builder description(String text) {
            this.description = Objects.requireNonNull(text, "text");
            return this;
        }

        /**
         * Leaves the command out of {@code occ list} (default: listed).
         *
         * @param hidden whether it is hidden
         * @return this builder
         */
        public Builder hidden(boolean hidden) {
            this.hidden = hidden;
            return this;
        }

        /**
         * Adds a positional argument after those added before.
         *
         * @param argument the argument
         * @return this builder
         */
        public Builder argument(OccArgument argument) {
            arguments.add(Objects.requireNonNull(argument, "argument"));
            return this;
        }

        /**
         * Adds an option.
         *
         * @param option the option
         * @return this builder
         */
        public Builder option(OccOption option) {
            options.add(Objects.requireNonNull(option, "option"));
            return this;
        }

        /**
         * Adds an example command line.
         *
         * @param usage the example
         * @return this builder
         */
        public Builder usage(String usage) {
            usages.add(Objects.requireNonNull(usage, "usage"));
            return this;
        }

        /**
         * Builds the command.
         *
         * @return the command
         * @throws IllegalArgumentException when names repeat, the arguments are out of order, or an option takes a
         *     name or shortcut of occ's own options
         */
        public OccCommand build() {
            return new OccCommand(name, description, hidden, executeHandler, arguments, options, usages)
                    .checkOccOptions();
        }
    }
}
