package dev.ncsdk.appstore.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes tar records by hand (ustar headers, PAX 'x'/'g' records, GNU 'L' records), so tests control every byte a
 * library writer would normalise or refuse to write.
 */
final class RawTar {
    private final ByteArrayOutputStream tar = new ByteArrayOutputStream();

    /** A valid minimal app named {@code id}, written as plain ustar entries. */
    static RawTar app(String id) {
        return new RawTar()
                .dir(id + "/")
                .dir(id + "/appinfo/")
                .file(id + "/appinfo/info.xml", dev.ncsdk.appstore.releasetesting.TarBuilder.infoXml(id, "1.0.0"));
    }

    RawTar dir(String name) {
        header(name, '5', 0, "");
        return this;
    }

    RawTar file(String name, String content) {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        header(name, '0', data.length, "");
        data(data);
        return this;
    }

    RawTar symlink(String name, String target) {
        header(name, '2', 0, target);
        return this;
    }

    /** A local PAX extended header ('x') applying to the next entry. */
    RawTar pax(Map<String, String> records) {
        byte[] body = paxBody(records);
        header("./PaxHeaders/x", 'x', body.length, "");
        data(body);
        return this;
    }

    /** A local PAX extended header ('x') with the body given byte for byte. */
    RawTar paxRaw(String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        header("./PaxHeaders/x", 'x', b.length, "");
        data(b);
        return this;
    }

    /** A local PAX header with one record. */
    RawTar pax(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(key, value);
        return pax(m);
    }

    /** A global PAX header ('g'). */
    RawTar globalPax(String key, String value) {
        byte[] body = paxBody(Map.of(key, value));
        header("pax_global_header", 'g', body.length, "");
        data(body);
        return this;
    }

    /** A GNU long-name record ('L') naming the next entry. */
    RawTar gnuLongName(String name) {
        byte[] body = (name + "\0").getBytes(StandardCharsets.UTF_8);
        header("././@LongLink", 'L', body.length, "");
        data(body);
        return this;
    }

    /** One PAX record, {@code "<length> <key>=<value>\n"}, with the right length. */
    static String paxRecord(String key, String value) {
        return new String(paxBody(Map.of(key, value)), StandardCharsets.UTF_8);
    }

    static byte[] paxBody(Map<String, String> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> r : records.entrySet()) {
            byte[] kv = (" " + r.getKey() + "=" + r.getValue() + "\n").getBytes(StandardCharsets.UTF_8);
            int len = kv.length + 1;
            while (len != kv.length + Integer.toString(len).length()) {
                len = kv.length + Integer.toString(len).length();
            }
            out.writeBytes(Integer.toString(len).getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(kv);
        }
        return out.toByteArray();
    }

    private void header(String name, char type, long size, String link) {
        byte[] h = new byte[512];
        put(h, 0, 100, name);
        put(h, 100, 8, type == '5' ? "0000755" : "0000644");
        put(h, 108, 8, "0000000");
        put(h, 116, 8, "0000000");
        put(h, 124, 12, String.format("%011o", size));
        put(h, 136, 12, String.format("%011o", 1_700_000_000L));
        h[156] = (byte) type;
        put(h, 157, 100, link);
        put(h, 257, 6, "ustar");
        put(h, 263, 2, "00");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, 7, String.format("%06o", sum));
        tar.writeBytes(h);
    }

    private static void put(byte[] h, int off, int len, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > len) {
            throw new IllegalArgumentException("field too long: " + s);
        }
        System.arraycopy(b, 0, h, off, b.length);
    }

    private void data(byte[] b) {
        tar.writeBytes(b);
        int pad = (512 - b.length % 512) % 512;
        tar.writeBytes(new byte[pad]);
    }

    /** The uncompressed tar, with its two end records. */
    byte[] tar() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(tar.toByteArray());
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    /** The .tar.gz. */
    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(tar());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
