package dev.ncsdk.appstore.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;

class ArchiveInspectorFuzzTest {
    private static final ArchiveInspector INSPECTOR = ArchiveInspector.builder()
            .maxUnpackedBytes(4L * 1024 * 1024)
            .maxEntries(1000)
            .build();

    /** Whatever the bytes, inspection returns a report (never throws) and a report without problems has an app. */
    @FuzzTest(maxDuration = "10s")
    void inspect(byte[] archive) {
        ArchiveReport r = INSPECTOR.inspect(new ByteArrayInputStream(archive));
        assertThat(r).isNotNull();
        if (r.isValid()) {
            assertThat(r.appFolder()).isNotNull();
            assertThat(r.appInfo()).isNotNull();
        }
    }
}
