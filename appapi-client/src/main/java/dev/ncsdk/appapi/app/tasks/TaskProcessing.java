package dev.ncsdk.appapi.app.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.AppApiFeature;
import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.appapi.app.ui.ServerFeatures;
import dev.ncsdk.ocs.NcNotFoundException;
import dev.ncsdk.ocs.OcsApiVersion;
import dev.ncsdk.ocs.OcsRequest;
import dev.ncsdk.ocs.internal.OcsEnvelope;
import dev.ncsdk.ocs.internal.SdkAccess;
import dev.ncsdk.ocs.internal.http.HttpCall;
import dev.ncsdk.ocs.internal.http.HttpResult;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import dev.ncsdk.ocs.internal.http.ResponseErrors;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Task processing from the provider's side: registering the ExApp's providers with AppAPI, and the calls a worker
 * makes to Nextcloud's core routes to take tasks, read their input files, report progress, upload output files and
 * report results. Get it with {@link NextcloudApp#taskProcessing()}; every call is made in the system context (the
 * routes carry {@code #[ExAppRequired]}), with the client's timeout. For a ready worker loop, see {@link
 * TaskWorker}.
 *
 * <p>Routes: {@code POST|GET|DELETE /ocs/v1.php/apps/app_api/api/v1/ai_provider/task_processing} (AppAPI's {@code
 * TaskProcessingController}); {@code /ocs/v2.php/taskprocessing/tasks_provider/next}, {@code next_batch}
 * (Nextcloud 33+), {@code {taskId}/progress}, {@code {taskId}/result}, {@code {taskId}/file} and {@code
 * {taskId}/file/{fileId}} (the server's {@code core/Controller/TaskProcessingApiController.php}).
 *
 * <p>Several replicas of an ExApp may work on the same providers: Nextcloud hands each task to one of them. A task
 * deleted meanwhile answers 404 to progress and result; {@link #progress} and {@link #reportResult} then return
 * empty instead of throwing. A task the user cancelled answers with status {@link TaskStatus#CANCELLED}, and
 * Nextcloud drops its result.
 *
 * <pre>{@code
 * TaskProcessing tp = nc.taskProcessing();
 * tp.register(TaskProvider.builder("my_app-reverse", "Reverse", "core:text2text").build());
 * tp.next(List.of("my_app-reverse"), List.of("core:text2text")).ifPresent(claimed -> {
 *     Task task = claimed.task();
 *     String text = task.inputText("input").orElse("");
 *     tp.reportResult(task.id(), Map.of("output", new StringBuilder(text).reverse().toString()));
 * });
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TaskProcessing {
    private static final String ROUTE = "/apps/app_api/api/v1/ai_provider/task_processing";
    private static final String PROVIDER = "/taskprocessing/tasks_provider";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NextcloudApp nc;
    private final ServerFeatures serverFeatures;
    private final AtomicReference<TaskProcessingFeatures> features = new AtomicReference<>();

    private TaskProcessing(NextcloudApp nc, ServerFeatures serverFeatures) {
        this.nc = nc.asUser("");
        this.serverFeatures = serverFeatures;
    }

    /**
     * The group for a client; {@link NextcloudApp#taskProcessing()} is the usual way, sharing the client's caches.
     *
     * <pre>{@code
     * TaskProcessing tp = TaskProcessing.of(nc, ServerFeatures.of(nc));
     * }</pre>
     *
     * @param nc the client (its system context is used)
     * @param serverFeatures the AppAPI version cache of the client
     * @return the group
     */
    public static TaskProcessing of(NextcloudApp nc, ServerFeatures serverFeatures) {
        return new TaskProcessing(Objects.requireNonNull(nc, "nc"), Objects.requireNonNull(serverFeatures, "features"));
    }

    // ------------------------------------------------------------------------------------------ features

    /**
     * What the server offers (trigger, {@code next_batch}, user-facing errors), read once from the capabilities.
     *
     * <pre>{@code
     * if (tp.features().trigger()) { log.info("Nextcloud will call /trigger"); }
     * }</pre>
     *
     * @return the features
     */
    public TaskProcessingFeatures features() {
        return HttpTransport.await(featuresAsync());
    }

    /**
     * Async twin of {@link #features()}.
     *
     * <pre>{@code
     * tp.featuresAsync().thenAccept(f -> ...);
     * }</pre>
     *
     * @return the features' future
     */
    public CompletableFuture<TaskProcessingFeatures> featuresAsync() {
        TaskProcessingFeatures f = features.get();
        if (f != null) {
            return CompletableFuture.completedFuture(f);
        }
        return nc.callAsync(OcsRequest.get("/cloud/capabilities").build()).thenApply(data -> {
            features.compareAndSet(null, TaskProcessingFeatures.fromCapabilities(data));
            return features.get();
        });
    }

    // ------------------------------------------------------------------------------------------ registration

    /**
     * Registers or replaces a provider of an existing task type ({@code POST .../ai_provider/task_processing} with
     * {@code {"provider": {...}}}). Not retried. AppAPI answers 400 when it refuses the shape.
     *
     * <pre>{@code
     * tp.register(TaskProvider.builder("my_app-reverse", "Reverse", "core:text2text").build());
     * }</pre>
     *
     * @param provider the provider
     * @throws dev.ncsdk.appapi.app.ui.AppApiVersionTooOldException when AppAPI is older than 3.1 (no task
     *     processing)
     * @throws dev.ncsdk.ocs.NcBadRequestException when AppAPI refused the provider
     */
    public void register(TaskProvider provider) {
        HttpTransport.await(registerAsync(provider, null));
    }

    /**
     * Registers or replaces a provider together with its own task type ({@code "customTaskType"}); the type's id must
     * be the provider's task type.
     *
     * <pre>{@code
     * TaskType type = new TaskType("my_app:reverse", "Reverse", "Writes text backwards",
     *         List.of(ShapeDescriptor.of("input", "Text", ShapeType.TEXT)),
     *         List.of(ShapeDescriptor.of("output", "Reversed", ShapeType.TEXT)));
     * tp.register(TaskProvider.builder("my_app-reverse", "Reverse", "my_app:reverse").build(), type);
     * }</pre>
     *
     * @param provider the provider
     * @param customTaskType the task type
     * @throws IllegalArgumentException when the type's id is not the provider's task type (checked before sending)
     */
    public void register(TaskProvider provider, TaskType customTaskType) {
        HttpTransport.await(registerAsync(provider, Objects.requireNonNull(customTaskType, "customTaskType")));
    }

    /**
     * Async twin of {@link #register(TaskProvider, TaskType)}; the type may be {@code null}.
     *
     * <pre>{@code
     * tp.registerAsync(provider, null).join();
     * }</pre>
     *
     * @param provider the provider
     * @param customTaskType the task type, or {@code null} for a provider of an existing type
     * @return a future completed when AppAPI accepted the provider
     */
    public CompletableFuture<Void> registerAsync(TaskProvider provider, TaskType customTaskType) {
        Objects.requireNonNull(provider, "provider");
        if (customTaskType != null && !customTaskType.id().equals(provider.taskType())) {
            throw new IllegalArgumentException("the custom task type's id '" + customTaskType.id()
                    + "' must be the provider's task type '" + provider.taskType() + "' (AppAPI refuses otherwise)");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider", provider.toBody());
        if (customTaskType != null) {
            body.put("customTaskType", customTaskType.toBody());
        }
        AppApiFeature f = AppApiFeature.TASK_PROCESSING;
        return serverFeatures
                .requireAsync("task-processing providers", f.since())
                .thenCompose(ok -> nc.callAsync(OcsRequest.post(ROUTE)
                        .version(OcsApiVersion.V1)
                        .jsonBody(body)
                        .build()))
                .thenApply(d -> null);
    }

    /**
     * The provider as AppAPI stores it ({@code GET .../ai_provider/task_processing?name=}).
     *
     * <pre>{@code
     * boolean there = tp.get("my_app-reverse").isPresent();
     * }</pre>
     *
     * @param providerId the provider's id
     * @return the provider, empty when this ExApp has none of that id
     */
    public Optional<RegisteredProvider> get(String providerId) {
        return HttpTransport.await(getAsync(providerId));
    }

    /**
     * Async twin of {@link #get(String)}.
     *
     * <pre>{@code
     * tp.getAsync("my_app-reverse").thenAccept(p -> ...);
     * }</pre>
     *
     * @param providerId the provider's id
     * @return the provider's future
     */
    public CompletableFuture<Optional<RegisteredProvider>> getAsync(String providerId) {
        return nc.callAsync(OcsRequest.get(ROUTE)
                        .version(OcsApiVersion.V1)
                        .query("name", notEmpty(providerId, "providerId"))
                        .build())
                .handle((data, err) -> {
                    if (err != null) {
                        if (cause(err) instanceof NcNotFoundException) {
                            return Optional.<RegisteredProvider>empty();
                        }
                        throw new CompletionException(cause(err));
                    }
                    return data == null || !data.isObject() || data.isEmpty()
                            ? Optional.<RegisteredProvider>empty()
                            : Optional.of(RegisteredProvider.fromJson(data));
                });
    }

    /**
     * Removes a provider ({@code DELETE .../ai_provider/task_processing?name=}); AppAPI also removes an ExApp's
     * providers when it is unregistered.
     *
     * <pre>{@code
     * tp.unregister("my_app-reverse");
     * }</pre>
     *
     * @param providerId the provider's id
     * @return {@code false} when there was no such provider
     */
    public boolean unregister(String providerId) {
        return HttpTransport.await(unregisterAsync(providerId));
    }

    /**
     * Async twin of {@link #unregister(String)}.
     *
     * <pre>{@code
     * tp.unregisterAsync("my_app-reverse").join();
     * }</pre>
     *
     * @param providerId the provider's id
     * @return a future of {@code false} when there was no such provider
     */
    public CompletableFuture<Boolean> unregisterAsync(String providerId) {
        return nc.callAsync(OcsRequest.delete(ROUTE)
                        .version(OcsApiVersion.V1)
                        .query("name", notEmpty(providerId, "providerId"))
                        .idempotent(true)
                        .build())
                .handle((data, err) -> {
                    if (err != null) {
                        if (cause(err) instanceof NcNotFoundException) {
                            return false;
                        }
                        throw new CompletionException(cause(err));
                    }
                    return true;
                });
    }

    // ------------------------------------------------------------------------------------------ taking tasks

    /**
     * Takes the next scheduled task for one of the providers ({@code GET
     * /ocs/v2.php/taskprocessing/tasks_provider/next?providerIds[]=&taskTypeIds[]=}); Nextcloud marks it running,
     * so no other worker gets it. Only tasks whose type has one of the providers as its preferred provider are
     * handed out. Never retried (a lost answer would lose the task).
     *
     * <pre>{@code
     * Optional<ClaimedTask> next = tp.next(List.of("my_app-reverse"), List.of("core:text2text"));
     * }</pre>
     *
     * @param providerIds the providers asked for, not empty
     * @param taskTypeIds their task types, not empty
     * @return the task, empty when none is waiting (HTTP 204)
     */
    public Optional<ClaimedTask> next(List<String> providerIds, List<String> taskTypeIds) {
        return HttpTransport.await(nextAsync(providerIds, taskTypeIds));
    }

    /**
     * Async twin of {@link #next(List, List)}.
     *
     * <pre>{@code
     * tp.nextAsync(providers, types).thenAccept(t -> ...);
     * }</pre>
     *
     * @param providerIds the providers asked for, not empty
     * @param taskTypeIds their task types, not empty
     * @return the task's future, empty when none is waiting
     */
    public CompletableFuture<Optional<ClaimedTask>> nextAsync(List<String> providerIds, List<String> taskTypeIds) {
        List<Map.Entry<String, String>> q = idsQuery(providerIds, taskTypeIds);
        HttpCall call;
        HttpTransport t;
        try {
            t = transport();
            call = ocsCall("GET", PROVIDER + "/next", q).idempotent(false).build();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return t.sendAsync(call).thenApply(r -> {
            if (r.status() == 204) {
                return Optional.<ClaimedTask>empty();
            }
            JsonNode data = OcsEnvelope.check(r).rawData();
            if (!data.has("task")) {
                return Optional.<ClaimedTask>empty();
            }
            JsonNode p = data.path("provider");
            String provider = p.isObject() ? p.path("name").asText("") : p.asText("");
            return Optional.of(new ClaimedTask(Task.fromJson(data.path("task")), provider));
        });
    }

    /**
     * Takes up to {@code count} scheduled tasks at once ({@code GET .../tasks_provider/next_batch}, Nextcloud 33+;
     * the server stops near 50 MiB of tasks). On an older server the route does not exist: the call fails with
     * {@link NcNotFoundException}; {@link TaskProcessingFeatures#nextBatch()} tells beforehand. Never retried.
     *
     * <pre>{@code
     * TaskBatch batch = tp.nextBatch(List.of("my_app-reverse"), List.of("core:text2text"), 4);
     * }</pre>
     *
     * @param providerIds the providers asked for, not empty
     * @param taskTypeIds their task types, not empty
     * @param count how many at most, positive
     * @return the tasks and whether more are waiting
     * @throws NcNotFoundException when the server has no {@code next_batch} (Nextcloud 32 and older)
     */
    public TaskBatch nextBatch(List<String> providerIds, List<String> taskTypeIds, int count) {
        return HttpTransport.await(nextBatchAsync(providerIds, taskTypeIds, count));
    }

    /**
     * Async twin of {@link #nextBatch(List, List, int)}.
     *
     * <pre>{@code
     * tp.nextBatchAsync(providers, types, 4).thenAccept(b -> ...);
     * }</pre>
     *
     * @param providerIds the providers asked for, not empty
     * @param taskTypeIds their task types, not empty
     * @param count how many at most, positive
     * @return the batch's future
     */
    public CompletableFuture<TaskBatch> nextBatchAsync(List<String> providerIds, List<String> taskTypeIds, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive, was " + count);
        }
        List<Map.Entry<String, String>> q = idsQuery(providerIds, taskTypeIds);
        OcsRequest.Builder b = OcsRequest.get(PROVIDER + "/next_batch").idempotent(false);
        q.forEach(e -> b.query(e.getKey(), e.getValue()));
        b.query("numberOfTasks", Integer.toString(count));
        return nc.callAsync(b.build()).thenApply(data -> {
            List<ClaimedTask> out = new ArrayList<>();
            for (JsonNode item : data.path("tasks")) {
                JsonNode p = item.path("provider");
                String provider = p.isObject() ? p.path("name").asText("") : p.asText("");
                out.add(new ClaimedTask(Task.fromJson(item.path("task")), provider));
            }
            return new TaskBatch(out, data.path("has_more").asBoolean(false));
        });
    }

    // ------------------------------------------------------------------------------------------ working on a task

    /**
     * Reports a task's progress ({@code POST .../tasks_provider/{taskId}/progress} with {@code progress} from 0 to
     * 1). The answer carries the task: when its status is {@link TaskStatus#CANCELLED} the user cancelled it and
     * the work can stop.
     *
     * <pre>{@code
     * boolean cancelled = tp.progress(task.id(), 0.5).map(t -> t.status() == TaskStatus.CANCELLED).orElse(true);
     * }</pre>
     *
     * @param taskId the task
     * @param fraction from 0.0 to 1.0
     * @return the task as the server has it, empty when it is gone (deleted, HTTP 404)
     * @throws IllegalArgumentException when the fraction is outside 0..1 (checked before sending)
     */
    public Optional<Task> progress(long taskId, double fraction) {
        return HttpTransport.await(progressAsync(taskId, fraction));
    }

    /**
     * Async twin of {@link #progress(long, double)}.
     *
     * <pre>{@code
     * tp.progressAsync(task.id(), 0.25);
     * }</pre>
     *
     * @param taskId the task
     * @param fraction from 0.0 to 1.0
     * @return the task's future, empty when it is gone
     */
    public CompletableFuture<Optional<Task>> progressAsync(long taskId, double fraction) {
        if (!(fraction >= 0.0 && fraction <= 1.0)) {
            throw new IllegalArgumentException("progress must be within 0.0..1.0, was " + fraction);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("progress", fraction);
        return taskCall(PROVIDER + "/" + taskId + "/progress", body);
    }

    /**
     * Reports a task's output ({@code POST .../tasks_provider/{taskId}/result} with {@code {"output": {...}}});
     * file slots take ids from {@link #uploadFile}. Nextcloud validates the output against the task type and marks
     * the task failed when it does not fit.
     *
     * <pre>{@code
     * tp.reportResult(task.id(), Map.of("output", "!dlrow ,olleH"));
     * }</pre>
     *
     * @param taskId the task
     * @param output the output slots
     * @return the task as the server has it now, empty when it is gone (HTTP 404)
     */
    public Optional<Task> reportResult(long taskId, Map<String, ?> output) {
        return HttpTransport.await(reportResultAsync(taskId, output));
    }

    /**
     * Async twin of {@link #reportResult(long, Map)}.
     *
     * <pre>{@code
     * tp.reportResultAsync(task.id(), Map.of("output", text)).join();
     * }</pre>
     *
     * @param taskId the task
     * @param output the output slots
     * @return the task's future, empty when it is gone
     */
    public CompletableFuture<Optional<Task>> reportResultAsync(long taskId, Map<String, ?> output) {
        Objects.requireNonNull(output, "output");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("output", new LinkedHashMap<>(output));
        return taskCall(PROVIDER + "/" + taskId + "/result", body);
    }

    /**
     * Reports that a task failed ({@code POST .../tasks_provider/{taskId}/result} with {@code errorMessage} and,
     * when given, {@code userFacingErrorMessage}, which Nextcloud 33+ shows to the user; older servers ignore it).
     * Nextcloud keeps the first 1000 characters of the error.
     *
     * <pre>{@code
     * tp.reportError(task.id(), "model crashed: CUDA out of memory", "The server is busy, please try again later");
     * }</pre>
     *
     * @param taskId the task
     * @param errorMessage the error for admins, not empty
     * @param userFacingErrorMessage the text for the user, or {@code null}
     * @return the task as the server has it now, empty when it is gone (HTTP 404)
     */
    public Optional<Task> reportError(long taskId, String errorMessage, String userFacingErrorMessage) {
        return HttpTransport.await(reportErrorAsync(taskId, errorMessage, userFacingErrorMessage));
    }

    /**
     * Async twin of {@link #reportError(long, String, String)}.
     *
     * <pre>{@code
     * tp.reportErrorAsync(task.id(), "timeout", null).join();
     * }</pre>
     *
     * @param taskId the task
     * @param errorMessage the error for admins, not empty
     * @param userFacingErrorMessage the text for the user, or {@code null}
     * @return the task's future, empty when it is gone
     */
    public CompletableFuture<Optional<Task>> reportErrorAsync(
            long taskId, String errorMessage, String userFacingErrorMessage) {
        Objects.requireNonNull(errorMessage, "errorMessage");
        if (errorMessage.isBlank()) {
            throw new IllegalArgumentException("an error needs a message (an empty one reads as no error)");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errorMessage", errorMessage);
        if (userFacingErrorMessage != null && !userFacingErrorMessage.isBlank()) {
            body.put("userFacingErrorMessage", userFacingErrorMessage);
        }
        return taskCall(PROVIDER + "/" + taskId + "/result", body);
    }

    /**
     * Uploads an output file of a task ({@code POST .../tasks_provider/{taskId}/file}, multipart field {@code
     * file}; HTTP 201 with {@code {"fileId"}}). Put the id in the output slot. Not retried.
     *
     * <pre>{@code
     * long id = tp.uploadFile(task.id(), pngBytes, "result.png");
     * tp.reportResult(task.id(), Map.of("images", List.of(id)));
     * }</pre>
     *
     * @param taskId the task
     * @param content the bytes
     * @param fileName the name sent in the multipart part ({@code null} is {@code file})
     * @return the new file's id
     */
    public long uploadFile(long taskId, byte[] content, String fileName) {
        return HttpTransport.await(uploadFileAsync(taskId, content, fileName));
    }

    /**
     * Async twin of {@link #uploadFile(long, byte[], String)}.
     *
     * <pre>{@code
     * tp.uploadFileAsync(task.id(), bytes, "out.wav").thenAccept(id -> ...);
     * }</pre>
     *
     * @param taskId the task
     * @param content the bytes
     * @param fileName the part's file name
     * @return the file id's future
     */
    public CompletableFuture<Long> uploadFileAsync(long taskId, byte[] content, String fileName) {
        Objects.requireNonNull(content, "content");
        String name = fileName == null || fileName.isBlank() ? "file" : fileName;
        String boundary = "ncsdk-" + HexFormat.of().formatHex(randomBytes(12));
        String safeName = name.replaceAll("[\"\\r\\n\\\\]", "_");
        byte[] head = ("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"file\"; filename=\"" + safeName + "\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpCall call;
        HttpTransport t;
        try {
            t = transport();
            call = ocsCall("POST", PROVIDER + "/" + taskId + "/file", List.of())
                    .body(body, "multipart/form-data; boundary=" + boundary)
                    .idempotent(false)
                    .build();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return t.sendAsync(call).thenApply(r -> {
            JsonNode data = OcsEnvelope.check(r).rawData();
            JsonNode id = data.path("fileId");
            if (!id.canConvertToLong() && !(id.isTextual() && id.asText().trim().matches("\\d{1,18}"))) {
                throw ResponseErrors.unexpected(r, "no fileId in the upload's answer");
            }
            return id.isTextual() ? Long.parseLong(id.asText().trim()) : id.longValue();
        });
    }

    /**
     * Reads an input file of a task ({@code GET .../tasks_provider/{taskId}/file/{fileId}}); the server answers 404
     * for a file the task does not name. Held in memory, up to the client's response size limit (32 MiB by
     * default).
     *
     * <pre>{@code
     * TaskFile audio = tp.downloadFile(task.id(), task.inputFileId("input").orElseThrow());
     * }</pre>
     *
     * @param taskId the task
     * @param fileId a file id from the task's input
     * @return the file
     * @throws NcNotFoundException when the task or the file is not found
     */
    public TaskFile downloadFile(long taskId, long fileId) {
        return HttpTransport.await(downloadFileAsync(taskId, fileId));
    }

    /**
     * Async twin of {@link #downloadFile(long, long)}.
     *
     * <pre>{@code
     * tp.downloadFileAsync(task.id(), fileId).thenAccept(f -> ...);
     * }</pre>
     *
     * @param taskId the task
     * @param fileId the file id
     * @return the file's future
     */
    public CompletableFuture<TaskFile> downloadFileAsync(long taskId, long fileId) {
        HttpCall call;
        HttpTransport t;
        try {
            t = transport();
            URI uri = URI.create(nc.ocs().baseUri() + "/ocs/v2.php" + PROVIDER + "/" + taskId + "/file/" + fileId);
            call = HttpCall.builder("GET", uri)
                    .header("OCS-APIRequest", "true")
                    .idempotent(true)
                    .build();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return t.sendAsync(call).thenApply(r -> {
            if (!r.isSuccess()) {
                OcsEnvelope.check(r); // throws the typed failure of an OCS answer
                throw ResponseErrors.fromHttpStatus(r);
            }
            return new TaskFile(fileId, fileName(r), r.header("Content-Type").orElse(null), r.body());
        });
    }

    // ------------------------------------------------------------------------------------------ plumbing

    private CompletableFuture<Optional<Task>> taskCall(String path, Map<String, Object> body) {
        // a repeated progress or result sets the same value again: safe to retry on connection failures
        return nc.callAsync(
                        OcsRequest.post(path).jsonBody(body).idempotent(true).build())
                .handle((data, err) -> {
                    if (err != null) {
                        if (cause(err) instanceof NcNotFoundException) {
                            return Optional.<Task>empty();
                        }
                        throw new CompletionException(cause(err));
                    }
                    JsonNode task = data.path("task");
                    return task.isObject() ? Optional.of(Task.fromJson(task)) : Optional.<Task>empty();
                });
    }

    private HttpTransport transport() {
        return SdkAccess.hooks().transport(nc.ocs());
    }

    private HttpCall.Builder ocsCall(String method, String path, List<Map.Entry<String, String>> query) {
        StringBuilder u = new StringBuilder(nc.ocs().baseUri() + "/ocs/v2.php" + path + "?format=json");
        for (Map.Entry<String, String> e : query) {
            u.append('&')
                    .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return HttpCall.builder(method, URI.create(u.toString()))
                .header("OCS-APIRequest", "true")
                .header("Accept", "application/json");
    }

    private static List<Map.Entry<String, String>> idsQuery(List<String> providerIds, List<String> taskTypeIds) {
        Objects.requireNonNull(providerIds, "providerIds");
        Objects.requireNonNull(taskTypeIds, "taskTypeIds");
        if (providerIds.isEmpty() || taskTypeIds.isEmpty()) {
            throw new IllegalArgumentException("name at least one provider and one task type");
        }
        List<Map.Entry<String, String>> q = new ArrayList<>();
        providerIds.forEach(p -> q.add(Map.entry("providerIds[]", notEmpty(p, "providerId"))));
        taskTypeIds.forEach(t -> q.add(Map.entry("taskTypeIds[]", notEmpty(t, "taskTypeId"))));
        return q;
    }

    private static String fileName(HttpResult r) {
        String cd = r.header("Content-Disposition").orElse("");
        int i = cd.indexOf("filename=");
        if (i < 0) {
            return "";
        }
        String n = cd.substring(i + "filename=".length()).trim();
        if (n.startsWith("\"")) {
            int end = n.indexOf('"', 1);
            n = end > 0 ? n.substring(1, end) : n.substring(1);
        } else {
            int end = n.indexOf(';');
            n = end >= 0 ? n.substring(0, end) : n;
        }
        return n;
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    static String notEmpty(String v, String what) {
        Objects.requireNonNull(v, what);
        if (v.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return v;
    }

    static Throwable cause(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    @Override
    public String toString() {
        TaskProcessingFeatures f = features.get();
        return "TaskProcessing[" + nc.appId() + (f == null ? "" : ", " + f) + "]";
    }
}
