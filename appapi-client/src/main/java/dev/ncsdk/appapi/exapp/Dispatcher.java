package dev.ncsdk.appapi.exapp;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.ncsdk.appapi.app.NextcloudApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Serves every request: {@code GET /heartbeat} without authentication, everything else after
 * {@link ExAppAuthenticator}; then the route, with a bounded body and a time limit. Every outcome is a JSON answer,
 * never a dropped connection.
 */
final class Dispatcher implements HttpHandler {
    private static final System.Logger LOG = System.getLogger("dev.ncsdk.appapi.exapp");
    private static final byte[] HEARTBEAT = "{\"status\":\"ok\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final ExAppAuthenticator authenticator;
    private final Router router;
    private final long maxBodyBytes;
    private final Duration handlerTimeout;
    private final ScheduledExecutorService watchdog;
    private final Supplier<NextcloudApp> nextcloud;
    private final AtomicInteger inFlight = new AtomicInteger();

    Dispatcher(
            ExAppAuthenticator authenticator,
            Router router,
            long maxBodyBytes,
            Duration handlerTimeout,
            ScheduledExecutorService watchdog,
            Supplier<NextcloudApp> nextcloud) {
        this.authenticator = authenticator;
        this.router = router;
        this.maxBodyBytes = maxBodyBytes;
        this.handlerTimeout = handlerTimeout;
        this.watchdog = watchdog;
        this.nextcloud = nextcloud;
    }

    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void handle(HttpExchange ex) {
        inFlight.incrementAndGet();
        Answer answer = new Answer(ex);
        try {
            serve(ex, answer);
        } catch (RuntimeException | Error e) {
            LOG.log(
                    Level.ERROR,
                    "failed to serve " + ex.getRequestMethod() + " "
                            + ex.getRequestURI().getRawPath(),
                    e);
            answer.send(Response.json(500, Map.of("error", "internal error")));
        } finally {
            answer.close();
            inFlight.decrementAndGet();
        }
    }

