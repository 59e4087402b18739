package dev.ncsdk.appapi.app;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The {@link System.Logger} bridge of {@link NextcloudLog#systemLogger(String)}. */
final class NextcloudSystemLogger implements System.Logger {
    private static final int MAX_FRAMES = 20;
    private static final int MAX_CAUSES = 4;

    private final String name;
    private final NextcloudLog log;
    private final boolean neverForwarded;

    NextcloudSystemLogger(String name, NextcloudLog log) {
        this.name = name;
        this.log = log;
        this.neverForwarded = name.startsWith("dev.ncsdk.")
                || name.equals("dev.ncsdk")
                || name.startsWith("jdk.internal.httpclient")
                || name.startsWith("jdk.httpclient");
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        if (neverForwarded || level == Level.OFF) {
            return false;
        }
        LogLevel l = LogLevel.of(level);
        LogLevel min = LogState.guarded(() -> log.state().thresholdNow());
        return l != null && (min == null || l.value() >= min.value());
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        forward(level, bundle, msg, null, thrown);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        forward(level, bundle, format, params, null);
    }

    private void forward(Level level, ResourceBundle bundle, String text, Object[] params, Throwable thrown) {
        if (neverForwarded || level == Level.OFF) {
            return;
        }
        if (LogState.inBridge()) {
            log.state().drop(); // logged while a line is formatted, queued or sent: would recurse
            return;
        }
        LogState.guarded(() -> {
            LogLevel l = LogLevel.of(level);
            LogLevel min = log.state().thresholdNow();
            if (min != null && l.value() < min.value()) {
                return null;
            }
            String line;
            try {
                line = format(bundle, text, params, thrown);
            } catch (RuntimeException e) {
                line = String.valueOf(text) + " (unformattable: " + e + ")";
            }
            log.enqueue(l, line);
            return null;
        });
    }

    private String format(ResourceBundle bundle, String text, Object[] params, Throwable thrown) {
        String msg = text == null ? "" : text;
        if (bundle != null && bundle.containsKey(msg)) {
            msg = bundle.getString(msg);
        }
        if (params != null && params.length > 0) {
            msg = new MessageFormat(msg).format(params);
        }
        StringBuilder sb = new StringBuilder();
        if (!name.isEmpty()) {
            sb.append('[').append(name).append("] ");
        }
        sb.append(msg);
        Throwable t = thrown;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            sb.append(depth == 0 ? "\n" : "\nCaused by: ").append(t);
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
                sb.append("\n\tat ").append(frames[i]);
            }
            if (frames.length > MAX_FRAMES) {
                sb.append("\n\t... ").append(frames.length - MAX_FRAMES).append(" more");
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "NextcloudSystemLogger[" + name + "]";
    }
}
