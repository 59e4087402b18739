package dev.ncsdk.ocs.internal.http;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.http.HttpClient;

/**
 * Shuts down a JDK {@link HttpClient} that the SDK created.
 *
 * <p>A JDK HTTP client keeps a selector thread blocked in the kernel for its whole life. Besides the thread and the
 * pooled connections it holds, such a thread delays the JVM's exit: HotSpot waits up to about 300 ms at exit for
 * threads running native code to come back. Java 21 added {@code HttpClient.shutdown()}; on Java 17 to 20 the only
 * way to end the thread is to interrupt it, which makes its loop close the client. The thread's name carries the
 * client's id ({@code HttpClient-<id>-SelectorManager}), which the client's {@code toString()} ends with
 * ({@code ...HttpClientImpl@1b2c3d(<id>)}).
 */
final class HttpClients {
    private static final System.Logger LOG = System.getLogger("dev.ncsdk.http");
    private static final Method SHUTDOWN = shutdownMethod();

    private HttpClients() {}

    private static Method shutdownMethod() {
        try {
            return HttpClient.class.getMethod("shutdown"); // Java 21 and later
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /**
     * Starts the client's shutdown: no new requests; its connections close and its selector thread ends.
     *
     * @param client a client the SDK created and no longer uses
     * @return whether a shutdown was started (false when the client's thread could not be found)
     */
    static boolean shutdown(HttpClient client) {
        if (SHUTDOWN != null) {
            try {
                SHUTDOWN.invoke(client);
                return true;
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "HttpClient.shutdown() failed: {0}", e.toString());
                return false;
            }
        }
        Thread selector = selectorThread(client);
        if (selector == null) {
            LOG.log(System.Logger.Level.DEBUG, "no selector thread found for {0}", client);
            return false;
        }
        selector.interrupt();
        return true;
    }

    /**
     * The selector thread of a Java 17 to 20 client.
     *
     * @param client the client
     * @return the thread, or null when it has ended or cannot be found
     */
    static Thread selectorThread(HttpClient client) {
        String s = String.valueOf(client);
        int open = s.lastIndexOf('(');
        if (open < 0 || !s.endsWith(")")) {
            return null;
        }
        String id = s.substring(open + 1, s.length() - 1);
        if (id.isEmpty()) {
            return null;
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return null;
            }
        }
        String name = "HttpClient-" + id + "-SelectorManager";
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n = root.enumerate(threads, true);
        for (int i = 0; i < n; i++) {
            if (name.equals(threads[i].getName())) {
                return threads[i];
            }
        }
        return null;
    }
}
