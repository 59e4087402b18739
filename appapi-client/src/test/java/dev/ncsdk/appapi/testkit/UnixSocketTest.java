package dev.ncsdk.appapi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator reaching an ExApp over a Unix domain socket, as HaRP's FRP client does: a raw HTTP/1.1 server on a
 * socket file answers with Content-Length, chunked, gzip, close-delimited and 100-Continue framings.
 */
class UnixSocketTest {
    @TempDir
    Path dir;

    private Path socket;
    private ServerSocketChannel server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private AppApiSimulator sim;

    @BeforeEach
    void start() throws IOException {
        socket = dir.resolve("exapp.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        pool.execute(this::serve);
        sim = AppApiSimulator.builder()
                .appId("sockapp")
                .secret("s3cr3t")
                .harp("shared")
                .timeout(Duration.ofSeconds(5))
                .start();
        sim.exAppSocket(socket);
    }

    @AfterEach
    void stop() throws IOException {
        sim.close();
        server.close();
        pool.shutdownNow();
        Files.deleteIfExists(socket);
    }

    private void serve() {
        while (server.isOpen()) {
            try {
                SocketChannel ch = server.accept();
                pool.execute(() -> answer(ch));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(SocketChannel ch) {
        try (ch) {
            InputStream in = Channels.newInputStream(ch);
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    return;
                }
                head.append((char) c);
            }
            String h = head.toString();
            int length = 0;
            for (String line : h.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            requests.add(h + body);
            String path = h.substring(h.indexOf(' ') + 1, h.indexOf(" HTTP/1.1"));
            byte[] out;
            switch (path) {
                case "/heartbeat" -> out = response("Content-Length: 15\r\n", "{\"status\":\"ok\"}");
                case "/chunked" ->
                    out = ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: "
                                    + "application/json\r\n\r\n5;ext=1\r\n{\"a\":\r\n"
                                    + "a\r\n\"chunked\"}\r\n0\r\nX-Trailer: t\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8);
                case "/gzip" -> {
                    ByteArrayOutputStream z = new ByteArrayOutputStream();
                    try (GZIPOutputStream g = new GZIPOutputStream(z)) {
                        g.write("{\"zipped\":true}".getBytes(StandardCharsets.UTF_8));
                    }
                    ByteArrayOutputStream r = new ByteArrayOutputStream();
                    r.write(("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + z.size() + "\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
                    r.write(z.toByteArray());
                    out = r.toByteArray();
                }
                case "/close" -> out = "HTTP/1.1 201 Created\r\n\r\nuntil close".getBytes(StandardCharsets.UTF_8);
                case "/continue" ->
                    out = ("HTTP/1.1 100 Continue\r\n\r\n"
                                    + new String(response("Content-Length: 2\r\n", "ok"), StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                case "/silent" -> {
                    Thread.sleep(3000);
                    return;
                }
                default -> out = response("Content-Length: " + body.length() + "\r\n", body);
            }
            ByteBuffer b = ByteBuffer.wrap(out);
            while (b.hasRemaining()) {
                ch.write(b);
            }
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] response(String headers, String body) {
        return ("HTTP/1.1 200 OK\r\n" + headers + "\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void heartbeatAndRequestsTravelOverTheSocketWithHarpHeaders() {
        assertThat(sim.heartbeat().json().get("status").asText()).isEqualTo("ok");
        ExAppResponse echo = sim.asUser("alice").post("/echo", "{\"x\":1}");

        assertThat(echo.bodyText()).isEqualTo("{\"x\":1}");
        String sent = requests.get(1);
        assertThat(sent)
                .startsWith("POST /echo HTTP/1.1\r\n")
                .contains("\r\nContent-Length: 7\r\n")
                .contains("\r\nharp-shared-key: shared\r\n")
                .contains("\r\nEX-APP-ID: sockapp\r\n")
                .contains("\r\nConnection: close\r\n");
        assertThat(sim.environment(0)).containsEntry("HP_EXAPP_SOCK", socket.toString());
    }

    @Test
    void chunkedGzipCloseDelimitedAndContinueAnswersAreRead() {
        ExAppResponse chunked = sim.asUser("alice").get("/chunked");
        assertThat(chunked.bodyText()).isEqualTo("{\"a\":\"chunked\"}");
        assertThat(chunked.header("content-type")).contains("application/json");
        assertThat(sim.asUser("alice").get("/gzip").json().get("zipped").asBoolean())
                .isTrue();
        ExAppResponse close = sim.asUser("alice").get("/close");
        assertThat(close.status()).isEqualTo(201);
        assertThat(close.bodyText()).isEqualTo("until close");
        assertThat(sim.asUser("alice").get("/continue").bodyText()).isEqualTo("ok");
    }

    @Test
    void anExAppThatDoesNotAnswerOnTheSocketTimesOut() {
        AppApiSimulator quick =
                AppApiSimulator.builder().timeout(Duration.ofMillis(200)).start();
        try (quick) {
            quick.exAppSocket(socket);
            assertThatThrownBy(() -> quick.asUser("alice").get("/silent"))
                    .isInstanceOf(ExAppCheckFailure.class)
                    .hasMessageContaining("no answer within");
        }
    }

    @Test
    void aMissingSocketIsReportedAsUnreachable() {
        sim.exAppSocket(dir.resolve("none.sock"));
        assertThatThrownBy(sim::heartbeat)
                .isInstanceOf(ExAppCheckFailure.class)
                .hasMessageContaining("cannot reach the ExApp at unix:");
    }

    @Test
    void brokenAnswersAreIoErrorsNotGarbage() {
        assertThatThrownBy(() -> read("SSH-2.0-OpenSSH\r\n\r\n")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("5 of 10");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("chunk size");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nno colon\r\n\r\n")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("HTTP/1.1 2x0 OK\r\n\r\n")).isInstanceOf(IOException.class);
    }

    private static ExAppResponse read(String raw) throws IOException {
        return UnixSocketExAppChannel.readResponse(
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)), "GET");
    }
}
