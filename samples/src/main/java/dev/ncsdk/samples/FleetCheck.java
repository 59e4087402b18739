package dev.ncsdk.samples;

import dev.ncsdk.appstore.AppStoreClient;
import dev.ncsdk.appstore.cache.ResponseCache;
import dev.ncsdk.appstore.update.Channel;
import dev.ncsdk.appstore.update.FleetReport;
import dev.ncsdk.appstore.update.FleetUpdateCheck;
import dev.ncsdk.appstore.update.ServerCheck;
import dev.ncsdk.appstore.update.ServerInventory;
import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.NcException;
import dev.ncsdk.ocs.NcTransportException;
import dev.ncsdk.ocs.OcsClient;
import dev.ncsdk.ocs.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code update-check --server URL --user USER --password-env VAR} and {@code update-check --servers FILE}: the
 * update check of running servers over OCS, against one read of the store ({@link FleetUpdateCheck}). Every
 * argument, the servers file and each password variable are checked before the first request.
 */
final class FleetCheck {
    /** The largest servers file read: 1 MiB. */
    static final int MAX_SERVERS_FILE_BYTES = 1024 * 1024;

    private final UpdateCheckCommand c;

    FleetCheck(UpdateCheckCommand command) {
        this.c = command;
    }

    /** One server of the fleet: where it is and how to log in (the password already read from its variable). */
    private static final class Target {
        final URI url;
        final Credentials credentials;

        Target(URI url, Credentials credentials) {
            this.url = url;
            this.credentials = credentials;
        }
    }

    /** A usage error found while reading the arguments or the servers file. */
    private static final class Usage extends Exception {
        private static final long serialVersionUID = 1L;

        Usage(String message) {
            super(message, null, false, false);
        }
    }

    int run() {
        PrintWriter err = c.err();
        List<Target> targets;
        Channel channel;
        try {
            channel = parseChannel();
            targets = targets();
        } catch (Usage e) {
            throw Failures.usage(e.getMessage());
        }
        AppStoreClient built;
        try {
            built = AppStoreClient.builder()
                    .baseUri(URI.create(c.store))
                    .userAgent("ncsdk-samples update-check")
                    .cache(c.cache != null ? ResponseCache.onDisk(c.cache) : ResponseCache.none())
                    .build();
        } catch (IllegalArgumentException e) {
            throw Failures.usage("--store: " + Failures.clean(e.getMessage()));
        }
        FleetReport fleet;
        try (AppStoreClient store = built) {
            List<OcsClient> clients = clients(targets);
            try {
                fleet = FleetUpdateCheck.builder(store)
                        .channel(channel)
                        .checkMaxPlatformVersion(c.checkMax)
                        .build()
                        .check(clients);
            } catch (NcException e) {
                throw Failures.talkingTo(c.store, e);
            } finally {
                for (OcsClient client : clients) {
                    client.close();
                }
            }
        }
        PrintWriter out = c.out();
        for (ServerCheck s : fleet.servers()) {
            if (s.checked()) {
                UpdateCheckCommand.warnSkippedReleases(s.report(), err);
            }
        }
        if (c.json) {
            out.println(json(fleet));
        } else {
            printTables(fleet, out);
        }
        c.flush();
        return exitCode(fleet);
    }

    /**
     * The fleet's exit code: {@value Failures#NO_ANSWER} when no server answered, {@value Failures#FAILED} when a
     * server could not be read or an app not judged (or, with {@code --fail-on-update}, has an update), 0 otherwise.
     */
    private int exitCode(FleetReport fleet) {
        boolean anyChecked = false;
        boolean allNoAnswer = true;
        boolean problem = false;
        for (ServerCheck s : fleet.servers()) {
            if (s.checked()) {
                anyChecked = true;
                problem |= !c.judged(s.report()) || c.updateFails(s.report());
            } else {
                problem = true;
                allNoAnswer &= s.error() instanceof NcTransportException;
            }
        }
        if (!anyChecked && allNoAnswer) {
            Failures.print(c.err(), "update-check", "no server answered", null, false);
            return Failures.NO_ANSWER;
        }
        if (problem) {
            Failures.print(
                    c.err(),
                    "update-check",
                    "some server could not be read, or some app not judged"
                            + (c.failOnUpdate ? " or updated (--fail-on-update)" : ""),
                    null,
                    false);
            return Failures.FAILED;
        }
        return 0;
    }

    private Channel parseChannel() throws Usage {
        try {
            return Channel.parse(c.channel);
        } catch (IllegalArgumentException e) {
            throw new Usage(e.getMessage());
        }
    }

    /** Checks the options and reads the servers, with their passwords, before anything is sent. */
    private List<Target> targets() throws Usage {
        if (c.installed != null || !c.apps.isEmpty() || c.platform != null || c.php != null) {
            throw new Usage("--server and --servers read the apps, --platform and PHP from the servers: "
                    + "drop --installed, --app, --platform and --php");
        }
        if (c.timeoutSeconds < 1) {
            throw new Usage("--timeout must be at least 1 second, not " + c.timeoutSeconds);
        }
        if (c.servers != null) {
            if (c.server != null || c.user != null || c.passwordEnv != null) {
                throw new Usage("--servers takes the logins from the file: drop --server, --user and --password-env");
            }
            return readServersFile(c.servers);
        }
        if (c.server == null || c.user == null || c.passwordEnv == null) {
            throw new Usage("--server, --user and --password-env go together");
        }
        return List.of(target(c.server, c.user, c.passwordEnv, "--server"));
    }

