package dev.ncsdk.appstore.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.appstore.releasetesting.Fixtures;
import dev.ncsdk.ocs.Secret;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.Random;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppSignerTest {

    @Test
    void signingThePushActionArchiveReproducesItsKnownSignatureByteForByte() {
        byte[] archive = Fixtures.base64File("pushaction-test_app_artifact.tar.gz.b64");
        assertThat(archive).hasSize(140);
        AppSigner signer = AppSigner.fromFile(Fixtures.appstore("pushaction-test_appkey.key"));

        String signature = signer.sign(archive);

        assertThat(signature)
                .isEqualTo(Fixtures.text("pushaction-test_app_artifact.sig.b64").strip());
        assertThat(signature).doesNotContain("\n");
        PublicKey pub = Pem.publicKey(Fixtures.text("pushaction-test_appkey.pub.pem"));
        assertThat(Signatures.verify(pub, archive, signature)).isTrue();
        assertThat(signer.publicKey()).isEqualTo(pub);
    }

    @Test
    void pkcs8AndPkcs1KeysReproduceTheirKnownSignaturesOverFoo() {
        byte[] foo = "FOO".getBytes(StandardCharsets.US_ASCII);
        String pkcs8 =
                AppSigner.fromPem(Fixtures.text("appsignature-test-pkcs8.key")).sign(foo);
        String pkcs1 =
                AppSigner.fromPem(Fixtures.text("appsignature-test-pkcs1.key")).sign(foo);

        assertThat(pkcs8)
                .isEqualTo(Fixtures.text("appsignature-test-FOO.sig.b64").replaceAll("\\s", ""));
        assertThat(pkcs1)
                .isEqualTo(Fixtures.text("appsignature-test-pkcs1-FOO.sig.b64").replaceAll("\\s", ""));
        PublicKey pub = Pem.publicKey(Fixtures.text("appsignature-test-pub.pem"));
        assertThat(Signatures.verify(pub, foo, Fixtures.text("appsignature-test-FOO.sig.b64")))
                .isTrue();
    }

    @Test
    void theStoreTestAppIdSignatureWrappedOnSeveralLinesVerifies() {
        String sig = Fixtures.text("appstore-test-news-app-id.sig.b64");
        assertThat(sig.strip()).contains("\n");
        PublicKey key = Pem.certificate(Fixtures.text("appstore-test-news.crt")).getPublicKey();

        assertThat(Signatures.verifyAppId(key, "news", sig)).isTrue();
        assertThat(Signatures.verifyAppId(key, "newz", sig)).isFalse();
    }

    @Test
    void streamedSigningOfALargeInputEqualsSigningTheBytes() {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(data);
        AppSigner signer = AppSigner.fromFile(Fixtures.appstore("appsignature-test-pkcs8.key"));

        assertThat(signer.sign(new ByteArrayInputStream(data))).isEqualTo(signer.sign(data));
    }

    @Test
    void appIdSignatureIsOverTheAsciiBytesOfTheId() {
        AppSigner signer = AppSigner.fromFile(Fixtures.appstore("appsignature-test-pkcs1.key"));
        assertThat(signer.signAppId("FOO"))
                .isEqualTo(Fixtures.text("appsignature-test-pkcs1-FOO.sig.b64").strip());
    }

    @Test
    void generatedKeyAndCsrAreWrittenWithCnEqualToTheAppIdAndNeverOverwritten(@TempDir Path dir) throws Exception {
        AppKeyGenerator gen =
                AppKeyGenerator.builder("my_app").directory(dir).keySize(2048).build();

        AppKeyGenerator.GeneratedKey k = gen.generate();

        assertThat(k.keyFile()).isEqualTo(dir.resolve("my_app.key"));
        assertThat(k.csrFile()).isEqualTo(dir.resolve("my_app.csr"));
        assertThat(Files.readString(k.keyFile())).startsWith("-----BEGIN PRIVATE KEY-----");
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(k.keyFile())))
                    .isEqualTo("rw-------");
        }
        PKCS10CertificationRequest csr;
        try (PEMParser p = new PEMParser(Files.newBufferedReader(k.csrFile()))) {
            csr = (PKCS10CertificationRequest) p.readObject();
        }
        assertThat(csr.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue().toString())
                .isEqualTo("my_app");
        assertThat(csr.getSubject().getRDNs()).hasSize(1);
        AppSigner signer = AppSigner.fromFile(k.keyFile());
        assertThat(Signatures.verifyAppId(signer.publicKey(), "my_app", signer.signAppId("my_app")))
                .isTrue();

        String before = Files.readString(k.keyFile());
        assertThatThrownBy(gen::generate).isInstanceOf(SigningException.class).hasMessageContaining("overwrite");
        assertThat(Files.readString(k.keyFile())).isEqualTo(before);
    }

    @Test
    void defaultKeyLocationIsUnderDotNextcloudCertificates() {
        assertThat(AppSigner.defaultKeyFile("news"))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".nextcloud", "certificates", "news.key"));
    }

    @Test
    void encryptedPkcs8KeyLoadsOnlyWithItsPassword(@TempDir Path dir) {
        AppKeyGenerator.GeneratedKey k = AppKeyGenerator.builder("enc")
                .directory(dir)
                .keySize(2048)
                .password(Secret.of("correct horse"))
                .build()
                .generate();
        String pem = Pem.readText(k.keyFile());
        assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");

        AppSigner signer = AppSigner.fromFile(k.keyFile(), Secret.of("correct horse"));
        assertThat(Signatures.verifyAppId(signer.publicKey(), "enc", signer.signAppId("enc")))
                .isTrue();

        assertThatThrownBy(() -> AppSigner.fromFile(k.keyFile(), Secret.of("wrong")))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("wrong password")
                .hasMessageNotContaining("correct horse");
        assertThatThrownBy(() -> AppSigner.fromFile(k.keyFile()))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("password is needed");
    }

    @Test
    void legacyOpenSslEncryptedPkcs1KeysLoadWithTheirPassword() throws Exception {
        java.security.PrivateKey key = Pem.privateKey(Fixtures.text("appsignature-test-pkcs1.key"));
        java.io.StringWriter sw = new java.io.StringWriter();
        try (org.bouncycastle.openssl.jcajce.JcaPEMWriter w = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(sw)) {
            w.writeObject(
                    key,
                    new org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder("AES-256-CBC")
                            .setProvider(Pem.BC)
                            .build("pw".toCharArray()));
        }
        assertThat(sw.toString()).contains("Proc-Type: 4,ENCRYPTED");

        AppSigner signer = AppSigner.fromPem(sw.toString(), Secret.of("pw"));

        assertThat(signer.sign("FOO".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(Fixtures.text("appsignature-test-pkcs1-FOO.sig.b64").strip());
        assertThatThrownBy(() -> AppSigner.fromPem(sw.toString(), Secret.of("nope")))
                .isInstanceOf(SigningException.class);
    }

    @Test
    void certificatesWithCrLfLineEndsFromTheStoreJsonLoad() throws Exception {
        String json = Fixtures.text("server-AppFetcherTest-apps-excerpt.json");
        String pem = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json)
                .get(0)
                .get("certificate")
                .asText();
        assertThat(pem).contains("\r\n");

        assertThat(ReleaseVerifier.commonName(Pem.certificate(pem))).isEqualTo("direct_menu");
    }

    @Test
    void malformedInputFailsWithSigningException() {
        assertThatThrownBy(() -> Pem.privateKey("not a key")).isInstanceOf(SigningException.class);
        assertThatThrownBy(() -> Pem.certificates("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
                .isInstanceOf(SigningException.class);
        assertThatThrownBy(() -> Pem.privateKey(Fixtures.text("appstore-test-news.crt")))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("no private key");
        assertThatThrownBy(() -> Signatures.decode("abc$def")).isInstanceOf(SigningException.class);
    }

    @Test
    void signerNeverShowsItsKey() {
        AppSigner signer = AppSigner.fromFile(Fixtures.appstore("appsignature-test-pkcs8.key"));
        assertThat(signer.toString()).doesNotContain("MII").contains("not shown");
    }
}
