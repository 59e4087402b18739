package dev.ncsdk.ocs;

/**
 * The format the client asks the server to answer OCS requests in. Both parse into the same result; JSON is
 * smaller and faster to parse, XML is the server's own default.
 *
 * @since 0.1.0
 */
public enum OcsFormat {
    /** {@code Accept: application/json} (the client's default). */
    JSON("application/json"),
    /** {@code Accept: application/xml}. */
    XML("application/xml");

    private final String mediaType;

    OcsFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /**
     * The media type sent in {@code Accept}.
     *
     * @return the media type
     */
    public String mediaType() {
        return mediaType;
    }
}
