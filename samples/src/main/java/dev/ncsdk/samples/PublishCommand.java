package dev.ncsdk.samples;

import dev.ncsdk.appstore.AppStorePublisher;
import dev.ncsdk.appstore.publish.DownloadCheck;
import dev.ncsdk.appstore.publish.DownloadCheckException;
import dev.ncsdk.appstore.publish.PublishOutcome;
import dev.ncsdk.appstore.publish.ReleaseUpload;
import dev.ncsdk.appstore.signing.AppSigner;
import dev.ncsdk.appstore.signing.SigningException;
import dev.ncsdk.ocs.Credentials;
import dev.ncsdk.ocs.NcException;
import dev.ncsdk.ocs.Secret;
import java.io.PrintWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Publishes a release: downloads the URL, signs exactly the bytes it serves, checks them again as the store
 * will, and posts the release. {@code --dry-run} does everything but the post and prints the request body.
 */
@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description = "Sign the archive a URL serves and publish it to the App Store (checked before posting).",
        footer = "%nExample: ncsdk-samples publish --token-env APPSTORE_TOKEN --key news.key --download URL --dry-run")
public final class PublishCommand extends SampleCommand {
    @Option(
            names = "--store",
            paramLabel = "URL",
            description = "The store's API base URL; default: ${DEFAULT-VALUE}.",
            defaultValue = AppStorePublisher.DEFAULT_BASE_URI)
    String store;

    @Option(
            names = "--token-env",
            paramLabel = "VAR",
            required = true,
            description = "Environment variable holding the App Store API token (may be unset with --dry-run).")
    String tokenEnv;

    @Option(
            names = "--download",
            paramLabel = "URL",
            required = true,
            description = "The https URL the store downloads the archive from.")
    String download;

    @Option(names = "--key", paramLabel = "FILE", required = true, description = "The app's private key (PEM).")
    Path key;

    @Option(
            names = "--password-env",
            paramLabel = "VAR",
            description = "Environment variable holding the key's password.")
    String passwordEnv;

    @Option(names = "--nightly", description = "Publish as a nightly (the store drops earlier nightlies).")
    boolean nightly;

    @Option(names = "--dry-run", description = "Download, sign and check, print the request, but do not publish.")
    boolean dryRun;

    @Option(
            names = "--insecure",
            description = "Trust any TLS certificate and host name (only for tests against a local mock store).")
    boolean insecure;

    @Option(
            names = "--allow-insecure-http",
            description = "Allow sending the token over plain http to a --store that is not on this machine"
                    + " (anyone on the network path can read it).")
    boolean allowInsecureHttp;

    /** Creates the command (picocli). */
    public PublishCommand() {}

    @Override
    String problemExit() {
        return "the archive fails the store's checks, or the store refused the release";
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        Inputs.httpUrl("--store", store);
        URI downloadUri = Inputs.httpUrl("--download", download);
        if (!"https".equalsIgnoreCase(downloadUri.getScheme())) {
            throw Failures.usage("--download: the store downloads releases over https only: " + download);
        }
        Inputs.readableFile("--key", key);
        Inputs.variableName("--token-env", tokenEnv);
        String token = Secrets.valueOrNull(tokenEnv);
        if (token == null && !dryRun) {
            throw Failures.usage("--token-env: environment variable " + tokenEnv + " is not set or empty");
        }
        Secret password = passwordEnv == null ? null : Inputs.secretFromEnv("--password-env", passwordEnv);
        AppSigner signer;
        try {
            signer = AppSigner.fromFile(key, password);
        } catch (SigningException e) {
            throw Failures.unreadable("--key: " + Failures.clean(e.getMessage()), e);
        }
        AppStorePublisher.Builder b;
        try {
            b = AppStorePublisher.builder()
                    .baseUri(java.net.URI.create(store))
                    .credentials(token == null ? Credentials.none() : Credentials.token(Secret.of(token)))
                    .allowInsecureHttp(allowInsecureHttp);
        } catch (IllegalArgumentException e) {
            throw Failures.usage("--store: " + Failures.clean(e.getMessage()));
        }
        if (insecure) {
            b.httpClient(trustAll());
        }
        try (AppStorePublisher publisher = b.build()) {
            byte[] archive;
            try {
                archive = publisher.downloadArchive(downloadUri);
            } catch (DownloadCheckException e) {
                throw Failures.problem(Failures.clean(e.getMessage()));
            } catch (NcException e) {
                throw Failures.talkingTo(download, e);
            }
            String signature = signer.sign(archive);
            ReleaseUpload upload;
            try {
                upload = ReleaseUpload.builder(download, signature)
                        .nightly(nightly)
                        .verifyWith(signer.publicKey())
                        .build();
            } catch (IllegalArgumentException e) {
                throw Failures.usage("--download: " + Failures.clean(e.getMessage()));
            }
            try {
                if (dryRun) {
                    DownloadCheck check = publisher.checkDownload(upload.download(), signature, signer.publicKey());
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("download", upload.download().toString());
                    body.put("signature", upload.signature());
                    body.put("nightly", upload.nightly());
                    out.println("dry run: " + check.report().appId().orElse("?") + " " + check.bytes()
                            + " bytes, sha256 " + check.sha256() + "; would POST " + publisher.baseUri()
                            + "/apps/releases:");
                    out.println(Json.pretty(body));
                    out.flush();
                    return 0;
                }
                PublishOutcome outcome = publisher.publish(upload);
                out.println("published " + download + ": " + outcome);
                out.flush();
                return 0;
            } catch (DownloadCheckException e) {
                throw Failures.problem(Failures.clean(e.getMessage()));
            } catch (NcException e) {
                throw Failures.talkingTo(store, e);
            }
        }
    }

    private static HttpClient trustAll() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(
                null,
                new TrustManager[] {
                    new X509ExtendedTrustManager() {
                        @Override
                        public void checkClientTrusted(X509Certificate[] c, String a, Socket s) {}

                        @Override
                        public void checkServerTrusted(X509Certificate[] c, String a, Socket s) {}

                        @Override
                        public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) {}

                        @Override
                        public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) {}

                        @Override
                        public void checkClientTrusted(X509Certificate[] c, String a) {}

                        @Override
                        public void checkServerTrusted(X509Certificate[] c, String a) {}

                        @Override
                        public X509Certificate[] getAcceptedIssuers() {
                            return new X509Certificate[0];
                        }
                    }
                },
                null);
        return HttpClient.newBuilder()
                .sslContext(ctx)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
