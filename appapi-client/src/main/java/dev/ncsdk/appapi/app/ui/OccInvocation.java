package dev.ncsdk.appapi.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link OccCommand}'s route receives when an admin runs the command: AppAPI POSTs {@code {"occ":
 * {"arguments": {name: value}, "options": {name: value}}}} with every declared argument and option, as Symfony
 * parsed them (AppAPI {@code lib/Service/ExAppOccService.php}): a text or {@code null} for a single value, a list
 * for an array, {@code true}/{@code false} for a flag, {@code true}/{@code false}/{@code null} for a negatable
 * option. The route's 200 answer body is printed as the command's output.
 *
 * <pre>{@code
 * app.route(HttpMethod.POST, "/occ/scan", AccessLevel.ADMIN, req -> {
 *     OccInvocation occ = OccInvocation.parse(req.body());
 *     String user = occ.argument("user").orElseThrow();
 *     boolean dryRun = occ.flag("dry-run");
 *     return Response.text(scan(user, dryRun));
 * });
 * }</pre>
 *
 * @param arguments the arguments by name; JSON {@code null} for one left out
 * @param options the options by name
 * @since 0.1.0
 */
public record OccInvocation(Map<String, JsonNode> arguments, Map<String, JsonNode> options) {
    /**
     * Copies the maps, keeping their order.
     *
     * @param arguments arguments
     * @param options options
     */
    public OccInvocation {
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(arguments, "arguments")));
        options = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(options, "options")));
    }

    /**
     * Reads the request body; {@code arguments} or {@code options} that are {@code null}, missing or an empty
     * JSON list (PHP's empty array) read as empty maps.
     *
     * <pre>{@code
     * OccInvocation occ = OccInvocation.parse(body);
     * }</pre>
     *
     * @param body the request body (UTF-8 JSON)
     * @return the invocation
     * @throws IllegalArgumentException when the body is not JSON or has no {@code occ} object
     */
    public static OccInvocation parse(byte[] body) {
        Objects.requireNonNull(body, "body");
        JsonNode occ = Json.parse(body).get("occ");
        if (occ == null || !occ.isObject()) {
            throw new IllegalArgumentException("an occ command call needs an \"occ\" object");
        }
        return new OccInvocation(map(occ.get("arguments")), map(occ.get("options")));
    }

    private static Map<String, JsonNode> map(JsonNode n) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        if (n != null && n.isObject()) {
            n.properties().forEach(e -> m.put(e.getKey(), e.getValue()));
        }
        return m;
    }

    /**
     * A single-valued argument.
     *
     * @param name the argument's name
     * @return its text, or empty when it was left out (or is unknown)
     */
    public Optional<String> argument(String name) {
        return text(arguments.get(name));
    }

    /**
     * An array argument (or a single one as a one-element list).
     *
     * @param name the argument's name
     * @return the texts, empty when none
     */
    public List<String> argumentList(String name) {
        return list(arguments.get(name));
    }

    /**
     * A single-valued option.
     *
     * @param name the option's name (without {@code --})
     * @return its text, or empty when it was not given and has no default
     */
    public Optional<String> option(String name) {
        JsonNode n = options.get(name);
        return n != null && n.isBoolean() ? Optional.empty() : text(n);
    }

    /**
     * An array option.
     *
     * @param name the option's name
     * @return the texts, empty when none
     */
    public List<String> optionList(String name) {
        return list(options.get(name));
    }

    /**
     * A flag ({@link OccOption.Mode#NONE}) or negatable option.
     *
     * @param name the option's name
     * @return whether it was given ({@code false} for {@code --no-<name>}, when left out, or when unknown)
     */
    public boolean flag(String name) {
        JsonNode n = options.get(name);
        if (n == null || n.isNull()) {
            return false;
        }
        return n.isBoolean() ? n.booleanValue() : Json.bool(Json.MAPPER.valueToTree(Map.of("v", n)), "v", false);
    }

    private static Optional<String> text(JsonNode n) {
        if (n == null || n.isNull() || n.isContainerNode()) {
            return Optional.empty();
        }
        return Optional.of(n.asText());
    }

    private static List<String> list(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(e -> out.add(e.asText()));
        } else if (!n.isContainerNode()) {
            out.add(n.asText());
        }
        return List.copyOf(out);
    }
}
