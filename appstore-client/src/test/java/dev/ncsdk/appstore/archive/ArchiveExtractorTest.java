package dev.ncsdk.appstore.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.appstore.releasetesting.TarBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveExtractorTest {

    private static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static List<String> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    @Test
    void aValidAppIsExtractedIntoTheTarget(@TempDir Path dir) throws Exception {
        Path archive = write(dir, "news.tar.gz", TarBuilder.app("news", "1.0.0").build());
        Path target = dir.resolve("out");

        ArchiveExtractor.Extraction x = ArchiveExtractor.defaults().extract(archive, target);

        assertThat(x.files()).isEqualTo(2);
        assertThat(x.appFolder()).isEqualTo(target.toRealPath().resolve("news"));
        assertThat(Files.readString(x.appFolder().resolve("appinfo/info.xml"))).contains("<id>news</id>");
        assertThat(tree(target))
                .containsExactly("", "news", "news/appinfo", "news/appinfo/info.xml", "news/lib", "news/lib/Main.php");
    }

    @Test
    void traversalArchivesAreRefusedAndNothingIsWrittenOutsideEvenInLenientMode(@TempDir Path dir) throws Exception {
        Path sandbox = Files.createDirectories(dir.resolve("sandbox"));
        Path archive = write(
                dir,
                "evil.tar.gz",
                TarBuilder.app("news", "1.0.0")
                        .file("news/../../escaped.txt", "pwned")
                        .file("/tmp/ncsdk-absolute-escape.txt", "pwned")
                        .build());
        List<String> before = tree(dir);

        assertThatThrownBy(() -> ArchiveExtractor.defaults().extract(archive, sandbox.resolve("out")))
                .isInstanceOf(ArchiveException.class)
                .satisfies(e -> assertThat(((ArchiveException) e).problems())
                        .extracting(ArchiveProblem::rule)
                        .contains(ArchiveRule.PARENT_PATH, ArchiveRule.ABSOLUTE_PATH));
        assertThatThrownBy(() -> ArchiveExtractor.builder()
                        .requireValidApp(false)
                        .build()
                        .extract(archive, sandbox.resolve("out2")))
                .isInstanceOf(ArchiveException.class);

        assertThat(Files.exists(dir.resolve("escaped.txt"))).isFalse();
        assertThat(Files.exists(sandbox.resolve("escaped.txt"))).isFalse();
        assertThat(Files.exists(Path.of("/tmp/ncsdk-absolute-escape.txt"))).isFalse();
        assertThat(tree(dir)).containsExactlyElementsOf(before);
    }

    @Test
    void linkArchivesAreRefusedEvenInLenientModeAndNothingIsWrittenThroughThem(@TempDir Path dir) throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path archive = write(
                dir,
                "links.tar.gz",
                TarBuilder.app("news", "1.0.0")
                        .symlink("news/escape", outside.toString())
                        .file("news/escape/owned.txt", "pwned")
                        .build());

        assertThatThrownBy(() -> ArchiveExtractor.builder()
                        .requireValidApp(false)
                        .build()
                        .extract(archive, dir.resolve("out")))
                .isInstanceOf(ArchiveException.class);
        assertThat(tree(outside)).containsExactly("");
    }

    @Test
    void lenientModeExtractsAnArchiveThatOnlyBreaksStoreRules(@TempDir Path dir) throws Exception {
        Path archive = write(
                dir,
                "two.tar.gz",
                TarBuilder.app("news", "1.0.0").file("other/readme.md", "x").build());

        assertThatThrownBy(() -> ArchiveExtractor.defaults().extract(archive, dir.resolve("strict")))
                .isInstanceOf(ArchiveException.class);
        ArchiveExtractor.Extraction x =
                ArchiveExtractor.builder().requireValidApp(false).build().extract(archive, dir.resolve("lenient"));
        assertThat(x.appFolder()).isNull();
        assertThat(Files.readString(dir.resolve("lenient/other/readme.md"))).isEqualTo("x");
    }

    @Test
    void aNonEmptyTargetIsRefused(@TempDir Path dir) throws Exception {
        Path archive = write(dir, "news.tar.gz", TarBuilder.app("news", "1.0.0").build());
        Path target = Files.createDirectories(dir.resolve("out"));
        Files.writeString(target.resolve("keep.txt"), "mine");

        assertThatThrownBy(() -> ArchiveExtractor.defaults().extract(archive, target))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("not empty");
        assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo("mine");
    }

    @Test
    void aBombIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        Path archive = write(
                dir,
                "bomb.tar.gz",
                TarBuilder.app("news", "1.0.0")
                        .zeros("news/zeros", 32L * 1024 * 1024)
                        .build());
        ArchiveExtractor x = ArchiveExtractor.builder()
                .inspector(ArchiveInspector.builder()
                        .maxUnpackedBytes(4L * 1024 * 1024)
                        .build())
                .build();

        assertThatThrownBy(() -> x.extract(archive, dir.resolve("out")))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("UNPACKED_TOO_LARGE");
        assertThat(Files.exists(dir.resolve("out"))).isFalse();
    }
}
