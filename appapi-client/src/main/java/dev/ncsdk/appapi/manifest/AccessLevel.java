package dev.ncsdk.appapi.manifest;

import java.util.Locale;

/**
 * Who may call an ExApp route through AppAPI's proxy or HaRP.
 *
 * @since 0.1.0
 */
public enum AccessLevel {
    /** Anyone, logged in or not. */
    PUBLIC(0),
    /** Any logged-in user. */
    USER(1),
    /** Admins only. */
    ADMIN(2);

    private final int code;

    AccessLevel(int code) {
        this.code = code;
    }

    /**
     * The number used in {@code --json-info} and AppAPI's database.
     *
     * @return 0, 1 or 2
     */
    public int code() {
        return code;
    }

    /**
     * Reads {@code PUBLIC}/{@code USER}/{@code ADMIN} (any case) or {@code 0}/{@code 1}/{@code 2}.
     *
     * @param value the value
     * @return the level
     * @throws IllegalArgumentException for anything else (AppAPI drops such a route)
     */
    public static AccessLevel parse(String value) {
        if (value != null) {
            String v = value.trim().toUpperCase(Locale.ROOT);
            for (AccessLevel l : values()) {
                if (v.equals(l.name()) || v.equals(Integer.toString(l.code))) {
                    return l;
                }
            }
        }
        throw new IllegalArgumentException(
                "access_level must be PUBLIC, USER or ADMIN (or 0, 1, 2), got '" + value + "'");
    }
}
