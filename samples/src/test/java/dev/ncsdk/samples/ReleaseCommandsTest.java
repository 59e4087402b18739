package dev.ncsdk.samples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ncsdk.appstore.signing.AppSigner;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Random;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v1CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ReleaseCommandsTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().dynamicHttpsPort())
            .build();

    private static final Instant FROM = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2040-01-01T00:00:00Z");

    static KeyPair rootKey;
    static KeyPair interKey;
    static KeyPair appKey;
    static X509Certificate root;
    static X509Certificate inter;
    static X509Certificate app;
    static X509Certificate revokedApp;

    @BeforeAll
    static void pki() throws Exception {
        rootKey = keyPair();
        interKey = keyPair();
        appKey = keyPair();
        X500Name rootName = new X500Name("CN=Sample Root");
        X500Name interName = new X500Name("CN=Sample Intermediate");
        root = ca(rootName, rootName, rootKey, rootKey.getPrivate(), 1);
        inter = ca(rootName, interName, interKey, rootKey.getPrivate(), 0);
        app = leaf(interName, 0x1001, "news");
        revokedApp = leaf(interName, 0x1002, "news");
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static X509Certificate ca(X500Name issuer, X500Name subject, KeyPair key, PrivateKey by, int pathLen)
            throws Exception {
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                issuer,
                BigInteger.valueOf(System.nanoTime()),
                Date.from(FROM),
                Date.from(TO),
                subject,
                key.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLen));
        return new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(by)));
    }

    private static X509Certificate leaf(X500Name issuer, long serial, String cn) throws Exception {
        return new JcaX509CertificateConverter()
                .getCertificate(new JcaX509v1CertificateBuilder(
                                issuer,
                                BigInteger.valueOf(serial),
                                Date.from(FROM),
                                Date.from(TO),
                                new X500Name("CN=" + cn),
                                appKey.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(interKey.getPrivate())));
    }

    private static String pem(Object o) throws Exception {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(o);
        }
        return sw.toString();
    }

    private static Path fixture(String name) {
        return Path.of(System.getProperty("ncsdk.fixtures"), "appstore", name);
    }

    /** Runs the samples jar's main entry and captures its output. */
    private static StdCapture.Run run(String... args) {
        return StdCapture.run(args);
    }

    /** Runs {@code verify-release} on one release with the given trust files and extra options. */
    private static StdCapture.Run verify(
            String appId, Path archive, Path sig, Path cert, Path trust, Path crl, String... extra) {
        String[] base = {
            "verify-release",
            "--app",
            appId,
            "--archive",
            archive.toString(),
            "--signature",
            sig.toString(),
            "--certificate",
            cert.toString(),
            "--trust",
            trust.toString(),
            "--crl",
            crl.toString()
        };
        return run(StdCapture.concat(base, extra));
    }

    /** Runs {@code publish} against the mock store, trusting its test certificate, with extra options. */
    private static StdCapture.Run publish(String store, String tokenEnv, String download, Path key, String... extra) {
        return run(StdCapture.concat(
                new String[] {
                    "publish",
                    "--store",
                    store,
                    "--token-env",
                    tokenEnv,
                    "--download",
                    download,
                    "--key",
                    key.toString(),
                    "--insecure"
                },
                extra));
    }

    /** Runs {@code package} on an app folder. */
    private static StdCapture.Run pack(Path app, Path out) {
        return run("package", "--dir", app.toString(), "--out", out.toString());
    }

    private static Path appFolder(Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("news"));
        Files.createDirectories(a.resolve("appinfo"));
        Files.writeString(
                a.resolve("appinfo/info.xml"),
                "<?xml version=\"1.0\"?><info><id>news</id><name>News</name><version>3.0.0</version></info>");
        Files.writeString(a.resolve("README.md"), "# News\n");
        return a;
    }

    @Test
    void signReproducesTheKnownSignaturesOfAnAppIdAndAnArchive(@TempDir Path dir) throws Exception {
        // the known signature is of "FOO", which is no app id by the store's rule: the command refuses it
        StdCapture.Run foo =
                run("sign", "--key", fixture("appsignature-test-pkcs1.key").toString(), "--app-id", "FOO");
        assertThat(foo.exit()).isEqualTo(2);
        assertThat(foo.err())
                .startsWith("error: sign: --app-id: 'FOO' is not an app id")
                .hasLineCount(1);
        assertThat(AppSigner.fromFile(fixture("appsignature-test-pkcs1.key")).signAppId("FOO"))
                .isEqualTo(Files.readString(fixture("appsignature-test-pkcs1-FOO.sig.b64"))
                        .strip());
        StdCapture.Run id =
                run("sign", "--key", fixture("appsignature-test-pkcs1.key").toString(), "--app-id", "news");
        assertThat(id.exit()).isZero();
        assertThat(id.out().strip())
                .isEqualTo(AppSigner.fromFile(fixture("appsignature-test-pkcs1.key"))
                        .signAppId("news"));

        Path archive = dir.resolve("artifact.tar.gz");
        Files.write(
                archive,
                Base64.getMimeDecoder().decode(Files.readString(fixture("pushaction-test_app_artifact.tar.gz.b64"))));
        StdCapture.Run ar =
                run("sign", "--key", fixture("pushaction-test_appkey.key").toString(), "--archive", archive.toString());
        assertThat(ar.exit()).isZero();
        assertThat(ar.out().strip())
                .isEqualTo(Files.readString(fixture("pushaction-test_app_artifact.sig.b64"))
                        .strip());

        assertThat(run("sign", "--key", fixture("pushaction-test_appkey.key").toString())
                        .exit())
                .isNotZero();
    }

    @Test
    void verifyReleaseExitsZeroWhenValidAndNamesTheFailedCheckOtherwise(@TempDir Path dir) throws Exception {
        Path trust = Files.writeString(dir.resolve("root.crt"), pem(inter) + pem(root));
        X509v2CRLBuilder cb = new X509v2CRLBuilder(new X500Name("CN=Sample Intermediate"), Date.from(FROM));
        cb.addCRLEntry(revokedApp.getSerialNumber(), Date.from(FROM), 1);
        Path crl = Files.writeString(
                dir.resolve("root.crl"),
                pem(new JcaX509CRLConverter()
                        .getCRL(cb.build(new JcaContentSignerBuilder("SHA256withRSA").build(interKey.getPrivate())))));
        byte[] bytes = new byte[50_000];
        new Random(5).nextBytes(bytes);
        Path archive = Files.write(dir.resolve("news.tar.gz"), bytes);
        Path sig = Files.writeString(
                dir.resolve("news.sig"), AppSigner.of(appKey.getPrivate()).sign(archive));
        Path cert = Files.writeString(dir.resolve("news.crt"), pem(app));
        Path revoked = Files.writeString(dir.resolve("revoked.crt"), pem(revokedApp));

        StdCapture.Run ok = verify("news", archive, sig, cert, trust, crl);
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).startsWith("valid:");

        StdCapture.Run inspected = verify("news", archive, sig, cert, trust, crl, "--inspect");
        assertThat(inspected.exit()).isEqualTo(VerifyReleaseCommand.INVALID);
        assertThat(inspected.err()).contains("ARCHIVE_INVALID").contains("NOT_GZIP");

        bytes[10] ^= 1;
        Path tampered = Files.write(dir.resolve("tampered.tar.gz"), bytes);
        StdCapture.Run bad = verify("news", tampered, sig, cert, trust, crl);
        assertThat(bad.exit()).isEqualTo(VerifyReleaseCommand.INVALID);
        assertThat(bad.err()).contains("SIGNATURE_MISMATCH");

        StdCapture.Run rev = verify("news", archive, sig, revoked, trust, crl);
        assertThat(rev.exit()).isEqualTo(VerifyReleaseCommand.INVALID);
        assertThat(rev.err()).contains("REVOKED");

        StdCapture.Run expired = verify("news", archive, sig, cert, trust, crl, "--at", "2041-01-01T00:00:00Z");
        assertThat(expired.exit()).isEqualTo(VerifyReleaseCommand.INVALID);
        assertThat(expired.err()).contains("EXPIRED");
    }

    @Test
    void verifyReleaseRefusesTheRealRevokedCertificateAgainstNextcloudsTrustFiles(@TempDir Path dir) throws Exception {
        Path archive = Files.write(dir.resolve("ownbackup.tar.gz"), new byte[] {1, 2, 3});
        byte[] fake = new byte[512];
        Path sig = Files.writeString(dir.resolve("sig"), Base64.getEncoder().encodeToString(fake));
        StdCapture.Run r = verify(
                "ownbackup",
                archive,
                sig,
                fixture("real-app-cert-ownbackup-REVOKED.crt"),
                fixture("server-root.crt"),
                fixture("server-root.crl"),
                "--at",
                "2026-01-01T00:00:00Z");

        assertThat(r.exit()).isEqualTo(VerifyReleaseCommand.INVALID);
        assertThat(r.err()).contains("REVOKED").contains("0x1023");
    }

    @Test
    void packageWritesTheSameBytesTwiceAndReportsProblems(@TempDir Path dir) throws Exception {
        Path app = appFolder(dir);
        StdCapture.Run a = pack(app, dir.resolve("a.tar.gz"));
        assertThat(a.exit()).as(a.err()).isZero();
        pack(app, dir.resolve("b.tar.gz"));
        assertThat(Files.readAllBytes(dir.resolve("a.tar.gz"))).isEqualTo(Files.readAllBytes(dir.resolve("b.tar.gz")));
        assertThat(a.out()).contains("news").contains("entries");

        Files.writeString(app.resolve("appinfo/info.xml"), "<info><id>news</id><version>3</version></info>");
        StdCapture.Run bad = pack(app, dir.resolve("c.tar.gz"));
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("INVALID_VERSION");
    }

    @Test
    void packageRefusesAnIdThatIsAPathBeforeWritingAnything(@TempDir Path dir) throws Exception {
        Path app = appFolder(dir);
        Files.writeString(
                app.resolve("appinfo/info.xml"), "<info><id>../../../../tmp/x</id><version>3.0.0</version></info>");
        Path outDir = dir.resolve("build");

        StdCapture.Run r = pack(app, outDir.resolve("x.tar.gz"));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .contains("INVALID_APP_ID")
                .contains("'../../../../tmp/x'")
                .contains("nothing was written");
        assertThat(Files.exists(outDir)).isFalse();
    }

    @Test
    void verifyReleaseAcceptsADerCertificateAndSaysWhatIsWrongWithUnreadableInputs(@TempDir Path dir) throws Exception {
        Path trust = Files.writeString(dir.resolve("root.crt"), pem(inter) + pem(root));
        X509v2CRLBuilder cb = new X509v2CRLBuilder(new X500Name("CN=Sample Intermediate"), Date.from(FROM));
        Path crl = Files.writeString(
                dir.resolve("root.crl"),
                pem(new JcaX509CRLConverter()
                        .getCRL(cb.build(new JcaContentSignerBuilder("SHA256withRSA").build(interKey.getPrivate())))));
        byte[] whole = appArchive(dir);
        Path archive = Files.write(dir.resolve("news.tar.gz"), whole);
        AppSigner signer = AppSigner.of(appKey.getPrivate());
        Path sig = Files.writeString(dir.resolve("news.sig"), signer.sign(archive));
        Path der = Files.write(dir.resolve("news.der"), app.getEncoded());

        StdCapture.Run ok = verify("news", archive, sig, der, trust, crl, "--inspect");
        assertThat(ok.exit()).as(ok.err()).isZero();

        Path missing = dir.resolve("missing.crt");
        StdCapture.Run noCert = verify("news", archive, sig, missing, trust, crl);
        assertThat(noCert.exit()).isEqualTo(2);
        assertThat(noCert.err())
                .isEqualTo("error: verify-release: --certificate: cannot read " + missing + ": no such file\n");

        Path garbage = Files.write(dir.resolve("garbage.crt"), new byte[] {0x30, 0x03, 0x02, 0x01, 0x05, 0x7f});
        StdCapture.Run bad = verify("news", archive, sig, garbage, trust, crl);
        assertThat(bad.exit()).isEqualTo(VerifyReleaseCommand.INVALID);
        assertThat(bad.err())
                .contains("CERTIFICATE_UNREADABLE")
                .contains("neither PEM text")
                .doesNotContain("Input length");

        StdCapture.Run noTrust = verify("news", archive, sig, der, dir.resolve("none.crt"), crl);
        assertThat(noTrust.exit()).isEqualTo(2);
        assertThat(noTrust.err())
                .contains("error: verify-release: --trust: cannot read " + dir.resolve("none.crt") + ": no such file");

        if (Files.exists(Path.of("/dev/zero"))) {
            StdCapture.Run zero = verify("news", Path.of("/dev/zero"), sig, der, trust, crl);
            assertThat(zero.exit()).isEqualTo(2);
            assertThat(zero.err()).contains("--archive: cannot read /dev/zero").contains("not a regular file");
        }

        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 30);
        Path truncated = Files.write(dir.resolve("cut.tar.gz"), cut);
        Path cutSig = Files.writeString(dir.resolve("cut.sig"), signer.sign(truncated));
        StdCapture.Run shortArchive = verify("news", truncated, cutSig, der, trust, crl, "--inspect");
        assertThat(shortArchive.exit()).isEqualTo(VerifyReleaseCommand.INVALID);
        assertThat(shortArchive.err())
                .contains("the archive is truncated (unexpected end of gzip/tar data)")
                .doesNotContain("null");
    }

    @Test
    void signRefusesADeviceAndNamesAMissingKey(@TempDir Path dir) {
        Path key = fixture("pushaction-test_appkey.key");
        if (Files.exists(Path.of("/dev/zero"))) {
            StdCapture.Run zero = run("sign", "--key", key.toString(), "--archive", "/dev/zero");
            assertThat(zero.exit()).isEqualTo(2);
            assertThat(zero.err())
                    .contains("error: sign: --archive: cannot read /dev/zero: it is a device, FIFO or socket, not a"
                            + " regular file");
        }
        Path missing = dir.resolve("news.key");
        StdCapture.Run noKey = run("sign", "--key", missing.toString(), "--app-id", "news");
        assertThat(noKey.exit()).isEqualTo(2);
        assertThat(noKey.err()).contains("error: sign: --key: cannot read " + missing + ": no such file");
    }

    /** A small valid app archive, packaged by the SDK. */
    private static byte[] appArchive(Path dir) throws Exception {
        Path app = Files.createDirectories(dir.resolve("src/news/appinfo")).getParent();
        Files.writeString(
                app.resolve("appinfo/info.xml"),
                "<?xml version=\"1.0\"?><info><id>news</id><name>News</name><version>3.0.0</version></info>");
        Path out = dir.resolve("packaged.tar.gz");
        dev.ncsdk.appstore.archive.AppPackager.defaults()
                .pack(app, out)
                .report()
                .orThrow();
        return Files.readAllBytes(out);
    }

    @Test
    void publishSignsWhatTheUrlServesChecksItAndPostsOnlyWithoutDryRun(@TempDir Path dir) throws Exception {
        Path app = appFolder(dir);
        Path archive = dir.resolve("news.tar.gz");
        pack(app, archive);
        byte[] bytes = Files.readAllBytes(archive);
        wm.stubFor(get("/dl/news.tar.gz").willReturn(aResponse().withBody(bytes)));
        wm.stubFor(post("/api/v1/apps/releases").willReturn(aResponse().withStatus(201)));
        Path key = fixture("pushaction-test_appkey.key");
        String expectedSig = AppSigner.fromFile(key).sign(bytes);
        Map.Entry<String, String> env = System.getenv().entrySet().stream()
                .filter(e -> e.getValue().matches("[\\x21-\\x7e]{1,200}"))
                .findFirst()
                .orElseThrow();
        String download = "https://localhost:" + wm.getHttpsPort() + "/dl/news.tar.gz";
        String store = "http://localhost:" + wm.getPort() + "/api/v1";

        StdCapture.Run dry = publish(store, env.getKey(), download, key, "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("dry run").contains(expectedSig).contains("\"nightly\" : false");
        wm.verify(0, postRequestedFor(urlEqualTo("/api/v1/apps/releases")));

        StdCapture.Run real = publish(store, env.getKey(), download, key, "--nightly");
        assertThat(real.exit()).as(real.err()).isZero();
        assertThat(real.out()).contains("CREATED");
        wm.verify(
                1,
                postRequestedFor(urlEqualTo("/api/v1/apps/releases"))
                        .withHeader("Authorization", equalTo("Token " + env.getValue()))
                        .withRequestBody(equalToJson("{\"download\":\"" + download + "\",\"signature\":\"" + expectedSig
                                + "\",\"nightly\":true}")));

        StdCapture.Run noToken = publish(store, "NCSDK_SURELY_UNSET_VARIABLE", download, key);
        assertThat(noToken.exit()).isEqualTo(2);
        assertThat(noToken.err()).contains("NCSDK_SURELY_UNSET_VARIABLE");
    }
}
