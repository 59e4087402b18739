package dev.ncsdk.appapi.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulator's task-processing side of Nextcloud: a queue of tasks a test schedules ({@link #enqueue}), with
 * input files ({@link #addFile}), served to the ExApp's providers through the server's provider routes (from the
 * server's {@code core/Controller/TaskProcessingApiController.php}): {@code GET
 * /ocs/v2.php/taskprocessing/tasks_provider/next} (204 when none), {@code next_batch} ({@code {"tasks": [{"task",
 * "provider": "<id>"}], "has_more"}}, Nextcloud 33+), {@code POST {id}/progress}, {@code POST {id}/result}
 * ({@code output}, {@code errorMessage}, {@code userFacingErrorMessage}), {@code POST {id}/file} (multipart field
 * {@code file}, 201 {@code {"fileId"}}) and {@code GET {id}/file/{fileId}}. A task goes only to the provider
 * registered first for its type (Nextcloud's preferred provider), and only once: {@code next} marks it running.
 * Unknown tasks answer 404 with {@code {"message": "Not found"}}; a cancelled task keeps its status and drops
 * results, as the server's {@code Manager} does.
 *
 * <p>With a Nextcloud and AppAPI of 33 or newer ({@code AppApiSimulator.Builder.nextcloudVersion}, {@code aaVersion})
 * {@code next_batch} answers and enqueuing a task calls the ExApp's {@code POST /trigger?providerId=} when no task of
 * the type runs; {@link #nextBatch(boolean)} and {@link #triggers(boolean)} override both.
 *
 * <pre>{@code
 * try (AppApiSimulator nc = AppApiSimulator.builder().nextcloudVersion("33.0.0").aaVersion("33.0.0").start()) {
 *     ... start the ExApp, nc.exAppUrl(...), let it register its provider ...
 *     long file = nc.tasks().addFile("in.txt", "hello".getBytes(UTF_8));
 *     long id = nc.tasks().enqueue("core:text2text", Map.of("input", "hello"));
 *     SimulatedTask done = nc.tasks().awaitFinished(id, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class SimulatedTasks {
    private static final String REGISTRATION = "/api/v1/ai_provider/task_processing";
    private static final String PREFIX = "/taskprocessing/tasks_provider/";
    private static final Pattern TASK_ROUTE = Pattern.compile("(\\d{1,18})/(progress|result|file)(?:/(\\d{1,18}))?");

    private final String appId;
    private final Registrations registrations;
    private final Consumer<String> trigger;
    private final Object lock = new Object();
    private final Map<Long, Entry> tasks = new LinkedHashMap<>(); // guarded by lock
    private final Map<Long, StoredFile> files = new LinkedHashMap<>(); // guarded by lock
    private long nextTaskId = 1;
    private long nextFileId = 1001;
    private boolean nextBatch;
    private boolean triggers;
    private int running;
    private int maxRunning;
    private int triggersSent;

    SimulatedTasks(
            String appId,
            Registrations registrations,
            Consumer<String> trigger,
            String nextcloudVersion,
            String aaVersion) {
        this.appId = appId;
        this.registrations = registrations;
        this.trigger = trigger;
        boolean nc33 = major(nextcloudVersion) >= 33;
        this.nextBatch = nc33;
        this.triggers = nc33 && major(aaVersion) >= 33;
    }

    private static int major(String version) {
        String v = version == null ? "" : version.trim();
        int dot = v.indexOf('.');
        return Params.intOr(dot < 0 ? v : v.substring(0, dot), 0);
    }

    // ------------------------------------------------------------------------------------------ the test's side

    /**
     * Whether {@code next_batch} exists (default: Nextcloud 33 or newer); without it the route answers as an unknown
     * OCS route (HTTP 404, OCS 998), as Nextcloud 32 does.
     *
     * <pre>{@code
     * nc.tasks().nextBatch(false);
     * }</pre>
     *
     * @param available whether it answers
     * @return this
     */
    public SimulatedTasks nextBatch(boolean available) {
        synchronized (lock) {
            this.nextBatch = available;
        }
        return this;
    }

    /**
     * Whether enqueuing calls the ExApp's {@code /trigger} (default: Nextcloud and AppAPI 33 or newer).
     *
     * <pre>{@code
     * nc.tasks().triggers(false);   // an ExApp that must poll
     * }</pre>
     *
     * @param send whether triggers are sent
     * @return this
     */
    public SimulatedTasks triggers(boolean send) {
        synchronized (lock) {
            this.triggers = send;
        }
        return this;
    }

    /**
     * Stores a file a task may name in a file input slot (as a user's file), and returns its id.
     *
     * <pre>{@code
     * long id = nc.tasks().addFile("photo.jpg", bytes);
     * nc.tasks().enqueue("core:image2text", Map.of("input", id));
     * }</pre>
     *
     * @param name the file name
     * @param content the bytes
     * @return the file id
     */
    public long addFile(String name, byte[] content) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        synchronized (lock) {
            long id = nextFileId++;
            files.put(id, new StoredFile(name, content.clone()));
            return id;
        }
    }

    /**
     * The content of a file, such as one the ExApp uploaded as a task's output.
     *
     * <pre>{@code
     * byte[] png = nc.tasks().file(done.output().path("output").asLong()).orElseThrow();
     * }</pre>
     *
     * @param fileId the id
     * @return the bytes, empty when there is no such file
     */
    public Optional<byte[]> file(long fileId) {
        synchronized (lock) {
            StoredFile f = files.get(fileId);
            return f == null ? Optional.empty() : Optional.of(f.content.clone());
        }
    }

    /**
     * Schedules a task for the system (no user); see {@link #enqueue(String, String, Map)}.
     *
     * <pre>{@code
     * long id = nc.tasks().enqueue("core:text2text", Map.of("input", "hello"));
     * }</pre>
     *
     * @param taskType the task type
     * @param input the input slots (texts, numbers, file ids, lists)
     * @return the task id
     */
    public long enqueue(String taskType, Map<String, ?> input) {
        return enqueue(taskType, "", input);
    }

    /**
     * Schedules a task as a user, as {@code POST /ocs/v2.php/taskprocessing/schedule} does; with triggers on and no
     * task of the type running, calls the ExApp's {@code POST /trigger?providerId=} for the type's provider before
     * returning (a failed trigger is ignored, as Nextcloud does).
     *
     * <pre>{@code
     * long id = nc.tasks().enqueue("core:text2text", "alice", Map.of("input", "hello"));
     * }</pre>
     *
     * @param taskType the task type
     * @param userId the user, {@code ""} for none
     * @param input the input slots
     * @return the task id
     */
    public long enqueue(String taskType, String userId, Map<String, ?> input) {
        Objects.requireNonNull(taskType, "taskType");
        Objects.requireNonNull(input, "input");
        ObjectNode in = Ocs.PHP_JSON.valueToTree(input);
        String provider;
        long id;
        boolean send;
        synchronized (lock) {
            id = nextTaskId++;
            tasks.put(id, new Entry(id, taskType, userId == null ? "" : userId, in));
            provider = preferredProvider(taskType);
            send = triggers
                    && provider != null
                    && tasks.values().stream()
                            .noneMatch(e -> e.type.equals(taskType) && e.status.equals("STATUS_RUNNING"));
            if (send) {
                triggersSent++;
            }
            lock.notifyAll();
        }
        if (send) {
            try {
                trigger.accept(provider);
            } catch (RuntimeException e) {
                System.getLogger(SimulatedTasks.class.getName())
                        .log(System.Logger.Level.DEBUG, () -> "trigger for " + provider + " failed: " + e);
            }
        }
        return id;
    }

    /**
     * Cancels a task, as a user does: later results are dropped, progress answers show the status.
     *
     * <pre>{@code
     * nc.tasks().cancel(id);
     * }</pre>
     *
     * @param taskId the task
     * @return {@code false} when there is no such task
     */
    public boolean cancel(long taskId) {
        synchronized (lock) {
            Entry e = tasks.get(taskId);
            if (e == null) {
                return false;
            }
            setStatus(e, "STATUS_CANCELLED");
            lock.notifyAll();
            return true;
        }
    }

    /**
     * Deletes a task, as the server's cleanup does: later calls about it answer 404.
     *
     * <pre>{@code
     * nc.tasks().delete(id);
     * }</pre>
     *
     * @param taskId the task
     * @return {@code false} when there was no such task
     */
    public boolean delete(long taskId) {
        synchronized (lock) {
            Entry e = tasks.remove(taskId);
            if (e != null && e.status.equals("STATUS_RUNNING")) {
                running--;
            }
            lock.notifyAll();
            return e != null;
        }
    }

    /**
     * A task as it is now.
     *
     * <pre>{@code
     * String status = nc.tasks().task(id).status();
     * }</pre>
     *
     * @param taskId the task
     * @return the snapshot
     * @throws IllegalArgumentException when there is no such task
     */
    public SimulatedTask task(long taskId) {
        synchronized (lock) {
            Entry e = tasks.get(taskId);
            if (e == null) {
                throw new IllegalArgumentException("no task " + taskId);
            }
            return e.snapshot();
        }
    }

    /**
     * Waits until a task is over (successful, failed or cancelled).
     *
     * <pre>{@code
     * SimulatedTask t = nc.tasks().awaitFinished(id, Duration.ofSeconds(5));
     * }</pre>
     *
     * @param taskId the task
     * @param timeout how long to wait
     * @return the finished task
     * @throws ExAppCheckFailure when it did not finish in time
     * @throws IllegalArgumentException when there is no such task
     */
    public SimulatedTask awaitFinished(long taskId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                SimulatedTask t = task(taskId);
                if (t.finished()) {
                    return t;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new ExAppCheckFailure(
                            "await",
                            "task " + taskId + " did not finish within " + timeout + " (status " + t.status()
                                    + ", progress " + t.progress() + ")",
                            null,
                            null);
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new ExAppCheckFailure("await", "interrupted while waiting for task " + taskId, null, ie);
                }
            }
        }
    }

    /**
     * The most tasks that were running at the same time.
     *
     * <pre>{@code
     * assertTrue(nc.tasks().maxRunning() > 1);   // the ExApp worked in parallel
     * }</pre>
     *
     * @return the count
     */
    public int maxRunning() {
        synchronized (lock) {
            return maxRunning;
        }
    }

    /**
     * How many triggers enqueuing sent to the ExApp.
     *
     * <pre>{@code
     * assertEquals(1, nc.tasks().triggersSent());
     * }</pre>
     *
     * @return the count
     */
    public int triggersSent() {
        synchronized (lock) {
            return triggersSent;
        }
    }

    // ------------------------------------------------------------------------------------------ the server's side

    /** Answers a call below {@code /taskprocessing/}; the user is null when the AppAPI headers were refused. */
    Ocs.Answer handle(AppApiSimulator.Call c, int v, boolean json, boolean authPresent, String user) {
        String rel = Routes.ocsRelative(c.path());
        if (!authPresent) {
            // #[ExAppRequired]: only AppAPI-authenticated requests (the server's SecurityMiddleware)
            return Ocs.Answer.json(412, message("ExApp required"));
        }
        if (user == null) {
            return Ocs.failure(v, json, 997, "AppAPI authentication failed");
        }
        if (!rel.startsWith(PREFIX)) {
            return unknown(v, json);
        }
        String rest = rel.substring(PREFIX.length());
        ObjectNode p = Params.of(c);
        synchronized (lock) {
            if (c.method().equals("GET") && rest.equals("next")) {
                return next(p, v, json);
            }
            if (c.method().equals("GET") && rest.equals("next_batch")) {
                return nextBatch ? nextBatch(p, v, json) : unknown(v, json);
            }
            Matcher m = TASK_ROUTE.matcher(rest);
            if (!m.matches()) {
                return unknown(v, json);
            }
            long id = Long.parseLong(m.group(1));
            Entry e = tasks.get(id);
            String what = m.group(2);
            if (e == null) {
                return notFound(v, json);
            }
            if (c.method().equals("POST") && what.equals("progress") && m.group(3) == null) {
                return progress(e, p, v, json);
            }
            if (c.method().equals("POST") && what.equals("result") && m.group(3) == null) {
                return result(e, p, v, json);
            }
            if (c.method().equals("POST") && what.equals("file") && m.group(3) == null) {
                return upload(c, v, json);
            }
            if (c.method().equals("GET") && what.equals("file") && m.group(3) != null) {
                return download(e, Long.parseLong(m.group(3)), v, json);
            }
            return unknown(v, json);
        }
    }

    private Ocs.Answer next(ObjectNode p, int v, boolean json) {
        List<Entry> found = claim(p, 1);
        if (found.isEmpty()) {
            return new Ocs.Answer(204, Ocs.JSON_TYPE, new byte[0]);
        }
        Entry e = found.get(0);
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.set("task", e.json());
        d.putObject("provider").put("name", e.providerId);
        return Ocs.ok(v, json, d);
    }

    private Ocs.Answer nextBatch(ObjectNode p, int v, boolean json) {
        Integer n = Params.integer(p.get("numberOfTasks"));
        int count = n == null || n < 1 ? 1 : n;
        List<Entry> found = claim(p, count);
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        ArrayNode list = d.putArray("tasks");
        for (Entry e : found) {
            ObjectNode item = list.addObject();
            item.set("task", e.json());
            item.put("provider", e.providerId); // a bare id here, {"name": id} in next
        }
        d.put("has_more", !claimable(p).isEmpty());
        return Ocs.ok(v, json, d);
    }

    /** The tasks the asking providers may take, in order (the server's intersectTaskTypesAndProviders). */
    private List<Entry> claimable(ObjectNode p) {
        List<String> providers = strings(p.get("providerIds"));
        List<String> types = strings(p.get("taskTypeIds"));
        List<Entry> out = new ArrayList<>();
        for (Entry e : tasks.values()) {
            if (!e.status.equals("STATUS_SCHEDULED") || !types.contains(e.type)) {
                continue;
            }
            String preferred = preferredProvider(e.type);
            if (preferred != null && providers.contains(preferred)) {
                out.add(e);
            }
        }
        return out;
    }

    private List<Entry> claim(ObjectNode p, int count) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : claimable(p)) {
            if (out.size() >= count) {
                break;
            }
            e.providerId = preferredProvider(e.type);
            setStatus(e, "STATUS_RUNNING");
            e.startedAt = Instant.now().getEpochSecond();
            out.add(e);
        }
        return out;
    }

    private Ocs.Answer progress(Entry e, ObjectNode p, int v, boolean json) {
        JsonNode raw = p.get("progress");
        double value;
        try {
            value = raw == null ? Double.NaN : Double.parseDouble(raw.asText());
        } catch (NumberFormatException ex) {
            value = Double.NaN;
        }
        if (!(value >= 0 && value <= 1)) {
            return failure(v, json, 500, "Internal error");
        }
        if (!e.status.equals("STATUS_CANCELLED")) {
            setStatus(e, "STATUS_RUNNING");
            e.progress.add(value);
        }
        lock.notifyAll();
        return taskAnswer(e, v, json);
    }

    private Ocs.Answer result(Entry e, ObjectNode p, int v, boolean json) {
        e.resultCalls++;
        if (!e.status.equals("STATUS_CANCELLED")) {
            JsonNode error = p.get("errorMessage");
            JsonNode output = p.get("output");
            JsonNode userFacing = p.get("userFacingErrorMessage");
            if (error != null && !error.isNull()) {
                String text = error.asText();
                e.error = text.length() > 1000 ? text.substring(0, 1000) : text;
                e.userFacingError = userFacing == null || userFacing.isNull() ? null : userFacing.asText();
                setStatus(e, "STATUS_FAILED");
            } else if (output != null && output.isObject()) {
                e.output = output.deepCopy();
                setStatus(e, "STATUS_SUCCESSFUL");
            } else {
                e.error = "the provider sent neither an output nor an error";
                setStatus(e, "STATUS_FAILED");
            }
            e.endedAt = Instant.now().getEpochSecond();
        }
        lock.notifyAll();
        return taskAnswer(e, v, json);
    }

    private Ocs.Answer upload(AppApiSimulator.Call c, int v, boolean json) {
        byte[] content = multipartFile(c);
        if (content == null) {
            return failure(v, json, 400, "Bad request");
        }
        long id = nextFileId++;
        files.put(id, new StoredFile(nextFileName(id), content));
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("fileId", id);
        Ocs.Answer ok = Ocs.ok(v, json, d);
        // DataResponse(['fileId' => ...], Http::STATUS_CREATED): the status (and v2's statuscode) is 201
        String body = new String(ok.body(), StandardCharsets.UTF_8);
        if (v == 2) {
            body = body.replace("\"statuscode\":200", "\"statuscode\":201")
                    .replace("<statuscode>200</statuscode>", "<statuscode>201</statuscode>");
        }
        return new Ocs.Answer(201, ok.contentType(), body.getBytes(StandardCharsets.UTF_8));
    }

    private static String nextFileName(long id) {
        return Instant.now().getEpochSecond() + "-" + id;
    }

    private Ocs.Answer download(Entry e, long fileId, int v, boolean json) {
        StoredFile f = files.get(fileId);
        if (f == null || !(ids(e.input).contains(fileId) || ids(e.output).contains(fileId))) {
            return notFound(v, json);
        }
        return new Ocs.Answer(200, guessType(f.name), f.content.clone());
    }

    private static List<Long> ids(JsonNode n) {
        List<Long> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        for (JsonNode slot : n) {
            if (slot.isArray()) {
                slot.forEach(x -> {
                    if (x.canConvertToLong()) {
                        out.add(x.asLong());
                    }
                });
            } else if (slot.canConvertToLong()
                    || (slot.isTextual() && slot.asText().matches("\\d{1,18}"))) {
                out.add(slot.asLong());
            }
        }
        return out;
    }

    private static String guessType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".txt")) {
            return "text/plain";
        }
        if (n.endsWith(".png")) {
            return "image/png";
        }
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        return "application/octet-stream";
    }

    private Ocs.Answer taskAnswer(Entry e, int v, boolean json) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.set("task", e.json());
        return Ocs.ok(v, json, d);
    }

    private static Ocs.Answer notFound(int v, boolean json) {
        return failure(v, json, 404, "Not found");
    }

    /** A controller's DataResponse(['message' => ...], status): the message is in the data. */
    private static Ocs.Answer failure(int v, boolean json, int status, String text) {
        if (!json) {
            return Ocs.failure(v, false, status, text);
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode ocs = root.putObject("ocs");
        ObjectNode meta = ocs.putObject("meta");
        meta.put("status", "failure");
        meta.put("statuscode", status);
        meta.put("message", "");
        if (v == 1) {
            meta.put("totalitems", "");
            meta.put("itemsperpage", "");
        }
        ocs.set("data", message(text));
        return new Ocs.Answer(Ocs.httpStatus(v, false, status), Ocs.JSON_TYPE, Ocs.write(root));
    }

    private static Ocs.Answer unknown(int v, boolean json) {
        return Ocs.failure(
                v,
                json,
                998,
                "Invalid query, please check the syntax. API specifications are here: "
                        + "http://www.freedesktop.org/wiki/Specifications/open-collaboration-services.\n");
    }

    private static JsonNode message(String text) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("message", text);
        return d;
    }

    private String preferredProvider(String taskType) {
        for (ObjectNode r : registrations.entries(REGISTRATION)) {
            JsonNode provider = r.path("provider");
            if (provider.path("task_type").asText("").equals(taskType)) {
                return provider.path("id").asText("");
            }
        }
        return null;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        } else {
            out.add(n.asText());
        }
        return out;
    }

    private void setStatus(Entry e, String status) {
        boolean was = e.status.equals("STATUS_RUNNING");
        boolean is = status.equals("STATUS_RUNNING");
        e.status = status;
        if (!was && is) {
            running++;
            maxRunning = Math.max(maxRunning, running);
        } else if (was && !is) {
            running--;
        }
    }

    /** The bytes of the multipart part named {@code file}, or null. */
    static byte[] multipartFile(AppApiSimulator.Call c) {
        String type = c.header("content-type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        Matcher m = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(type);
        if (!m.find()) {
            return null;
        }
        byte[] body = c.body();
        byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int headersStart = at + delimiter.length + 2;
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                return null;
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.ISO_8859_1);
            int next = indexOf(body, ("\r\n--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1), headersEnd);
            if (next < 0) {
                return null;
            }
            if (headers.toLowerCase(Locale.ROOT).contains("name=\"file\"")) {
                byte[] out = new byte[next - headersEnd - 4];
                System.arraycopy(body, headersEnd + 4, out, 0, out.length);
                return out;
            }
            at = next + 2;
        }
        return null;
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "SimulatedTasks[" + appId + ", " + tasks.size() + " tasks, " + files.size() + " files]";
        }
    }

    /** A stored file. */
    private record StoredFile(String name, byte[] content) {}

    /** A task, guarded by the lock. */
    private static final class Entry {
        final long id;
        final String type;
        final String userId;
        final ObjectNode input;
        final long scheduledAt = Instant.now().getEpochSecond();
        String status = "STATUS_SCHEDULED";
        String providerId = "";
        JsonNode output = JsonNodeFactory.instance.nullNode();
        final List<Double> progress = new ArrayList<>();
        String error;
        String userFacingError;
        Long startedAt;
        Long endedAt;
        int resultCalls;

        Entry(long id, String type, String userId, ObjectNode input) {
            this.id = id;
            this.type = type;
            this.userId = userId;
            this.input = input;
        }

        /** Nextcloud's Task::jsonSerialize. */
        ObjectNode json() {
            ObjectNode t = JsonNodeFactory.instance.objectNode();
            t.put("id", id);
            t.put("type", type);
            t.put("lastUpdated", Instant.now().getEpochSecond());
            t.put("status", status);
            if (userId.isEmpty()) {
                t.putNull("userId");
            } else {
                t.put("userId", userId);
            }
            t.put("appId", "simulator");
            t.set("input", input.deepCopy());
            t.set("output", output.deepCopy());
            t.put("customId", "");
            t.putNull("completionExpectedAt");
            if (progress.isEmpty()) {
                t.putNull("progress");
            } else {
                t.put("progress", progress.get(progress.size() - 1));
            }
            t.put("scheduledAt", scheduledAt);
            if (startedAt == null) {
                t.putNull("startedAt");
            } else {
                t.put("startedAt", startedAt);
            }
            if (endedAt == null) {
                t.putNull("endedAt");
            } else {
                t.put("endedAt", endedAt);
            }
            return t;
        }

        SimulatedTask snapshot() {
            return new SimulatedTask(
                    id,
                    type,
                    status,
                    providerId,
                    input.deepCopy(),
                    output.deepCopy(),
                    progress,
                    Optional.ofNullable(error),
                    Optional.ofNullable(userFacingError),
                    resultCalls);
        }
    }
}
