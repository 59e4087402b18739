package dev.ncsdk.appstore.releasetesting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Builds .tar.gz archives in memory for tests, including the malicious kinds. */
public final class TarBuilder {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final GzipCompressorOutputStream gz;
    private final TarArchiveOutputStream tar;

    public TarBuilder() {
        try {
            gz = new GzipCompressorOutputStream(bytes);
            tar = new TarArchiveOutputStream(gz, "UTF-8");
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String infoXml(String id, String version) {
        return "<?xml version=\"1.0\"?>\n<info>\n  <id>" + id + "</id>\n  <name>News</name>\n"
                + "  <name lang=\"de\">Nachrichten</name>\n  <summary>An RSS reader</summary>\n"
                + "  <version>" + version + "</version>\n  <licence>agpl</licence>\n"
                + "  <dependencies>\n    <php min-version=\"8.1\" max-version=\"8.4\"/>\n"
                + "    <nextcloud min-version=\"30\" max-version=\"32\"/>\n  </dependencies>\n</info>\n";
    }

    /** A valid minimal app. */
    public static TarBuilder app(String id, String version) {
        return new TarBuilder()
                .dir(id + "/")
                .dir(id + "/appinfo/")
                .file(id + "/appinfo/info.xml", infoXml(id, version))
                .file(id + "/lib/Main.php", "<?php\n");
    }

    public TarBuilder dir(String name) {
        return entry(new TarArchiveEntry(name), null);
    }

    public TarBuilder file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public TarBuilder file(String name, byte[] content) {
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setSize(content.length);
        return entry(e, content);
    }

    /** A file of n zero bytes, written in blocks (for bombs). */
    public TarBuilder zeros(String name, long n) {
        try {
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.setSize(n);
            tar.putArchiveEntry(e);
            byte[] block = new byte[64 * 1024];
            long left = n;
            while (left > 0) {
                int k = (int) Math.min(block.length, left);
                tar.write(block, 0, k);
                left -= k;
            }
            tar.closeArchiveEntry();
            return this;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public TarBuilder symlink(String name, String target) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
        e.setLinkName(target);
        return entry(e, null);
    }

    public TarBuilder hardlink(String name, String target) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK);
        e.setLinkName(target);
        return entry(e, null);
    }

    /** A PAX global header, as {@code git archive} writes first ({@code pax_global_header}). */
    public TarBuilder globalPax(String comment) {
        try {
            TarArchiveEntry e = new TarArchiveEntry("pax_global_header", TarConstants.LF_PAX_GLOBAL_EXTENDED_HEADER);
            e.addPaxHeader("comment", comment);
            tar.putArchiveEntry(e); // writes and closes the header itself
            return this;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public TarBuilder fifo(String name) {
        return entry(new TarArchiveEntry(name, TarConstants.LF_FIFO), null);
    }

    private TarBuilder entry(TarArchiveEntry e, byte[] content) {
        try {
            tar.putArchiveEntry(e);
            if (content != null) {
                tar.write(content);
            }
            tar.closeArchiveEntry();
            return this;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public byte[] build() {
        try {
            tar.finish();
            tar.close();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