    private void serve(HttpExchange ex, Answer answer) {
        String rawPath = ex.getRequestURI().getRawPath();
        String methodName = ex.getRequestMethod();
        HttpMethod method = HttpMethod.parse(methodName);
        if ("/heartbeat".equals(rawPath) && (method == HttpMethod.GET || method == HttpMethod.HEAD)) {
            answer.sendRaw(200, HEARTBEAT);
            return;
        }
        Headers headers = ex.getRequestHeaders();
        ExAppCaller caller;
        try {
            caller = authenticator.authenticate(headers::getFirst);
        } catch (RequestAuthenticationException e) {
            LOG.log(
                    Level.WARNING,
                    "refused {0} {1} from {2}: {3}",
                    methodName,
                    safe(rawPath),
                    ex.getRemoteAddress(),
                    e.getMessage());
            answer.send(Response.json(401, Map.of("error", e.getMessage())));
            return;
        }
        Router.Match m =
                method == null ? new Router.Match(null, Map.of(), java.util.Set.of()) : router.find(method, rawPath);
        if (m.route() == null) {
            if (m.allowed().isEmpty()) {
                answer.send(Response.json(404, Map.of("error", "no route for " + methodName + " " + safe(rawPath))));
            } else {
                String allow = m.allowed().stream().map(Enum::name).collect(Collectors.joining(", "));
                answer.send(Response.json(405, Map.of("error", "method " + methodName + " not allowed"))
                        .withHeader("Allow", allow));
            }
            return;
        }
        byte[] body;
        try {
            body = readBody(ex);
        } catch (BodyTooLarge e) {
            answer.send(Response.json(413, Map.of("error", "the request body exceeds " + maxBodyBytes + " bytes"))
                    .withHeader("Connection", "close"));
            return;
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "reading a request body failed: {0}", e.toString());
            answer.send(Response.json(400, Map.of("error", "the request body could not be read")));
            return;
        }
        Request req = new Request(
                method, rawPath, ex.getRequestURI().getRawQuery(), caller, m.vars(), headers, body, nextcloud);
        answer.head = method == HttpMethod.HEAD;
        run(m.route(), req, answer);
    }

    private void run(Router.Route route, Request req, Answer answer) {
        Thread worker = Thread.currentThread();
        ScheduledFuture<?> timer = watchdog.schedule(
                () -> {
                    if (answer.timeOut(worker)) {
                        LOG.log(
                                Level.WARNING,
                                "{0} {1} did not answer within {2}; answered 503",
                                route.method(),
                                route.pattern(),
                                handlerTimeout);
                    }
                },
                handlerTimeout.toMillis(),
                TimeUnit.MILLISECONDS);
        Response response;
        try {
            response = route.handler().handle(req);
            if (response == null) {
                response = Response.status(204);
            }
        } catch (ExAppHttpException e) {
            response = Response.json(e.status(), Map.of("error", String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            response = Response.json(503, Map.of("error", "interrupted"));
        } catch (Exception | Error e) {
            if (!answer.timedOut()) {
                LOG.log(Level.ERROR, "handler of " + route.method() + " " + route.pattern() + " failed", e);
            }
            response = Response.json(500, Map.of("error", "internal error in the ExApp (see its log)"));
        } finally {
            answer.handlerDone();
            timer.cancel(false);
        }
        answer.send(response);
    }

    private byte[] readBody(HttpExchange ex) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && !declared.isBlank()) {
            try {
                if (Long.parseLong(declared.trim()) > maxBodyBytes) {
                    throw new BodyTooLarge();
                }
            } catch (NumberFormatException e) {
                // the JDK server refuses such a request before it gets here
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (b.length > maxBodyBytes) {
                throw new BodyTooLarge();
            }
            return b;
        }
    }

    /** A path for a log line or message: no control characters, cut to a sane length. */
    static String safe(String s) {
        if (s == null) {
            return "";
        }
        String t = s.length() > 200 ? s.substring(0, 200) + "..." : s;
        return t.replaceAll("[\\p{Cntrl}]", "?");
    }

    private static final class BodyTooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** The single answer of one exchange: sent once, by the worker or by the watchdog on timeout. */
    private final class Answer {
        private final HttpExchange ex;
        private boolean sent;
        private boolean running = true;
        private boolean timedOut;
        boolean head;

        Answer(HttpExchange ex) {
            this.ex = ex;
        }

        synchronized boolean timeOut(Thread worker) {
            if (sent) {
                return false;
            }
            timedOut = true;
            send(Response.json(503, Map.of("error", "the ExApp did not answer in time")));
            if (running) {
                worker.interrupt();
            }
            return true;
        }

        synchronized boolean timedOut() {
            return timedOut;
        }

        void handlerDone() {
            synchronized (this) {
                running = false;
            }
            Thread.interrupted(); // an interrupt from a timeout must not reach the next request on this thread
        }

        synchronized void sendRaw(int status, byte[] json) {
            send(Response.bytes(json, "application/json").withStatus(status));
        }

        synchronized void send(Response r) {
            if (sent) {
                return;
            }
            sent = true;
            if (r.streamed() && !head && r.statusCode() != 204 && r.statusCode() != 304 && r.statusCode() >= 200) {
                stream(r);
                return;
            }
            try {
                Headers h = ex.getResponseHeaders();
                for (Map.Entry<String, String> e : r.headers()) {
                    h.add(e.getKey(), e.getValue());
                }
                byte[] b = r.bodyBytes();
                int status = r.statusCode();
                boolean noBody = head || status == 204 || status == 304 || status < 200 || b.length == 0;
                ex.sendResponseHeaders(status, noBody ? -1 : b.length);
                if (!noBody) {
                    ex.getResponseBody().write(b);
                }
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "sending an answer failed: {0}", e.toString());
            } finally {
                ex.close();
            }
        }

        /** Runs a streamed body's writer; a failure before anything went out still gets a proper answer. */
        private void stream(Response r) {
            LazyBody body = new LazyBody(ex, r);
            try {
                r.writer().writeTo(body);
                body.finish();
            } catch (Exception | Error e) {
                if (!body.committed()) {
                    Response failure;
                    if (e instanceof ExAppHttpException h) {
                        failure = Response.json(h.status(), Map.of("error", String.valueOf(h.getMessage())));
                    } else {
                        LOG.log(
                                Level.ERROR,
                                "writing the streamed answer of "
                                        + safe(ex.getRequestURI().getRawPath()) + " failed",
                                e);
                        failure = Response.json(500, Map.of("error", "internal error in the ExApp (see its log)"));
                    }
                    sent = false;
                    send(failure);
                    return;
                }
                if (e instanceof IOException) {
                    LOG.log(Level.DEBUG, "the caller went away during a streamed answer: {0}", e.toString());
                } else {
                    LOG.log(
                            Level.ERROR,
                            "a streamed answer of " + safe(ex.getRequestURI().getRawPath())
                                    + " failed after it began; it ends here",
                            e);
                }
            } finally {
                Thread.interrupted();
                ex.close();
            }
        }

        synchronized void close() {
            if (!sent) {
                send(Response.json(500, Map.of("error", "no answer")));
            }
        }
    }

    /**
     * A streamed body's output: the status and headers are sent at the first write or flush (chunked), so that a
     * writer failing before its first byte can still be answered with an error status.
     */
    private static final class LazyBody extends OutputStream {
        private final HttpExchange ex;
        private final Response response;
        private OutputStream out;
        private boolean closed;

        LazyBody(HttpExchange ex, Response response) {
            this.ex = ex;
            this.response = response;
        }

        boolean committed() {
            return out != null;
        }

        private OutputStream commit() throws IOException {
            if (closed) {
                throw new IOException("the streamed answer is closed");
            }
            if (out == null) {
                Headers h = ex.getResponseHeaders();
                for (Map.Entry<String, String> e : response.headers()) {
                    h.add(e.getKey(), e.getValue());
                }
                ex.sendResponseHeaders(response.statusCode(), 0); // 0: chunked, each flush sends what was written
                out = ex.getResponseBody();
            }
            return out;
        }

        @Override
        public void write(int b) throws IOException {
            commit().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > 0) {
                commit().write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            commit().flush();
        }

        @Override
        public void close() {
            // the runtime ends the answer when the writer returns (finish)
        }

        void finish() throws IOException {
            if (out == null) {
                Headers h = ex.getResponseHeaders();
                for (Map.Entry<String, String> e : response.headers()) {
                    h.add(e.getKey(), e.getValue());
                }
                ex.sendResponseHeaders(response.statusCode(), -1);
            } else {
                out.close();
            }
            closed = true;
        }
    }
}
