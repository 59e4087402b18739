package dev.ncsdk.appstore.releasetesting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Reads the repository copy of the recorded fixtures, testdata/ (system property {@code ncsdk.fixtures}). */
public final class Fixtures {
    private Fixtures() {}

    public static Path appstore(String name) {
        String root = System.getProperty("ncsdk.fixtures");
        if (root == null) {
            throw new IllegalStateException("system property ncsdk.fixtures is not set");
        }
        return Path.of(root, "appstore", name);
    }

    public static String text(String name) {
        try {
            return Files.readString(appstore(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] base64File(String name) {
        return Base64.getMimeDecoder().decode(text(name));
    }
}
