package dev.ncsdk.appstore.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.appstore.releasetesting.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Archives built to exhaust a reader: sparse entries whose holes declare a gigabyte, header records larger than any
 * name, and names that alias another path. Every archive is written byte by byte here ({@link RawTar}); the sparse
 * layouts are GNU tar's (PAX 0.0, 0.1 and 1.0 {@code GNU.sparse.*} keys, old GNU type {@code S}), as Python's
 * {@code tarfile} and GNU tar write them.
 */
class ArchiveHostileInputTest {
    private static final long GIB = 1024L * 1024 * 1024;
    private static final String REAL = Long.toString(GIB);

    private static ArchiveReport inspect(byte[] archive) {
        return ArchiveInspector.defaults().inspect(new ByteArrayInputStream(archive));
    }

    private static List<ArchiveProblem> problems(ArchiveReport r, ArchiveRule rule) {
        return r.problems().stream().filter(p -> p.rule() == rule).collect(Collectors.toList());
    }

    private static Map<String, String> records(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** PAX 0.0: the map in repeated GNU.sparse.offset/numbytes records; the file's data is the one stored byte. */
    private static byte[] pax00() {
        return RawTar.app("news")
                .pax(records(
                        "GNU.sparse.size", REAL,
                        "GNU.sparse.numblocks", "1",
                        "GNU.sparse.offset", Long.toString(GIB - 1),
                        "GNU.sparse.numbytes", "1",
                        "path", "news/big.bin"))
                .file("news/GNUSparseFile.0/big.bin", "x")
                .build();
    }

    /** PAX 0.1: the map in one GNU.sparse.map record, the real name in GNU.sparse.name. */
    private static byte[] pax01() {
        return RawTar.app("news")
                .pax(records(
                        "GNU.sparse.size",
                        REAL,
                        "GNU.sparse.numblocks",
                        "1",
                        "GNU.sparse.map",
                        (GIB - 1) + ",1",
                        "GNU.sparse.name",
                        "news/big.bin"))
                .file("news/GNUSparseFile.0/big.bin", "x")
                .build();
    }

    /**
     * PAX 1.0: major/minor/realsize/name in the header; the map ("1\n<offset>\n1\n") fills the first 512-byte block
     * of the data, the one stored byte follows.
     */
    private static byte[] pax10() {
        byte[] data = new byte[513];
        byte[] map = ("1\n" + (GIB - 1) + "\n1\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(map, 0, data, 0, map.length);
        data[512] = 'x';
        return RawTar.app("news")
                .pax(records(
                        "GNU.sparse.major", "1",
                        "GNU.sparse.minor", "0",
                        "GNU.sparse.name", "news/big.bin",
                        "GNU.sparse.realsize", REAL))
                .file("news/GNUSparseFile.0/big.bin", data)
                .build();
    }

    /** Old GNU: type 'S', the map and real size in the header itself. */
    private static byte[] oldGnu() {
        return RawTar.app("news").oldGnuSparse("news/big.bin", GIB).build();
    }

    static Stream<Arguments> sparseArchives() {
        return Stream.of(
                Arguments.of("PAX 0.0", pax00()),
                Arguments.of("PAX 0.1", pax01()),
                Arguments.of("PAX 1.0", pax10()),
                Arguments.of("old GNU", oldGnu()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sparseArchives")
    void sparseEntriesAreRefusedWithoutReadingTheirHoles(String format, byte[] archive) {
        assertThat(archive.length).isLessThan(1024);

        ArchiveReport r = inspect(archive);

        assertThat(r.isValid()).isFalse();
        assertThat(problems(r, ArchiveRule.SPARSE_ENTRY)).singleElement().satisfies(p -> {
            assertThat(p.entry()).contains("big.bin");
            assertThat(p.message()).contains("sparse");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sparseArchives")
    void sparseEntriesAreRefusedByTheExtractorEvenInLenientModeAndNoFileIsWritten(
            String format, byte[] archive, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("sparse.tar.gz");
        Files.write(file, archive);
        for (ArchiveExtractor extractor : List.of(
                ArchiveExtractor.defaults(),
                ArchiveExtractor.builder().requireValidApp(false).build())) {
            Path target = dir.resolve("out-" + System.identityHashCode(extractor));

            assertThatThrownBy(() -> extractor.extract(file, target))
                    .isInstanceOf(ArchiveException.class)
                    .satisfies(e -> assertThat(((ArchiveException) e).problems())
                            .extracting(ArchiveProblem::rule)
                            .contains(ArchiveRule.SPARSE_ENTRY));
            assertThat(Files.exists(target.resolve("news/big.bin"))).isFalse();
        }
    }

    @Test
    void aHeaderRecordDeclaringSixHundredMegabytesIsRefusedBeforeItIsRead() {
        // the header says 600 MB; only 1 KiB follows: a reader that trusted the size would buffer it all
        byte[] archive = RawTar.app("news")
                .record("./PaxHeaders/x", 'x', 600L * 1000 * 1000, new byte[1024])
                .file("news/lib/a.php", "x")
                .build();

        ArchiveReport r = inspect(archive);

        assertThat(problems(r, ArchiveRule.HEADER_TOO_LARGE))
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .contains("600000000")
                        .contains(Integer.toString(ArchiveInspector.DEFAULT_MAX_HEADER_RECORD_BYTES)));
        assertThat(r.has(ArchiveRule.CORRUPT)).isFalse();
    }

    static Stream<Arguments> oversizedRecords() {
        String big = "a".repeat(ArchiveInspector.DEFAULT_MAX_HEADER_RECORD_BYTES + 10);
        return Stream.of(
                Arguments.of(
                        "PAX extended header",
                        RawTar.app("news").pax("comment", big).file("news/a", "x")),
                Arguments.of(
                        "global PAX header",
                        RawTar.app("news").globalPax("comment", big).file("news/a", "x")),
                Arguments.of(
                        "GNU long name",
                        RawTar.app("news").gnuLongName("news/" + big).file("news/a", "x")),
                Arguments.of(
                        "GNU long link", RawTar.app("news").gnuLongLink(big).symlink("news/l", "x")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversizedRecords")
    void everyKindOfHeaderRecordOverTheLimitIsRefused(String kind, RawTar tar) {
        ArchiveReport r = inspect(tar.build());

        assertThat(problems(r, ArchiveRule.HEADER_TOO_LARGE)).hasSize(1);
    }

    @Test
    void globalHeadersAreLimitedTogetherBecauseTheyAccumulate() {
        String half = "b".repeat(ArchiveInspector.DEFAULT_MAX_HEADER_RECORD_BYTES / 2);
        RawTar tar = RawTar.app("news");
        for (int i = 0; i < 3; i++) {
            tar.globalPax("k" + i, half).file("news/f" + i, "x");
        }

        assertThat(problems(inspect(tar.build()), ArchiveRule.HEADER_TOO_LARGE))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("together"));
    }

    @Test
    void theHeaderRecordLimitIsConfigurable() {
        byte[] archive = RawTar.app("news")
                .pax("comment", "c".repeat(5000))
                .file("news/a", "x")
                .build();

        assertThat(inspect(archive).isValid()).isTrue();
        assertThat(ArchiveInspector.builder()
                        .maxHeaderRecordBytes(4096)
                        .build()
                        .inspect(new ByteArrayInputStream(archive))
                        .has(ArchiveRule.HEADER_TOO_LARGE))
                .isTrue();
    }

    @Test
    void aLongChainOfHeaderRecordsBeforeOneEntryIsRefused() {
        RawTar tar = RawTar.app("news");
        for (int i = 0; i < 5000; i++) {
            tar.pax("comment", "c" + i);
        }
        tar.file("news/a", "x");

        ArchiveReport r = inspect(tar.build());

        assertThat(problems(r, ArchiveRule.HEADER_TOO_LARGE))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("in a row"));
    }

    @Test
    void runningOutOfMemoryWhileReadingIsATypedRefusalNotAnError() {
        byte[] head = Arrays.copyOf(TarBuilder.app("news", "1.0.0").build(), 40);
        InputStream exhausting = new InputStream() {
            private int pos;

            @Override
            public int read() {
                if (pos < head.length) {
                    return head[pos++] & 0xff;
                }
                throw new OutOfMemoryError("Java heap space");
            }
        };

        ArchiveReport r = ArchiveInspector.defaults().inspect(exhausting);

        assertThat(problems(r, ArchiveRule.RESOURCES_EXHAUSTED))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("memory"));
    }

    @Test
    void aTruncatedArchiveSaysSoInWords() {
        byte[] whole = TarBuilder.app("news", "1.0.0").build();

        ArchiveReport r = inspect(Arrays.copyOf(whole, whole.length / 2));

        assertThat(problems(r, ArchiveRule.CORRUPT))
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .isEqualTo("the archive is truncated (unexpected end of gzip/tar data)"));
    }

    /** Each alias of {@code news/appinfo/info.xml}; the second copy claims another app and version. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "news/./appinfo/info.xml",
                "news/appinfo/./info.xml",
                "news//appinfo/info.xml",
                "news/appinfo//info.xml",
                "news\\appinfo\\info.xml",
                "news/appinfo\\info.xml",
                "news/./appinfo//./info.xml"
            })
    void anAliasOfInfoXmlIsADuplicate(String alias) {
        byte[] archive = RawTar.app("news")
                .file(alias, TarBuilder.infoXml("evil", "9.9.9"))
                .build();

        ArchiveReport r = inspect(archive);

        assertThat(r.isValid()).isFalse();
        assertThat(problems(r, ArchiveRule.DUPLICATE_ENTRY)).singleElement().satisfies(p -> {
            assertThat(p.entry()).isEqualTo(alias);
            assertThat(p.message()).contains("news/appinfo/info.xml");
        });
    }

    @Test
    void anAliasWrittenFirstIsADuplicateToo() {
        byte[] archive = new RawTar()
                .dir("news/")
                .file("news/./appinfo/info.xml", TarBuilder.infoXml("news", "1.0.0"))
                .file("news/appinfo/info.xml", TarBuilder.infoXml("evil", "9.9.9"))
                .build();

        assertThat(problems(inspect(archive), ArchiveRule.DUPLICATE_ENTRY)).hasSize(1);
    }

    @Test
    void aFileAndADirectoryWithATrailingSlashAreTheSamePath() {
        byte[] archive =
                RawTar.app("news").file("news/lib", "x").dir("news/lib/").build();

        assertThat(problems(inspect(archive), ArchiveRule.DUPLICATE_ENTRY)).hasSize(1);
    }

    @Test
    void aDirectoryWrittenTwiceWithAndWithoutItsSlashOrDotIsNoDuplicate() {
        byte[] archive = RawTar.app("news")
                .dir("news/lib/")
                .dir("news/./lib")
                .dir("news//lib//")
                .build();

        assertThat(inspect(archive).problems()).isEmpty();
    }

    @Test
    void aliasedGitFoldersAndMacMetadataAreSeenThroughTheNormalisation() {
        ArchiveReport r = inspect(RawTar.app("news")
                .file("news/./.git/config", "x")
                .file("news//lib\\._Main.php", "x")
                .build());

        assertThat(problems(r, ArchiveRule.GIT_FOLDER))
                .singleElement()
                .satisfies(p -> assertThat(p.entry()).isEqualTo("news/.git"));
        assertThat(problems(r, ArchiveRule.MAC_METADATA)).hasSize(1);
    }
}
