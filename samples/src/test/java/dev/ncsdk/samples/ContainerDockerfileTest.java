package dev.ncsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The container image's {@code docs/docker/Dockerfile}, read as Docker reads it (continuation lines joined,
 * comments dropped, {@code ${ARG}} replaced by the argument's default): the ExApp runs as a user other than root,
 * has a health check and starts through the start script, and every file it copies from the build context exists
 * (the jar as the samples' build names it). No Docker engine is needed.
 */
class ContainerDockerfileTest {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private Path root;
    private List<String[]> finalStage;
    private final Map<String, String> args = new HashMap<>();

    @BeforeEach
    void read() throws IOException {
        root = Path.of(System.getProperty("ncsdk.fixtures")).getParent();
        List<String[]> instructions = instructions(Files.readAllLines(root.resolve("docs/docker/Dockerfile")));
        int last = -1;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i)[0].equals("FROM")) {
                last = i;
            }
        }
        assertThat(last).as("a FROM").isNotNegative();
        finalStage = instructions.subList(last, instructions.size());
        for (String[] in : instructions) {
            if (in[0].equals("ARG") && in[1].contains("=")) {
                String[] kv = in[1].split("=", 2);
                args.putIfAbsent(kv[0], kv[1]);
            }
        }
    }

    /** Instructions as {keyword, the rest}, with continuation lines joined and comments dropped. */
    private static List<String[]> instructions(List<String> lines) {
        List<String[]> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String t = line.strip();
            if (t.startsWith("#") || (t.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (t.endsWith("\\")) {
                current.append(t, 0, t.length() - 1).append(' ');
                continue;
            }
            current.append(t);
            String joined = current.toString().strip();
            current.setLength(0);
            if (!joined.isEmpty()) {
                String[] parts = joined.split("\\s+", 2);
                out.add(new String[] {parts[0].toUpperCase(java.util.Locale.ROOT), parts.length > 1 ? parts[1] : ""});
            }
        }
        return out;
    }

    private String expand(String s) {
        Matcher m = VARIABLE.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(args.getOrDefault(m.group(1), "")));
        }
        return m.appendTail(b).toString();
    }

    private List<String> all(String keyword) {
        List<String> out = new ArrayList<>();
        for (String[] in : finalStage) {
            if (in[0].equals(keyword)) {
                out.add(in[1]);
            }
        }
        return out;
    }

    @Test
    void theExAppRunsAsAUserOtherThanRoot() {
        List<String> users = all("USER");
        assertThat(users).as("the final stage sets a USER").isNotEmpty();
        String user = users.get(users.size() - 1).split(":")[0];
        assertThat(user).isNotIn("root", "0", "");
        assertThat(String.join("\n", all("RUN"))).contains("useradd").contains(user);
    }

    @Test
    void theHealthCheckCallsTheHeartbeatScript() throws IOException {
        List<String> checks = all("HEALTHCHECK");
        assertThat(checks).hasSize(1);
        assertThat(checks.get(0))
                .contains("--interval=")
                .contains("--timeout=")
                .contains("--start-period=")
                .contains("CMD")
                .contains("/usr/local/bin/healthcheck.sh");
        assertThat(Files.readString(root.resolve("docs/docker/healthcheck.sh"))).contains("GET /heartbeat");
    }

    @Test
    void theEntryPointIsTheStartScriptInExecForm() {
        assertThat(all("ENTRYPOINT")).containsExactly("[\"/usr/local/bin/start-exapp.sh\"]");
    }

    @Test
    void everyCopiedFileExists() throws IOException {
        List<String> copies = new ArrayList<>();
        for (String copy : all("COPY")) {
            List<String> words = new ArrayList<>(List.of(expand(copy).split("\\s+")));
            if (words.stream().anyMatch(w -> w.startsWith("--from="))) {
                continue; // from another stage, not the build context
            }
            words.removeIf(w -> w.startsWith("--"));
            copies.addAll(words.subList(0, words.size() - 1));
        }
        assertThat(copies)
                .contains(
                        "docs/docker/start-exapp.sh",
                        "docs/docker/healthcheck.sh",
                        "docs/docker/cds-training.sh",
                        "samples/target/ncsdk-samples.jar");
        String samplesPom = Files.readString(root.resolve("samples/pom.xml"));
        for (String source : copies) {
            if (source.startsWith("samples/target/")) {
                // a build output: the name the shade plugin gives the runnable jar
                assertThat(samplesPom)
                        .contains("<finalName>"
                                + source.substring("samples/target/".length()).replaceAll("\\.jar$", "")
                                + "</finalName>");
            } else {
                assertThat(root.resolve(source)).as(source).isRegularFile();
            }
        }
    }

    @Test
    void theScriptsTheImageRunsAreTheOnesItCopies() {
        String copied = String.join("\n", all("COPY"));
        for (String script : List.of("start-exapp.sh", "healthcheck.sh", "cds-training.sh")) {
            assertThat(copied).contains("docs/docker/" + script);
            assertThat(root.resolve("docs/docker/" + script)).isExecutable();
        }
        assertThat(copied).contains("/usr/local/bin/");
    }
}
