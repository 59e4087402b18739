package dev.ncsdk.appstore.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ncsdk.appstore.releasetesting.Fixtures;
import dev.ncsdk.appstore.releasetesting.TarBuilder;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveInspectorTest {
    private final ArchiveInspector inspector = ArchiveInspector.defaults();

    private ArchiveReport inspect(byte[] archive) {
        return inspector.inspect(new ByteArrayInputStream(archive));
    }

    private static java.util.Set<ArchiveRule> rules(ArchiveReport r) {
        return r.problems().stream().map(ArchiveProblem::rule).collect(Collectors.toSet());
    }

    @Test
    void aValidAppPassesAndItsInfoXmlIsParsed() {
        ArchiveReport r = inspect(TarBuilder.app("news", "25.1.0-beta.2").build());

        assertThat(r.problems()).isEmpty();
        assertThat(r.isValid()).isTrue();
        assertThat(r.appFolder()).isEqualTo("news");
        assertThat(r.appId()).contains("news");
        AppInfo info = r.appInfo();
        assertThat(info.id()).isEqualTo("news");
        assertThat(info.version()).isEqualTo("25.1.0-beta.2");
        assertThat(info.name()).isEqualTo("News");
        assertThat(info.summary()).isEqualTo("An RSS reader");
        assertThat(info.licences()).containsExactly("agpl");
        assertThat(info.nextcloudMin()).isEqualTo("30");
        assertThat(info.nextcloudMax()).isEqualTo("32");
        assertThat(info.phpMin()).isEqualTo("8.1");
        assertThat(info.phpMax()).isEqualTo("8.4");
        assertThat(r.entries()).isEqualTo(4);
    }

    @Test
    void thePushActionFixtureArchiveIsReadAndLacksAnAppFolderWithInfoXml() {
        ArchiveReport r = inspect(Fixtures.base64File("pushaction-test_app_artifact.tar.gz.b64"));
        assertThat(r.has(ArchiveRule.CORRUPT)).isFalse();
        assertThat(r.has(ArchiveRule.NOT_GZIP)).isFalse();
        assertThat(r.isValid()).isFalse();
        assertThat(r.entries()).isPositive();
    }

    @Test
    void aGitArchiveStyleGlobalHeaderIsNotAnEntry() throws Exception {
        TarBuilder b = new TarBuilder().globalPax("3a1b2c4d5e6f");
        b.dir("news/").file("news/appinfo/info.xml", TarBuilder.infoXml("news", "1.0.0"));
        byte[] archive = b.build();
        String raw;
        try (var gz = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(archive))) {
            raw = new String(gz.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        assertThat(raw).contains("pax_global_header").contains("comment=3a1b2c4d5e6f");

        ArchiveReport r = inspect(archive);

        assertThat(r.problems()).isEmpty();
        assertThat(r.entries()).isEqualTo(2);
    }

    @Test
    void pathTraversalAndAbsolutePathsAreRefused() {
        ArchiveReport r = inspect(TarBuilder.app("news", "1.0.0")
                .file("news/../../evil.php", "x")
                .file("/etc/evil", "x")
                .build());

        assertThat(rules(r)).contains(ArchiveRule.PARENT_PATH, ArchiveRule.ABSOLUTE_PATH);
        assertThat(r.problems())
                .anyMatch(p -> p.rule() == ArchiveRule.PARENT_PATH && p.entry().equals("news/../../evil.php"));
    }

    @Test
    void symbolicHardLinksAndFifosAreRefused() {
        ArchiveReport r = inspect(TarBuilder.app("news", "1.0.0")
                .symlink("news/passwd", "/etc/passwd")
                .hardlink("news/hard", "news/lib/Main.php")
                .fifo("news/pipe")
                .build());

        assertThat(rules(r))
                .containsExactlyInAnyOrder(ArchiveRule.SYMBOLIC_LINK, ArchiveRule.HARD_LINK, ArchiveRule.SPECIAL_FILE);
    }

    @Test
    void aPathThatAppearsTwiceIsRefusedButARepeatedFolderIsNot() {
        ArchiveReport r = inspect(TarBuilder.app("news", "1.0.0")
                .dir("news/")
                .file("news/appinfo/info.xml", TarBuilder.infoXml("evil", "6.6.6"))
                .build());

        assertThat(rules(r)).containsExactly(ArchiveRule.DUPLICATE_ENTRY);
        assertThat(r.problems().get(0).entry()).isEqualTo("news/appinfo/info.xml");
    }

    @Test
    void twoTopLevelFoldersAreRefusedAndNamed() {
        ArchiveReport r = inspect(
                TarBuilder.app("news", "1.0.0").file("other/readme.md", "x").build());

        assertThat(rules(r)).containsExactly(ArchiveRule.MULTIPLE_TOP_LEVEL_ENTRIES);
        assertThat(r.problems().get(0).message()).contains("news").contains("other");
        assertThat(r.appFolder()).isNull();
    }

    @Test
    void macOsMetadataAndGitFoldersAreRefused() {
        ArchiveReport r = inspect(TarBuilder.app("news", "1.0.0")
                .file("._news", "x")
                .file("news/.DS_Store", "x")
                .file("news/lib/._Main.php", "x")
                .dir("news/.git/")
                .file("news/.git/HEAD", "ref")
                .file("news/vendor/x/.git", "gitdir: ../../.git/modules/x")
                .build());

        assertThat(rules(r))
                .containsExactlyInAnyOrder(
                        ArchiveRule.MAC_METADATA, ArchiveRule.GIT_FOLDER, ArchiveRule.MULTIPLE_TOP_LEVEL_ENTRIES);
        assertThat(r.problems().stream().filter(p -> p.rule() == ArchiveRule.MAC_METADATA))
                .hasSize(3);
        assertThat(r.problems().stream().filter(p -> p.rule() == ArchiveRule.GIT_FOLDER))
                .extracting(ArchiveProblem::entry)
                .containsExactly("news/.git", "news/vendor/x/.git");
    }

    @Test
    void aGzipBombIsStoppedAtTheUnpackedCap() {
        byte[] bomb = TarBuilder.app("news", "1.0.0")
                .zeros("news/zeros.bin", 64L * 1024 * 1024)
                .build();
        assertThat(bomb.length).isLessThan(200_000);

        ArchiveReport r = ArchiveInspector.builder()
                .maxUnpackedBytes(8L * 1024 * 1024)
                .build()
                .inspect(new ByteArrayInputStream(bomb));

        assertThat(rules(r)).contains(ArchiveRule.UNPACKED_TOO_LARGE);
        assertThat(r.unpackedBytes()).isLessThanOrEqualTo(8L * 1024 * 1024 + 64 * 1024);
    }

    @Test
    void anOversizedInfoXmlIsRefusedWithoutBeingParsed() {
        byte[] big = new byte[ArchiveInspector.MAX_INFO_XML_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        ArchiveReport r = inspect(
                new TarBuilder().dir("news/").file("news/appinfo/info.xml", big).build());

        assertThat(rules(r)).containsExactly(ArchiveRule.INFO_XML_TOO_LARGE);
        assertThat(r.appInfo()).isNull();
    }

    @Test
    void archivesOverTheSizeLimitAreRefusedAndOverTheDocumentedLimitWarned(@TempDir Path dir) throws Exception {
        byte[] noise = new byte[300_000];
        new Random(3).nextBytes(noise);
        byte[] archive =
                TarBuilder.app("news", "1.0.0").file("news/noise.bin", noise).build();

        ArchiveReport stream =
                ArchiveInspector.builder().maxArchiveBytes(100_000).build().inspect(new ByteArrayInputStream(archive));
        Path file = dir.resolve("a.tar.gz");
        Files.write(file, archive);
        ArchiveReport path =
                ArchiveInspector.builder().maxArchiveBytes(100_000).build().inspect(file);

        assertThat(rules(stream)).contains(ArchiveRule.ARCHIVE_TOO_LARGE);
        assertThat(rules(path)).containsExactly(ArchiveRule.ARCHIVE_TOO_LARGE);
        assertThat(path.appInfo()).isNotNull();
    }

    @Test
    void idRulesAreCheckedOnTheFolderAndInfoXml() {
        assertThat(rules(inspect(TarBuilder.app("News", "1.0.0").build()))).containsExactly(ArchiveRule.INVALID_APP_ID);
        assertThat(rules(inspect(TarBuilder.app("news_", "1.0.0").build())))
                .containsExactly(ArchiveRule.INVALID_APP_ID);
        assertThat(rules(inspect(TarBuilder.app("a".repeat(33), "1.0.0").build())))
                .containsExactly(ArchiveRule.APP_ID_TOO_LONG);
        assertThat(rules(inspect(TarBuilder.app("a".repeat(32), "1.0.0").build())))
                .isEmpty();

        ArchiveReport mismatch = inspect(new TarBuilder()
                .file("news/appinfo/info.xml", TarBuilder.infoXml("mail", "1.0.0"))
                .build());
        assertThat(rules(mismatch)).containsExactly(ArchiveRule.ID_MISMATCH);
        assertThat(mismatch.problems().get(0).message()).contains("news").contains("mail");
    }

    @Test
    void dotSlashPrefixedPathsAreReportedAsNoValidAppFolder() {
        ArchiveReport r = inspect(new TarBuilder()
                .file("./news/appinfo/info.xml", TarBuilder.infoXml("news", "1.0.0"))
                .build());
        assertThat(rules(r)).contains(ArchiveRule.INVALID_APP_ID);
        assertThat(r.describeProblems()).contains("./");
    }

    @Test
    void versionsMustBeSemverWithoutBuildMetadata() {
        assertThat(rules(inspect(TarBuilder.app("news", "1.0.0+build.5").build())))
                .containsExactly(ArchiveRule.INVALID_VERSION);
        assertThat(rules(inspect(TarBuilder.app("news", "1.0").build()))).containsExactly(ArchiveRule.INVALID_VERSION);
        assertThat(rules(inspect(TarBuilder.app("news", "1.0.0-alpha.14").build())))
                .isEmpty();
    }

    @Test
    void missingOrMalformedInfoXmlIsReported() {
        assertThat(rules(inspect(new TarBuilder().file("news/README.md", "x").build())))
                .containsExactly(ArchiveRule.INFO_XML_MISSING);
        assertThat(rules(inspect(new TarBuilder()
                        .file("news/appinfo/info.xml", "<info><id>news")
                        .build())))
                .containsExactly(ArchiveRule.INFO_XML_INVALID);
    }

    @Test
    void externalEntitiesInInfoXmlAreNeverResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE info [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<info><id>news</id><version>1.0.0</version><name>&x;</name></info>";
        ArchiveReport r =
                inspect(new TarBuilder().file("news/appinfo/info.xml", xxe).build());
        assertThat(rules(r)).containsExactly(ArchiveRule.INFO_XML_INVALID);
        assertThat(r.describeProblems()).doesNotContain("root:");
    }

    @Test
    void notGzipAndTruncatedArchivesAreReported() {
        assertThat(rules(inspect("plain text".getBytes()))).containsExactly(ArchiveRule.NOT_GZIP);
        byte[] full = TarBuilder.app("news", "1.0.0")
                .file("news/big.txt", "y".repeat(100_000))
                .build();
        byte[] cut = Arrays.copyOf(full, full.length / 2);
        assertThat(rules(inspect(cut))).contains(ArchiveRule.CORRUPT);
        assertThat(rules(inspect(new byte[0]))).containsExactly(ArchiveRule.NOT_GZIP);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ArchiveReport r = inspect(new TarBuilder()
                .file("news/appinfo/info.xml", TarBuilder.infoXml("news", "v1"))
                .symlink("news/l", "/")
                .file("news/../x", "x")
                .file("news/.DS_Store", "x")
                .file("extra/file", "x")
                .build());

        assertThat(rules(r))
                .contains(
                        ArchiveRule.SYMBOLIC_LINK,
                        ArchiveRule.PARENT_PATH,
                        ArchiveRule.MAC_METADATA,
                        ArchiveRule.MULTIPLE_TOP_LEVEL_ENTRIES);
        assertThat(r.problems().size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aTopLevelFileIsNotAnAppFolder() {
        assertThat(rules(inspect(new TarBuilder().file("news", "x").build())))
                .containsExactly(ArchiveRule.NO_APP_FOLDER);
        assertThat(rules(inspect(new TarBuilder().build()))).containsExactly(ArchiveRule.NO_APP_FOLDER);
    }

    @Test
    void tooManyEntriesStopTheInspection() {
        TarBuilder b = TarBuilder.app("news", "1.0.0");
        for (int i = 0; i < 20; i++) {
            b.file("news/f" + i, "x");
        }
        ArchiveReport r =
                ArchiveInspector.builder().maxEntries(10).build().inspect(new ByteArrayInputStream(b.build()));
        assertThat(rules(r)).contains(ArchiveRule.TOO_MANY_ENTRIES);
    }
}
