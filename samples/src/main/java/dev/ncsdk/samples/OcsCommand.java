package dev.ncsdk.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.NcException;
import dev.ncsdk.ocs.OcsApiVersion;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.OcsFormat;
import dev.ncsdk.ocs.OcsMeta;
import dev.ncsdk.ocs.OcsRequest;
import dev.ncsdk.ocs.OcsResponse;
import dev.ncsdk.ocs.RetryPolicy;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ocs}: a typed curl for OCS. Sends one request to {@code /ocs/v2.php<PATH>} (or v1) and prints
 * {@code {"meta": {...}, "data": ...}}. By default the data is printed in a canonical form that is the same
 * whether the server answered in XML or JSON (XML carries no types, so every value is printed as the text XML
 * would carry: {@code 32} as {@code "32"}, {@code true} as {@code "1"}, {@code false} and {@code null} as
 * {@code ""}); {@code --raw} prints the server's own tree instead.
 *
 * <p>Exit codes as {@link Failures} defines them: 1 when the server answered with a failure.
 */
@Command(
        name = "ocs",
        mixinStandardHelpOptions = true,
        description = "Sends one OCS request and prints {\"meta\": ..., \"data\": ...}.",
        footer = "%nExample: ncsdk-samples ocs --url https://cloud.example.com GET /cloud/capabilities")
