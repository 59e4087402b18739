package dev.ncsdk.appapi.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;
import dev.ncsdk.ocs.Secret;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What AppAPI reads from an ExApp's manifest: id, name, version, and the {@code <external-app>} part of
 * {@code info.xml} (Docker image, routes, environment variables). Build one with {@link #builder}, check it with
 * {@link #problems()} / {@link #validate()}, write it with {@link #toExternalAppXml()}, or turn it into the
 * {@code --json-info} document of a manual-install registration with {@link #jsonInfo}.
 *
 * <pre>{@code
 * ExAppManifest m = ExAppManifest.builder("hello_java", "Hello Java", "1.0.0")
 *         .docker(DockerImage.of("ghcr.io", "example/hello-java", "1.0.0"))
 *         .route(ExAppRoute.of("^/api/.*", "GET,POST", AccessLevel.USER))
 *         .env(EnvironmentVariable.of("GREETING", "Hello"))
 *         .build();                      // throws ManifestException listing what AppAPI would refuse
 * String xml = m.toExternalAppXml();     // paste into appinfo/info.xml
 * }</pre>
 *
 * @param id the app id
 * @param name the app name
 * @param version the version (SemVer)
 * @param docker the image, or {@code null} (manual-install ExApps have none)
 * @param routes the routes reachable through the proxy or HaRP
 * @param environmentVariables the declared environment variables
 * @since 0.1.0
 */
public record ExAppManifest(
        String id,
        String name,
        String version,
        DockerImage docker,
        List<ExAppRoute> routes,
        List<EnvironmentVariable> environmentVariables) {

    private static final Pattern APP_ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern SEMVER =
            Pattern.compile("\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * Copies the lists and fills empty strings for absent text.
     *
     * @param id the id
     * @param name the name
     * @param version the version
     * @param docker the image
     * @param routes the routes
     * @param environmentVariables the variables
     */
    public ExAppManifest {
        id = id == null ? "" : id.trim();
        name = name == null ? "" : name;
        version = version == null ? "" : version.trim();
        routes = routes == null ? List.of() : List.copyOf(routes);
        environmentVariables = environmentVariables == null ? List.of() : List.copyOf(environmentVariables);
    }

    /**
     * Starts a manifest.
     *
     * @param id the app id
     * @param name the app name
     * @param version the version
     * @return a builder
     */
    public static Builder builder(String id, String name, String version) {
        return new Builder(id, name, version);
    }

    /**
     * Everything AppAPI would refuse or misread, in the order found.
     *
     * @return the problems, empty when none
     */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (id.isEmpty()) {
            p.add("id is required");
        } else if (!APP_ID.matcher(id).matches()) {
            p.add("id must be lower-case letters, digits and underscores, starting with a letter: '" + id + "'");
        }
        if (name.isBlank()) {
            p.add("name is required");
        }
        if (version.isEmpty()) {
            p.add("version is required");
        } else if (!SEMVER.matcher(version).matches()) {
            p.add("version must be SemVer (major.minor.patch): '" + version + "'");
        }
        if (docker != null) {
            p.addAll(docker.problems());
        }
        for (int i = 0; i < routes.size(); i++) {
            p.addAll(routes.get(i).problems(i));
        }
        Set<String> seen = new HashSet<>();
        for (EnvironmentVariable v : environmentVariables) {
            if (!ENV_NAME.matcher(v.name()).matches()) {
                p.add("environment variable name is not valid: '" + v.name() + "'");
            } else if (!seen.add(v.name())) {
                p.add("environment variable declared twice: " + v.name());
            }
        }
        return List.copyOf(p);
    }

    /**
     * Throws when there are {@link #problems()}.
     *
     * @return this manifest
     * @throws ManifestException listing every problem
     */
    public ExAppManifest validate() {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new ManifestException("ExApp manifest '" + id + "'", p);
        }
        return this;
    }

    /**
     * The {@code <external-app>} element for {@code appinfo/info.xml}: access levels by name, the JSON lists of
     * {@code headers_to_exclude} and {@code bruteforce_protection} as text (AppAPI 35 refuses nested XML there).
     *
     * @return the XML fragment, indented by two spaces per level
     */
    public String toExternalAppXml() {
        StringBuilder x = new StringBuilder("<external-app>\n");
        if (docker != null) {
            x.append("  <docker-install>\n");
            element(x, 4, "registry", docker.registry());
            element(x, 4, "image", docker.image());
            element(x, 4, "image-tag", docker.tag());
            x.append("  </docker-install>\n");
        }
        if (!routes.isEmpty()) {
            x.append("  <routes>\n");
            for (ExAppRoute r : routes) {
                x.append("    <route>\n");
                element(x, 6, "url", r.url());
                element(x, 6, "verb", r.verbList());
                element(x, 6, "access_level", r.accessLevel().name());
                element(x, 6, "headers_to_exclude", Json.text(Json.MAPPER.valueToTree(r.headersToExclude()), false));
                if (!r.bruteforceProtection().isEmpty()) {
                    element(
                            x,
                            6,
                            "bruteforce_protection",
                            Json.text(Json.MAPPER.valueToTree(r.bruteforceProtection()), false));
                }
                x.append("    </route>\n");
            }
            x.append("  </routes>\n");
        }
        if (!environmentVariables.isEmpty()) {
            x.append("  <environment-variables>\n");
            for (EnvironmentVariable v : environmentVariables) {
                x.append("    <variable>\n");
                element(x, 6, "name", v.name());
                element(x, 6, "display-name", v.displayName());
                if (!v.description().isEmpty()) {
                    element(x, 6, "description", v.description());
                }
                if (!v.defaultValue().isEmpty()) {
                    element(x, 6, "default", v.defaultValue());
                }
                x.append("    </variable>\n");
            }
            x.append("  </environment-variables>\n");
        }
        return x.append("</external-app>\n").toString();
    }

    private static void element(StringBuilder x, int indent, String tag, String text) {
        x.append(" ".repeat(indent)).append('<').append(tag).append('>');
        x.append(escape(text)).append("</").append(tag).append(">\n");
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '&':
                    b.append("&amp;");
                    break;
                default:
                    b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The {@code --json-info} document for registering this ExApp on a manual-install daemon.
     *
     * @param secret the ExApp's {@code APP_SECRET}
     * @param port the port the ExApp listens on
     * @param daemonConfigName the manual-install daemon, or {@code null} for AppAPI's default
     * @return the document
     */
    public JsonInfo jsonInfo(Secret secret, int port, String daemonConfigName) {
        return new JsonInfo(this, secret, port, daemonConfigName);
    }

    /**
     * Reads an {@code info.xml}: id, name, version and {@code <external-app>}. Lenient like AppAPI (access levels by
     * name or number), but values it could not read are reported, not guessed: a route without {@code verb} stays
     * without one, so {@link #problems()} names it. DOCTYPEs are refused.
     *
     * @param xml the document
     * @return the manifest, not validated
     * @throws ManifestException when the document is not an {@code <info>} XML document or an access level is
     *     unknown
     */
    public static ExAppManifest fromInfoXml(String xml) {
        Objects.requireNonNull(xml, "xml");
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            doc = b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new ManifestException("info.xml", List.of("not a well-formed XML document (" + e.getMessage() + ")"));
        }
        Element info = doc.getDocumentElement();
        if (info == null || !"info".equals(info.getTagName())) {
            throw new ManifestException("info.xml", List.of("the root element must be <info>"));
        }
        Element ext = child(info, "external-app");
        DockerImage docker = null;
        List<ExAppRoute> routes = new ArrayList<>();
        List<EnvironmentVariable> env = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (ext != null) {
            Element d = child(ext, "docker-install");
            if (d != null) {
                docker = new DockerImage(text(d, "registry"), text(d, "image"), text(d, "image-tag"));
            }
            Element rs = child(ext, "routes");
            if (rs != null) {
                for (Element r : children(rs, "route")) {
                    try {
                        routes.add(new ExAppRoute(
                                text(r, "url"),
                                ExAppRoute.splitVerbs(text(r, "verb")),
                                AccessLevel.parse(text(r, "access_level")),
                                jsonStrings(r, "headers_to_exclude", problems),
                                jsonInts(r, "bruteforce_protection", problems)));
                    } catch (IllegalArgumentException e) {
                        problems.add("route '" + text(r, "url") + "': " + e.getMessage());
                    }
                }
            }
            Element es = child(ext, "environment-variables");
            if (es != null) {
                for (Element v : children(es, "variable")) {
                    String n = text(v, "name");
                    if (n == null || n.isBlank()) {
                        problems.add("environment variable without a name");
                        continue;
                    }
                    env.add(new EnvironmentVariable(
                            n, text(v, "display-name"), text(v, "description"), text(v, "default")));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ManifestException("info.xml", problems);
        }
        return new ExAppManifest(text(info, "id"), text(info, "name"), text(info, "version"), docker, routes, env);
    }

    private static List<String> jsonStrings(Element parent, String tag, List<String> problems) {
        JsonNode n = jsonText(parent, tag, problems);
        List<String> out = new ArrayList<>();
        if (n != null) {
            n.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    private static List<Integer> jsonInts(Element parent, String tag, List<String> problems) {
        JsonNode n = jsonText(parent, tag, problems);
        List<Integer> out = new ArrayList<>();
        if (n != null) {
            for (JsonNode x : n) {
                if (x.canConvertToInt() || x.isTextual() && x.asText().matches("\\d{1,3}")) {
                    out.add(x.asInt());
                } else {
                    problems.add(tag + " must be a JSON list of HTTP statuses, got " + x);
                }
            }
        }
        return out;
    }

    private static JsonNode jsonText(Element parent, String tag, List<String> problems) {
        Element e = child(parent, tag);
        if (e == null) {
            return null;
        }
        if (child(e, null) != null) {
            problems.add(tag + " must be a JSON list written as text (such as [\"x\"]), not nested XML");
            return null;
        }
        String t = e.getTextContent().trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            JsonNode n = Json.parse(t);
            if (!n.isArray()) {
                problems.add(tag + " must be a JSON list, got " + t);
                return null;
            }
            return n;
        } catch (IllegalArgumentException ex) {
            problems.add(tag + " must be a JSON list, got " + t);
            return null;
        }
    }

    private static Element child(Element parent, String tag) {
        NodeList l = parent.getChildNodes();
        for (int i = 0; i < l.getLength(); i++) {
            Node n = l.item(i);
            if (n instanceof Element && (tag == null || tag.equals(((Element) n).getTagName()))) {
                return (Element) n;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList l = parent.getChildNodes();
        for (int i = 0; i < l.getLength(); i++) {
            Node n = l.item(i);
            if (n instanceof Element && tag.equals(((Element) n).getTagName())) {
                out.add((Element) n);
            }
        }
        return out;
    }

    private static String text(Element parent, String tag) {
        Element e = child(parent, tag);
        return e == null ? null : e.getTextContent().trim();
    }

    /**
     * Builds an {@link ExAppManifest}; {@link #build()} validates.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final String id;
        private final String name;
        private final String version;
        private DockerImage docker;
        private final List<ExAppRoute> routes = new ArrayList<>();
        private final List<EnvironmentVariable> env = new ArrayList<>();

        private Builder(String id, String name, String version) {
            this.id = id;
            this.name = name;
            this.version = version;
        }

        /**
         * Sets the Docker image.
         *
         * @param image the image
         * @return this builder
         */
        public Builder docker(DockerImage image) {
            this.docker = image;
            return this;
        }

        /**
         * Adds a route.
         *
         * @param route the route
         * @return this builder
         */
        public Builder route(ExAppRoute route) {
            routes.add(Objects.requireNonNull(route, "route"));
            return this;
        }

        /**
         * Declares an environment variable.
         *
         * @param variable the variable
         * @return this builder
         */
        public Builder env(EnvironmentVariable variable) {
            env.add(Objects.requireNonNull(variable, "variable"));
            return this;
        }

        /**
         * Builds and validates the manifest.
         *
         * @return the manifest
         * @throws ManifestException listing what AppAPI would refuse
         */
        public ExAppManifest build() {
            return new ExAppManifest(id, name, version, docker, routes, env).validate();
        }
    }
}
