package dev.ncsdk.appapi.app;

/**
 * Nextcloud's log levels, as AppAPI's log route and the {@code app_api.loglevel} capability number them.
 *
 * <pre>{@code
 * nc.log().log(LogLevel.WARNING, "disk almost full");
 * }</pre>
 *
 * @since 0.1.0
 */
public enum LogLevel {
    /** 0: debugging detail. */
    DEBUG(0),
    /** 1: information. */
    INFO(1),
    /** 2: warnings; Nextcloud's default threshold. */
    WARNING(2),
    /** 3: errors. */
    ERROR(3),
    /** 4: fatal errors. */
    FATAL(4);

    private final int value;

    LogLevel(int value) {
        this.value = value;
    }

    /**
     * The number Nextcloud uses.
     *
     * @return 0 to 4
     */
    public int value() {
        return value;
    }

    /**
     * The level of a number.
     *
     * <pre>{@code
     * LogLevel l = LogLevel.of(2);   // WARNING
     * }</pre>
     *
     * @param value 0 to 4; numbers above 4 are {@link #FATAL}, below 0 {@link #DEBUG}
     * @return the level
     */
    public static LogLevel of(int value) {
        if (value <= 0) {
            return DEBUG;
        }
        return value >= 4 ? FATAL : values()[value];
    }

    /**
     * The Nextcloud level of a {@link System.Logger.Level}: {@code ALL}, {@code TRACE} and {@code DEBUG} are
     * {@link #DEBUG}; {@code OFF} has none.
     *
     * <pre>{@code
     * LogLevel l = LogLevel.of(System.Logger.Level.ERROR);   // ERROR
     * }</pre>
     *
     * @param level the JDK level
     * @return the level, or {@code null} for {@code OFF}
     */
    public static LogLevel of(System.Logger.Level level) {
        switch (level) {
            case ALL:
            case TRACE:
            case DEBUG:
                return DEBUG;
            case INFO:
                return INFO;
            case WARNING:
                return WARNING;
            case ERROR:
                return ERROR;
            default:
                return null;
        }
    }
}
