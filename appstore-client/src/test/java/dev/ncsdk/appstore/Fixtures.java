package dev.ncsdk.appstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Access to the repository copy of the recorded fixtures, testdata/ (system property {@code ncsdk.fixtures}). */
public final class Fixtures {
    private Fixtures() {}

    /**
     * A fixture file's bytes.
     *
     * @param relative path below the fixtures directory
     * @return the bytes
     */
    public static byte[] bytes(String relative) {
        String root = System.getProperty("ncsdk.fixtures");
        if (root == null) {
            throw new IllegalStateException("system property ncsdk.fixtures is not set");
        }
        try {
            return Files.readAllBytes(Path.of(root, relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The real store excerpt (three apps: direct_menu, apporder with two releases, twofactor_totp).
     *
     * @return the bytes
     */
    public static byte[] appsExcerpt() {
        return bytes("appstore/server-AppFetcherTest-apps-excerpt.json");
    }
}