    private static Target target(String url, String user, String variable, String where) throws Usage {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Usage(where + ": not a URL: " + url);
        }
        String scheme = uri.getScheme();
        if (scheme == null
                || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                || uri.getHost() == null) {
            throw new Usage(where + ": not an http(s) URL: " + url);
        }
        if (uri.getRawUserInfo() != null) {
            throw new Usage(where + ": no credentials in the URL; name the password's variable instead");
        }
        if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new Usage(where + ": '" + variable + "' is not an environment variable name");
        }
        Secret password;
        try {
            password = Secret.fromEnv(variable);
        } catch (IllegalArgumentException e) {
            throw new Usage(where + ": " + e.getMessage());
        }
        return new Target(uri, Credentials.basic(user, password));
    }

    /**
     * Reads a servers file: {@code URL USER VAR} a line, separated by spaces or tabs; {@code #} starts a comment;
     * blank lines are ignored.
     */
    static List<Target> readServersFile(Path file) throws Usage {
        String text;
        if (!Files.isRegularFile(file)) {
            throw new Usage("--servers: " + file + " is not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_SERVERS_FILE_BYTES + 1);
            if (bytes.length > MAX_SERVERS_FILE_BYTES) {
                throw new Usage("--servers: " + file + " is larger than 1 MiB");
            }
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Usage("--servers: cannot read " + file + ": " + e.getMessage());
        }
        List<Target> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = "--servers " + file + " line " + (i + 1);
            String[] f = line.split("[ \t]+");
            if (f.length != 3) {
                throw new Usage(
                        where + ": expected 'URL USER VAR', got " + f.length + " field" + (f.length == 1 ? "" : "s"));
            }
            out.add(target(f[0], f[1], f[2], where));
        }
        if (out.isEmpty()) {
            throw new Usage("--servers: " + file + " names no server");
        }
        return out;
    }

    /** One client per server; all share the first one's HTTP client (and its connection pool). */
    private List<OcsClient> clients(List<Target> targets) {
        List<OcsClient> clients = new ArrayList<>(targets.size());
        OcsClient first = null;
        try {
            for (Target t : targets) {
                OcsClient.Builder b = first == null
                        ? OcsClient.builder()
                                .userAgent("ncsdk-samples update-check")
                                .requestTimeout(Duration.ofSeconds(c.timeoutSeconds))
                        : first.toBuilder();
                OcsClient client = b.baseUri(t.url).credentials(t.credentials).build();
                if (first == null) {
                    first = client;
                }
                clients.add(client);
            }
        } catch (RuntimeException e) {
            for (OcsClient client : clients) {
                client.close();
            }
            throw e;
        }
        return clients;
    }

    /** A server's failure as one line without Java class names. */
    private static String errorText(ServerCheck s) {
        NcException e = s.error();
        return e instanceof NcTransportException
                ? Failures.talkingTo(s.server().toString(), e).getMessage()
                : Failures.message(e);
    }

    private static void printTables(FleetReport fleet, PrintWriter out) {
        int failed = 0;
        boolean first = true;
        for (ServerCheck s : fleet.servers()) {
            if (!first) {
                out.println();
            }
            first = false;
            if (!s.checked()) {
                failed++;
                out.println("== " + s.server() + " ==");
                out.println("error: " + errorText(s));
                continue;
            }
            ServerInventory inv = s.inventory();
            out.println("== " + s.server() + " (Nextcloud " + inv.platform()
                    + (inv.php() == null ? "" : ", PHP " + inv.php()) + ") ==");
            UpdateCheckCommand.printTable(s.report(), inv.installed().size(), out);
            for (String note : s.notes()) {
                out.println("note: " + note);
            }
        }
        if (fleet.servers().size() > 1 || failed > 0) {
            out.println();
            out.println(
                    (fleet.servers().size() - failed) + " of " + fleet.servers().size() + " servers checked"
                            + (failed == 0 ? "." : "; " + failed + " could not be read."));
        }
    }

    private static StringBuilder json(FleetReport fleet) {
        StringBuilder json = new StringBuilder(256 * fleet.servers().size()).append('[');
        boolean first = true;
        for (ServerCheck s : fleet.servers()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            Json.string(json.append("{\"server\":"), s.server().toString());
            if (s.checked()) {
                ServerInventory inv = s.inventory();
                Json.string(json.append(",\"platform\":"), inv.platform().toString());
                Json.string(json.append(",\"php\":"), inv.php()).append(',');
                UpdateCheckCommand.reportMembers(s.report(), json);
                json.append(",\"notes\":[");
                boolean firstNote = true;
                for (String note : s.notes()) {
                    if (!firstNote) {
                        json.append(',');
                    }
                    firstNote = false;
                    Json.string(json, note);
                }
                json.append("],\"error\":null}");
            } else {
                json.append(",\"platform\":null,\"php\":null,\"updates\":[],\"skipped\":[],\"notInStore\":[],"
                        + "\"notes\":[]");
                Json.string(json.append(",\"error\":"), errorText(s)).append('}');
            }
        }
        return json.append(']');
    }
}
