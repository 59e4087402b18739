package dev.ncsdk.appstore.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstalledAppsTest {
    private static final String OCC = "{\"enabled\":{\"activity\":\"5.0.0\",\"files\":\"2.3.1\",\"news\":\"25.0.0\"},"
            + "\"disabled\":{\"apporder\":\"0.3.2\",\"encryption\":\"2.19.0\",\"oldstyle\":null}}";

    @Test
    void readsEnabledAndDisabledApps() throws Exception {
        Map<String, String> all = InstalledApps.fromOccAppList(
                        new ByteArrayInputStream(OCC.getBytes(StandardCharsets.UTF_8)))
                .asMap();

        assertThat(all)
                .containsEntry("news", "25.0.0")
                .containsEntry("apporder", "0.3.2")
                .doesNotContainKey("oldstyle")
                .hasSize(5);
        assertThat(new java.util.ArrayList<>(all.keySet())).isSorted();
        assertThat(InstalledApps.fromOccAppList(OCC, false).ids()).containsExactly("activity", "files", "news");
    }

    @Test
    void skipsNoiseBeforeTheJsonAndOldDisabledLists() {
        String old = "PHP Warning: something\n{\"enabled\":{\"a\":\"1.0\"},\"disabled\":[\"b\",\"c\"]}";

        assertThat(InstalledApps.fromOccAppList(old, true).asMap()).containsOnly(Map.entry("a", "1.0"));
    }

    @Test
    void rejectsOtherDocuments() {
        assertThatThrownBy(() -> InstalledApps.fromOccAppList("no json", true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InstalledApps.fromOccAppList("{\"apps\":[]}", true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InstalledApps.fromOccAppList("{\"enabled\":", true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStreamOverTheLimitIsRefusedAfterReadingOnlyTheLimit() {
        java.io.InputStream endless = new java.io.InputStream() {
            long read;

            @Override
            public int read() {
                read++;
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                read += len;
                return len;
            }
        };

        assertThatThrownBy(() -> InstalledApps.fromOccAppList(endless))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("larger than 16 MiB");
    }

    @Test
    void aFileThatIsNotRegularIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertThatThrownBy(() -> InstalledApps.fromOccAppList(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(dir + " is not a regular file");
        assertThatThrownBy(() -> InstalledApps.fromOccAppList(dir.resolve("missing.json")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void aTypedValueThatIsCopiedOrderedAndReadOnly() {
        Map<String, String> source = new java.util.HashMap<>(Map.of("news", "25.0.0", "activity", "5.0.0"));
        source.put("broken", null);
        InstalledApps apps = InstalledApps.of(source);
        source.put("late", "1.0");

        assertThat(apps.ids()).containsExactly("activity", "broken", "news");
        assertThat(apps.version("news")).contains("25.0.0");
        assertThat(apps.version("broken")).contains("");
        assertThat(apps.version("late")).isEmpty();
        assertThat(apps.size()).isEqualTo(3);
        assertThatThrownBy(() -> apps.asMap().put("x", "1")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(apps.plus(InstalledApps.of(Map.of("news", "26.0.0"))).version("news"))
                .contains("26.0.0");
        assertThat(apps).isEqualTo(InstalledApps.of(apps.asMap()));
        assertThat(InstalledApps.none().isEmpty()).isTrue();
    }

    @Test
    void aStreamThatFailsIsAnUncheckedIoError() {
        java.io.InputStream failing = new java.io.InputStream() {
            @Override
            public int read() throws java.io.IOException {
                throw new java.io.IOException("disk gone");
            }
        };

        assertThatThrownBy(() -> InstalledApps.fromOccAppList(failing))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("disk gone");
    }
}
