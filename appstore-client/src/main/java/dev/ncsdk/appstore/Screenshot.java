package dev.ncsdk.appstore;

/**
 * A screenshot of an app (HTTPS URLs).
 *
 * @param url the image
 * @param smallThumbnail a small preview, possibly empty; use {@link #preview()} to fall back to the image
 * @since 0.1.0
 */
public record Screenshot(String url, String smallThumbnail) {
    public Screenshot {
        // Normalises absent values to empty strings.
        url = url == null ? "" : url;
        smallThumbnail = smallThumbnail == null ? "" : smallThumbnail;
    }

    /**
     * The image to show as a preview: the small thumbnail, or the screenshot when there is none (the store's rule).
     *
     * @return the preview URL
     */
    public String preview() {
        return smallThumbnail.isEmpty() ? url : smallThumbnail;
    }
}
