package dev.ncsdk.appstore.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.appstore.releasetesting.TarBuilder;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppPackagerTest {

    private static Path appFolder(Path dir, String folderName) throws Exception {
        Path app = Files.createDirectories(dir.resolve(folderName));
        Files.createDirectories(app.resolve("appinfo"));
        Files.writeString(app.resolve("appinfo/info.xml"), TarBuilder.infoXml("news", "2.0.0"));
        Files.createDirectories(app.resolve("lib/Controller"));
        Files.writeString(app.resolve("lib/Controller/PageController.php"), "<?php\n");
        Files.writeString(app.resolve("README.md"), "# News\n");
        Path deep = Files.createDirectories(app.resolve("js/" + "very-long-directory-name/".repeat(5)));
        Files.writeString(deep.resolve("a-file-whose-path-is-longer-than-one-hundred-characters.js"), "x()\n");
        Files.writeString(app.resolve("résumé.txt"), "non-ASCII name\n");
        return app;
    }

    private static List<TarArchiveEntry> entries(Path archive) throws Exception {
        List<TarArchiveEntry> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in), "UTF-8")) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void packagingTwiceGivesIdenticalBytesEvenAfterTouchingFiles(@TempDir Path dir) throws Exception {
        Path app = appFolder(dir, "checkout");
        Path a = dir.resolve("a.tar.gz");
        Path b = dir.resolve("b.tar.gz");

        AppPackager.Result first = AppPackager.defaults().pack(app, a);
        Files.setLastModifiedTime(app.resolve("README.md"), FileTime.from(Instant.parse("2025-05-05T05:05:05Z")));
        AppPackager.Result second = AppPackager.defaults().pack(app, b);

        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(first.sha256()).isEqualTo(second.sha256());
        assertThat(first.report().problems()).isEmpty();
        assertThat(first.appId()).isEqualTo("news");
    }

    @Test
    void entriesAreSortedUnderTheAppIdWithFixedTimesOwnersAndModes(@TempDir Path dir) throws Exception {
        Path app = appFolder(dir, "checkout");
        Path out = dir.resolve("news.tar.gz");
        AppPackager.defaults().pack(app, out);

        List<TarArchiveEntry> es = entries(out);
        List<String> names = es.stream().map(TarArchiveEntry::getName).toList();

        assertThat(names).isSorted();
        assertThat(names).allMatch(n -> n.startsWith("news/"));
        assertThat(names).contains("news/", "news/appinfo/info.xml", "news/résumé.txt");
        assertThat(names).anyMatch(n -> n.length() > 100);
        for (TarArchiveEntry e : es) {
            assertThat(e.getModTime().toInstant()).isEqualTo(AppPackager.DEFAULT_TIMESTAMP);
            assertThat(e.getLongUserId()).isZero();
            assertThat(e.getLongGroupId()).isZero();
            assertThat(e.getUserName()).isEmpty();
            assertThat(e.getGroupName()).isEmpty();
            assertThat(e.getMode() & 0777).isIn(0644, 0755);
        }
        byte[] head = Files.readAllBytes(out);
        long gzipMtime = (head[4] & 0xffL) | (head[5] & 0xffL) << 8 | (head[6] & 0xffL) << 16 | (head[7] & 0xffL) << 24;
        assertThat(gzipMtime).isEqualTo(AppPackager.DEFAULT_TIMESTAMP.getEpochSecond());
        assertThat(head[9]).isEqualTo((byte) 3);
    }

    @Test
    void nextcloudignoreAndJunkAreLeftOut(@TempDir Path dir) throws Exception {
        Path app = appFolder(dir, "news");
        Files.writeString(app.resolve(".nextcloudignore"), "# build files\n/tests\n*.log\nnode_modules/\n!keep.log\n");
        Files.createDirectories(app.resolve("tests"));
        Files.writeString(app.resolve("tests/Test.php"), "x");
        Files.writeString(app.resolve("lib/debug.log"), "x");
        Files.writeString(app.resolve("keep.log"), "x");
        Files.createDirectories(app.resolve("js/node_modules/pkg"));
        Files.writeString(app.resolve("js/node_modules/pkg/index.js"), "x");
        Files.createDirectories(app.resolve(".git/objects"));
        Files.writeString(app.resolve(".git/HEAD"), "ref");
        Files.writeString(app.resolve(".DS_Store"), "x");
        Files.writeString(app.resolve("lib/._Main.php"), "x");
        Path out = dir.resolve("news.tar.gz");

        AppPackager.Result r = AppPackager.defaults().pack(app, out);

        List<String> names = entries(out).stream().map(TarArchiveEntry::getName).toList();
        assertThat(names).contains("news/keep.log", "news/lib/Controller/PageController.php");
        assertThat(names)
                .noneMatch(n -> n.contains("tests/")
                        || n.endsWith("debug.log")
                        || n.contains("node_modules")
                        || n.contains(".git")
                        || n.contains(".DS_Store")
                        || n.contains("._")
                        || n.endsWith(".nextcloudignore"));
        assertThat(r.report().isValid()).isTrue();
    }

    @Test
    void anOutputInsideTheAppFolderIsNotPackagedIntoItself(@TempDir Path dir) throws Exception {
        Path app = appFolder(dir, "news");
        Path out = app.resolve("news.tar.gz");

        AppPackager.Result first = AppPackager.defaults().pack(app, out);
        AppPackager.Result second = AppPackager.defaults().pack(app, out);

        assertThat(entries(out))
                .noneMatch(e -> e.getName().endsWith(".tar.gz") || e.getName().endsWith(".tmp"));
        assertThat(second.sha256()).isEqualTo(first.sha256());
    }

    @Test
    void aSymbolicLinkInTheFolderIsRefused(@TempDir Path dir) throws Exception {
        Path app = appFolder(dir, "news");
        Files.createSymbolicLink(app.resolve("lib/link.php"), app.resolve("README.md"));

        assertThatThrownBy(() -> AppPackager.defaults().pack(app, dir.resolve("x.tar.gz")))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("symbolic link");
        assertThat(Files.exists(dir.resolve("x.tar.gz"))).isFalse();
    }

    @Test
    void aPackagedArchiveRoundTripsThroughExtraction(@TempDir Path dir) throws Exception {
        Path app = appFolder(dir, "src");
        Path out = dir.resolve("news.tar.gz");
        AppPackager.builder()
                .timestamp(Instant.parse("2024-01-01T00:00:00Z"))
                .build()
                .pack(app, out);

        ArchiveExtractor.Extraction x = ArchiveExtractor.defaults().extract(out, dir.resolve("unpacked"));

        assertThat(Files.readString(x.appFolder().resolve("lib/Controller/PageController.php")))
                .isEqualTo("<?php\n");
        assertThat(Files.readString(x.appFolder().resolve("résumé.txt"))).isEqualTo("non-ASCII name\n");
    }

    @Test
    void ignoreRulesFollowGitignoreSemantics() {
        IgnoreRules r = IgnoreRules.parse(List.of("*.log", "/build", "docs/**/*.png", "cache/", "!important.log"));
        assertThat(r.ignored("a.log", false)).isTrue();
        assertThat(r.ignored("deep/dir/a.log", false)).isTrue();
        assertThat(r.ignored("important.log", false)).isFalse();
        assertThat(r.ignored("build", true)).isTrue();
        assertThat(r.ignored("src/build", true)).isFalse();
        assertThat(r.ignored("docs/a/b/c.png", false)).isTrue();
        assertThat(r.ignored("docs/c.png", false)).isTrue();
        assertThat(r.ignored("cache", true)).isTrue();
        assertThat(r.ignored("cache", false)).isFalse();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"../../../../tmp/x", "/etc/x", "news/../x", "News", "news-app", "news_", "1news", "a\\b"})
    void anInvalidIdInInfoXmlIsRefusedBeforeAnythingIsWritten(String id, @TempDir Path dir) throws Exception {
        Path app = appFolder(dir, "news");
        Files.writeString(app.resolve("appinfo/info.xml"), TarBuilder.infoXml(id, "1.0.0"));
        Path outDir = dir.resolve("build");
        Path out = outDir.resolve("news.tar.gz");
        List<Path> before;
        try (var s = Files.walk(dir)) {
            before = s.sorted().toList();
        }

        assertThatThrownBy(() -> AppPackager.defaults().pack(app, out))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("is not a valid app id")
                .hasMessageContaining("nothing was written")
                .satisfies(e -> assertThat(((ArchiveException) e).problems())
                        .extracting(ArchiveProblem::rule)
                        .contains(ArchiveRule.INVALID_APP_ID));

        assertThat(Files.exists(outDir)).isFalse();
        try (var s = Files.walk(dir)) {
            assertThat(s.sorted().toList()).isEqualTo(before);
        }
        assertThat(Files.exists(Path.of("/tmp/x.tar.gz"))).isFalse();
    }

    @Test
    void anInvalidIdGivenToTheBuilderIsRefusedToo(@TempDir Path dir) throws Exception {
        Path app = appFolder(dir, "news");
        Path out = dir.resolve("news.tar.gz");

        assertThatThrownBy(() -> AppPackager.builder().appId("../x").build().pack(app, out))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("'../x'");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void aTooLongIdIsRefused(@TempDir Path dir) throws Exception {
        Path app = appFolder(dir, "news");

        assertThatThrownBy(() ->
                        AppPackager.builder().appId("a".repeat(33)).build().pack(app, dir.resolve("x.tar.gz")))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("at most 32");
    }
}
