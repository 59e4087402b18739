package dev.ncsdk.appstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The app list parsed while it downloads gives exactly what the whole-body parse gives, or gives up. */
class AppListStreamTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The real excerpt's three apps, repeated under new ids: 60 apps, with the store's own field shapes. */
    static byte[] catalogue() throws IOException {
        ArrayNode real = (ArrayNode) MAPPER.readTree(Fixtures.appsExcerpt());
        ArrayNode out = MAPPER.createArrayNode();
        for (int i = 0; i < 20; i++) {
            for (int k = 0; k < real.size(); k++) {
                ObjectNode app = real.get(k).deepCopy();
                app.put("id", app.get("id").asText() + "_" + i);
                out.add(app);
            }
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(out);
    }

    /**
     * Feeds a document as a transport would: in pieces of about {@code chunk} bytes, into a buffer that is
     * replaced by a larger copy now and then, and returns the stream's result.
     */
    static List<App> stream(byte[] doc, int chunk, Predicate<String> wanted, long seed) throws Exception {
        AppListStream s = AppListStream.start(wanted);
        Random r = new Random(seed);
        byte[] buf = new byte[Math.max(16, doc.length / 7)];
        int size = 0;
        while (size < doc.length) {
            int n = Math.min(doc.length - size, 1 + r.nextInt(Math.max(1, 2 * chunk)));
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(size + n, buf.length * 2));
            }
            System.arraycopy(doc, size, buf, size, n);
            size += n;
            s.onData(buf, size);
        }
        s.onComplete(buf, size);
        return s.result().get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 17, 256, 4096, 1 << 20})
    void theStreamedParseEqualsTheWholeBodyParse(int chunk) throws Exception {
        byte[] doc = catalogue();
        List<App> expected = AppStoreJson.readApps(doc);
        assertThat(expected).hasSize(60);
        assertThat(stream(doc, chunk, null, chunk)).isEqualTo(expected);
    }

    @Test
    void theRealExcerptStreamsAsSentWithItsCertificatesLineBreaks() throws Exception {
        byte[] doc = Fixtures.appsExcerpt();
        List<App> streamed = stream(doc, 64, null, 1);
        assertThat(streamed).isEqualTo(AppStoreJson.readApps(doc));
        assertThat(streamed.get(0).certificate()).contains("\r\n");
    }

    @Test
    void aFilterReadsOnlyTheWantedApps() throws Exception {
        byte[] doc = catalogue();
        Set<String> ids = Set.of("apporder_3", "twofactor_totp_19", "missing");
        List<App> streamed = stream(doc, 500, ids::contains, 2);
        assertThat(streamed).extracting(App::id).containsExactly("apporder_3", "twofactor_totp_19");
        assertThat(streamed).isEqualTo(AppStoreJson.readApps(doc, ids::contains));
    }

    @Test
    void anEmptyListIsEmpty() throws Exception {
        assertThat(stream(" [ ] \n".getBytes(StandardCharsets.UTF_8), 1, null, 3))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\uFEFF[{\"id\":\"a\"}]", // byte order mark: left to the whole-body parse
                "{\"id\":\"a\"}", // not an array
                "[1, {\"id\":\"a\"}]", // an element that is not an object
                "[{\"id\":\"a\"} {\"id\":\"b\"}]", // missing comma
                "[{\"id\":\"a\"},]", // trailing comma
                "[{\"id\":\"a\"}] x", // content after the array
                "[{\"id\":\"a\"}", // truncated after an object
                "[{\"id\":\"a\", \"releases\":[", // truncated inside
                "[{\"id\":\"a\",}]", // a malformed object
                "[{\"id\":\"a\" \"x\":1}]", // another one
                "[{\"id\":\"a\"]}]" // mismatched brackets
            })
    void anythingUnusualMakesTheStreamGiveUp(String doc) {
        byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> stream(bytes, 2, null, 4))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(StoreFormatException.class);
    }

    @Test
    void stringsWithBracketsQuotesAndEscapesSplitAtTheRightPlaceWhereverThePiecesEnd() throws Exception {
        String tricky = "[{\"id\":\"a\",\"website\":\"}]{[\\\\\\\"\\\\\"},"
                + "{\"id\":\"b\",\"website\":\"\\\"}\\\\\",\"userDocs\":\"ü€😀\"}]";
        byte[] doc = tricky.getBytes(StandardCharsets.UTF_8);
        List<App> expected = AppStoreJson.readApps(doc);
        assertThat(expected).extracting(App::id).containsExactly("a", "b");
        for (int seed = 0; seed < 50; seed++) {
            assertThat(stream(doc, 1 + seed % 5, null, seed)).isEqualTo(expected);
        }
    }

    @Test
    void aFailedBodyOrAnAbortEndsTheParseAndLaterBytesAreIgnored() throws Exception {
        AppListStream failed = AppListStream.start(null);
        failed.onData("[{\"id\":".getBytes(StandardCharsets.UTF_8), 7);
        failed.onError(new IOException("connection reset"));
        assertThatThrownBy(() -> failed.result().get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(StoreFormatException.class);

        AppListStream aborted = AppListStream.start(null);
        byte[] doc = "[{\"id\":\"a\"},{\"id\":\"b\"}]".getBytes(StandardCharsets.UTF_8);
        aborted.onData(doc, 12);
        aborted.abort();
        aborted.onData(doc, doc.length);
        aborted.onComplete(doc, doc.length);
        assertThatThrownBy(() -> aborted.result().get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(StoreFormatException.class);
    }
}
