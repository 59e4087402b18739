package dev.ncsdk.bench.signing;

import dev.ncsdk.appstore.signing.AppSigner;
import dev.ncsdk.appstore.signing.ReleaseVerifier;
import dev.ncsdk.appstore.signing.Signatures;
import dev.ncsdk.appstore.signing.TrustMaterial;
import dev.ncsdk.appstore.signing.VerificationResult;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Verifies a 20 MiB release archive end to end (revocation list signature, revocation, chain, dates, common name,
 * SHA512withRSA over the file read from disk) and, side by side, {@code openssl dgst -sha512 -verify} on the same
 * file with the same key (a child process per call, as a shell pipeline would run it).
 *
 * <p>The PKI is shaped like Nextcloud's: self-signed root, intermediate, RSA-4096 X.509 v1 app certificate, CRL
 * by the intermediate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class VerifyReleaseBenchmark {
    @Param({"20"})
    public int mebibytes;

    private Path dir;
    private Path archive;
    private Path publicKeyPem;
    private Path signatureBin;
    private String certificatePem;
    private String signature;
    private PublicKey publicKey;
    private ReleaseVerifier verifier;

    @Setup
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("ncsdk-bench-verify");
        KeyPair rootKey = rsa(2048);
        KeyPair interKey = rsa(2048);
        KeyPair appKey = rsa(4096);
        X500Name rootName = new X500Name("C=DE, O=Bench, CN=Bench Root Authority");
        X500Name interName = new X500Name("C=DE, O=Bench, CN=Bench Code Signing Intermediate Authority");
        X509Certificate root = ca(rootName, rootName, rootKey, rootKey.getPrivate(), 1);
        X509Certificate inter = ca(rootName, interName, interKey, rootKey.getPrivate(), 0);
        X509Certificate app = new JcaX509CertificateConverter()
                .getCertificate(new JcaX509v1CertificateBuilder(
                                interName,
                                BigInteger.valueOf(0x1234),
                                Date.from(Instant.parse("2020-01-01T00:00:00Z")),
                                Date.from(Instant.parse("2040-01-01T00:00:00Z")),
                                new X500Name("CN=benchapp"),
                                appKey.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(interKey.getPrivate())));
        X509v2CRLBuilder cb = new X509v2CRLBuilder(interName, Date.from(Instant.parse("2024-01-01T00:00:00Z")));
        for (int i = 0; i < 87; i++) {
            cb.addCRLEntry(BigInteger.valueOf(0x2000 + i), new Date(), 1);
        }
        X509CRL crl = new JcaX509CRLConverter()
                .getCRL(cb.build(new JcaContentSignerBuilder("SHA256withRSA").build(interKey.getPrivate())));

        byte[] block = new byte[1024 * 1024];
        Random random = new Random(42);
        archive = dir.resolve("benchapp.tar.gz");
        try (var out = Files.newOutputStream(archive)) {
            for (int i = 0; i < mebibytes; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        signature = AppSigner.of(appKey.getPrivate()).sign(archive);
        signatureBin =
                Files.write(dir.resolve("benchapp.sig"), Base64.getDecoder().decode(signature));
        publicKeyPem = Files.writeString(dir.resolve("benchapp.pub.pem"), pem(appKey.getPublic()));
        certificatePem = pem(app);
        publicKey = app.getPublicKey();
        verifier = ReleaseVerifier.builder(TrustMaterial.of(List.of(inter, root), List.of(crl)))
                .build();
        VerificationResult r = verifier.verifyRelease("benchapp", certificatePem, signature, archive);
        if (!r.isValid()) {
            throw new IllegalStateException("setup: " + r);
        }
        if (!opensslDgstVerify().contains("Verified OK")) {
            throw new IllegalStateException("setup: openssl does not verify");
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    /** The SDK: every check, the archive streamed from disk. */
    @Benchmark
    public boolean sdkVerifyReleaseEndToEnd() {
        return verifier.verifyRelease("benchapp", certificatePem, signature, archive)
                .isValid();
    }

    /** The SDK: only the SHA512withRSA check over the file (no certificate work). */
    @Benchmark
    public boolean sdkSignatureOnly() {
        return Signatures.verify(publicKey, archive, signature);
    }

    /** {@code openssl dgst -sha512 -verify pub.pem -signature sig.bin archive}, one process per call. */
    @Benchmark
    public String opensslDgstVerify() throws Exception {
        Process p = new ProcessBuilder(
                        "openssl",
                        "dgst",
                        "-sha512",
                        "-verify",
                        publicKeyPem.toString(),
                        "-signature",
                        signatureBin.toString(),
                        archive.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        p.waitFor();
        return out;
    }

    private static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        return g.generateKeyPair();
    }

    private static X509Certificate ca(X500Name issuer, X500Name subject, KeyPair key, PrivateKey by, int pathLen)
            throws Exception {
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                issuer,
                BigInteger.valueOf(System.nanoTime()),
                Date.from(Instant.parse("2020-01-01T00:00:00Z")),
                Date.from(Instant.parse("2040-01-01T00:00:00Z")),
                subject,
                key.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLen));
        return new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(by)));
    }

    private static String pem(Object o) throws IOException {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(o);
        }
        return sw.toString();
    }
}
