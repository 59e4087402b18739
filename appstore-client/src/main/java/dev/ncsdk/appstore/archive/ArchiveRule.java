package dev.ncsdk.appstore.archive;

/**
 * The rules a release archive is inspected against; an {@link ArchiveProblem} names the one it breaks.
 *
 * @since 0.1.0
 */
public enum ArchiveRule {
    /** The file is not gzip-compressed. */
    NOT_GZIP,
    /** The gzip or tar stream is corrupt or truncated. */
    CORRUPT,
    /** The compressed archive is larger than the store accepts. */
    ARCHIVE_TOO_LARGE,
    /** The unpacked content is larger than the cap (a gzip bomb, or an app far too large). */
    UNPACKED_TOO_LARGE,
    /** The archive has more entries than the cap. */
    TOO_MANY_ENTRIES,
    /**
     * A header record (PAX extended header, global PAX header, GNU long name or long link) is larger than the cap
     * (1 MiB), or too many of them come in a row: refused before it is read into memory.
     */
    HEADER_TOO_LARGE,
    /**
     * An entry is a sparse file (PAX 0.0, 0.1 or 1.0 {@code GNU.sparse.*}, old GNU type {@code S}, star): refused
     * without reading its holes, which could declare gigabytes in a few bytes. App releases never need one.
     */
    SPARSE_ENTRY,
    /** Inspection ran out of memory or stack on this archive: refused as hostile. */
    RESOURCES_EXHAUSTED,
    /** The archive holds no top-level folder. */
    NO_APP_FOLDER,
    /** The archive holds more than one top-level entry (often macOS {@code ._} files). */
    MULTIPLE_TOP_LEVEL_ENTRIES,
    /** An entry's path is absolute (starts with {@code /}, a drive letter or a backslash). */
    ABSOLUTE_PATH,
    /** An entry's path contains a {@code ..} segment. */
    PARENT_PATH,
    /**
     * The same path appears twice (the store reads the last copy, an extractor may keep the first: what is checked
     * and what is installed could differ).
     */
    DUPLICATE_ENTRY,
    /** An entry is a symbolic link. */
    SYMBOLIC_LINK,
    /** An entry is a hard link. */
    HARD_LINK,
    /** An entry is a device, FIFO or other special file. */
    SPECIAL_FILE,
    /** A {@code .git} folder or file is included. */
    GIT_FOLDER,
    /** A macOS metadata file ({@code ._*} or {@code .DS_Store}) is included. */
    MAC_METADATA,
    /** {@code <id>/appinfo/info.xml} is missing. */
    INFO_XML_MISSING,
    /** {@code info.xml} is larger than the cap (1 MiB). */
    INFO_XML_TOO_LARGE,
    /** {@code info.xml} is not well-formed, or lacks {@code <id>} or {@code <version>}. */
    INFO_XML_INVALID,
    /** The app id (folder name or {@code <id>}) does not match {@code [a-z]+[a-z0-9_]*[a-z0-9]}. */
    INVALID_APP_ID,
    /** The app id is longer than 32 characters. */
    APP_ID_TOO_LONG,
    /** {@code <id>} in info.xml differs from the folder name. */
    ID_MISMATCH,
    /** {@code <version>} is not a semantic version without build metadata. */
    INVALID_VERSION
}
