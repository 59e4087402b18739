package dev.ncsdk.appapi.exapp;

import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ExApp's listening sockets, TCP and (behind HaRP) a Unix domain socket, relaying each connection to the
 * JDK's {@code com.sun.net.httpserver} on a loopback port.
 *
 * <p>Why relay rather than parse HTTP here: the JDK server stays the one HTTP engine (framing, keep-alive,
 * chunked answers, {@code 100-continue}, the executor), and it binds TCP only, so the Unix socket has to be
 * bridged anyway. The relay reads only each request's head, for two reasons the JDK server cannot cover: it bounds
 * the head's size (431 before anything is decoded) and it drops an empty {@code Content-Length:} header, which
 * proxies send (nextcloud/app_api#536) and the JDK server refuses with 400. Bodies and answers are copied
 * unchanged.
 */
final class FrontDoor implements Closeable {
    private static final System.Logger LOG = System.getLogger("dev.ncsdk.appapi.exapp");
    private static final String TOO_LARGE_BODY = "{\"error\":\"request headers are too large\"}";
    private static final byte[] TOO_LARGE = ("HTTP/1.1 431 Request Header Fields Too Large\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + TOO_LARGE_BODY.length()
                    + "\r\nConnection: close\r\n\r\n" + TOO_LARGE_BODY)
            .getBytes(StandardCharsets.US_ASCII);
    private static final int BUFFER = 16 * 1024;
    /** How long a connection may take to send a request head, idle keep-alive time included. */
    private static final long HEAD_TIMEOUT_SECONDS = 60;

    private static final java.util.concurrent.ScheduledThreadPoolExecutor CLOSER = closer();

    private static java.util.concurrent.ScheduledThreadPoolExecutor closer() {
        java.util.concurrent.ScheduledThreadPoolExecutor e =
                new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
                    Thread t = new Thread(r, "exapp-relay-closer");
                    t.setDaemon(true);
                    return t;
                });
        e.setRemoveOnCancelPolicy(true);
        return e;
    }

    private final InetSocketAddress backend;
    private final int maxHeadBytes;
    private final Semaphore connections;
    private final ExecutorService threads;
    private final List<ServerSocketChannel> listeners = new ArrayList<>();
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final List<Path> socketFiles = new ArrayList<>();
    private volatile boolean closing;

    FrontDoor(InetSocketAddress backend, int maxHeadBytes, int maxConnections) {
        this.backend = backend;
        // a whole head must fit: the JDK's own limit on the status line and headers is larger
        this.maxHeadBytes = maxHeadBytes;
        this.connections = new Semaphore(maxConnections);
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "exapp-relay-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Listens on a TCP address; returns the bound address (the port when 0 was asked). */
    synchronized InetSocketAddress bindTcp(InetSocketAddress address) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open();
        try {
            ch.bind(address, 128);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        listeners.add(ch);
        startAcceptor(ch, "exapp-accept-tcp");
        return (InetSocketAddress) ch.getLocalAddress();
    }

    /**
     * Listens on a Unix domain socket: a stale socket file (nothing answers on it) is removed first, a live one
     * is an error; the new socket gets mode 0666 so HaRP's tunnel client may connect whatever its user.
     */
    synchronized void bindUnix(Path path) throws IOException {
        if (Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isDirectory(path)) {
                throw new IOException("the Unix socket path is a directory: " + path);
            }
            boolean live;
            try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                probe.connect(UnixDomainSocketAddress.of(path));
                live = true;
            } catch (IOException e) {
                live = false;
            }
            if (live) {
                throw new IOException("another process listens on the Unix socket " + path);
            }
            Files.delete(path);
            LOG.log(Level.DEBUG, "removed the stale Unix socket {0}", path);
        }
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.bind(UnixDomainSocketAddress.of(path), 128);
            try {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw-rw-"));
            } catch (UnsupportedOperationException e) {
                LOG.log(Level.DEBUG, "cannot set the permissions of {0} on this file system", path);
            }
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        listeners.add(ch);
        socketFiles.add(path);
        startAcceptor(ch, "exapp-accept-unix");
    }

    private void startAcceptor(ServerSocketChannel ch, String name) {
        // not a daemon: like the JDK's own dispatcher thread, a started ExApp keeps the JVM alive
        Thread t = new Thread(() -> acceptLoop(ch), name);
        t.start();
    }

    private void acceptLoop(ServerSocketChannel ch) {
        while (ch.isOpen()) {
            SocketChannel client;
            try {
                client = ch.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!ch.isOpen()) {
                    return;
                }
                LOG.log(Level.WARNING, "accepting a connection failed: {0}", e.toString());
                continue;
            }
            if (!connections.tryAcquire()) {
                LOG.log(Level.WARNING, "too many open connections; closing a new one");
                closeQuietly(client);
                continue;
            }
            noDelay(client);
            open.add(client);
            try {
                threads.execute(() -> serve(client));
            } catch (RuntimeException e) {
                open.remove(client);
                connections.release();
                closeQuietly(client);
            }
        }
    }

    /**
     * Sends small writes at once on a TCP channel (no Nagle delay): without it an answer's last segment waits for the
     * peer's delayed acknowledgement, about 40 ms on Linux, on every keep-alive request. A Unix socket has no such
     * option and needs none.
     */
    private static void noDelay(SocketChannel ch) {
        try {
            if (ch.supportedOptions().contains(StandardSocketOptions.TCP_NODELAY)) {
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "could not switch off Nagle's algorithm: {0}", e.toString());
        }
    }

    private void serve(SocketChannel client) {
        SocketChannel server = null;
        try {
            server = SocketChannel.open(backend);
            noDelay(server);
            open.add(server);
            SocketChannel s = server;
            threads.execute(() -> pump(s, client));
            relayRequests(client, server);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "connection ended: {0}", e.toString());
            closeQuietly(client);
            if (server != null) {
                closeQuietly(server);
            }
        } finally {
            if (server == null) {
                closeQuietly(client);
                open.remove(client);
                connections.release();
            }
        }
    }

    /** Answers to the client, unchanged; when either side ends, both connections close. */
    private void pump(SocketChannel from, SocketChannel to) {
        ByteBuffer buf = ByteBuffer.allocate(BUFFER);
        try {
            while (from.read(buf) >= 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    to.write(buf);
                }
                buf.clear();
            }
        } catch (IOException e) {
            LOG.log(Level.TRACE, "relay ended: {0}", e.toString());
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            if (open.remove(to)) {
                connections.release();
            }
        }
    }

    /** Requests to the JDK server: each head checked and cleaned, each body copied as framed. */
    private void relayRequests(SocketChannel client, SocketChannel server) throws IOException {
        Input in = new Input(client);
        while (true) {
            // a connection that sends no complete head in time is closed (the JDK 17 server has no such limit)
            java.util.concurrent.ScheduledFuture<?> slow = CLOSER.schedule(
                    () -> {
                        closeQuietly(client);
                        closeQuietly(server);
                    },
                    HEAD_TIMEOUT_SECONDS,
                    java.util.concurrent.TimeUnit.SECONDS);
            byte[] head;
            try {
                head = in.readHead(maxHeadBytes);
            } finally {
                slow.cancel(false);
            }
            if (head == null) {
                server.shutdownOutput(); // the client is done; the JDK server finishes and closes
                return;
            }
            if (head.length == 0) {
                LOG.log(Level.WARNING, "refused a request whose headers exceed {0} bytes", maxHeadBytes);
                writeFully(client, ByteBuffer.wrap(TOO_LARGE));
                client.shutdownOutput();
                // read what the client still sends (bounded, a few seconds at most) so that closing does not
                // reset the connection before it has read the answer
                java.util.concurrent.ScheduledFuture<?> cut =
                        CLOSER.schedule(() -> closeQuietly(client), 3, java.util.concurrent.TimeUnit.SECONDS);
                try {
                    in.discard(1 << 20);
                } finally {
                    cut.cancel(false);
                    closeQuietly(client);
                    closeQuietly(server);
                }
                return;
            }
            Head h = Head.clean(head);
            writeFully(server, ByteBuffer.wrap(h.bytes));
            if (h.raw) {
                in.copyAll(server); // framing we do not follow (upgrade, malformed length): plain pipe
                server.shutdownOutput();
                return;
            }
            if (h.chunked) {
                in.copyChunked(server, maxHeadBytes);
            } else if (h.length > 0) {
                in.copy(server, h.length);
            }
        }
    }

    private static void writeFully(SocketChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** Stops accepting connections; open ones go on. */
    synchronized void closeListeners() {
        for (ServerSocketChannel ch : listeners) {
            closeQuietly(ch);
        }
        listeners.clear();
        for (Path p : socketFiles) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "cannot remove {0}: {1}", p, e.toString());
            }
        }
        socketFiles.clear();
    }

    /** Waits, at most {@code max}, until every relayed connection has ended. */
    void awaitDrained(java.time.Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        closeListeners();
        for (SocketChannel c : open) {
            closeQuietly(c);
        }
        threads.shutdown();
    }

    boolean closing() {
        return closing;
    }

    private static void closeQuietly(java.nio.channels.Channel c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing to do: the connection is gone either way
        }
    }

    /** A request head after cleaning, with the framing of the body that follows. */
    static final class Head {
        final byte[] bytes;
        final boolean chunked;
        final long length;
        final boolean raw;

        private Head(byte[] bytes, boolean chunked, long length, boolean raw) {
            this.bytes = bytes;
            this.chunked = chunked;
            this.length = length;
            this.raw = raw;
        }

        static Head clean(byte[] head) {
            String text = new String(head, StandardCharsets.ISO_8859_1);
            String[] lines = text.split("\r?\n", -1);
            StringBuilder out = new StringBuilder(text.length());
            boolean chunked = false;
            boolean raw = false;
            long length = 0;
            int lengths = 0;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (i > 0 && line.isEmpty()) {
                    continue; // the blank line ending the head, added below
                }
                if (i > 0) {
                    int colon = line.indexOf(':');
                    String name =
                            colon < 0 ? line : line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    String value = colon < 0 ? "" : line.substring(colon + 1).trim();
                    if (name.equals("content-length")) {
                        if (value.isEmpty()) {
                            continue; // a proxy quirk: an empty Content-Length means no body
                        }
                        lengths++;
                        try {
                            length = Long.parseLong(value);
                            raw |= length < 0;
                        } catch (NumberFormatException e) {
                            raw = true;
                        }
                    } else if (name.equals("transfer-encoding")) {
                        chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                        raw |= !chunked;
                    } else if (name.equals("upgrade")) {
                        raw = true;
                    }
                }
                out.append(line).append("\r\n");
            }
            out.append("\r\n");
            raw |= lengths > 1 || chunked && lengths > 0; // the JDK server refuses such a request; leave it to it
            return new Head(out.toString().getBytes(StandardCharsets.ISO_8859_1), chunked && !raw, length, raw);
        }
    }

    /** Buffered reading from the client channel. */
    private static final class Input {
        private final SocketChannel ch;
        private final ByteBuffer buf = ByteBuffer.allocate(BUFFER);

        Input(SocketChannel ch) {
            this.ch = ch;
            buf.flip(); // empty, ready to read
        }

        private boolean fill() throws IOException {
            buf.compact();
            int n;
            try {
                n = ch.read(buf);
            } finally {
                buf.flip();
            }
            return n >= 0;
        }

        /**
         * The next head up to and including its blank line; {@code null} at the end of the stream before a head
         * starts; an empty array when the head is longer than {@code max}.
         */
        byte[] readHead(int max) throws IOException {
            java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream(512);
            int state = 0; // 0 line, 1 CR, 2 LF after line, 3 CR after LF
            boolean started = false;
            while (true) {
                if (!buf.hasRemaining() && !fill()) {
                    if (!started) {
                        return null;
                    }
                    throw new IOException("the connection ended inside a request head");
                }
                byte b = buf.get();
                if (!started && (b == '\r' || b == '\n')) {
                    continue; // empty lines before a request line are allowed
                }
                started = true;
                if (head.size() >= max) {
                    return new byte[0];
                }
                head.write(b);
                if (b == '\n') {
                    if (state == 2 || state == 3) {
                        return head.toByteArray();
                    }
                    state = 2;
                } else if (b == '\r') {
                    state = state == 2 ? 3 : 1;
                } else {
                    state = 0;
                }
            }
        }

        void copy(SocketChannel to, long n) throws IOException {
            long left = n;
            while (left > 0) {
                if (!buf.hasRemaining() && !fill()) {
                    throw new IOException("the connection ended inside a request body");
                }
                int take = (int) Math.min(left, buf.remaining());
                ByteBuffer slice = buf.slice();
                slice.limit(take);
                writeFully(to, slice);
                buf.position(buf.position() + take);
                left -= take;
            }
        }

        void discard(long max) {
            long left = max - buf.remaining();
            buf.position(buf.limit());
            try {
                while (left > 0 && fill()) {
                    left -= buf.remaining();
                    buf.position(buf.limit());
                }
            } catch (IOException e) {
                // the client is gone: nothing left to discard
            }
        }

        void copyAll(SocketChannel to) throws IOException {
            do {
                writeFully(to, buf);
            } while (fill());
        }

        private String line(SocketChannel to, int max) throws IOException {
            String l = readLine(max);
            writeFully(to, ByteBuffer.wrap((l + "\r\n").getBytes(StandardCharsets.ISO_8859_1)));
            return l;
        }

        private String readLine(int max) throws IOException {
            StringBuilder s = new StringBuilder();
            while (true) {
                if (!buf.hasRemaining() && !fill()) {
                    throw new IOException("the connection ended inside a chunked body");
                }
                byte b = buf.get();
                if (b == '\n') {
                    return s.toString();
                }
                if (b != '\r') {
                    if (s.length() >= max) {
                        throw new IOException("a chunk line is too long");
                    }
                    s.append((char) (b & 0xff));
                }
            }
        }

        void copyChunked(SocketChannel to, int maxLine) throws IOException {
            while (true) {
                String sizeLine = line(to, maxLine);
                int semi = sizeLine.indexOf(';');
                String hex = (semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim();
                long size;
                try {
                    size = Long.parseLong(hex, 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size");
                }
                if (size < 0) {
                    throw new IOException("bad chunk size");
                }
                if (size == 0) {
                    // the JDK server expects the final CRLF right away: trailer fields are dropped
                    int trailers = 0;
                    while (!readLine(maxLine).isEmpty()) {
                        if (++trailers > 100) {
                            throw new IOException("too many trailer fields");
                        }
                    }
                    writeFully(to, ByteBuffer.wrap(new byte[] {'\r', '\n'}));
                    return;
                }
                copy(to, size);
                line(to, maxLine); // the CRLF after the chunk data
            }
        }
    }
}