public final class OcsCommand extends SampleCommand {
    private static final Pattern XML_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*");
    private static final Set<String> QUERY_METHODS = Set.of("GET", "DELETE");
    /** The methods OCS routes use. */
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @Option(
            names = "--url",
            paramLabel = "URL",
            required = true,
            description = "Nextcloud base URL, may have a sub-path.")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "Login name (with --password-env).")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding the password.")
    String passwordEnv;

    @Option(
            names = "--method",
            paramLabel = "METHOD",
            description = "GET, POST, PUT, PATCH or DELETE; instead of METHOD before PATH (default: GET).")
    String methodOption;

    @Option(names = "--xml", description = "Ask for XML instead of JSON.")
    boolean xml;

    @Option(names = "--v1", description = "Use /ocs/v1.php instead of /ocs/v2.php.")
    boolean v1;

    @Option(names = "--raw", description = "Print the data as the server typed it instead of the canonical form.")
    boolean raw;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "Request timeout in seconds (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds = 30;

    @Parameters(
            arity = "1..*",
            paramLabel = "[METHOD] PATH [name=value...]",
            hideParamSyntax = true,
            description = {
                "METHOD: GET, POST, PUT, PATCH or DELETE (default: GET).",
                "PATH: the route after /ocs/v2.php, e.g. /cloud/capabilities.",
                "name=value: query parameters (GET, DELETE) or form fields (POST, PUT, PATCH)."
            })
    List<String> arguments = new ArrayList<>();

    @Override
    String problemExit() {
        return "the server answered with a failure (HTTP or OCS status)";
    }

    @Override
    public Integer call() {
        PrintWriter out = out();
        Inputs.httpUrl("--url", url);
        Inputs.positiveSeconds("--timeout", timeoutSeconds);
        if ((user == null) != (passwordEnv == null)) {
            throw Failures.usage("--user and --password-env go together");
        }
        List<String> rest = new ArrayList<>(arguments);
        String method;
        String first = rest.get(0);
        boolean methodFirst = first.matches("[A-Za-z]+")
                && (rest.size() > 1 || METHODS.contains(first.toUpperCase(java.util.Locale.ROOT)));
        if (methodOption != null) {
            if (methodFirst && rest.size() > 1 && rest.get(1).startsWith("/")) {
                throw Failures.usage("give the method once: --method " + methodOption + " or " + first + ", not both");
            }
            method = methodOption;
        } else if (methodFirst) {
            method = rest.remove(0);
        } else {
            method = "GET";
        }
        method = method.toUpperCase(java.util.Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw Failures.usage("unknown method '" + (methodOption != null ? methodOption : method) + "' (one of "
                    + String.join(", ", METHODS) + ")");
        }
        if (rest.isEmpty() || rest.get(0).indexOf('=') >= 0) {
            throw Failures.usage("give the PATH, e.g. /cloud/capabilities");
        }
        String path = rest.remove(0);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String p : rest) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw Failures.usage("parameters are name=value, got: " + p);
            }
            fields.put(p.substring(0, eq), p.substring(eq + 1));
        }
        OcsClient.Builder b;
        OcsRequest.Builder rb;
        try {
            b = OcsClient.builder()
                    .baseUri(java.net.URI.create(url))
                    .format(xml ? OcsFormat.XML : OcsFormat.JSON)
                    .apiVersion(v1 ? OcsApiVersion.V1 : OcsApiVersion.V2)
                    .requestTimeout(Duration.ofSeconds(timeoutSeconds))
                    .retryPolicy(RetryPolicy.defaults());
            if (user != null) {
                b.credentials(Credentials.basic(user, Inputs.secretFromEnv("--password-env", passwordEnv)));
            }
            rb = OcsRequest.builder(method, path);
        } catch (IllegalArgumentException e) {
            throw Failures.usage(Failures.clean(e.getMessage()));
        }
        if (QUERY_METHODS.contains(method)) {
            rb.query(fields);
        } else if (!fields.isEmpty()) {
            rb.formBody(fields);
        }
        try (OcsClient nc = b.build()) {
            OcsResponse<JsonNode> r = nc.ocs(rb.build());
            out.println(render(r.meta(), raw ? r.rawData() : canonical(r.rawData())));
            out.flush();
            return 0;
        } catch (NcException e) {
            throw Failures.talkingTo(url, e);
        }
    }

    private static String render(OcsMeta meta, JsonNode data) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode mn = root.putObject("meta");
        mn.put("status", meta.status());
        mn.put("statuscode", meta.statusCode());
        mn.put("message", meta.message());
        mn.put("totalitems", meta.totalItems());
        mn.put("itemsperpage", meta.itemsPerPage());
        root.set("data", data);
        return Json.pretty(root);
    }

    /**
     * The tree as XML would carry it, so JSON and XML answers print the same: scalars become their text
     * ({@code true} → {@code "1"}, {@code false}/{@code null} → {@code ""}), empty lists and objects inside the
     * data become {@code ""} (XML writes both as an empty element), objects keyed by integers become lists and
     * keys that are no XML name are dropped (Nextcloud's XML writer does both).
     *
     * @param n the data tree
     * @return the canonical tree
     */
    static JsonNode canonical(JsonNode n) {
        if (n.isContainerNode() && n.isEmpty()) {
            return JsonNodeFactory.instance.arrayNode(); // empty data: [] in JSON, <data/> in XML
        }
        return canonicalInner(n);
    }

    private static JsonNode canonicalInner(JsonNode n) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (n.isObject()) {
            if (n.isEmpty()) {
                return f.textNode("");
            }
            boolean allNumeric = true;
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                allNumeric &= e.getKey().matches("\\d{1,18}");
            }
            if (allNumeric) {
                // PHP arrays with integer keys (flags, levels) are <element> lists in XML
                ArrayNode a = f.arrayNode();
                n.forEach(c -> a.add(canonicalInner(c)));
                return a;
            }
            ObjectNode o = f.objectNode();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                // a key that is no XML name ("$comment") is dropped from the XML answer
                if (XML_NAME.matcher(e.getKey()).matches()) {
                    o.set(e.getKey(), canonicalInner(e.getValue()));
                }
            }
            return o;
        }
        if (n.isArray()) {
            if (n.isEmpty()) {
                return f.textNode("");
            }
            ArrayNode a = f.arrayNode();
            n.forEach(c -> a.add(canonicalInner(c)));
            return a;
        }
        if (n.isBoolean()) {
            return f.textNode(n.booleanValue() ? "1" : "");
        }
        if (n.isNull() || n.isMissingNode()) {
            return f.textNode("");
        }
        return f.textNode(n.asText());
    }
}
