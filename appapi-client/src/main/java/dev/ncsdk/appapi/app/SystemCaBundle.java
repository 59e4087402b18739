package dev.ncsdk.appapi.app;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * An HTTP client trusting the JVM's default CAs plus the certificates of a PEM bundle (the operating system's store,
 * where AppAPI installs Nextcloud's CA). Host names are still verified.
 */
final class SystemCaBundle {
    private static final System.Logger LOG = System.getLogger("dev.ncsdk.appapi.app");

    /** Where distributions keep the system bundle, most common first. */
    static final List<Path> LOCATIONS = List.of(
            Path.of("/etc/ssl/certs/ca-certificates.crt"),
            Path.of("/etc/pki/tls/certs/ca-bundle.crt"),
            Path.of("/etc/ssl/ca-bundle.pem"),
            Path.of("/etc/ssl/cert.pem"));

    private static final Pattern PEM =
            Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

    private SystemCaBundle() {}

    /** The first system bundle that exists. */
    static Path find() {
        return find(LOCATIONS);
    }

    /** The first readable file of the candidates. */
    static Path find(List<Path> candidates) {
        for (Path p : candidates) {
            if (Files.isReadable(p)) {
                return p;
            }
        }
        throw new UncheckedIOException(new IOException("no system CA bundle found in " + candidates));
    }

    /** The certificates of a PEM bundle; text around the blocks (comments) is ignored. */
    static List<X509Certificate> read(Path bundle) {
        String text;
        try {
            text = Files.readString(bundle, StandardCharsets.ISO_8859_1); // never fails; comments may be UTF-8
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CA bundle " + bundle, e);
        }
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            Matcher m = PEM.matcher(text);
            while (m.find()) {
                byte[] der = Base64.getMimeDecoder().decode(m.group(1));
                Certificate c = cf.generateCertificate(new ByteArrayInputStream(der));
                if (c instanceof X509Certificate) {
                    out.add((X509Certificate) c);
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the CA bundle " + bundle + " holds a malformed certificate", e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the CA bundle " + bundle + " holds no PEM certificate");
        }
        return out;
    }

    /** A TLS context trusting the JVM's default CAs and the bundle's certificates. */
    static SSLContext context(Path bundle) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {trustManager(bundle)}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS with the CA bundle " + bundle + ": " + e, e);
        }
    }

    /** A PKIX trust manager whose anchors are the JVM's default CAs and the bundle's certificates. */
    static X509TrustManager trustManager(Path bundle) {
        List<X509Certificate> extra = read(bundle);
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (X509Certificate c : jdkDefaults().getAcceptedIssuers()) {
                ks.setCertificateEntry("jdk-" + i++, c);
            }
            for (X509Certificate c : extra) {
                ks.setCertificateEntry("bundle-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "trusting {0} certificates of {1} besides the JVM''s CAs",
                    extra.size(),
                    bundle);
            return x509(tmf.getTrustManagers());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS with the CA bundle " + bundle + ": " + e, e);
        }
    }

    /** The JVM's default trust manager (its {@code cacerts}). */
    static X509TrustManager jdkDefaults() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        return x509(tmf.getTrustManagers());
    }

    private static X509TrustManager x509(TrustManager[] managers) throws GeneralSecurityException {
        for (TrustManager tm : managers) {
            if (tm instanceof X509TrustManager) {
                return (X509TrustManager) tm;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** An HTTP client like the SDK's own (no redirects followed) with that TLS context. */
    static HttpClient httpClient(Path bundle, Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(context(bundle))
                .build();
    }

    /** Shuts a client down where the JDK can (Java 21+); on older JDKs it ends once unreachable. */
    static void shutdown(HttpClient client) {
        try {
            Method m = HttpClient.class.getMethod("shutdown");
            m.invoke(client);
        } catch (NoSuchMethodException e) {
            // Java 17-20: the client's selector thread ends when the client is no longer referenced
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "HttpClient.shutdown() failed: {0}", e.toString());
        }
    }
}
