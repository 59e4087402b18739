package dev.ncsdk.appstore.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ncsdk.appstore.archive.ArchiveException;
import dev.ncsdk.appstore.archive.ArchiveInspector;
import dev.ncsdk.appstore.releasetesting.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local files named where an archive, a key or a certificate is expected: devices, FIFOs, directories, missing
 * files and files over the limit are refused before they are read, with a message that says why.
 */
class LocalInputsTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private final KeyPair appKey = TestPki.keyPair();
    private final AppSigner signer = AppSigner.of(appKey.getPrivate());

    @TempDir
    Path dir;

    @Test
    void signingDevZeroIsRefusedInsteadOfReadingForever() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "/dev/zero is missing");

        // a guard against the endless read this test is about, not a speed check
        assertTimeoutPreemptively(
                HANG_GUARD,
                () -> assertThatThrownBy(() -> signer.sign(zero))
                        .isInstanceOf(UncheckedIOException.class)
                        .hasMessage("cannot read /dev/zero: it is a device, FIFO or socket, not a regular file"));
    }

    @Test
    void signingAFifoADirectoryOrAMissingFileIsRefusedWithAClearMessage() throws IOException {
        Path fifo = dir.resolve("fifo");
        boolean haveFifo = mkfifo(fifo);
        Path missing = dir.resolve("missing.tar.gz");

        if (haveFifo) {
            assertTimeoutPreemptively(
                    HANG_GUARD,
                    () -> assertThatThrownBy(() -> signer.sign(fifo)).hasMessageContaining("not a regular file"));
        }
        assertThatThrownBy(() -> signer.sign(dir))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageEndingWith("it is a directory, not a regular file");
        assertThatThrownBy(() -> signer.sign(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot read " + missing + ": no such file");
    }

    @Test
    void signingIsCappedAtThirtyMebibytesByDefaultAndTheCapIsConfigurable() throws IOException {
        Path file = dir.resolve("a.tar.gz");
        Files.write(file, new byte[1000]);

        assertThat(signer.maxFileBytes()).isEqualTo(30L * 1024 * 1024);
        assertThat(signer.sign(file)).isNotEmpty();
        assertThatThrownBy(() -> signer.withMaxFileBytes(999).sign(file))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("1000 bytes, more than the limit of 999");
    }

    @Test
    void verifyingDevZeroOrAnOversizedArchiveFailsAsUnreadableBeforeReading() throws IOException {
        TestPki pki = new TestPki();
        X509Certificate cert = pki.appCertificate("news", appKey);
        TrustMaterial trust = TrustMaterial.of(List.of(pki.intermediate, pki.root), List.of(pki.crl()));
        ReleaseVerifier v = ReleaseVerifier.builder(trust).clock(NOW).build();
        Path file = dir.resolve("news.tar.gz");
        Files.write(file, new byte[5000]);
        String sig = signer.sign(file);

        assertThat(v.verifyRelease("news", cert, sig, file).isValid()).isTrue();
        VerificationResult tooBig = ReleaseVerifier.builder(trust)
                .clock(NOW)
                .maxArchiveBytes(4999)
                .build()
                .verifyRelease("news", TestPki.pem(cert), sig, file);
        assertThat(tooBig.failedCheck()).contains(VerificationCheck.ARCHIVE_UNREADABLE);
        assertThat(tooBig.message()).contains("more than the limit of 4999");
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            VerificationResult r =
                    assertTimeoutPreemptively(HANG_GUARD, () -> v.verifyRelease("news", TestPki.pem(cert), sig, zero));
            assertThat(r.failedCheck()).contains(VerificationCheck.ARCHIVE_UNREADABLE);
            assertThat(r.message()).contains("not a regular file");
        }
        VerificationResult missing = v.verifyRelease("news", cert, sig, dir.resolve("nope.tar.gz"));
        assertThat(missing.message()).isEqualTo("cannot read " + dir.resolve("nope.tar.gz") + ": no such file");
    }

    @Test
    void inspectingANonRegularFileIsRefused() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "/dev/zero is missing");

        assertThatThrownBy(() -> ArchiveInspector.defaults().inspect(zero))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> ArchiveInspector.defaults().inspect(dir.resolve("none.tar.gz")))
                .hasMessageEndingWith(": no such file");
    }

    @Test
    void missingKeyAndTrustFilesSayNoSuchFile() {
        Path key = dir.resolve("news.key");
        Path crt = dir.resolve("root.crt");

        assertThatThrownBy(() -> AppSigner.fromFile(key))
                .isInstanceOf(SigningException.class)
                .hasMessage("cannot read " + key + ": no such file");
        assertThatThrownBy(() -> TrustMaterial.fromFiles(crt, null))
                .isInstanceOf(SigningException.class)
                .hasMessage("cannot read " + crt + ": no such file");
    }

    @Test
    void aDerKeyOrCertificateWherePemIsExpectedIsNamedAsBinary() throws Exception {
        TestPki pki = new TestPki();
        byte[] der = pki.appCertificate("news", appKey).getEncoded();
        Path key = dir.resolve("news.key");
        Files.write(key, appKey.getPrivate().getEncoded());

        assertThatThrownBy(() -> AppSigner.fromFile(key))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("binary (DER?), not PEM");
        assertThatThrownBy(() -> Pem.certificate(new String(der, java.nio.charset.StandardCharsets.ISO_8859_1)))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("not PEM");
        // DER is accepted where bytes are read
        assertThat(Pem.certificates(der)).hasSize(1);
    }

    private static boolean mkfifo(Path file) {
        try {
            Process p = new ProcessBuilder("mkfifo", file.toString())
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 && Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
