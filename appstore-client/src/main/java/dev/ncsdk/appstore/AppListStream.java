package dev.ncsdk.appstore;

import dev.ncsdk.appstore.internal.JsonCursor;
import dev.ncsdk.ocs.internal.http.BodyListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Parses an app list ({@code apps.json} and the like) while it downloads: the HTTP client's thread splits the
 * arriving bytes into the top-level app objects, and a task on the common fork-join pool parses them as they
 * complete (one task at a time, in order; it ends when it has caught up and is scheduled again when more arrive,
 * so no thread ever waits for the network). On two cores the parse of a 12 MB catalogue then mostly overlaps its
 * transfer and inflation instead of following it.
 *
 * <p>The splitter checks only the top-level structure ({@code [}, objects, commas, {@code ]}) and the strings and
 * brackets inside objects; every object is then parsed strictly. Anything unusual (a top-level element that is not
 * an object, a byte order mark, UTF-16, a malformed object, a failure) makes the stream give up: {@link #result()}
 * then fails and the caller parses the whole body the ordinary way, which gives the authoritative answer or error.
 */
final class AppListStream implements BodyListener {
    private static final Object END = new Object();
    private static final Object ABORT = new Object();

    // top-level states of the splitter
    private static final int BEFORE_ARRAY = 0;
    private static final int FIRST = 1; // after '[': an object or ']'
    private static final int AFTER_ELEMENT = 2; // ',' or ']'
    private static final int NEXT = 3; // after ',': an object
    private static final int AFTER_ARRAY = 4; // white space only
    private static final int INSIDE = 5; // in an element object

    private final Predicate<String> wanted;
    private final Executor executor;
    private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final CompletableFuture<List<App>> result = new CompletableFuture<>();

    // parser state: only the (serialised) drain tasks touch it
    private final Map<String, String> pool = new HashMap<>();
    private final List<App> apps = new ArrayList<>();

    // splitter state: only the thread delivering the body touches it
    private int scanned;
    private int state = BEFORE_ARRAY;
    private int depth;
    private boolean inString;
    private boolean escaped; // a backslash ended the previous delivery inside a string
    private int objectStart;
    private volatile boolean givenUp;

    private AppListStream(Predicate<String> wanted, Executor executor) {
        this.wanted = wanted;
        this.executor = executor;
    }

    /**
     * A stream whose parse runs on the common fork-join pool.
     *
     * @param wanted which app ids to read, or null for all
     * @return the stream, to be given the body
     */
    static AppListStream start(Predicate<String> wanted) {
        return new AppListStream(wanted, ForkJoinPool.commonPool());
    }

    /**
     * The apps, in document order; fails when the stream gave up (parse the whole body instead).
     *
     * @return the result's future
     */
    CompletableFuture<List<App>> result() {
        return result;
    }

    /** Stops the parse when the answer will not be used. */
    void abort() {
        giveUp();
    }

    private void giveUp() {
        givenUp = true;
        publish(ABORT);
    }

    private void publish(Object item) {
        queue.add(item);
        if (scheduled.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    @Override
    public void onData(byte[] buffer, int length) {
        if (givenUp) {
            return;
        }
        int i = scanned;
        byte[] b = buffer;
        while (i < length) {
            if (state == INSIDE) {
                i = scanInside(b, i, length);
                continue;
            }
            byte c = b[i];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                i++;
                continue;
            }
            switch (state) {
                case BEFORE_ARRAY:
                    if (c != '[') {
                        giveUp(); // a byte order mark, UTF-16, or not an array: the whole-body parse decides
                        return;
                    }
                    state = FIRST;
                    break;
                case FIRST:
                case NEXT:
                    if (c == '{') {
                        objectStart = i;
                        depth = 1;
                        state = INSIDE;
                    } else if (c == ']' && state == FIRST) {
                        state = AFTER_ARRAY;
                    } else {
                        giveUp();
                        return;
                    }
                    break;
                case AFTER_ELEMENT:
                    if (c == ',') {
                        state = NEXT;
                    } else if (c == ']') {
                        state = AFTER_ARRAY;
                    } else {
                        giveUp();
                        return;
                    }
                    break;
                default: // AFTER_ARRAY
                    giveUp();
                    return;
            }
            i++;
        }
        scanned = i;
    }

    /** Scans inside an element object from {@code i}; publishes the object when it closes. */
    private int scanInside(byte[] b, int i, int length) {
        if (escaped) {
            escaped = false;
            i++; // the escaped byte
        }
        while (i < length) {
            if (inString) {
                // the tight loop most bytes go through
                while (i < length) {
                    byte d = b[i];
                    if (d == '"' || d == '\\') {
                        break;
                    }
                    i++;
                }
                if (i >= length) {
                    return i;
                }
                if (b[i] == '\\') {
                    if (i + 1 >= length) {
                        escaped = true;
                        return length;
                    }
                    i += 2;
                    continue;
                }
                inString = false;
                i++;
                continue;
            }
            byte c = b[i++];
            if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    publish(new Range(b, objectStart, i));
                    state = AFTER_ELEMENT;
                    return i;
                }
            }
        }
        return i;
    }

    @Override
    public void onComplete(byte[] buffer, int length) {
        onData(buffer, length);
        if (givenUp) {
            return;
        }
        if (state == AFTER_ARRAY) {
            publish(END);
        } else {
            giveUp(); // truncated: the whole-body parse reports it
        }
    }

    @Override
    public void onError(Throwable failure) {
        giveUp();
    }

    /** Parses what has arrived, in order, then ends; {@link #publish} schedules it again for more. */
    private void drain() {
        while (true) {
            Object next;
            while ((next = queue.poll()) != null) {
                if (result.isDone()) {
                    continue; // finished or given up: drop the rest
                }
                take(next);
            }
            scheduled.set(false);
            // an item published between the last poll and the reset would otherwise wait for the next one
            if (queue.isEmpty() || !scheduled.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private void take(Object next) {
        if (next == END) {
            result.complete(apps);
            return;
        }
        if (next == ABORT) {
            result.completeExceptionally(new StoreFormatException("the streamed parse gave up", null));
            return;
        }
        Range r = (Range) next;
        try {
            App app = AppStoreJson.readAppObject(new JsonCursor(r.buffer, r.from, r.to), pool, wanted);
            if (app != null) {
                apps.add(app);
            }
        } catch (RuntimeException e) {
            givenUp = true; // the splitter stops too
            result.completeExceptionally(e); // a malformed object: the whole-body parse reports it
        }
    }

    /** One complete top-level object: bytes {@code [from, to)} of a buffer that no longer changes there. */
    private static final class Range {
        final byte[] buffer;
        final int from;
        final int to;

        Range(byte[] buffer, int from, int to) {
            this.buffer = buffer;
            this.from = from;
            this.to = to;
        }
    }
}
