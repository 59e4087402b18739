package dev.ncsdk.appapi.app.files;

import java.util.Objects;

/**
 * What an upload produced.
 *
 * <pre>{@code
 * UploadResult r = files.upload("/Reports/q3.pdf", Path.of("q3.pdf"));
 * long id = r.fileId(); // -1 when the server did not send OC-FileId
 * }</pre>
 *
 * @param path the normalised path of the uploaded file
 * @param size the bytes sent
 * @param etag the new ETag without quotes ({@code ""} when the server sent none)
 * @param fileId the file id from {@code OC-FileId}, {@code -1} when absent
 * @param chunks the number of chunks sent: {@code 0} for a single {@code PUT}
 * @since 0.1.0
 */
public record UploadResult(String path, long size, String etag, long fileId, int chunks) {
    /** Checks the values. */
    public UploadResult {
        Objects.requireNonNull(path, "path");
        etag = etag == null ? "" : etag;
    }
}
