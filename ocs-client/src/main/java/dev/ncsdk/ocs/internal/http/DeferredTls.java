package dev.ncsdk.ocs.internal.http;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The JDK's default TLS set-up, made when the first TLS connection needs it instead of when the HTTP client is
 * built.
 *
 * <p>{@code HttpClient.newBuilder().build()} asks for {@link SSLContext#getDefault()} at once, which loads the JSSE
 * provider and parses the whole system trust store: about 0.15 s of a cold command-line run, spent even when every
 * request goes to a plain-HTTP mirror or loopback server. The transport therefore gives the clients it creates this
 * context and {@link #parameters()}; both behave like the defaults they stand for. The context is the JVM's default
 * one, looked up on first use (so a default installed with {@link SSLContext#setDefault} before then is honoured);
 * the parameters name the protocols the default client context enables (so that HTTP/2 is still offered by ALPN)
 * and leave cipher suites to the engine's defaults.
 */
final class DeferredTls {
    private DeferredTls() {}

    /** @return a context that becomes the JVM's default TLS context on first use */
    static SSLContext context() {
        return new Context(new Spi());
    }

    /**
     * The parameters the JDK's default client context would give, without creating it: the protocols of the
     * {@code jdk.tls.client.protocols} system property, or TLS 1.3 and 1.2 (the JDK's defaults), and the default
     * cipher suites (left unset, so the engine applies its own).
     *
     * @return fresh parameters
     */
    static SSLParameters parameters() {
        SSLParameters p = new SSLParameters();
        p.setProtocols(clientProtocols(System.getProperty("jdk.tls.client.protocols")));
        return p;
    }

    /**
     * The protocols a client enables by default.
     *
     * @param property the value of {@code jdk.tls.client.protocols}, or null
     * @return the protocols
     */
    static String[] clientProtocols(String property) {
        if (property != null) {
            String v = property.trim();
            if (v.length() > 1 && v.startsWith("\"") && v.endsWith("\"")) {
                v = v.substring(1, v.length() - 1).trim();
            }
            if (!v.isEmpty()) {
                String[] parts = v.split(",");
                int n = 0;
                for (String part : parts) {
                    String s = part.trim();
                    if (!s.isEmpty()) {
                        parts[n++] = s;
                    }
                }
                if (n > 0) {
                    return java.util.Arrays.copyOf(parts, n);
                }
            }
        }
        return new String[] {"TLSv1.3", "TLSv1.2"};
    }

    private static final class Context extends SSLContext {
        Context(Spi spi) {
            super(spi, null, "Default");
        }
    }

    /** Delegates every operation to the default context, looked up once, on the first call. */
    private static final class Spi extends SSLContextSpi {
        private volatile SSLContext delegate;

        private SSLContext delegate() {
            SSLContext d = delegate;
            if (d == null) {
                try {
                    d = SSLContext.getDefault();
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("the JDK has no default TLS context", e);
                }
                delegate = d;
            }
            return d;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) {
            throw new UnsupportedOperationException("the default TLS context cannot be initialised again");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return delegate().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return delegate().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return delegate().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return delegate().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return delegate().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return delegate().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return delegate().getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return delegate().getSupportedSSLParameters();
        }
    }
}
