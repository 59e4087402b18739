package dev.ncsdk.appapi.app.tasks;

/**
 * The type of one slot of a task's input or output, as Nextcloud's {@code OCP\TaskProcessing\EShapeType} numbers
 * them ({@code shape_type} in AppAPI's registration). Image, audio, video and file slots hold Nextcloud file ids; the
 * {@code LIST_OF_*} types hold lists of the scalar type ({@code code % 10}).
 *
 * <pre>{@code
 * ShapeDescriptor in = ShapeDescriptor.of("input", "The text to reverse", ShapeType.TEXT);
 * boolean file = ShapeType.LIST_OF_IMAGES.isFile();   // true
 * }</pre>
 *
 * @since 0.1.0
 */
public enum ShapeType {
    /** A number. */
    NUMBER(0),
    /** A text. */
    TEXT(1),
    /** An image file (a file id). */
    IMAGE(2),
    /** An audio file (a file id). */
    AUDIO(3),
    /** A video file (a file id). */
    VIDEO(4),
    /** Any file (a file id). */
    FILE(5),
    /** One of the slot's enum values (a text); Nextcloud 30+. */
    ENUM(6),
    /** A list of numbers. */
    LIST_OF_NUMBERS(10),
    /** A list of texts. */
    LIST_OF_TEXTS(11),
    /** A list of images. */
    LIST_OF_IMAGES(12),
    /** A list of audio files. */
    LIST_OF_AUDIOS(13),
    /** A list of videos. */
    LIST_OF_VIDEOS(14),
    /** A list of files. */
    LIST_OF_FILES(15),
    /** A code this SDK does not know (read from a newer server); never sent. */
    UNKNOWN(-1);

    private final int code;

    ShapeType(int code) {
        this.code = code;
    }

    /**
     * The server's number for the type.
     *
     * <pre>{@code
     * int c = ShapeType.LIST_OF_TEXTS.code();   // 11
     * }</pre>
     *
     * @return the code, {@code -1} for {@link #UNKNOWN}
     */
    public int code() {
        return code;
    }

    /**
     * The type for a server code.
     *
     * <pre>{@code
     * ShapeType t = ShapeType.fromCode(2);   // IMAGE
     * }</pre>
     *
     * @param code the code
     * @return the type, {@link #UNKNOWN} for a code this SDK does not know
     */
    public static ShapeType fromCode(int code) {
        for (ShapeType t : values()) {
            if (t.code == code && t != UNKNOWN) {
                return t;
            }
        }
        return UNKNOWN;
    }

    /**
     * Whether the slot holds a list.
     *
     * <pre>{@code
     * boolean many = ShapeType.LIST_OF_FILES.isList();   // true
     * }</pre>
     *
     * @return whether it is a {@code LIST_OF_*} type
     */
    public boolean isList() {
        return code >= 10;
    }

    /**
     * The type of one element: the type itself, or the element type of a list.
     *
     * <pre>{@code
     * ShapeType t = ShapeType.LIST_OF_AUDIOS.scalar();   // AUDIO
     * }</pre>
     *
     * @return the scalar type
     */
    public ShapeType scalar() {
        return code < 0 ? UNKNOWN : fromCode(code % 10);
    }

    /**
     * Whether the slot holds file ids (image, audio, video, file and their lists): input files are read with {@link
     * TaskProcessing#downloadFile}, output files uploaded with {@link TaskProcessing#uploadFile}.
     *
     * <pre>{@code
     * boolean ids = ShapeType.IMAGE.isFile();   // true
     * }</pre>
     *
     * @return whether the values are file ids
     */
    public boolean isFile() {
        ShapeType s = scalar();
        return s == IMAGE || s == AUDIO || s == VIDEO || s == FILE;
    }
}
