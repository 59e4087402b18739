package dev.ncsdk.appstore.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.appstore.releasetesting.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names written in PAX extended headers and GNU long-name records, which Commons Compress normalises (a leading
 * {@code /} stripped) before {@code getName()}: the store's Python {@code tarfile} reads them as written.
 */
class ArchiveRawNamesTest {
    private static final String LONG_TAIL = "deep/".repeat(25) + "evil.php";

    private static ArchiveReport inspect(byte[] archive) {
        return ArchiveInspector.defaults().inspect(new ByteArrayInputStream(archive));
    }

    private static List<ArchiveProblem> problems(ArchiveReport r, ArchiveRule rule) {
        return r.problems().stream().filter(p -> p.rule() == rule).collect(Collectors.toList());
    }

    /** Archives written by Commons Compress itself, keeping the leading slash ({@code preserveAbsolutePath}). */
    private static byte[] written(int longFileMode, String name) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes), "UTF-8")) {
            tar.setLongFileMode(longFileMode);
            for (String dir : List.of("news/", "news/appinfo/")) {
                tar.putArchiveEntry(new TarArchiveEntry(dir));
                tar.closeArchiveEntry();
            }
            byte[] xml = TarBuilder.infoXml("news", "1.0.0").getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry info = new TarArchiveEntry("news/appinfo/info.xml");
            info.setSize(xml.length);
            tar.putArchiveEntry(info);
            tar.write(xml);
            tar.closeArchiveEntry();
            TarArchiveEntry evil = new TarArchiveEntry(name, true);
            evil.setSize(1);
            tar.putArchiveEntry(evil);
            tar.write('x');
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    private static List<String> namesSeenByCommonsCompress(byte[] tarGz) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(
                new java.util.zip.GZIPInputStream(new ByteArrayInputStream(tarGz)), "UTF-8")) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                names.add(e.getName());
            }
        }
        return names;
    }

    @Test
    void commonsCompressStripsTheLeadingSlashOfPaxAndGnuNamesButNotOfUstarNames() throws IOException {
        assertThat(namesSeenByCommonsCompress(RawTar.app("news")
                        .pax("path", "/etc/x")
                        .file("news/p", "x")
                        .build()))
                .contains("etc/x");
        assertThat(namesSeenByCommonsCompress(RawTar.app("news")
                        .gnuLongName("/etc/y")
                        .file("news/p", "x")
                        .build()))
                .contains("etc/y");
        assertThat(namesSeenByCommonsCompress(
                        RawTar.app("news").file("/etc/z", "x").build()))
                .contains("/etc/z");
    }

    @Test
    void anAbsolutePaxPathIsRefusedByName() {
        ArchiveReport r = inspect(
                RawTar.app("news").pax("path", "/etc/x").file("news/p", "x").build());

        assertThat(problems(r, ArchiveRule.ABSOLUTE_PATH)).singleElement().satisfies(p -> {
            assertThat(p.entry()).isEqualTo("/etc/x");
            assertThat(p.message()).startsWith("absolute path").contains("PAX header");
        });
        assertThat(r.isValid()).isFalse();
    }

    @Test
    void anAbsoluteGnuLongNameIsRefusedByName() {
        ArchiveReport r = inspect(
                RawTar.app("news").gnuLongName("/etc/y").file("news/p", "x").build());

        assertThat(problems(r, ArchiveRule.ABSOLUTE_PATH)).singleElement().satisfies(p -> {
            assertThat(p.entry()).isEqualTo("/etc/y");
            assertThat(p.message()).contains("GNU long name");
        });
    }

    @Test
    void longAbsoluteNamesWrittenByCommonsCompressInPaxOrGnuFormAreRefused() throws IOException {
        String name = "/" + LONG_TAIL;
        for (int mode : new int[] {TarArchiveOutputStream.LONGFILE_POSIX, TarArchiveOutputStream.LONGFILE_GNU}) {
            byte[] archive = written(mode, name);
            assertThat(namesSeenByCommonsCompress(archive)).contains(LONG_TAIL);

            ArchiveReport r = inspect(archive);

            assertThat(problems(r, ArchiveRule.ABSOLUTE_PATH))
                    .extracting(ArchiveProblem::entry)
                    .containsExactly(name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"//etc/x", "\\etc\\x", "\\\\server\\share\\x", "C:/x", "c:\\x", "/"})
    void otherAbsoluteFormsInPaxAndGnuRecordsAreRefused(String name) {
        ArchiveReport pax =
                inspect(RawTar.app("news").pax("path", name).file("news/p", "x").build());
        ArchiveReport gnu =
                inspect(RawTar.app("news").gnuLongName(name).file("news/p", "x").build());

        assertThat(problems(pax, ArchiveRule.ABSOLUTE_PATH))
                .extracting(ArchiveProblem::entry)
                .containsExactly(name);
        assertThat(problems(gnu, ArchiveRule.ABSOLUTE_PATH))
                .extracting(ArchiveProblem::entry)
                .containsExactly(name);
    }

    @Test
    void parentSegmentsInAPaxPathAreRefusedByName() {
        ArchiveReport r = inspect(RawTar.app("news")
                .pax("path", "news/../../evil.php")
                .file("news/p", "x")
                .build());

        assertThat(problems(r, ArchiveRule.PARENT_PATH))
                .extracting(ArchiveProblem::entry)
                .containsExactly("news/../../evil.php");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pax-absolute-path", "gnu-long-absolute-name"})
    void archivesWrittenByPythonsTarfileAreRefusedWithTheNameTarfileReads(String seed) throws IOException {
        byte[] archive;
        try (var in = getClass().getResourceAsStream("ArchiveInspectorFuzzTestInputs/inspect/" + seed)) {
            archive = in.readAllBytes();
        }
        String expected = seed.startsWith("pax") ? "/etc/x" : "/" + "deep/".repeat(25) + "x.php";

        assertThat(problems(inspect(archive), ArchiveRule.ABSOLUTE_PATH))
                .extracting(ArchiveProblem::entry)
                .containsExactly(expected);
    }

    @Test
    void anAbsolutePaxPathWithParentSegmentsBreaksBothRules() {
        ArchiveReport r = inspect(RawTar.app("news")
                .pax("path", "/news/../../evil.php")
                .file("news/p", "x")
                .build());

        assertThat(problems(r, ArchiveRule.ABSOLUTE_PATH))
                .extracting(ArchiveProblem::entry)
                .containsExactly("/news/../../evil.php");
        assertThat(problems(r, ArchiveRule.PARENT_PATH)).hasSize(1);
    }

    @Test
    void aPathRecordAfterALongKeywordABlankLineOrAnEmptyRecordIsStillSeen() throws IOException {
        String body = RawTar.paxRecord("SCHILY.xattr.user." + "k".repeat(200), "v".repeat(600))
                + "\n"
                + "9 mtime=\n"
                + RawTar.paxRecord("comment", "path=/etc/not-a-record\nnot a record either")
                + RawTar.paxRecord("path", "/etc/hidden");
        byte[] archive = RawTar.app("news").paxRaw(body).file("news/p", "x").build();
        assertThat(namesSeenByCommonsCompress(archive)).contains("etc/hidden");

        assertThat(inspect(archive).problems())
                .filteredOn(p -> p.rule() == ArchiveRule.ABSOLUTE_PATH)
                .extracting(ArchiveProblem::entry)
                .containsExactly("/etc/hidden");
    }

    @Test
    void aMalformedPaxHeaderIsCorruptAndNothingIsMadeUpFromIt() {
        ArchiveReport r = inspect(RawTar.app("news")
                .paxRaw("12 path=/etc/x\n")
                .file("news/p", "x")
                .build());

        assertThat(problems(r, ArchiveRule.CORRUPT)).hasSize(1);
        assertThat(problems(r, ArchiveRule.ABSOLUTE_PATH)).isEmpty();
    }

    @Test
    void anAbsolutePaxLinkpathIsReportedWithTheLinkAsWritten() {
        ArchiveReport r = inspect(RawTar.app("news")
                .pax("linkpath", "/etc/passwd")
                .symlink("news/passwd", "placeholder")
                .build());

        assertThat(problems(r, ArchiveRule.SYMBOLIC_LINK)).singleElement().satisfies(p -> {
            assertThat(p.entry()).isEqualTo("news/passwd");
            assertThat(p.message()).endsWith("/etc/passwd");
        });
    }

    @Test
    void anAbsoluteGlobalPaxPathIsRefusedOnce() {
        ArchiveReport r = inspect(new RawTar()
                .globalPax("path", "/etc/g")
                .dir("news/")
                .file("news/appinfo/info.xml", TarBuilder.infoXml("news", "1.0.0"))
                .build());

        assertThat(problems(r, ArchiveRule.ABSOLUTE_PATH)).singleElement().satisfies(p -> {
            assertThat(p.entry()).isEqualTo("/etc/g");
            assertThat(p.message()).contains("global PAX header");
        });
    }

    @Test
    void aVeryLongAbsolutePaxPathIsReportedTruncated() {
        String name = "/" + "a/".repeat(3000) + "x";
        ArchiveReport r =
                inspect(RawTar.app("news").pax("path", name).file("news/p", "x").build());

        assertThat(problems(r, ArchiveRule.ABSOLUTE_PATH)).singleElement().satisfies(p -> {
            assertThat(p.entry()).startsWith("/a/a/").endsWith("...");
            assertThat(p.entry().length()).isEqualTo(ArchiveInspector.MAX_SHOWN_NAME + 3);
        });
    }

    @Test
    void relativePaxAndGnuNamesRaiseNothing() throws IOException {
        Map<String, String> records = new LinkedHashMap<>();
        records.put("mtime", "1700000000.5");
        records.put("path", "news/lib/Long.php");
        records.put("comment", "path=/etc/not-a-record");
        ArchiveReport pax = inspect(RawTar.app("news")
                .pax(records)
                .file("news/placeholder", "x")
                .gnuLongName("news/lib/Gnu.php")
                .file("news/other", "x")
                .build());
        ArchiveReport written = inspect(written(TarArchiveOutputStream.LONGFILE_POSIX, "news/" + LONG_TAIL));
        ArchiveReport gnu = inspect(written(TarArchiveOutputStream.LONGFILE_GNU, "news/" + LONG_TAIL));

        assertThat(pax.problems()).isEmpty();
        assertThat(written.problems()).isEmpty();
        assertThat(gnu.problems()).isEmpty();
    }

    private static List<String> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> root.relativize(p).toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void theExtractorRefusesAbsolutePaxAndGnuNamesAndWritesNothingOutside(@TempDir Path dir) throws IOException {
        String marker = "ncsdk-pax-escape-" + UUID.randomUUID();
        Path outsideTmp = Path.of(System.getProperty("java.io.tmpdir")).resolve(marker);
        Path sandbox = Files.createDirectories(dir.resolve("sandbox"));
        List<byte[]> archives = List.of(
                RawTar.app("news")
                        .pax("path", outsideTmp.toString())
                        .file("news/p", "x")
                        .build(),
                RawTar.app("news")
                        .gnuLongName(outsideTmp.toString())
                        .file("news/p", "x")
                        .build(),
                RawTar.app("news")
                        .pax("path", "news/../../" + marker)
                        .file("news/p", "x")
                        .build(),
                written(TarArchiveOutputStream.LONGFILE_POSIX, outsideTmp + "/" + LONG_TAIL),
                written(TarArchiveOutputStream.LONGFILE_GNU, outsideTmp + "/" + LONG_TAIL));
        int i = 0;
        for (byte[] bytes : archives) {
            Path archive = Files.write(dir.resolve("evil" + i + ".tar.gz"), bytes);
            List<String> before = tree(dir);
            Path strictOut = sandbox.resolve("strict" + i);
            Path lenientOut = sandbox.resolve("lenient" + i);

            assertThatThrownBy(() -> ArchiveExtractor.defaults().extract(archive, strictOut))
                    .isInstanceOf(ArchiveException.class)
                    .satisfies(e -> assertThat(((ArchiveException) e).problems())
                            .extracting(ArchiveProblem::rule)
                            .containsAnyOf(ArchiveRule.ABSOLUTE_PATH, ArchiveRule.PARENT_PATH));
            assertThatThrownBy(() -> ArchiveExtractor.builder()
                            .requireValidApp(false)
                            .build()
                            .extract(archive, lenientOut))
                    .isInstanceOf(ArchiveException.class);

            assertThat(tree(dir)).containsExactlyElementsOf(before);
            assertThat(Files.exists(strictOut)).isFalse();
            assertThat(Files.exists(lenientOut)).isFalse();
            assertThat(Files.exists(outsideTmp)).isFalse();
            assertThat(Files.exists(dir.resolve(marker))).isFalse();
            i++;
        }
    }
}
