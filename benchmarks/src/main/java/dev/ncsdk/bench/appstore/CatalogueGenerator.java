package dev.ncsdk.bench.appstore;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A deterministic generator of a realistic {@code apps.json}: about 400 apps shaped like the real store excerpt
 * (translations in several languages, a PEM certificate with {@code \r\n}, releases with multi-line signatures,
 * specs in both forms, pre-releases and nightlies, releases in the store's string order), about 12 MB in total.
 *
 * <p>{@code java -cp benchmarks.jar dev.ncsdk.bench.appstore.CatalogueGenerator OUT_DIR} writes {@code apps.json}
 * and {@code occ-app-list.json} (300 installed apps at older versions).
 */
public final class CatalogueGenerator {
    /** Apps in the catalogue. */
    public static final int APPS = 400;
    /** Installed apps in the update check. */
    public static final int INSTALLED = 300;

    private static final String[] LANGS = {"en", "de", "fr", "es", "it", "nl", "pt_BR", "ru", "ja", "zh_CN", "pl", "cs"
    };
    private static final String[] WORDS = {
        "calendar",
        "contacts",
        "deck",
        "notes",
        "mail",
        "talk",
        "forms",
        "polls",
        "maps",
        "music",
        "photos",
        "news",
        "tasks",
        "bookmarks",
        "files",
        "office",
        "backup",
        "sync",
        "guard",
        "audit",
        "share",
        "link",
        "board",
        "sheet",
        "chat",
        "video",
        "radio",
        "drop",
        "flow",
        "meta"
    };
    private static final String LOREM = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor"
            + " incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco"
            + " laboris nisi ut aliquip ex ea commodo consequat. ";

    private CatalogueGenerator() {}

    /** The generated catalogue and the matching installed apps. */
    public static final class Catalogue {
        /** The apps.json bytes. */
        public final byte[] json;
        /** Installed app id to an older version. */
        public final Map<String, String> installed;

        Catalogue(byte[] json, Map<String, String> installed) {
            this.json = json;
            this.installed = installed;
        }
    }

    /**
     * Generates the catalogue (same bytes for the same seed).
     *
     * @param seed the random seed
     * @return the catalogue
     */
    public static Catalogue generate(long seed) {
        Random rnd = new Random(seed);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(13 << 20);
        Map<String, String> installed = new TreeMap<>();
        try (JsonGenerator g = new JsonFactory().createGenerator(bytes)) {
            g.writeStartArray();
            for (int i = 0; i < APPS; i++) {
                String id = WORDS[i % WORDS.length] + "_" + WORDS[(i / WORDS.length + 3 * i) % WORDS.length] + i;
                List<String[]> versions = versions(rnd);
                writeApp(g, rnd, id, versions);
                if (installed.size() < INSTALLED && rnd.nextInt(4) != 0) {
                    // an older stable version, or the newest for some (up to date)
                    String[] v = versions.get(rnd.nextInt(versions.size()));
                    installed.put(id, v[0].replaceAll("-.*", ""));
                }
            }
            for (int i = 0; installed.size() < INSTALLED; i++) {
                installed.put(
                        WORDS[i % WORDS.length] + "_" + WORDS[(i / WORDS.length + 3 * i) % WORDS.length] + i, "0.1.0");
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Catalogue(bytes.toByteArray(), installed);
    }

    /** Versions as {version, nightly, platformMin, platformMax}, in the store's order (string sort, descending). */
    private static List<String[]> versions(Random rnd) {
        int n = 3 + rnd.nextInt(30);
        List<String[]> out = new ArrayList<>();
        int major = rnd.nextInt(5);
        int minor = 0;
        int patch = 0;
        int platform = 14 + rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
            if (rnd.nextInt(6) == 0) {
                major++;
                minor = 0;
                patch = 0;
                platform = Math.min(33, platform + 1);
            } else if (rnd.nextInt(3) == 0) {
                minor++;
                patch = 0;
            } else {
                patch++;
            }
            String v = major + "." + minor + "." + patch;
            String max = rnd.nextInt(8) == 0 ? "" : String.valueOf(Math.min(34, platform + 1 + rnd.nextInt(2)));
            if (rnd.nextInt(10) == 0) {
                out.add(new String[] {v + "-beta." + (1 + rnd.nextInt(3)), "false", String.valueOf(platform), max});
            }
            out.add(new String[] {v, "false", String.valueOf(platform), max});
        }
        if (rnd.nextInt(8) == 0) {
            String[] last = out.get(out.size() - 1);
            out.add(new String[] {last[0], "true", last[2], last[3]});
        }
        out.sort((a, b) -> b[0].compareTo(a[0]));
        return out;
    }

    private static void writeApp(JsonGenerator g, Random rnd, String id, List<String[]> versions) throws IOException {
        Instant created = Instant.parse("2016-06-01T00:00:00Z").plusSeconds(rnd.nextInt(200_000_000));
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeArrayFieldStart("categories");
        g.writeString(rnd.nextBoolean() ? "tools" : "integration");
        if (rnd.nextBoolean()) {
            g.writeString("organization");
        }
        g.writeEndArray();
        g.writeStringField("userDocs", rnd.nextBoolean() ? "" : "https://docs.example.org/" + id + "/user");
        g.writeStringField("adminDocs", rnd.nextBoolean() ? "" : "https://docs.example.org/" + id + "/admin");
        g.writeStringField("developerDocs", "");
        g.writeStringField("issueTracker", "https://github.com/example/" + id + "/issues");
        g.writeStringField("website", "https://github.com/example/" + id);
        g.writeStringField("discussion", "https://help.nextcloud.com/c/apps/" + id);
        g.writeStringField("created", timestamp(created));
        g.writeStringField("lastModified", timestamp(created.plusSeconds(rnd.nextInt(50_000_000))));
        g.writeArrayFieldStart("releases");
        for (String[] v : versions) {
            writeRelease(g, rnd, id, v, created);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("screenshots");
        for (int s = 0; s < 1 + rnd.nextInt(3); s++) {
            g.writeStartObject();
            g.writeStringField(
                    "url", "https://raw.githubusercontent.com/example/" + id + "/main/screenshots/" + s + ".png");
            g.writeStringField(
                    "smallThumbnail", rnd.nextBoolean() ? "" : "https://example.org/" + id + "/thumb" + s + ".png");
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("translations");
        int langs = 1 + rnd.nextInt(LANGS.length);
        for (int l = 0; l < langs; l++) {
            g.writeObjectFieldStart(LANGS[l]);
            g.writeStringField("name", id.replace('_', ' ') + " " + LANGS[l]);
            g.writeStringField("summary", LOREM.substring(0, 60 + rnd.nextInt(60)));
            g.writeStringField("description", LOREM.repeat(4).substring(0, 150 + rnd.nextInt(700)));
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeBooleanField("isFeatured", rnd.nextInt(10) == 0);
        g.writeArrayFieldStart("authors");
        g.writeStartObject();
        g.writeStringField("name", "Author of " + id);
        g.writeStringField("mail", rnd.nextBoolean() ? "" : "dev@" + id + ".example.org");
        g.writeStringField("homepage", "");
        g.writeEndObject();
        g.writeEndArray();
        g.writeNumberField("ratingRecent", 0.5);
        g.writeNumberField("ratingOverall", Math.round(rnd.nextDouble() * 100) / 100.0);
        g.writeNumberField("ratingNumRecent", rnd.nextInt(20));
        g.writeNumberField("ratingNumOverall", rnd.nextInt(300));
        g.writeStringField("certificate", certificate(rnd));
        g.writeEndObject();
    }

    private static void writeRelease(JsonGenerator g, Random rnd, String id, String[] v, Instant created)
            throws IOException {
        Instant released = created.plusSeconds(rnd.nextInt(100_000_000));
        String min = v[2];
        String max = v[3];
        g.writeStartObject();
        g.writeStringField("version", v[0]);
        g.writeArrayFieldStart("phpExtensions");
        if (rnd.nextInt(3) == 0) {
            g.writeStartObject();
            g.writeStringField("id", "curl");
            g.writeStringField("versionSpec", "*");
            g.writeStringField("rawVersionSpec", "*");
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("databases");
        if (rnd.nextInt(4) == 0) {
            g.writeStartObject();
            g.writeStringField("id", "pgsql");
            g.writeStringField("versionSpec", ">=9.4.0");
            g.writeStringField("rawVersionSpec", ">=9.4");
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("shellCommands");
        g.writeEndArray();
        boolean php = rnd.nextBoolean();
        g.writeStringField("phpVersionSpec", php ? ">=8.1.0 <8.5.0" : "*");
        g.writeStringField(
                "platformVersionSpec",
                ">=" + min + ".0.0" + (max.isEmpty() ? "" : " <" + (Integer.parseInt(max) + 1) + ".0.0"));
        g.writeNumberField("minIntSize", rnd.nextInt(5) == 0 ? 64 : 32);
        g.writeStringField(
                "download", "https://github.com/example/" + id + "/releases/download/v" + v[0] + "/" + id + ".tar.gz");
        g.writeStringField("created", timestamp(released));
        g.writeArrayFieldStart("licenses");
        g.writeString("agpl");
        g.writeEndArray();
        g.writeStringField("lastModified", timestamp(released.plusSeconds(rnd.nextInt(1000))));
        g.writeBooleanField("isNightly", Boolean.parseBoolean(v[1]));
        g.writeStringField("rawPhpVersionSpec", php ? ">=8.1 <=8.4" : "*");
        g.writeStringField("rawPlatformVersionSpec", ">=" + min + (max.isEmpty() ? "" : " <=" + max));
        g.writeStringField("signature", signature(rnd));
        g.writeStringField("signatureDigest", "sha512");
        g.writeObjectFieldStart("translations");
        if (rnd.nextBoolean()) {
            g.writeObjectFieldStart("en");
            g.writeStringField("changelog", "### Fixed\n- " + LOREM.substring(0, 40 + rnd.nextInt(150)));
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static String timestamp(Instant t) {
        return t.toString().replace("Z", "") + (t.getNano() == 0 ? ".123456Z" : "Z");
    }

    private static String signature(Random rnd) {
        byte[] b = new byte[512];
        rnd.nextBytes(b);
        return Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(b);
    }

    private static String certificate(Random rnd) {
        byte[] b = new byte[1030];
        rnd.nextBytes(b);
        return "-----BEGIN CERTIFICATE-----\r\n"
                + Base64.getMimeEncoder(64, new byte[] {'\r', '\n'}).encodeToString(b)
                + "\r\n-----END CERTIFICATE-----";
    }

    /**
     * Writes {@code apps.json} and {@code occ-app-list.json} into a directory.
     *
     * @param args the directory
     * @throws IOException when writing fails
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(dir);
        Catalogue c = generate(42);
        Files.write(dir.resolve("apps.json"), c.json);
        Map<String, Object> occ = new LinkedHashMap<>();
        occ.put("enabled", c.installed);
        occ.put("disabled", Map.of());
        new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValue(dir.resolve("occ-app-list.json").toFile(), occ);
        System.out.println("wrote " + c.json.length + " bytes, " + c.installed.size() + " installed apps to " + dir);
    }
}
