package dev.ncsdk.appapi.internal;

/**
 * Settings of the JDK's {@code com.sun.net.httpserver} that the ExApp runtime and the test kit rely on. Not API.
 */
public final class JdkHttpServers {
    /** The JDK's switch for {@code TCP_NODELAY} on the sockets its HTTP server accepts. */
    static final String NODELAY = "sun.net.httpserver.nodelay";

    private JdkHttpServers() {}

    /**
     * Asks the JDK's HTTP server to send small writes at once (no Nagle delay), unless the application chose
     * otherwise. The server writes an answer's head and body separately; with Nagle's algorithm the body waits for
     * the client's delayed acknowledgement, about 40 ms on Linux, on every keep-alive request. The JDK reads the
     * property once, when its first server is made in the process, so this is called before every
     * {@code HttpServer.create}; a server made earlier in the process keeps the setting it was made with.
     */
    public static void preferNoDelay() {
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
    }
}
