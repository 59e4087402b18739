package dev.ncsdk.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * <p>Exit codes: 0 success, 1 the server answered with a failure (the typed error's message goes to standard
 * error), 2 bad usage, 3 no answer (connection failure, timeout).
 */
@Command(
        name = "ocs",
        mixinStandardHelpOptions = true,
        description = {
            "Sends one OCS request and prints {\"meta\": ..., \"data\": ...}.",
            "Example: ocs --url https://cloud.example.com --user admin --password-env NC_PASSWORD GET /cloud/capabilities"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the server answered with a failure", "2:bad usage", "3:no answer"})
public final class OcsCommand extends SampleCommand {
    private static final Pattern XML_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*");
    private static final Set<String> QUERY_METHODS = Set.of("GET", "HEAD", "DELETE", "OPTIONS");

    @Option(names = "--url", required = true, description = "Nextcloud base URL, may have a sub-path")
    String url;

    @Option(names = "--user", description = "login name")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "environment variable holding the password")
    String passwordEnv;

    @Option(names = "--xml", description = "ask for XML instead of JSON")
    boolean xml;

    @Option(names = "--v1", description = "use /ocs/v1.php instead of /ocs/v2.php")
    boolean v1;

    @Option(names = "--raw", description = "print the data as the server typed it instead of the canonical form")
    boolean raw;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "request timeout (default ${DEFAULT-VALUE})")
    long timeoutSeconds = 30;

    @Parameters(index = "0", paramLabel = "METHOD", description = "GET, POST, PUT or DELETE")
    String method;

    @Parameters(index = "1", paramLabel = "PATH", description = "the route after /ocs/v2.php, e.g. /cloud/capabilities")
    String path;

    @Parameters(
            index = "2..*",
            paramLabel = "name=value",
            description = "query parameters (GET, DELETE) or form fields (POST, PUT)")
    List<String> params = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        if ((user == null) != (passwordEnv == null)) {
            return Failures.usage(err, "--user and --password-env go together");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                return Failures.usage(err, "parameters are name=value, got: " + p);
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
                    .requestTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds)))
                    .retryPolicy(RetryPolicy.defaults());
            if (user != null) {
                b.credentials(Secrets.basic(user, passwordEnv));
            }
            rb = OcsRequest.builder(method, path);
        } catch (IllegalArgumentException e) {
            return Failures.usage(err, e.getMessage());
        }
        if (QUERY_METHODS.contains(method.toUpperCase(java.util.Locale.ROOT))) {
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
            return Failures.report(err, e);
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
