package dev.ncsdk.appapi.app.files;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the user may do with a file or folder, as Nextcloud's {@code oc:permissions} letters say (Nextcloud developer
 * manual, WebDAV "Basic APIs", supported properties). Letters this SDK does not know are left out of the set; the raw
 * string stays in {@link FileNode#rawPermissions()}.
 *
 * <pre>{@code
 * if (node.permissions().contains(FilePermission.WRITABLE)) { files.upload(node.path(), newVersion); }
 * }</pre>
 *
 * @since 0.1.0
 */
public enum FilePermission {
    /** {@code S}: shared with the user. */
    SHARED('S'),
    /** {@code R}: the user may share it. */
    SHAREABLE('R'),
    /** {@code M}: on a mounted storage (external storage, group folder). */
    MOUNTED('M'),
    /** {@code G}: readable. */
    READABLE('G'),
    /** {@code D}: deletable. */
    DELETABLE('D'),
    /** {@code N}: may be renamed. */
    RENAMEABLE('N'),
    /** {@code V}: may be moved. */
    MOVABLE('V'),
    /** {@code W}: a file that may be written. */
    WRITABLE('W'),
    /** {@code C}: files may be created inside the folder. */
    CREATE_FILE('C'),
    /** {@code K}: folders may be created inside the folder. */
    CREATE_FOLDER('K');

    private final char letter;

    FilePermission(char letter) {
        this.letter = letter;
    }

    /**
     * The letter Nextcloud uses.
     *
     * @return the letter
     */
    public char letter() {
        return letter;
    }

    /**
     * Reads an {@code oc:permissions} value such as {@code RGDNVW}; unknown letters are ignored.
     *
     * @param letters the value, may be {@code null} or empty
     * @return an unmodifiable set
     */
    public static Set<FilePermission> parse(String letters) {
        if (letters == null || letters.isEmpty()) {
            return Set.of();
        }
        EnumSet<FilePermission> set = EnumSet.noneOf(FilePermission.class);
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            for (FilePermission p : values()) {
                if (p.letter == c) {
                    set.add(p);
                }
            }
        }
        return Collections.unmodifiableSet(set);
    }
}
