package dev.ncsdk.samples;

import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.appapi.app.Notification;
import dev.ncsdk.appapi.app.files.NextcloudFiles;
import dev.ncsdk.appapi.app.ui.ExAppUi;
import dev.ncsdk.appapi.app.ui.FileAction;
import dev.ncsdk.appapi.app.ui.FileActionNode;
import dev.ncsdk.appapi.app.ui.FileActionRequest;
import dev.ncsdk.appapi.app.ui.OccArgument;
import dev.ncsdk.appapi.app.ui.OccCommand;
import dev.ncsdk.appapi.app.ui.OccOption;
import dev.ncsdk.appapi.app.ui.SettingsField;
import dev.ncsdk.appapi.app.ui.SettingsForm;
import dev.ncsdk.appapi.exapp.ExApp;
import dev.ncsdk.appapi.exapp.ExAppHttpException;
import dev.ncsdk.appapi.exapp.HttpMethod;
import dev.ncsdk.appapi.exapp.Response;
import dev.ncsdk.appapi.manifest.AccessLevel;
import dev.ncsdk.ocs.NcNotFoundException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hello ExApp's places in Nextcloud's web interface and command line:
 *
 * <ul>
 *   <li>a top-menu entry "Hello" whose page ({@code js/hello.js}, served by the app) greets the user with the
 *       greeting an admin set;
 *   <li>an admin settings form (section "Additional settings") with that greeting;
 *   <li>a file action "Size and SHA-256" that reads each picked file over WebDAV and reports its size and SHA-256
 *       to the user as a notification;
 *   <li>an occ command {@code hello:hash <user> <path>...} doing the same on the command line, a line per file.
 * </ul>
 *
 * <p>{@link #routes} declares the routes (the browser reaches them through AppAPI's proxy, so they are in the
 * manifest) and the occ command; {@link #register} registers the menu entry, page parts, settings form and file
 * action each time Nextcloud enables the app (the runtime registers the occ command itself).
 */
final class HelloUi {
    /** The top-menu entry's name. */
    static final String MENU = "hello";
    /** The file action's name. */
    static final String FILE_ACTION = "hello_hash";
    /** The settings form's id. */
    static final String SETTINGS_FORM = "hello_exapp_settings";
    /** The app config key the settings form stores the greeting under. */
    static final String GREETING = "greeting";

    private static final String DEFAULT_GREETING = "Hello";

    /** The page's script: reads the initial state Nextcloud put into the page, then asks the app for the greeting. */
    private static final String PAGE_JS = """
            (function () {
              const state = document.getElementById('initial-state-app_api-hello_page');
              const page = state ? JSON.parse(atob(state.value)) : { title: 'Hello' };
              const root = document.getElementById('content') || document.body;
              const h = document.createElement('h2');
              h.textContent = page.title;
              root.appendChild(h);
              fetch('api/greeting', { headers: { requesttoken: (window.OC && OC.requestToken) || '' } })
                .then(r => r.json())
                .then(g => { h.textContent = g.greeting + ', ' + g.user + '!'; });
            })();
            """;

    private static final String ICON_SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\">"
            + "<circle cx=\"8\" cy=\"8\" r=\"7\" fill=\"currentColor\"/></svg>";

    private HelloUi() {}

    /** The occ command: {@code occ hello:hash <user> <path>... [--algorithm=SHA-256]}. */
    static OccCommand hashCommand() {
        return OccCommand.builder("hello:hash", "/occ/hash")
                .description("Prints the size and digest of a user's files")
                .argument(OccArgument.required("user", "Whose files"))
                .argument(OccArgument.array("paths", "Paths in the user's files"))
                .option(OccOption.required("algorithm", "a", "A MessageDigest algorithm", "SHA-256"))
                .usage("hello:hash alice /Documents/report.pdf")
                .build();
    }

    /**
     * Adds the page, its API, the file action's handler and the occ command to an ExApp.
     *
     * @param app the builder
     * @return the same builder
     */
    static ExApp.Builder routes(ExApp.Builder app) {
        return app.route(
                        HttpMethod.GET,
                        "/js/hello.js",
                        AccessLevel.USER,
                        req -> Response.bytes(
                                PAGE_JS.getBytes(StandardCharsets.UTF_8), "text/javascript; charset=utf-8"))
                .route(
                        HttpMethod.GET,
                        "/img/*",
                        AccessLevel.PUBLIC,
                        req -> Response.bytes(ICON_SVG.getBytes(StandardCharsets.UTF_8), "image/svg+xml"))
                .route(
                        HttpMethod.GET,
                        "/api/greeting",
                        AccessLevel.USER,
                        req -> Response.json(Map.of(
                                "greeting",
                                        req.nextcloud()
                                                .appConfig()
                                                .get(GREETING)
                                                .orElse(DEFAULT_GREETING),
                                "user", req.user())))
                .route(HttpMethod.POST, "/actions/hash", AccessLevel.USER, req -> {
                    FileActionRequest action;
                    try {
                        action = FileActionRequest.parse(req.body());
                    } catch (IllegalArgumentException e) {
                        throw new ExAppHttpException(400, e.getMessage());
                    }
                    NextcloudFiles files = req.nextcloud().files(); // as the user who picked the action
                    List<Map<String, Object>> reports = new ArrayList<>();
                    for (FileActionNode f : action.files()) {
                        if (f.isDirectory()) {
                            continue;
                        }
                        Digest d = digest(files, f.path(), "SHA-256");
                        req.nextcloud()
                                .notifications()
                                .send(Notification.builder(f.name() + ": " + d.size() + " bytes")
                                        .message("SHA-256 " + d.hex())
                                        .object("file", Long.toString(f.fileId()))
                                        .build());
                        Map<String, Object> r = new LinkedHashMap<>();
                        r.put("path", f.path());
                        r.put("size", d.size());
                        r.put("sha256", d.hex());
                        reports.add(r);
                    }
                    return Response.json(Map.of("files", reports));
                })
                .occCommand(hashCommand(), (occ, out, nc) -> {
                    String user = occ.argument("user").orElseThrow();
                    String algorithm = occ.option("algorithm").orElse("SHA-256");
                    NextcloudFiles files = nc.files(user);
                    List<String> paths = occ.argumentList("paths");
                    if (paths.isEmpty()) {
                        out.println("name at least one path");
                        return;
                    }
                    for (String path : paths) {
                        try {
                            Digest d = digest(files, path, algorithm); // each line goes out as soon as it is ready
                            out.printf("%s  %d bytes  %s %s%n", path, d.size(), algorithm, d.hex());
                        } catch (NcNotFoundException e) {
                            out.println(path + ": no such file");
                        }
                    }
                });
    }

    /**
     * Registers the top-menu entry with its page parts, the settings form and the file action.
     *
     * @param nc Nextcloud as the ExApp
     */
    static void register(NextcloudApp nc) {
        nc.ui().topMenu().register(MENU, "Hello", "img/hello.svg", false);
        nc.ui().scripts().set(ExAppUi.TOP_MENU, MENU, "js/hello", "");
        nc.ui().initialState().set(ExAppUi.TOP_MENU, MENU, "hello_page", Map.of("title", "Hello from Java"));
        nc.settings()
                .register(SettingsForm.admin(SETTINGS_FORM, "additional", "Hello ExApp")
                        .description("What the Hello page says")
                        .field(SettingsField.text(GREETING, "Greeting")
                                .placeholder(DEFAULT_GREETING)
                                .defaultValue(DEFAULT_GREETING)
                                .build())
                        .build());
        nc.ui()
                .fileActions()
                .register(FileAction.builder(FILE_ACTION, "Size and SHA-256", "/actions/hash")
                        .icon("img/hello.svg")
                        .permissions(FileAction.READ)
                        .build());
    }

    /** A file's size and digest. */
    record Digest(long size, String hex) {}

    /** Streams a file through a digest: the file is never held in memory. */
    static Digest digest(NextcloudFiles files, String path, String algorithm) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new ExAppHttpException(400, "no such digest algorithm: " + algorithm);
        }
        long size = files.download(path, new OutputStream() {
            @Override
            public void write(int b) {
                md.update((byte) b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                md.update(b, off, len);
            }
        });
        return new Digest(size, HexFormat.of().formatHex(md.digest()));
    }
}
