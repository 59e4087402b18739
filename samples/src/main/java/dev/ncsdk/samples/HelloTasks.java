package dev.ncsdk.samples;

import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.appapi.app.tasks.ShapeDescriptor;
import dev.ncsdk.appapi.app.tasks.ShapeType;
import dev.ncsdk.appapi.app.tasks.TaskProvider;
import dev.ncsdk.appapi.app.tasks.TaskType;
import dev.ncsdk.appapi.app.tasks.TaskWorker;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The task-processing part of {@code hello-exapp}: a provider of its own text-to-text task type {@code
 * <appid>:reverse}, which writes the input text backwards. Registered and started when Nextcloud enables the app,
 * woken by {@code /trigger} on Nextcloud 33 (polling on older servers), stopped with the app.
 */
final class HelloTasks {
    private volatile TaskWorker worker;

    /** The task type's id for an app id. */
    static String taskType(String appId) {
        return appId + ":reverse";
    }

    /** Registers the provider and starts taking tasks ({@code onEnabled}). */
    void start(NextcloudApp nc) {
        TaskWorker w = worker(nc.appId());
        w.register(nc);
        w.start(nc);
    }

    /** Wakes the worker ({@code onTrigger}). */
    void trigger(String providerId, NextcloudApp nc) {
        worker(nc.appId()).trigger(providerId, nc);
    }

    /** Lets running tasks finish within the grace ({@code onStop}, and {@code onDisabled}: enabling starts again). */
    void stop(Duration grace) {
        TaskWorker w = worker;
        if (w != null) {
            w.stop(grace);
        }
    }

    private synchronized TaskWorker worker(String appId) {
        if (worker == null) {
            String type = taskType(appId);
            TaskType reverse = new TaskType(
                    type,
                    "Reverse text",
                    "Writes a text backwards",
                    List.of(ShapeDescriptor.of("input", "Text", ShapeType.TEXT)),
                    List.of(ShapeDescriptor.of("output", "Reversed text", ShapeType.TEXT)));
            TaskProvider provider = TaskProvider.builder(appId + "-reverse", "Hello ExApp: reverse", type)
                    .expectedRuntime(Duration.ofSeconds(1))
                    .build();
            worker = TaskWorker.builder()
                    .provider(provider, reverse, ctx -> {
                        String text = ctx.task().inputText("input").orElse("");
                        return Map.of(
                                "output", new StringBuilder(text).reverse().toString());
                    })
                    .concurrency(2)
                    .build();
        }
        return worker;
    }
}
