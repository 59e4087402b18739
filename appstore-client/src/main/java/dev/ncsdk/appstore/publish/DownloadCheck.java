package dev.ncsdk.appstore.publish;

import dev.ncsdk.appstore.archive.ArchiveReport;
import java.net.URI;
import java.util.Objects;

/**
 * The result of downloading a release URL and checking its bytes before publishing.
 *
 * @param download the URL that was asked for
 * @param servedFrom the URL that answered (after redirects)
 * @param bytes the archive's size
 * @param sha256 the archive's SHA-256, hex
 * @param report the archive's inspection
 * @since 0.1.0
 */
public record DownloadCheck(URI download, URI servedFrom, long bytes, String sha256, ArchiveReport report) {
    /**
     * Checks the values.
     *
     * @param download the URL
     * @param servedFrom the answering URL
     * @param bytes size
     * @param sha256 digest
     * @param report inspection
     */
    public DownloadCheck {
        Objects.requireNonNull(download, "download");
        Objects.requireNonNull(servedFrom, "servedFrom");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(report, "report");
    }
}
