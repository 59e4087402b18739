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

    /** A GNU long-link record ('K') giving the link target of the next entry. */
    RawTar gnuLongLink(String target) {
        byte[] body = (target + "\0").getBytes(StandardCharsets.UTF_8);
        header("././@LongLink", 'K', body.length, "");
        data(body);
        return this;
    }

    /**
     * A header of any type that declares {@code declaredSize} bytes, followed by {@code content} (which may be
     * shorter than declared: a lie the reader must not trust).
     */
    RawTar record(String name, char type, long declaredSize, byte[] content) {
        header(name, type, declaredSize, "");
        data(content);
        return this;
    }

    /** A regular file with raw content bytes. */
    RawTar file(String name, byte[] content) {
        header(name, '0', content.length, "");
        data(content);
        return this;
    }

    /**
     * An old GNU sparse entry (type 'S', GNU magic): one stored byte {@code x} at offset {@code realSize - 1}, the
     * rest a hole; the header's sparse map and real size say so (offsets 386 and 483 of the GNU header).
     */
    RawTar oldGnuSparse(String name, long realSize) {
        byte[] h = new byte[512];
        put(h, 0, 100, name);
        put(h, 100, 8, "0000644");
        put(h, 108, 8, "0000000");
        put(h, 116, 8, "0000000");
        put(h, 124, 12, String.format("%011o", 1));
        put(h, 136, 12, String.format("%011o", 1_700_000_000L));
        h[156] = 'S';
        put(h, 257, 8, "ustar  ");
        put(h, 386, 12, String.format("%011o", realSize - 1));
        put(h, 398, 12, String.format("%011o", 1));
        put(h, 483, 12, String.format("%011o", realSize));
        checksum(h);
        tar.writeBytes(h);
        data(new byte[] {'x'});
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
        checksum(h);
        tar.writeBytes(h);
    }

    private static void checksum(byte[] h) {
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, 7, String.format("%06o", sum));
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
