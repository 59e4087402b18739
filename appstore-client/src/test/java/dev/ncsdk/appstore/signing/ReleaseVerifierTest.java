package dev.ncsdk.appstore.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.appstore.releasetesting.Fixtures;
import dev.ncsdk.appstore.releasetesting.TestPki;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseVerifierTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    private static TrustMaterial nextcloudTrust() {
        return TrustMaterial.fromFiles(Fixtures.appstore("server-root.crt"), Fixtures.appstore("server-root.crl"));
    }

    private static ReleaseVerifier nextcloud() {
        return ReleaseVerifier.builder(nextcloudTrust()).clock(NOW).build();
    }

    @Test
    void nextcloudTrustFileSplitsIntoTheRootAndTheIntermediateAndPinsTheRoot() {
        TrustMaterial t = nextcloudTrust();
        assertThat(t.roots()).hasSize(1);
        assertThat(t.roots().get(0).getSubjectX500Principal().getName()).contains("CN=Nextcloud Root Authority");
        assertThat(t.intermediates()).hasSize(1);
        assertThat(t.crls()).hasSize(1);
        assertThat(TrustMaterial.fingerprint(t.roots().get(0))).isEqualTo(TrustMaterial.NEXTCLOUD_ROOT_SHA256);
        assertThat(t.requireRoot(TrustMaterial.NEXTCLOUD_ROOT_SHA256
                                .replace(":", "")
                                .toLowerCase())
                        .roots())
                .hasSize(1);
        assertThatThrownBy(() -> t.requireRoot("00".repeat(32))).isInstanceOf(SigningException.class);
    }

    @Test
    void realNewsAndSpreedCertificatesAreTrusted() {
        VerificationResult news = nextcloud().verifyCertificate("news", Fixtures.text("real-app-cert-news.crt"));
        VerificationResult spreed = nextcloud().verifyCertificate("spreed", Fixtures.text("real-app-cert-spreed.crt"));

        assertThat(news.isValid()).as(news.toString()).isTrue();
        assertThat(news.certificateSerial()).contains(BigInteger.valueOf(0x117E));
        assertThat(spreed.isValid()).as(spreed.toString()).isTrue();
    }

    @Test
    void theRevokedOwnbackupCertificateFailsAsRevoked() {
        VerificationResult r =
                nextcloud().verifyCertificate("ownbackup", Fixtures.text("real-app-cert-ownbackup-REVOKED.crt"));

        assertThat(r.failedCheck()).contains(VerificationCheck.REVOKED);
        assertThat(r.message()).contains("4131").contains("0x1023").contains("2019-12-12");
    }

    @Test
    void aCertificateIssuedToAnotherIdFailsOnTheCommonName() {
        VerificationResult r = nextcloud().verifyCertificate("spreed", Fixtures.text("real-app-cert-news.crt"));

        assertThat(r.failedCheck()).contains(VerificationCheck.COMMON_NAME);
        assertThat(r.message()).contains("CN=news").contains("spreed");
        assertThat(nextcloud()
                        .verifyCertificate("News", Fixtures.text("real-app-cert-news.crt"))
                        .failedCheck())
                .contains(VerificationCheck.COMMON_NAME);
    }

    @Test
    void aCertificateFromAnotherCaFailsOnTheChain() {
        VerificationResult r = nextcloud().verifyCertificate("news", Fixtures.text("appstore-test-news.crt"));

        assertThat(r.failedCheck()).contains(VerificationCheck.CHAIN);
        assertThat(r.message()).contains("Test Code Signing Intermediate Authority");
    }

    @Test
    void anExpiredCertificateFailsWithEnforcementAndOnlyWarnsWhenIgnored() {
        Clock in2032 = Clock.fixed(Instant.parse("2032-01-01T00:00:00Z"), ZoneOffset.UTC);
        String pem = Fixtures.text("real-app-cert-news.crt");

        VerificationResult enforced =
                ReleaseVerifier.builder(nextcloudTrust()).clock(in2032).build().verifyCertificate("news", pem);
        VerificationResult ignored = ReleaseVerifier.builder(nextcloudTrust())
                .clock(in2032)
                .expiryPolicy(ExpiryPolicy.IGNORE)
                .build()
                .verifyCertificate("news", pem);

        assertThat(enforced.failedCheck()).contains(VerificationCheck.EXPIRED);
        assertThat(enforced.message()).contains("2031-07-26");
        assertThat(ignored.isValid()).isTrue();
        assertThat(ignored.warnings()).anyMatch(w -> w.contains("expired") && w.contains("ignored by policy"));
    }

    @Test
    void aCertificateAboutToExpireCarriesAWarning() {
        Clock july2031 = Clock.fixed(Instant.parse("2031-07-10T00:00:00Z"), ZoneOffset.UTC);
        VerificationResult r = ReleaseVerifier.builder(nextcloudTrust())
                .clock(july2031)
                .build()
                .verifyCertificate("news", Fixtures.text("real-app-cert-news.crt"));
        assertThat(r.isValid()).isTrue();
        assertThat(r.warnings()).anyMatch(w -> w.contains("expires on 2031-07-26"));
    }

    @Test
    void theStoreTestTripleVerifiesAgainstTheStoreTestCa() {
        X509Certificate ca = Pem.certificate(Fixtures.text("appstore-test-ca.crt"));
        ReleaseVerifier v = ReleaseVerifier.builder(TrustMaterial.of(List.of(ca), List.of()))
                .requireRevocationList(false)
                .clock(NOW)
                .build();

        VerificationResult ok = v.verifyAppIdSignature(
                "news", Fixtures.text("appstore-test-news.crt"), Fixtures.text("appstore-test-news-app-id.sig.b64"));
        VerificationResult other = v.verifyAppIdSignature(
                "folderplayer",
                Fixtures.text("appstore-test-folderplayer.crt"),
                Fixtures.text("appstore-test-news-app-id.sig.b64"));

        assertThat(ok.isValid()).as(ok.toString()).isTrue();
        assertThat(other.failedCheck()).contains(VerificationCheck.SIGNATURE_MISMATCH);
    }

    @Test
    void withoutAnIssuerListRevocationIsUnknownUnlessExplicitlyNotRequired() {
        X509Certificate ca = Pem.certificate(Fixtures.text("appstore-test-ca.crt"));
        VerificationResult r = ReleaseVerifier.builder(TrustMaterial.of(List.of(ca), List.of()))
                .clock(NOW)
                .build()
                .verifyCertificate("news", Fixtures.text("appstore-test-news.crt"));
        assertThat(r.failedCheck()).contains(VerificationCheck.REVOCATION_UNKNOWN);
    }

    @Test
    void aRevocationListNotSignedByItsIssuerFailsTheCrlSignatureCheck() {
        TestPki pki = new TestPki();
        KeyPair forger = TestPki.keyPair();
        TrustMaterial t = TrustMaterial.of(List.of(pki.root, pki.intermediate), List.of(pki.crl(forger.getPrivate())));
        KeyPair app = TestPki.keyPair();

        VerificationResult r = ReleaseVerifier.builder(t)
                .clock(NOW)
                .build()
                .verifyCertificate("news", pki.appCertificate("news", app));

        assertThat(r.failedCheck()).contains(VerificationCheck.CRL_SIGNATURE);
    }

    @Test
    void aReleaseVerifiesEndToEndAndEachKindOfDamageFailsWithItsOwnReason(@TempDir Path dir) throws Exception {
        TestPki pki = new TestPki();
        KeyPair appKey = TestPki.keyPair();
        X509Certificate cert = pki.appCertificate("news", appKey);
        X509Certificate revoked = pki.appCertificate("news", appKey);
        TrustMaterial trust =
                TrustMaterial.of(List.of(pki.intermediate, pki.root), List.of(pki.crl(revoked.getSerialNumber())));
        ReleaseVerifier v = ReleaseVerifier.builder(trust).clock(NOW).build();
        byte[] archive = new byte[200_000];
        new Random(1).nextBytes(archive);
        Path file = dir.resolve("news.tar.gz");
        Files.write(file, archive);
        AppSigner signer = AppSigner.of(appKey.getPrivate());
        String sig = signer.sign(file);
        String certPem = TestPki.pem(cert);

        VerificationResult ok = v.verifyRelease("news", certPem, sig, file);
        assertThat(ok.isValid()).as(ok.toString()).isTrue();
        assertThat(v.verifyRelease("news", certPem, sig, new ByteArrayInputStream(archive))
                        .isValid())
                .isTrue();

        dev.ncsdk.appstore.App fromStore = storeApp("news", certPem, sig);
        assertThat(v.verifyRelease(fromStore, fromStore.releases().get(0), file).isValid())
                .isTrue();
        dev.ncsdk.appstore.App otherSignature = storeApp("news", certPem, signatureOfOtherBytes(appKey));
        assertThat(v.verifyRelease(otherSignature, otherSignature.releases().get(0), file)
                        .failedCheck())
                .contains(VerificationCheck.SIGNATURE_MISMATCH);
        assertThatThrownBy(() ->
                        v.verifyRelease(fromStore, otherSignature.releases().get(0), file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not one of app news");

        String wrapped = sig.replaceAll("(.{64})", "$1\n");
        assertThat(v.verifyRelease("news", certPem.replace("\n", "\r\n"), wrapped, file)
                        .isValid())
                .isTrue();

        byte[] tampered = archive.clone();
        tampered[100_000] ^= 1;
        assertThat(v.verifyRelease("news", certPem, sig, new ByteArrayInputStream(tampered))
                        .failedCheck())
                .contains(VerificationCheck.SIGNATURE_MISMATCH);

        String truncated = sig.substring(0, sig.length() - 8);
        VerificationResult t = v.verifyRelease("news", certPem, truncated, file);
        assertThat(t.failedCheck()).contains(VerificationCheck.SIGNATURE_MALFORMED);
        assertThat(t.message()).contains("truncated");

        String otherKeySig = AppSigner.of(TestPki.keyPair().getPrivate()).sign(file);
        assertThat(v.verifyRelease("news", certPem, otherKeySig, file).failedCheck())
                .contains(VerificationCheck.SIGNATURE_MISMATCH);

        assertThat(v.verifyRelease("news", TestPki.pem(revoked), signer.sign(file), file)
                        .failedCheck())
                .contains(VerificationCheck.REVOKED);
        assertThat(v.verifyRelease("spreed", certPem, sig, file).failedCheck()).contains(VerificationCheck.COMMON_NAME);
        assertThat(v.verifyRelease("news", "garbage", sig, file).failedCheck())
                .contains(VerificationCheck.CERTIFICATE_UNREADABLE);
        assertThat(v.verifyRelease("news", certPem, sig, dir.resolve("missing.tar.gz"))
                        .failedCheck())
                .contains(VerificationCheck.ARCHIVE_UNREADABLE);

        X509Certificate future =
                pki.appCertificate("news", appKey, Instant.parse("2030-01-01T00:00:00Z"), TestPki.NOT_AFTER);
        assertThat(v.verifyRelease("news", TestPki.pem(future), sig, file).failedCheck())
                .contains(VerificationCheck.NOT_YET_VALID);

        assertThatThrownBy(
                        () -> v.verifyRelease("news", certPem, truncated, file).orThrow())
                .isInstanceOf(ReleaseVerificationException.class)
                .hasMessageStartingWith("SIGNATURE_MALFORMED");
    }

    @Test
    void aLookAlikeCaWithTheSameNamesButOtherKeysFailsOnTheChain() {
        TestPki pki = new TestPki();
        TestPki other = new TestPki();
        KeyPair appKey = TestPki.keyPair();
        X509Certificate fromOther = other.appCertificate("news", appKey);
        TrustMaterial trust = TrustMaterial.of(List.of(pki.intermediate, pki.root), List.of(pki.crl()));

        // same names, different keys: a look-alike CA must not pass
        VerificationResult r = ReleaseVerifier.builder(trust).clock(NOW).build().verifyCertificate("news", fromOther);

        assertThat(r.failedCheck()).contains(VerificationCheck.CHAIN);
    }

    @Test
    void withAnArchiveInspectorTheVerifiedArchiveMustAlsoBeAValidAppOfThatId(@TempDir Path dir) throws Exception {
        TestPki pki = new TestPki();
        KeyPair appKey = TestPki.keyPair();
        String certPem = TestPki.pem(pki.appCertificate("news", appKey));
        ReleaseVerifier v = ReleaseVerifier.builder(
                        TrustMaterial.of(List.of(pki.root, pki.intermediate), List.of(pki.crl())))
                .clock(NOW)
                .archiveInspector(dev.ncsdk.appstore.archive.ArchiveInspector.defaults())
                .build();
        AppSigner signer = AppSigner.of(appKey.getPrivate());
        Path good = Files.write(
                dir.resolve("good.tar.gz"),
                dev.ncsdk.appstore.releasetesting.TarBuilder.app("news", "1.0.0")
                        .build());
        Path other = Files.write(
                dir.resolve("other.tar.gz"),
                dev.ncsdk.appstore.releasetesting.TarBuilder.app("mail", "1.0.0")
                        .build());
        Path junk = Files.write(
                dir.resolve("junk.tar.gz"),
                dev.ncsdk.appstore.releasetesting.TarBuilder.app("news", "1.0.0")
                        .symlink("news/x", "/etc/passwd")
                        .build());

        assertThat(v.verifyRelease("news", certPem, signer.sign(good), good).isValid())
                .isTrue();
        VerificationResult o = v.verifyRelease("news", certPem, signer.sign(other), other);
        assertThat(o.failedCheck()).contains(VerificationCheck.ARCHIVE_INVALID);
        assertThat(o.message()).contains("mail");
        VerificationResult j = v.verifyRelease("news", certPem, signer.sign(junk), junk);
        assertThat(j.failedCheck()).contains(VerificationCheck.ARCHIVE_INVALID);
        assertThat(j.message()).contains("SYMBOLIC_LINK");
    }

    @Test
    void aRevokedIntermediateRevokesEveryCertificateItIssued() throws Exception {
        TestPki pki = new TestPki();
        org.bouncycastle.cert.X509v2CRLBuilder b = new org.bouncycastle.cert.X509v2CRLBuilder(
                org.bouncycastle.asn1.x500.X500Name.getInstance(
                        pki.root.getSubjectX500Principal().getEncoded()),
                java.util.Date.from(TestPki.NOT_BEFORE));
        b.addCRLEntry(pki.intermediate.getSerialNumber(), java.util.Date.from(TestPki.NOT_BEFORE), 1);
        java.security.cert.X509CRL rootCrl = new org.bouncycastle.cert.jcajce.JcaX509CRLConverter()
                .getCRL(b.build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA")
                        .build(pki.rootKey.getPrivate())));
        TrustMaterial t = TrustMaterial.of(List.of(pki.root, pki.intermediate), List.of(pki.crl(), rootCrl));

        VerificationResult r = ReleaseVerifier.builder(t)
                .clock(NOW)
                .build()
                .verifyCertificate("news", pki.appCertificate("news", TestPki.keyPair()));

        assertThat(r.failedCheck()).contains(VerificationCheck.REVOKED);
        assertThat(r.message()).contains("issuing certificate");
    }

    @Test
    void trustMaterialLoadsFromANextcloudInstallationFolder(@TempDir Path nc) throws Exception {
        Path cs = Files.createDirectories(nc.resolve("resources").resolve("codesigning"));
        Files.copy(Fixtures.appstore("server-root.crt"), cs.resolve("root.crt"));
        Files.copy(Fixtures.appstore("server-root.crl"), cs.resolve("root.crl"));

        TrustMaterial t = TrustMaterial.fromNextcloudInstallation(nc);

        assertThat(ReleaseVerifier.builder(t)
                        .clock(NOW)
                        .build()
                        .verifyCertificate("news", Fixtures.text("real-app-cert-news.crt"))
                        .isValid())
                .isTrue();
    }

    @Test
    void derEncodedRevocationListsLoadToo() throws Exception {
        TestPki pki = new TestPki();
        byte[] der = pki.crl(BigInteger.TEN).getEncoded();
        assertThat(Pem.crls(der)).hasSize(1);
        assertThat(Pem.crls(der).get(0).getRevokedCertificate(BigInteger.TEN)).isNotNull();
    }

    /** An app as the store's JSON describes it, read by the SDK's own store reader. */
    private static dev.ncsdk.appstore.App storeApp(String id, String certPem, String signature) {
        String json = "[{\"id\":" + quote(id) + ",\"certificate\":" + quote(certPem)
                + ",\"releases\":[{\"version\":\"1.0.0\",\"download\":\"https://example.invalid/" + id
                + ".tar.gz\",\"signature\":" + quote(signature) + "}]}]";
        return dev.ncsdk.appstore.AppStoreJson.readApps(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .get(0);
    }

    private static String quote(String s) {
        return "\""
                + s.replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("\r", "\\r")
                        .replace("\n", "\\n") + "\"";
    }

    private static String signatureOfOtherBytes(KeyPair key) {
        return AppSigner.of(key.getPrivate())
                .sign(new ByteArrayInputStream("other bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
